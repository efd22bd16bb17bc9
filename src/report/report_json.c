/* JSON report: one object per document, on one line (JSON Lines).  The
 * field names are a public contract, documented in README.md; add fields,
 * never rename them. */
#include <string.h>

#include <glib.h>

#include "gapcheck.h"
#include "report/formats.h"
#include "report/report_int.h"

static void key(gc_buf *b, const char *k)
{
    gc_json_str(b, k);
    gc_buf_addc(b, ':');
}

static void doc_str(gc_buf *b, const char *s, const gc_report_opts *o)
{
    char *clean = gc_report_clean(s, o->redact);
    gc_json_str(b, clean);
    g_free(clean);
}

static void evidence(gc_buf *b, const gc_doc *doc, size_t skill, const gc_report_opts *o)
{
    size_t n = gc_doc_n_evidence(doc, skill);

    gc_buf_adds(b, ",\"evidence\":[");
    for (size_t i = 0; i < n; i++) {
        unsigned line;
        const char *sec, *matched;
        const char *text = gc_doc_evidence(doc, skill, i, &line, &sec, &matched);
        gc_buf_adds(b, i ? ",{" : "{");
        key(b, "text");
        doc_str(b, text, o);
        gc_buf_printf(b, ",\"line\":%u", line);
        if (sec) {
            gc_buf_adds(b, ",\"section\":");
            gc_json_str(b, sec);
        }
        gc_buf_adds(b, ",\"matched\":");
        doc_str(b, matched, o);
        if (gc_doc_evidence_ocr(doc, skill, i))
            gc_buf_adds(b, ",\"ocr\":true");
        gc_buf_addc(b, '}');
    }
    gc_buf_addc(b, ']');
}

static void when(gc_buf *b, gc_when w)
{
    gc_buf u = {0};
    gc_report_when(&u, w);
    gc_json_str(b, u.data ? u.data : "");
    gc_buf_free(&u);
}

/* Months of use in dated positions, first and last use; null months for
 * a skill named only outside them (a skills list, the summary). */
static void use(gc_buf *b, const gc_experience *x, size_t s)
{
    gc_skill_use_info u;

    if (x == NULL || !gc_experience_skill(x, s, &u)) {
        gc_buf_adds(b, ",\"months\":null,\"in_positions\":false");
        return;
    }
    gc_buf_printf(b, ",\"months\":%d,\"in_positions\":true,\"first_used\":", u.months);
    when(b, u.first_used);
    gc_buf_adds(b, ",\"last_used\":");
    if (u.last_present)
        gc_buf_adds(b, "\"present\"");
    else
        when(b, u.last_used);
    gc_buf_printf(b, ",\"listed\":%s", u.listed ? "true" : "false");
}

static void skills(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_experience *x,
                   const gc_report_opts *o)
{
    gc_buf_adds(b, ",\"skills\":[");
    for (size_t i = 0; i < gc_doc_n_found(doc); i++) {
        size_t s = gc_doc_found_skill(doc, i);
        gc_buf_adds(b, i ? ",{" : "{");
        key(b, "id");
        gc_json_str(b, gc_skill_id(d, s));
        gc_buf_adds(b, ",\"name\":");
        gc_json_str(b, gc_skill_name(d, s));
        gc_buf_adds(b, ",\"category\":");
        gc_json_str(b, gc_skill_category(d, s));
        evidence(b, doc, s, o);
        if (gc_doc_how(doc, s) == GC_EVIDENCED)
            use(b, x, s);
        if (gc_doc_how(doc, s) == GC_IMPLIED) {
            gc_buf_adds(b, ",\"implied_by\":[");
            for (size_t k = 0; k < gc_doc_n_implied_by(doc, s); k++) {
                gc_buf_adds(b, k ? "," : "");
                gc_json_str(b, gc_skill_id(d, gc_doc_implied_by(doc, s, k)));
            }
            gc_buf_addc(b, ']');
        }
        gc_buf_addc(b, '}');
    }
    gc_buf_addc(b, ']');
}

/* The ids of a phase's skills in one state (have, implied or missing). */
static void id_list(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_role *r, size_t p,
                    const char *name, gc_how want)
{
    int first = 1;

    gc_buf_printf(b, ",\"%s\":[", name);
    for (size_t i = 0; i < gc_role_phase_n_skills(r, p); i++) {
        size_t s = gc_role_phase_skill(r, p, i, NULL);
        if (gc_doc_how(doc, s) != want)
            continue;
        gc_buf_adds(b, first ? "" : ",");
        gc_json_str(b, gc_skill_id(d, s));
        first = 0;
    }
    gc_buf_addc(b, ']');
}

static void credit(gc_buf *b, gc_credit c)
{
    gc_buf_adds(b, ",\"credit\":");
    gc_json_num(b, c.credit, 3);
    gc_buf_adds(b, ",\"depth\":");
    gc_json_num(b, c.depth, 3);
    gc_buf_adds(b, ",\"recency\":");
    gc_json_num(b, c.recency, 3);
    gc_buf_adds(b, ",\"basis\":");
    gc_json_str(b, gc_basis_name(c.basis));
    gc_buf_adds(b, ",\"title\":");
    gc_json_num(b, c.title, 3);
}

/* Each skill of the phase with its weight and credit factors. */
static void phase_skills(gc_buf *b, const gc_data *d, const gc_score *sc, size_t p)
{
    const gc_role *r = gc_score_role(sc);

    gc_buf_adds(b, ",\"skills\":[");
    for (size_t i = 0; i < gc_role_phase_n_skills(r, p); i++) {
        double w;
        size_t s = gc_role_phase_skill(r, p, i, &w);
        gc_buf_adds(b, i ? ",{\"id\":" : "{\"id\":");
        gc_json_str(b, gc_skill_id(d, s));
        gc_buf_adds(b, ",\"weight\":");
        gc_json_num(b, w, 2);
        credit(b, gc_score_skill_credit(sc, p, i));
        gc_buf_addc(b, '}');
    }
    gc_buf_addc(b, ']');
}

/* What to learn or deepen next in this phase, prerequisites first. */
static void plan(gc_buf *b, const gc_data *d, const gc_score *sc, size_t p)
{
    size_t order[256], n = 0;
    const gc_role *r = gc_score_role(sc);

    if (gc_role_phase_n_skills(r, p) <= 256)
        n = gc_plan_phase(order, d, sc, p);
    gc_buf_adds(b, ",\"plan\":[");
    for (size_t i = 0; i < n; i++) {
        gc_buf_adds(b, i ? "," : "");
        gc_json_str(b, gc_skill_id(d, order[i]));
    }
    gc_buf_addc(b, ']');
}

static void phase(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_score *sc, size_t p)
{
    const gc_role *r = gc_score_role(sc);

    gc_buf_adds(b, p ? ",{\"id\":" : "{\"id\":");
    gc_json_str(b, gc_role_phase_id(r, p));
    gc_buf_adds(b, ",\"title\":");
    gc_json_str(b, gc_role_phase_title(r, p));
    gc_buf_adds(b, ",\"months\":");
    gc_json_num(b, gc_role_phase_months(r, p), 2);
    gc_buf_adds(b, ",\"coverage\":");
    gc_json_num(b, gc_score_phase_coverage(sc, p), 3);
    id_list(b, d, doc, r, p, "have", GC_EVIDENCED);
    id_list(b, d, doc, r, p, "implied", GC_IMPLIED);
    id_list(b, d, doc, r, p, "missing", GC_ABSENT);
    phase_skills(b, d, sc, p);
    plan(b, d, sc, p);
    gc_buf_adds(b, ",\"months_remaining\":");
    gc_json_num(b, gc_score_phase_months_left(sc, p), 2);
    gc_buf_adds(b, ",\"milestones\":[");
    for (size_t i = 0; i < gc_role_phase_n_milestones(r, p); i++) {
        gc_buf_adds(b, i ? "," : "");
        gc_json_str(b, gc_role_phase_milestone(r, p, i));
    }
    gc_buf_adds(b, "]}");
}

static void role(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_score *sc)
{
    const gc_role *r = gc_score_role(sc);

    gc_buf_adds(b, ",\"role\":{\"id\":");
    gc_json_str(b, gc_role_id(r));
    gc_buf_adds(b, ",\"title\":");
    gc_json_str(b, gc_role_title(r));
    gc_buf_adds(b, ",\"hours_per_week\":");
    gc_json_num(b, gc_score_hours(sc), 2);
    gc_buf_adds(b, ",\"role_hours_per_week\":");
    gc_json_num(b, gc_role_hours_per_week(r), 2);
    gc_buf_adds(b, ",\"months\":");
    gc_json_num(b, gc_role_months(r), 2);
    gc_buf_adds(b, ",\"coverage\":");
    gc_json_num(b, gc_score_coverage(sc), 3);
    gc_buf_adds(b, ",\"months_to_ready\":");
    gc_json_num(b, gc_score_months_to_ready(sc), 1);
    gc_buf_adds(b, ",\"title_credit\":");
    gc_json_num(b, gc_score_title_credit(sc).credit, 3);
    gc_buf_adds(b, ",\"phases\":[");
    for (size_t p = 0; p < gc_role_n_phases(r); p++)
        phase(b, d, doc, sc, p);
    gc_buf_adds(b, "]}");
}

static void error(gc_buf *b, const gc_err *e)
{
    gc_buf_adds(b, ",\"status\":\"error\",\"error\":{\"code\":");
    gc_json_str(b, gc_code_name(e->code));
    gc_buf_adds(b, ",\"message\":");
    gc_json_str(b, e->msg);
    if (e->detail[0]) {
        gc_buf_adds(b, ",\"detail\":");
        gc_json_str(b, e->detail);
    }
    gc_buf_addc(b, '}');
}

/* "warnings" and "ocr", only when there is something to say. */
static void ocr_and_warnings(gc_buf *b, const gc_doc *doc)
{
    size_t n = gc_doc_n_warnings(doc);

    if (n > 0) {
        gc_buf_adds(b, ",\"warnings\":[");
        for (size_t i = 0; i < n; i++) {
            gc_buf_adds(b, i ? "," : "");
            gc_json_str(b, gc_doc_warning(doc, i));
        }
        gc_buf_addc(b, ']');
    }
    if ((n = gc_doc_n_ocr_pages(doc)) == 0)
        return;
    gc_buf_adds(b, ",\"ocr\":{\"pages\":[");
    for (size_t i = 0; i < n; i++)
        gc_buf_printf(b, "%s%u", i ? "," : "", gc_doc_ocr_page(doc, i));
    gc_buf_adds(b, "],\"mean_confidence\":");
    gc_json_num(b, gc_doc_ocr_confidence(doc), 1);
    gc_buf_printf(b, ",\"words\":%u,\"dropped_words\":%u,\"lang\":", gc_doc_ocr_words(doc),
                  gc_doc_ocr_dropped(doc));
    gc_json_str(b, gc_doc_ocr_lang(doc));
    gc_buf_addc(b, '}');
}

static void sections(gc_buf *b, const gc_doc *doc)
{
    gc_buf_adds(b, ",\"sections\":[");
    for (size_t i = 0; i < gc_doc_n_sections(doc); i++) {
        unsigned line;
        const char *id = gc_doc_section(doc, i, &line);
        gc_buf_adds(b, i ? ",{\"id\":" : "{\"id\":");
        gc_json_str(b, id ? id : "");
        gc_buf_printf(b, ",\"line\":%u}", line);
    }
    gc_buf_addc(b, ']');
}

/* Every role, best fit first; "fits" is false when none has coverage. */
static void suggestions(gc_buf *b, const gc_result *r)
{
    gc_buf_printf(b, ",\"fits\":%s,\"suggestions\":[", gc_result_fits(r) ? "true" : "false");
    for (size_t i = 0; i < gc_result_n_suggestions(r); i++) {
        const gc_score *s = gc_result_suggestion(r, i);
        gc_buf_adds(b, i ? ",{\"role\":" : "{\"role\":");
        gc_json_str(b, gc_role_id(gc_score_role(s)));
        gc_buf_adds(b, ",\"title\":");
        gc_json_str(b, gc_role_title(gc_score_role(s)));
        gc_buf_adds(b, ",\"coverage\":");
        gc_json_num(b, gc_score_coverage(s), 3);
        gc_buf_adds(b, ",\"months_to_ready\":");
        gc_json_num(b, gc_score_months_to_ready(s), 1);
        gc_buf_addc(b, '}');
    }
    gc_buf_addc(b, ']');
}

/* The posting's skills that are required (or optional) and had (or not). */
static void job_list(gc_buf *b, const gc_data *d, const gc_job *j, const char *name, int which)
{
    int first = 1;

    gc_buf_printf(b, ",\"%s\":[", name);
    for (size_t i = 0; i < gc_job_n_skills(j); i++) {
        int opt;
        size_t s = gc_job_skill(j, i, &opt);
        int had = gc_job_skill_credit(j, i).credit >= 0.995;
        if ((which == 0 && opt) || (which == 1 && !opt) || (which == 2 && !had) ||
            (which == 3 && had))
            continue;
        gc_buf_adds(b, first ? "" : ",");
        gc_json_str(b, gc_skill_id(d, s));
        first = 0;
    }
    gc_buf_addc(b, ']');
}

static void job_years(gc_buf *b, const gc_data *d, const gc_job *j, long k,
                      const gc_job_years *y, int first)
{
    gc_buf_adds(b, first ? "{\"skill\":" : ",{\"skill\":");
    if (k >= 0)
        gc_json_str(b, gc_skill_id(d, gc_job_skill(j, (size_t)k, NULL)));
    else
        gc_buf_adds(b, "null");
    gc_buf_printf(b, ",\"min\":%u,\"max\":", y->min);
    if (y->max)
        gc_buf_printf(b, "%u", y->max);
    else
        gc_buf_adds(b, "null");
    gc_buf_adds(b, ",\"text\":");
    gc_json_str(b, y->text);
    gc_buf_printf(b, ",\"line\":%u,\"months_shown\":", y->line);
    if (y->shown >= 0)
        gc_buf_printf(b, "%d", y->shown);
    else
        gc_buf_adds(b, "null");
    gc_buf_printf(b, ",\"met\":%s,\"factor\":", y->met ? "true" : "false");
    gc_json_num(b, y->factor, 3);
    gc_buf_addc(b, '}');
}

/* Requirements: parts of alternatives (an umbrella first), credits, the
 * line that asks, the phase of the closest role. */
static void job_reqs(gc_buf *b, const gc_data *d, const gc_job *j)
{
    const gc_role *role = gc_job_role(j);

    gc_buf_adds(b, ",\"requirements\":[");
    for (size_t q = 0; q < gc_job_n_reqs(j); q++) {
        gc_job_req rq;
        gc_job_req_get(j, q, &rq);
        gc_buf_adds(b, q ? ",{\"parts\":[" : "{\"parts\":[");
        for (size_t p = 0; p < rq.n_parts; p++) {
            gc_buf_adds(b, p ? ",{\"any_of\":[" : "{\"any_of\":[");
            for (size_t i = 0; i < gc_job_req_part_n(j, q, p); i++) {
                gc_buf_adds(b, i ? "," : "");
                gc_json_str(b, gc_skill_id(d, gc_job_skill(j, gc_job_req_part_skill(j, q, p, i),
                                                           NULL)));
            }
            gc_buf_adds(b, "],\"credit\":");
            gc_json_num(b, gc_job_req_part_credit(j, q, p), 3);
            gc_buf_addc(b, '}');
        }
        gc_buf_printf(b, "],\"umbrella\":%s,\"experience\":%s,\"optional\":%s,\"credit\":",
                      rq.umbrella ? "true" : "false", rq.experience ? "true" : "false",
                      rq.optional ? "true" : "false");
        gc_json_num(b, rq.credit, 3);
        gc_buf_printf(b, ",\"line\":%u,\"phase\":", rq.line);
        if (role && rq.phase < gc_role_n_phases(role))
            gc_json_str(b, gc_role_phase_id(role, rq.phase));
        else
            gc_buf_adds(b, "null");
        gc_buf_addc(b, '}');
    }
    gc_buf_addc(b, ']');
}

/* The study plan, one entry per phase of the closest role. */
static void job_plan(gc_buf *b, const gc_data *d, const gc_job *j)
{
    const gc_role *role = gc_job_role(j);
    size_t n = gc_job_plan_n(j);

    gc_buf_adds(b, ",\"plan\":[");
    for (size_t i = 0; i < n;) {
        size_t phase, p2, k = gc_job_plan_step(j, i, &phase);
        int named = role && phase < gc_role_n_phases(role);
        gc_buf_adds(b, i ? ",{\"phase\":" : "{\"phase\":");
        if (named)
            gc_json_str(b, gc_role_phase_id(role, phase));
        else
            gc_buf_adds(b, "null");
        gc_buf_adds(b, ",\"title\":");
        if (named)
            gc_json_str(b, gc_role_phase_title(role, phase));
        else
            gc_buf_adds(b, "null");
        gc_buf_adds(b, ",\"months_remaining\":");
        gc_json_num(b, gc_job_phase_months_left(j, phase), 1);
        gc_buf_adds(b, ",\"skills\":[");
        for (int first = 1; i < n && (k = gc_job_plan_step(j, i, &p2), p2 == phase); i++) {
            gc_buf_adds(b, first ? "" : ",");
            gc_json_str(b, gc_skill_id(d, gc_job_skill(j, k, NULL)));
            first = 0;
        }
        gc_buf_adds(b, "]}");
    }
    gc_buf_addc(b, ']');
}

static void job(gc_buf *b, const gc_data *d, const gc_result *r, const gc_report_opts *o)
{
    const gc_job *j = gc_result_job(r);
    const gc_doc *post = gc_result_request(r)->posting;
    const char *file = gc_result_request(r)->posting_file;
    const char *title = gc_job_title(j, NULL);
    gc_job_years y;
    int first = 1;

    gc_buf_adds(b, ",\"job\":{\"file\":");
    gc_json_str(b, file ? file : "");
    gc_buf_adds(b, ",\"role\":");
    if (gc_job_role(j))
        gc_json_str(b, gc_role_id(gc_job_role(j)));
    else
        gc_buf_adds(b, "null");
    gc_buf_printf(b, ",\"role_by\":\"%s\",\"title\":",
                  gc_job_role_by_title(j) ? "title" : "skills");
    if (title)
        doc_str(b, title, o);
    else
        gc_buf_adds(b, "null");
    job_list(b, d, j, "required", 0);
    job_list(b, d, j, "optional", 1);
    job_list(b, d, j, "have", 2);
    job_list(b, d, j, "missing", 3);
    gc_buf_adds(b, ",\"skills\":[");
    for (size_t i = 0; i < gc_job_n_skills(j); i++) {
        int opt;
        size_t s = gc_job_skill(j, i, &opt);
        gc_buf_adds(b, i ? ",{\"id\":" : "{\"id\":");
        gc_json_str(b, gc_skill_id(d, s));
        gc_buf_printf(b, ",\"optional\":%s", opt ? "true" : "false");
        credit(b, gc_job_skill_credit(j, i));
        if (post)
            evidence(b, post, s, o);
        gc_buf_addc(b, '}');
    }
    gc_buf_addc(b, ']');
    job_reqs(b, d, j);
    gc_buf_adds(b, ",\"years\":[");
    if (gc_job_experience_years(j, &y)) {
        job_years(b, d, j, -1, &y, first);
        first = 0;
    }
    for (size_t i = 0; i < gc_job_n_skills(j); i++)
        if (gc_job_skill_years(j, i, &y)) {
            job_years(b, d, j, (long)i, &y, first);
            first = 0;
        }
    gc_buf_addc(b, ']');
    job_plan(b, d, j);
    gc_buf_adds(b, ",\"match\":");
    gc_json_num(b, gc_job_match(j), 3);
    gc_buf_adds(b, ",\"hours_per_week\":");
    gc_json_num(b, gc_job_hours(j), 2);
    gc_buf_adds(b, ",\"months_to_ready\":");
    gc_json_num(b, gc_job_months_to_ready(j), 1);
    gc_buf_addc(b, '}');
}

static const char *precision_name(gc_precision p)
{
    return p == GC_PREC_MONTH ? "month" : p == GC_PREC_SEASON ? "season" : "year";
}

/* The ids of the skills whose evidence lies in a position's lines. */
static void position_skills(gc_buf *b, const gc_data *d, const gc_doc *doc,
                            const gc_position_info *p)
{
    int first = 1;

    gc_buf_adds(b, ",\"skills\":[");
    for (size_t i = 0; i < gc_doc_n_found(doc); i++) {
        size_t s = gc_doc_found_skill(doc, i);
        for (size_t k = 0; gc_doc_how(doc, s) == GC_EVIDENCED && k < gc_doc_n_evidence(doc, s); k++) {
            unsigned line;
            gc_doc_evidence(doc, s, k, &line, NULL, NULL);
            if (line >= p->first_line && line <= p->last_line) {
                gc_buf_adds(b, first ? "" : ",");
                gc_json_str(b, gc_skill_id(d, s));
                first = 0;
                break;
            }
        }
    }
    gc_buf_addc(b, ']');
}

static void experience(gc_buf *b, const gc_data *d, const gc_result *r, const gc_report_opts *o)
{
    const gc_doc *doc = gc_result_doc(r);
    const gc_experience *x = gc_result_experience(r);
    int as_of = gc_experience_as_of(x);

    gc_buf_printf(b, ",\"experience\":{\"as_of\":\"%d-%02d\",\"total_months\":%d,"
                  "\"positions\":[", as_of / 12, as_of % 12 + 1, gc_experience_total_months(x));
    for (size_t i = 0; i < gc_doc_n_positions(doc); i++) {
        gc_position_info p;
        gc_doc_position(doc, i, &p);
        gc_buf_adds(b, i ? ",{\"title\":" : "{\"title\":");
        if (p.title)
            doc_str(b, p.title, o);
        else
            gc_buf_adds(b, "null");
        gc_buf_adds(b, ",\"org\":");
        if (p.org)
            doc_str(b, p.org, o);
        else
            gc_buf_adds(b, "null");
        gc_buf_adds(b, ",\"start\":");
        when(b, p.start);
        gc_buf_adds(b, ",\"end\":");
        if (p.present)
            gc_buf_adds(b, "\"present\"");
        else
            when(b, p.end);
        gc_buf_printf(b, ",\"precision\":\"%s\",\"end_precision\":\"%s\"",
                      precision_name(p.start.precision),
                      p.present ? "month" : precision_name(p.end.precision));
        int m = gc_experience_position_months(x, i);
        if (m >= 0)
            gc_buf_printf(b, ",\"months\":%d", m);
        else
            gc_buf_adds(b, ",\"months\":null");
        gc_buf_printf(b, ",\"line\":%u,\"last_line\":%u", p.date_line, p.last_line);
        position_skills(b, d, doc, &p);
        gc_buf_addc(b, '}');
    }
    gc_buf_adds(b, "]}");
}

void gc_report_json(gc_buf *b, const gc_result *r, const gc_report_opts *o)
{
    const gc_data *d = gc_result_data(r);
    const gc_doc *doc = gc_result_doc(r);
    const gc_err *e = gc_doc_error(doc);

    gc_buf_adds(b, "{\"file\":");
    gc_json_str(b, gc_result_file(r));
    if (e != NULL) {
        error(b, e);
        gc_buf_adds(b, "}\n");
        return;
    }
    gc_buf_adds(b, ",\"status\":\"ok\",\"format\":");
    gc_json_str(b, gc_doc_format(doc));
    gc_buf_printf(b, ",\"pages\":%u,\"text_bytes\":%zu,\"hidden_chars\":%u,\"truncated\":%s",
                  gc_doc_pages(doc), gc_doc_text_bytes(doc), gc_doc_hidden_chars(doc),
                  gc_doc_truncated(doc) ? "true" : "false");
    gc_buf_adds(b, ",\"person\":");
    if (gc_doc_name(doc) && !o->redact)
        doc_str(b, gc_doc_name(doc), o);
    else
        gc_buf_adds(b, "null");
    ocr_and_warnings(b, doc);
    sections(b, doc);
    experience(b, d, r, o);
    skills(b, d, doc, gc_result_experience(r), o);
    if (gc_result_score(r) != NULL)
        role(b, d, doc, gc_result_score(r));
    if (gc_result_request(r)->suggest)
        suggestions(b, r);
    if (gc_result_job(r))
        job(b, d, r, o);
    gc_buf_adds(b, "}\n");
}
