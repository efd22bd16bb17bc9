/* Text report for people: the person and their dated experience, per
 * phase ✓/~/✗ per skill with how long and how recently it was used, a
 * coverage bar, months left; the study plan and next milestones; roles
 * ranked by fit; the job posting's match.  Colour only when the caller
 * says so (a terminal, and NO_COLOR unset).  Long lists wrap at o->width. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "report/formats.h"
#include "report/report_int.h"

#define BAR_WIDTH 20
#define SUGGEST_LINES 10   /* roles listed by --suggest; JSON and CSV list all */


static void bar(gc_buf *b, double cov, const gc_report_opts *o)
{
    size_t full = (size_t)gc_report_pct(cov) * BAR_WIDTH / 100;

    gc_buf_adds(b, gc_col(o, cov >= 1 ? GREEN : cov > 0 ? YELLOW : RED));
    gc_buf_repeat(b, "█", full);
    gc_buf_adds(b, gc_col(o, DIM));
    gc_buf_repeat(b, "░", BAR_WIDTH - full);
    gc_buf_adds(b, gc_col(o, RESET));
}

/* ---- skills ------------------------------------------------------------ */

static void evidence_lines(gc_buf *b, const gc_doc *doc, size_t s, const gc_report_opts *o)
{
    for (size_t i = 0; i < gc_doc_n_evidence(doc, s); i++) {
        unsigned line;
        const char *sec, *matched;
        const char *text = gc_doc_evidence(doc, s, i, &line, &sec, &matched);
        gc_buf_printf(b, "         %sline %u", gc_col(o, DIM), line);
        if (sec)
            gc_buf_printf(b, " (%s)", sec);
        gc_buf_adds(b, ": ");
        gc_text_clean(b, text, o->redact);
        gc_buf_printf(b, "%s\n", gc_col(o, RESET));
    }
}

static void factors(gc_buf *b, gc_credit c, const gc_report_opts *o)
{
    gc_buf_printf(b, "         %scredit %d%% (%s", gc_col(o, DIM), gc_report_pct(c.credit),
                  gc_basis_name(c.basis));
    if (c.basis == GC_BASIS_POSITIONS || c.basis == GC_BASIS_TITLE)
        gc_buf_printf(b, ": depth %.2f × recency %.2f", c.depth, c.recency);
    gc_buf_printf(b, ")%s\n", gc_col(o, RESET));
}

/* "✓ Python  4.5 y, current  line 11 (summary) +2 more"; a credit below
 * full is shown with it. */
static void skill_line(gc_buf *b, const gc_result *r, size_t s, const gc_credit *c,
                       const gc_report_opts *o)
{
    const gc_data *d = gc_result_data(r);
    const gc_doc *doc = gc_result_doc(r);
    gc_how how = gc_doc_how(doc, s);
    gc_buf use = {0};

    if (how == GC_EVIDENCED)
        gc_buf_printf(b, "     %s✓%s %s", gc_col(o, GREEN), gc_col(o, RESET), gc_skill_name(d, s));
    else if (how == GC_IMPLIED)
        gc_buf_printf(b, "     %s~%s %s", gc_col(o, YELLOW), gc_col(o, RESET), gc_skill_name(d, s));
    else
        gc_buf_printf(b, "     %s✗%s %s", gc_col(o, RED), gc_col(o, RESET), gc_skill_name(d, s));
    gc_report_use(&use, r, s);
    if (use.len)
        gc_buf_printf(b, "  %s", use.data);
    gc_buf_free(&use);
    if (c && c->credit < 0.995 && c->credit > 0)
        gc_buf_printf(b, " (%d%%%s)", gc_report_pct(c->credit),
                      c->basis == GC_BASIS_TITLE ? " from the role's title" : "");
    if (how == GC_EVIDENCED && !o->explain) {
        unsigned line;
        const char *sec;
        gc_doc_evidence(doc, s, 0, &line, &sec, NULL);
        gc_buf_printf(b, "%s  line %u%s%s%s", gc_col(o, DIM), line, sec ? " (" : "", sec ? sec : "",
                      sec ? ")" : "");
        if (gc_doc_n_evidence(doc, s) > 1)
            gc_buf_printf(b, " +%zu more", gc_doc_n_evidence(doc, s) - 1);
        gc_buf_adds(b, gc_col(o, RESET));
    }
    gc_buf_addc(b, '\n');
    if (o->explain && how == GC_EVIDENCED)
        evidence_lines(b, doc, s, o);
    if (o->explain && c)
        factors(b, *c, o);
}

/* ---- the role ------------------------------------------------------------ */

static void phase(gc_buf *b, const gc_result *r, const gc_score *sc, size_t p,
                  const gc_report_opts *o)
{
    const gc_role *role = gc_score_role(sc);
    double cov = gc_score_phase_coverage(sc, p);

    gc_buf_printf(b, "\n  %s%zu. %-28s%s ", gc_col(o, BOLD), p + 1, gc_role_phase_title(role, p),
                  gc_col(o, RESET));
    bar(b, cov, o);
    gc_buf_printf(b, " %3d%%  ", gc_report_pct(cov));
    if (cov >= 1 - 1e-9)
        gc_buf_adds(b, "done");
    else {
        gc_report_months(b, gc_score_phase_months_left(sc, p));
        gc_buf_adds(b, " left");
    }
    gc_buf_addc(b, '\n');
    for (size_t i = 0; i < gc_role_phase_n_skills(role, p); i++) {
        gc_credit c = gc_score_skill_credit(sc, p, i);
        skill_line(b, r, gc_role_phase_skill(role, p, i, NULL), &c, o);
    }
}

/* The unfinished phases in order, each with the skills to learn or deepen,
 * prerequisites first, and its months at the reader's pace. */
static void plan(gc_buf *b, const gc_data *d, const gc_score *sc, const gc_report_opts *o)
{
    const gc_role *r = gc_score_role(sc);
    size_t order[256];

    if (gc_score_next_phase(sc) >= gc_role_n_phases(r))
        return;
    gc_buf_printf(b, "\n  study plan at %g h/week:\n", gc_score_hours(sc));
    for (size_t p = 0; p < gc_role_n_phases(r); p++) {
        if (gc_score_phase_coverage(sc, p) >= 1 - 1e-9 || gc_role_phase_n_skills(r, p) > 256)
            continue;
        size_t n = gc_plan_phase(order, d, sc, p);
        gc_buf_printf(b, "     %s, ", gc_role_phase_title(r, p));
        gc_report_months(b, gc_score_phase_months_left(sc, p));
        gc_buf_adds(b, ": ");
        gc_wrap w = gc_wrap_start(b, o->width, 7);
        for (size_t i = 0; i < n; i++)
            gc_wrap_item(&w, " → ", gc_skill_name(d, order[i]));
        gc_buf_addc(b, '\n');
    }
}

static void role_report(gc_buf *b, const gc_result *r, const gc_score *sc,
                        const gc_report_opts *o)
{
    const gc_role *role = gc_score_role(sc);
    size_t next = gc_score_next_phase(sc);
    gc_credit t = gc_score_title_credit(sc);

    gc_buf_printf(b, "  target: %s (%s), %g months at %g h/week\n", gc_role_title(role),
                  gc_role_id(role), gc_role_months(role), gc_role_hours_per_week(role));
    gc_buf_printf(b, "  %sready in about ", gc_col(o, BOLD));
    gc_report_months(b, gc_score_months_to_ready(sc));
    gc_buf_printf(b, " at %g h/week%s (coverage %d%%)\n", gc_score_hours(sc), gc_col(o, RESET),
                  gc_report_pct(gc_score_coverage(sc)));
    if (t.credit > 0)
        gc_buf_printf(b, "  held the role's title: every skill of it counts at least %d%%\n",
                      gc_report_pct(t.credit));
    for (size_t p = 0; p < gc_role_n_phases(role); p++)
        phase(b, r, sc, p, o);
    gc_buf_printf(b, "\n  %s%s%s\n", gc_col(o, DIM), gc_report_not_proof, gc_col(o, RESET));
    plan(b, gc_result_data(r), sc, o);
    if (next < gc_role_n_phases(role) && gc_role_phase_n_milestones(role, next) > 0) {
        gc_buf_printf(b, "\n  next milestones (%s):\n", gc_role_phase_title(role, next));
        for (size_t i = 0; i < gc_role_phase_n_milestones(role, next); i++)
            gc_buf_printf(b, "     • %s\n", gc_role_phase_milestone(role, next, i));
    }
}

static void suggestions(gc_buf *b, const gc_result *r)
{
    if (!gc_result_fits(r)) {
        gc_buf_adds(b, "\n  roles by fit: no role fits yet (none of the roles' skills was "
                       "found)\n");
        return;
    }
    gc_buf_adds(b, "\n  roles by fit (coverage, with depth and recency):\n");
    size_t n = gc_result_n_suggestions(r), shown = 0;
    for (size_t i = 0; i < n && shown < SUGGEST_LINES; i++, shown++) {
        const gc_score *s = gc_result_suggestion(r, i);
        if (gc_score_coverage(s) <= 0)
            break;   /* roles none of whose skills show are not suggestions */
        gc_buf_printf(b, "    %2zu. %-34s %3d%%  ", i + 1, gc_role_title(gc_score_role(s)),
                      gc_report_pct(gc_score_coverage(s)));
        gc_report_months(b, gc_score_months_to_ready(s));
        gc_buf_printf(b, " (%s)\n", gc_role_id(gc_score_role(s)));
    }
    if (shown < n)
        gc_buf_printf(b, "     … %zu more role%s (--format json lists every one)\n", n - shown,
                      n - shown == 1 ? "" : "s");
}

/* ---- the job posting ------------------------------------------------------- */

static const char *mark_for(double c) { return c >= 0.995 ? "✓" : c > 0 ? "~" : "✗"; }
static const char *colour_for(double c) { return c >= 0.995 ? GREEN : c > 0 ? YELLOW : RED; }

/* "✓ Python", coloured, as one item to wrap. */
static char *marked(const gc_report_opts *o, double c, const char *name)
{
    return g_strdup_printf("%s%s%s %s", gc_col(o, colour_for(c)), mark_for(c), gc_col(o, RESET), name);
}

/* A skill of a requirement: its name, with the years asked when it stands
 * with others ("EKS (2+ years asked, 1 y shown)"). */
static char *member(const gc_report_opts *o, const gc_data *d, const gc_job *j, size_t k,
                    int with_years, int with_mark)
{
    gc_job_years y;
    gc_buf t = {0};
    double c = gc_job_skill_credit(j, k).credit;

    if (with_mark)
        gc_buf_printf(&t, "%s%s%s ", gc_col(o, colour_for(c)), mark_for(c), gc_col(o, RESET));
    gc_buf_adds(&t, gc_skill_name(d, gc_job_skill(j, k, NULL)));
    if (with_years && gc_job_skill_years(j, k, &y)) {
        gc_buf_adds(&t, " (");
        gc_report_years(&t, &y);
        gc_buf_addc(&t, ')');
    }
    char *out = g_strdup(t.data ? t.data : "");
    gc_buf_free(&t);
    return out;
}

static void item(gc_wrap *w, const char *sep, char *s)
{
    gc_wrap_item(w, sep, s);
    g_free(s);
}

/* One part of alternatives: "FastAPI or Flask", each with its mark when
 * `marks`. */
static void job_part(gc_wrap *w, const gc_report_opts *o, const gc_data *d, const gc_job *j,
                     size_t q, size_t p, int marks, const char *sep)
{
    size_t n = gc_job_req_part_n(j, q, p);

    for (size_t i = 0; i < n; i++)
        item(w, i ? " or " : sep,
             member(o, d, j, gc_job_req_part_skill(j, q, p, i), 1, marks));
}

/* The skills of the posting's lines that ask for requirement q. */
static void job_explain(gc_buf *b, const gc_result *r, const gc_job *j, size_t q,
                        const gc_report_opts *o)
{
    const gc_doc *post = gc_result_request(r)->posting;
    const gc_data *d = gc_result_data(r);
    gc_job_req rq;
    unsigned shown[64];
    size_t n_shown = 0;

    gc_job_req_get(j, q, &rq);
    for (size_t p = 0; post && p < rq.n_parts; p++)
        for (size_t i = 0; i < gc_job_req_part_n(j, q, p); i++) {
            size_t k = gc_job_req_part_skill(j, q, p, i), s = gc_job_skill(j, k, NULL);
            gc_job_years y;
            for (size_t e = 0; e < gc_doc_n_evidence(post, s); e++) {
                unsigned line;
                const char *sec, *text = gc_doc_evidence(post, s, e, &line, &sec, NULL);
                size_t seen = 0;
                while (seen < n_shown && shown[seen] != line)
                    seen++;
                if (seen < n_shown || n_shown == G_N_ELEMENTS(shown))
                    continue;
                shown[n_shown++] = line;
                gc_buf_printf(b, "         %sposting line %u", gc_col(o, DIM), line);
                if (sec)
                    gc_buf_printf(b, " (%s)", sec);
                gc_buf_adds(b, ": ");
                gc_text_clean(b, text, o->redact);
                gc_buf_printf(b, "%s\n", gc_col(o, RESET));
            }
            if (gc_job_skill_years(j, k, &y)) {
                gc_buf_printf(b, "         %s%s: ", gc_col(o, DIM), gc_skill_name(d, s));
                gc_report_years(b, &y);
                gc_buf_printf(b, "; credit × %.2f%s\n", y.factor, gc_col(o, RESET));
            }
            gc_credit c = gc_job_skill_credit(j, k);
            if (c.basis != GC_BASIS_NONE) {
                gc_buf_printf(b, "         %s%s: credit %d%% (%s", gc_col(o, DIM),
                              gc_skill_name(d, s), gc_report_pct(c.credit),
                              gc_basis_name(c.basis));
                if (c.basis == GC_BASIS_POSITIONS || c.basis == GC_BASIS_TITLE)
                    gc_buf_printf(b, ": depth %.2f × recency %.2f", c.depth, c.recency);
                gc_buf_printf(b, ")%s\n", gc_col(o, RESET));
            }
        }
    if (rq.experience) {
        gc_job_years y;
        gc_job_experience_years(j, &y);
        gc_buf_printf(b, "         %sposting line %u: ", gc_col(o, DIM), y.line);
        gc_text_clean(b, y.line_text, o->redact);
        gc_buf_printf(b, "%s\n", gc_col(o, RESET));
    }
}

/* "✓ Python  4+ years asked, 6 y shown", "~ FastAPI or Flask (via Flask)",
 * "~ AWS: ✓ itself, ✗ S3, ✓ EKS  67%", "✗ experience  5+ years asked, 2 y
 * shown", wrapped. */
static void job_req(gc_buf *b, const gc_result *r, const gc_job *j, size_t q,
                    const gc_report_opts *o)
{
    const gc_data *d = gc_result_data(r);
    gc_job_req rq;
    gc_job_years y;
    gc_wrap w;

    gc_job_req_get(j, q, &rq);
    gc_buf_adds(b, "      ");
    w = gc_wrap_start(b, o->width, 8);
    if (rq.experience) {
        item(&w, "", marked(o, rq.credit, "experience"));
    } else if (rq.umbrella) {
        size_t k = gc_job_req_part_skill(j, q, 0, 0);
        double c0 = gc_job_req_part_credit(j, q, 0);
        item(&w, "", marked(o, rq.credit, gc_skill_name(d, gc_job_skill(j, k, NULL))));
        item(&w, ": ", g_strdup_printf("%s%s%s itself", gc_col(o, colour_for(c0)), mark_for(c0),
                                       gc_col(o, RESET)));
        for (size_t p = 1; p < rq.n_parts; p++)
            job_part(&w, o, d, j, q, p, 1, ", ");
    } else {
        size_t n = gc_job_req_part_n(j, q, 0), k0 = gc_job_req_part_skill(j, q, 0, 0);
        item(&w, "", marked(o, rq.credit, gc_skill_name(d, gc_job_skill(j, k0, NULL))));
        for (size_t i = 1; i < n; i++)
            item(&w, " or ", member(o, d, j, gc_job_req_part_skill(j, q, 0, i), 0, 0));
        if (n > 1 && rq.credit > 0) {   /* the alternative that meets it */
            size_t best = k0;
            for (size_t i = 1; i < n; i++) {
                size_t k = gc_job_req_part_skill(j, q, 0, i);
                if (gc_job_skill_credit(j, k).credit > gc_job_skill_credit(j, best).credit)
                    best = k;
            }
            item(&w, " ", g_strdup_printf("(via %s)",
                                          gc_skill_name(d, gc_job_skill(j, best, NULL))));
        }
    }
    if (gc_report_job_req_years(j, q, &y)) {
        gc_buf t = {0};
        gc_report_years(&t, &y);
        gc_wrap_item(&w, rq.umbrella ? "; " : "  ", t.data ? t.data : "");
        gc_buf_free(&t);
    }
    if (rq.credit > 0 && rq.credit < 0.995)
        item(&w, "  ", g_strdup_printf("%d%%", gc_report_pct(rq.credit)));
    gc_buf_addc(b, '\n');
    if (o->explain)
        job_explain(b, r, j, q, o);
}

static void job_reqs(gc_buf *b, const gc_result *r, const gc_job *j, int optional,
                     const gc_report_opts *o)
{
    int any = 0;

    for (size_t q = 0; q < gc_job_n_reqs(j); q++) {
        gc_job_req rq;
        gc_job_req_get(j, q, &rq);
        if (rq.optional != optional)
            continue;
        if (!any++)
            gc_buf_printf(b, "    %s:\n", optional ? "nice to have" : "required");
        job_req(b, r, j, q, o);
    }
}

/* The requirements below full credit, phase by phase of the closest role. */
static void job_plan(gc_buf *b, const gc_result *r, const gc_job *j, const gc_report_opts *o)
{
    const gc_data *d = gc_result_data(r);
    const gc_role *role = gc_job_role(j);
    size_t n = gc_job_plan_n(j);

    if (n == 0)
        return;
    gc_buf_printf(b, "    study plan at %g h/week:\n", gc_job_hours(j));
    for (size_t i = 0; i < n;) {
        size_t phase, k = gc_job_plan_step(j, i, &phase), p2;
        gc_wrap w;
        if (role && phase < gc_role_n_phases(role)) {
            gc_buf_printf(b, "       %s, ", gc_role_phase_title(role, phase));
            gc_report_months(b, gc_job_phase_months_left(j, phase));
            gc_buf_adds(b, ": ");
        } else {
            gc_buf_adds(b, "       other: ");
        }
        w = gc_wrap_start(b, o->width, 9);
        for (; i < n && (k = gc_job_plan_step(j, i, &p2), p2 == phase); i++)
            gc_wrap_item(&w, " → ", gc_skill_name(d, gc_job_skill(j, k, NULL)));
        gc_buf_addc(b, '\n');
    }
}

static void job(gc_buf *b, const gc_result *r, const gc_report_opts *o)
{
    const gc_job *j = gc_result_job(r);
    const gc_request *q = gc_result_request(r);
    unsigned line;
    const char *title = gc_job_title(j, &line);

    gc_buf_adds(b, "\n  job posting ");
    gc_text_clean(b, q->posting_file ? q->posting_file : "", 0);
    if (gc_job_role(j))
        gc_buf_printf(b, " (closest role: %s, by %s)", gc_role_title(gc_job_role(j)),
                      gc_job_role_by_title(j) ? "its title" : "shared skills");
    gc_buf_addc(b, '\n');
    if (title) {
        gc_buf_adds(b, "    title: ");
        gc_text_clean(b, title, o->redact);
        if (o->explain)
            gc_buf_printf(b, "  %s(line %u)%s", gc_col(o, DIM), line, gc_col(o, RESET));
        gc_buf_addc(b, '\n');
    }
    gc_buf_printf(b, "    %smatch %d%%, ready in about ", gc_col(o, BOLD),
                  gc_report_pct(gc_job_match(j)));
    gc_report_months(b, gc_job_months_to_ready(j));
    gc_buf_printf(b, " at %g h/week%s\n", gc_job_hours(j), gc_col(o, RESET));
    job_reqs(b, r, j, 0, o);
    job_reqs(b, r, j, 1, o);
    job_plan(b, r, j, o);
}

/* ---- the person and the document -------------------------------------------- */

static void experience(gc_buf *b, const gc_result *r, const gc_report_opts *o)
{
    const gc_doc *doc = gc_result_doc(r);
    const gc_experience *x = gc_result_experience(r);
    size_t n = gc_doc_n_positions(doc);
    int as_of = gc_experience_as_of(x);

    if (n == 0) {
        gc_buf_adds(b, "  experience: no dated positions found\n");
        return;
    }
    gc_buf_adds(b, "  experience: ");
    gc_report_duration(b, gc_experience_total_months(x));
    gc_buf_printf(b, " in %zu dated position%s (as of %d-%02d)\n", n, n == 1 ? "" : "s",
                  as_of / 12, as_of % 12 + 1);
    for (size_t i = 0; o->explain && i < n; i++) {
        gc_position_info p;
        gc_doc_position(doc, i, &p);
        gc_buf_printf(b, "     %s", gc_col(o, DIM));
        gc_report_when(b, p.start);
        gc_buf_adds(b, " – ");
        gc_report_end(b, &p);
        gc_buf_adds(b, "  ");
        gc_text_clean(b, p.title ? p.title : "(no title)", o->redact);
        if (p.org) {
            gc_buf_adds(b, ", ");
            gc_text_clean(b, p.org, o->redact);
        }
        gc_buf_printf(b, "  (lines %u-%u)%s\n", p.first_line, p.last_line, gc_col(o, RESET));
    }
}

/* Without a role: every skill found, with how it was used. */
static void skills_report(gc_buf *b, const gc_result *r, const gc_report_opts *o)
{
    const gc_doc *doc = gc_result_doc(r);

    for (size_t i = 0; i < gc_doc_n_found(doc); i++)
        skill_line(b, r, gc_doc_found_skill(doc, i), NULL, o);
    if (gc_doc_n_found(doc) == 0)
        gc_buf_adds(b, "  no known skills found\n");
}

/* One line for OCR, one per warning. */
static void notes(gc_buf *b, const gc_doc *doc, const gc_report_opts *o)
{
    gc_buf t = {0};
    int kind;

    for (size_t i = 0; (kind = gc_report_doc_note(&t, doc, i)) != GC_NOTE_NONE; i++) {
        gc_buf_printf(b, "  %s%s: %s%s\n", kind == GC_NOTE_PLAIN ? "" : gc_col(o, YELLOW),
                      kind == GC_NOTE_WARNING ? "warning" : "note", t.data ? t.data : "",
                      kind == GC_NOTE_PLAIN ? "" : gc_col(o, RESET));
        t.len = 0;
    }
    gc_buf_free(&t);
}

void gc_report_text(gc_buf *b, const gc_result *r, const gc_report_opts *o)
{
    const gc_doc *doc = gc_result_doc(r);
    const gc_err *e = gc_doc_error(doc);
    const gc_request *q = gc_result_request(r);

    gc_buf_printf(b, "%s", gc_col(o, BOLD));
    gc_text_clean(b, gc_result_file(r), 0);
    gc_buf_printf(b, "%s", gc_col(o, RESET));
    if (e != NULL) {
        gc_buf_printf(b, ": error: %s\n", e->msg);
        return;
    }
    gc_buf_printf(b, " (%s", gc_doc_format(doc));
    if (gc_doc_pages(doc))
        gc_buf_printf(b, ", %u page%s", gc_doc_pages(doc), gc_doc_pages(doc) == 1 ? "" : "s");
    gc_buf_printf(b, "): %zu skills found\n", gc_doc_n_found(doc));
    if (gc_doc_name(doc) && !o->redact) {
        gc_buf_adds(b, "  person: ");
        gc_text_clean(b, gc_doc_name(doc), 0);
        gc_buf_addc(b, '\n');
    }
    experience(b, r, o);
    notes(b, doc, o);
    if (gc_result_score(r) != NULL)
        role_report(b, r, gc_result_score(r), o);
    else if (!q->suggest && !gc_result_job(r))
        skills_report(b, r, o);
    if (q->suggest)
        suggestions(b, r);
    if (gc_result_job(r))
        job(b, r, o);
}
