/* Markdown reports (GitHub-flavoured): one per résumé and an index.  The
 * same parts as every format: the person and their experience, the
 * chosen role phase by phase with how each skill was used, the study plan
 * and milestones, roles ranked by fit, the job posting's match, evidence
 * lines with --explain, and how the estimate is made.  Document text is
 * escaped so a résumé cannot inject links, HTML or table cells. */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "report/formats.h"
#include "report/report_int.h"

static void esc(gc_buf *b, const char *s, int redact)
{
    char *c = gc_report_clean(s, redact);

    for (const char *p = c; *p; p++) {
        if (*p == '<')
            gc_buf_adds(b, "&lt;");
        else if (*p == '>')
            gc_buf_adds(b, "&gt;");
        else if (*p == '&')
            gc_buf_adds(b, "&amp;");
        else {
            if (strchr("\\`*_[]|~#", *p))
                gc_buf_addc(b, '\\');
            gc_buf_addc(b, *p);
        }
    }
    g_free(c);
}

static void esc_buf(gc_buf *b, gc_buf *tmp)
{
    esc(b, tmp->data ? tmp->data : "", 0);
    gc_buf_free(tmp);
    *tmp = (gc_buf){0};
}

/* How the document was read; a warning stands out (the result is
 * unreliable or incomplete). */
static void notes(gc_buf *b, const gc_doc *doc)
{
    gc_buf t = {0};
    int kind;

    for (size_t i = 0; (kind = gc_report_doc_note(&t, doc, i)) != GC_NOTE_NONE; i++) {
        gc_buf_adds(b, i ? ">\n" : "\n");
        gc_buf_adds(b, kind == GC_NOTE_WARNING ? "> **Warning:** " : "> Note: ");
        esc_buf(b, &t);
        gc_buf_adds(b, ".\n");
    }
}

static const char *mark(gc_how how)
{
    return how == GC_EVIDENCED ? "✓" : how == GC_IMPLIED ? "~" : "✗";
}

static void phase_table(gc_buf *b, const gc_result *r, const gc_score *sc, size_t p)
{
    const gc_data *d = gc_result_data(r);
    const gc_role *role = gc_score_role(sc);
    gc_buf tmp = {0};

    gc_buf_printf(b, "\n### %zu. ", p + 1);
    esc(b, gc_role_phase_title(role, p), 0);
    gc_buf_printf(b, " — %d%%, ", gc_report_pct(gc_score_phase_coverage(sc, p)));
    gc_report_months(b, gc_score_phase_months_left(sc, p));
    gc_buf_adds(b, " left\n\n| | Skill | How the résumé shows it | Credit |\n|---|---|---|---:|\n");
    for (size_t i = 0; i < gc_role_phase_n_skills(role, p); i++) {
        size_t s = gc_role_phase_skill(role, p, i, NULL);
        gc_credit c = gc_score_skill_credit(sc, p, i);
        gc_buf_printf(b, "| %s | ", mark(gc_doc_how(gc_result_doc(r), s)));
        esc(b, gc_skill_name(d, s), 0);
        gc_buf_adds(b, " | ");
        gc_report_use(&tmp, r, s);
        if (c.basis == GC_BASIS_TITLE)
            gc_buf_adds(&tmp, tmp.len ? "; held the role's title" : "held the role's title");
        esc_buf(b, &tmp);
        gc_buf_printf(b, " | %d%% |\n", gc_report_pct(c.credit));
    }
}

static void plan_and_milestones(gc_buf *b, const gc_result *r, const gc_score *sc)
{
    const gc_data *d = gc_result_data(r);
    const gc_role *role = gc_score_role(sc);
    size_t order[256], next = gc_score_next_phase(sc);

    if (next >= gc_role_n_phases(role))
        return;
    gc_buf_printf(b, "\n### Study plan at %g h/week\n\n", gc_score_hours(sc));
    for (size_t p = 0, k = 1; p < gc_role_n_phases(role); p++) {
        if (gc_score_phase_coverage(sc, p) >= 1 - 1e-9 || gc_role_phase_n_skills(role, p) > 256)
            continue;
        size_t n = gc_plan_phase(order, d, sc, p);
        gc_buf_printf(b, "%zu. **", k++);
        esc(b, gc_role_phase_title(role, p), 0);
        gc_buf_adds(b, "**, ");
        gc_report_months(b, gc_score_phase_months_left(sc, p));
        gc_buf_adds(b, ": ");
        for (size_t i = 0; i < n; i++) {
            gc_buf_adds(b, i ? " → " : "");
            esc(b, gc_skill_name(d, order[i]), 0);
        }
        gc_buf_addc(b, '\n');
    }
    gc_buf_adds(b, "\n### Next milestones (");
    esc(b, gc_role_phase_title(role, next), 0);
    gc_buf_adds(b, ")\n\n");
    for (size_t i = 0; i < gc_role_phase_n_milestones(role, next); i++) {
        gc_buf_adds(b, "- [ ] ");
        esc(b, gc_role_phase_milestone(role, next, i), 0);
        gc_buf_addc(b, '\n');
    }
}

static void role_part(gc_buf *b, const gc_result *r, const gc_score *sc)
{
    const gc_role *role = gc_score_role(sc);

    gc_buf_adds(b, "\n## ");
    esc(b, gc_role_title(role), 0);
    gc_buf_adds(b, "\n\n**Ready in about ");
    gc_report_months(b, gc_score_months_to_ready(sc));
    gc_buf_printf(b, " at %g h/week** (coverage %d%%; the whole roadmap is %g months at %g "
                  "h/week).\n", gc_score_hours(sc), gc_report_pct(gc_score_coverage(sc)),
                  gc_role_months(role), gc_role_hours_per_week(role));
    if (gc_score_title_credit(sc).credit > 0)
        gc_buf_printf(b, "Having held the role's title, every skill of it counts at least "
                      "%d%%.\n", gc_report_pct(gc_score_title_credit(sc).credit));
    for (size_t p = 0; p < gc_role_n_phases(role); p++)
        phase_table(b, r, sc, p);
    gc_buf_printf(b, "\n_%s_\n", gc_report_not_proof);
    plan_and_milestones(b, r, sc);
}

static void suggestions(gc_buf *b, const gc_result *r)
{
    gc_buf_adds(b, "\n## Roles by fit\n\n");
    if (!gc_result_fits(r)) {
        gc_buf_adds(b, "No role fits yet: none of the roles' skills was found.\n");
        return;
    }
    gc_buf_adds(b, "| # | Role | Coverage | Months to ready |\n|---:|---|---:|---:|\n");
    for (size_t i = 0; i < gc_result_n_suggestions(r); i++) {
        const gc_score *s = gc_result_suggestion(r, i);
        gc_buf_printf(b, "| %zu | ", i + 1);
        esc(b, gc_role_title(gc_score_role(s)), 0);
        gc_buf_printf(b, " | %d%% | %.1f |\n", gc_report_pct(gc_score_coverage(s)),
                      gc_score_months_to_ready(s));
    }
}

static void job(gc_buf *b, const gc_result *r, const gc_report_opts *o)
{
    const gc_data *d = gc_result_data(r);
    const gc_job *j = gc_result_job(r);
    const gc_role *role = gc_job_role(j);
    const char *title = gc_job_title(j, NULL);
    gc_buf tmp = {0};
    unsigned lines[32];

    gc_buf_adds(b, "\n## Job posting: ");
    esc(b, gc_result_request(r)->posting_file ? gc_result_request(r)->posting_file : "", 0);
    gc_buf_adds(b, "\n\n");
    if (title) {
        gc_buf_adds(b, "Title: ");
        esc(b, title, o->redact);
        gc_buf_adds(b, ". ");
    }
    gc_buf_printf(b, "Match %d%%, ready in about ", gc_report_pct(gc_job_match(j)));
    gc_report_months(b, gc_job_months_to_ready(j));
    gc_buf_printf(b, " at %g h/week", gc_job_hours(j));
    if (role) {
        gc_buf_adds(b, " (closest role: ");
        esc(b, gc_role_title(role), 0);
        gc_buf_printf(b, ", by %s)", gc_job_role_by_title(j) ? "its title" : "shared skills");
    }
    gc_buf_adds(b, ".\n\n| | Requirement | Required | Years asked | Shown | Credit | Posting lines |\n"
                   "|---|---|---|---|---|---:|---|\n");
    for (size_t q = 0; q < gc_job_n_reqs(j); q++) {
        gc_job_req rq;
        gc_job_years y;
        gc_job_req_get(j, q, &rq);
        gc_buf_printf(b, "| %s | ", rq.credit >= 0.995 ? "✓" : rq.credit > 0 ? "~" : "✗");
        gc_report_job_req(&tmp, d, j, q);
        esc_buf(b, &tmp);
        gc_buf_printf(b, " | %s | ", rq.optional ? "nice to have" : "required");
        if (gc_report_job_req_years(j, q, &y)) {
            gc_report_years_asked(&tmp, &y);
            esc_buf(b, &tmp);
            gc_buf_adds(b, " | ");
            if (y.shown >= 0)
                gc_report_duration(b, y.shown);
            else
                gc_buf_adds(b, "none dated");
            gc_buf_printf(b, " %s", y.met ? "✓" : "✗");
        } else {
            gc_buf_adds(b, "|");
        }
        gc_buf_printf(b, " | %d%% | ", gc_report_pct(rq.credit));
        size_t n = gc_report_job_req_lines(lines, G_N_ELEMENTS(lines), r, q);
        for (size_t i = 0; i < n; i++)
            gc_buf_printf(b, "%s%u", i ? ", " : "", lines[i]);
        gc_buf_adds(b, " |\n");
    }
    if (gc_job_plan_n(j) > 0) {
        gc_buf_printf(b, "\n### Study plan at %g h/week\n\n", gc_job_hours(j));
        for (size_t i = 0; i < gc_job_plan_n(j);) {
            size_t phase, p2, k = gc_job_plan_step(j, i, &phase);
            if (role && phase < gc_role_n_phases(role)) {
                gc_buf_adds(b, "- **");
                esc(b, gc_role_phase_title(role, phase), 0);
                gc_buf_adds(b, "**, ");
                gc_report_months(b, gc_job_phase_months_left(j, phase));
                gc_buf_adds(b, ": ");
            } else {
                gc_buf_adds(b, "- **Other**: ");
            }
            for (int first = 1; i < gc_job_plan_n(j) && (k = gc_job_plan_step(j, i, &p2), p2 == phase);
                 i++, first = 0) {
                gc_buf_adds(b, first ? "" : " → ");
                esc(b, gc_skill_name(d, gc_job_skill(j, k, NULL)), 0);
            }
            gc_buf_addc(b, '\n');
        }
    }
    if (!o->explain)
        return;
    gc_buf_adds(b, "\n### Where the posting asks them\n\n");
    for (size_t q = 0; q < gc_job_n_reqs(j); q++) {
        gc_buf_adds(b, "- ");
        gc_report_job_req(&tmp, d, j, q);
        esc_buf(b, &tmp);
        size_t n = gc_report_job_req_lines(lines, G_N_ELEMENTS(lines), r, q);
        for (size_t i = 0; i < n; i++) {
            const char *sec, *text = gc_report_posting_line(r, lines[i], &sec);
            gc_buf_printf(b, "\n  - line %u%s%s%s: ", lines[i], sec ? " (" : "", sec ? sec : "",
                          sec ? ")" : "");
            esc(b, text, o->redact);
        }
        gc_buf_addc(b, '\n');
    }
}

static void experience(gc_buf *b, const gc_result *r, const gc_report_opts *o)
{
    const gc_doc *doc = gc_result_doc(r);
    const gc_experience *x = gc_result_experience(r);
    size_t n = gc_doc_n_positions(doc);

    gc_buf_adds(b, "\n## Experience\n\n");
    if (n == 0) {
        gc_buf_adds(b, "No dated positions were found.\n");
        return;
    }
    gc_report_duration(b, gc_experience_total_months(x));
    gc_buf_printf(b, " in %zu dated position%s (as of %d-%02d).\n\n| From | To | Title | "
                  "Organisation |\n|---|---|---|---|\n", n, n == 1 ? "" : "s",
                  gc_experience_as_of(x) / 12, gc_experience_as_of(x) % 12 + 1);
    for (size_t i = 0; i < n; i++) {
        gc_position_info p;
        gc_doc_position(doc, i, &p);
        gc_buf_adds(b, "| ");
        gc_report_when(b, p.start);
        gc_buf_adds(b, " | ");
        gc_report_end(b, &p);
        gc_buf_adds(b, " | ");
        esc(b, p.title ? p.title : "", o->redact);
        gc_buf_adds(b, " | ");
        esc(b, p.org ? p.org : "", o->redact);
        gc_buf_adds(b, " |\n");
    }
}

static void skills(gc_buf *b, const gc_result *r, const gc_report_opts *o)
{
    const gc_data *d = gc_result_data(r);
    const gc_doc *doc = gc_result_doc(r);
    gc_buf tmp = {0};

    gc_buf_adds(b, "\n## Skills found\n\n");
    if (gc_doc_n_found(doc) == 0)
        gc_buf_adds(b, "No known skills were found.\n");
    for (size_t i = 0; i < gc_doc_n_found(doc); i++) {
        size_t s = gc_doc_found_skill(doc, i);
        gc_buf_printf(b, "- %s **", mark(gc_doc_how(doc, s)));
        esc(b, gc_skill_name(d, s), 0);
        gc_buf_adds(b, "**: ");
        gc_report_use(&tmp, r, s);
        esc_buf(b, &tmp);
        for (size_t k = 0; gc_doc_how(doc, s) == GC_EVIDENCED && k < gc_doc_n_evidence(doc, s) &&
                           (o->explain || k < 1); k++) {
            unsigned line;
            const char *sec;
            const char *text = gc_doc_evidence(doc, s, k, &line, &sec, NULL);
            gc_buf_printf(b, "\n  - line %u%s%s%s: ", line, sec ? " (" : "", sec ? sec : "",
                          sec ? ")" : "");
            esc(b, text, o->redact);
        }
        gc_buf_addc(b, '\n');
    }
}

static void method(gc_buf *b)
{
    gc_buf_adds(b, "\n## How this was estimated\n\n");
    for (size_t i = 0; gc_report_method[i]; i++) {
        gc_buf_adds(b, "- ");
        esc(b, gc_report_method[i], 0);
        gc_buf_addc(b, '\n');
    }
}

void gc_report_markdown(gc_buf *b, const gc_result *r, const gc_report_opts *o)
{
    const gc_doc *doc = gc_result_doc(r);
    const gc_err *e = gc_doc_error(doc);
    const char *who = gc_doc_name(doc) && !o->redact ? gc_doc_name(doc) : gc_result_file(r);

    gc_buf_adds(b, "# ");
    esc(b, e ? gc_result_file(r) : who, 0);
    gc_buf_addc(b, '\n');
    if (e != NULL) {
        gc_buf_adds(b, "\nCould not be analysed: ");
        esc(b, e->msg, 0);
        gc_buf_adds(b, "\n\n");
        return;
    }
    gc_buf_adds(b, "\n");
    esc(b, gc_result_file(r), 0);
    gc_buf_printf(b, " (%s), %zu skills found", gc_doc_format(doc), gc_doc_n_found(doc));
    if (o->date)
        gc_buf_printf(b, "; report of %s", o->date);
    gc_buf_adds(b, ".\n");
    notes(b, doc);
    experience(b, r, o);
    if (gc_result_score(r) != NULL)
        role_part(b, r, gc_result_score(r));
    if (gc_result_request(r)->suggest)
        suggestions(b, r);
    if (gc_result_job(r))
        job(b, r, o);
    skills(b, r, o);
    method(b);
    gc_buf_addc(b, '\n');
}

void gc_report_markdown_index(gc_buf *b, const gc_index *ix, const gc_report_opts *o)
{
    int chosen = ix->req && ix->req->role;
    size_t ok = 0, failed = 0;

    gc_buf_adds(b, "# ");
    esc(b, ix->title, 0);
    for (size_t i = 0; i < ix->n; i++)
        ok += ix->rows[i].error == NULL, failed += ix->rows[i].error != NULL;
    gc_buf_printf(b, "\n\n%zu résumé%s: %zu analysed, %zu could not be read", ix->n,
                  ix->n == 1 ? "" : "s", ok, failed);
    if (o->date)
        gc_buf_printf(b, "; %s", o->date);
    gc_buf_printf(b, ".\n\n| File | Person | %s | Experience | Coverage | Months to ready |\n"
                  "|---|---|---|---:|---:|---:|\n", chosen ? "Role" : "Best-fitting role");
    for (size_t i = 0; i < ix->n; i++) {
        const gc_index_row *r = &ix->rows[i];
        gc_buf_adds(b, "| [");
        esc(b, r->file, 0);
        gc_buf_adds(b, "](");
        for (const char *p = r->href; *p; p++)  /* our own safe name: no escapes needed */
            gc_buf_addc(b, *p);
        gc_buf_adds(b, ") | ");
        esc(b, r->person && !o->redact ? r->person : "", 0);
        gc_buf_adds(b, " | ");
        esc(b, r->error ? r->error : r->role ? r->role : "", 0);
        gc_buf_adds(b, " | ");
        if (r->total_months >= 0)
            gc_report_duration(b, r->total_months);
        if (r->has_score && !r->error)
            gc_buf_printf(b, " | %d%% | %.1f |\n", gc_report_pct(r->coverage), r->months);
        else
            gc_buf_adds(b, " | | |\n");
    }
}
