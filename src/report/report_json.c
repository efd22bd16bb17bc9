/* JSON report: one object per document, on one line (JSON Lines).  The
 * field names are a public contract, documented in README.md; add fields,
 * never rename them. */
#include <string.h>

#include <glib.h>

#include "gapcheck.h"

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

static void skills(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_report_opts *o)
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

/* What to learn next in this phase, prerequisites first. */
static void plan(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_role *r, size_t p)
{
    size_t order[256], n = 0;

    if (gc_role_phase_n_skills(r, p) <= 256)
        n = gc_plan_phase(order, d, doc, r, p);
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
    plan(b, d, doc, r, p);
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

static void suggestions(gc_buf *b, const gc_report_more *m)
{
    gc_buf_adds(b, ",\"suggestions\":[");
    for (size_t i = 0; i < m->n_suggestions; i++) {
        const gc_score *s = m->suggestions[i];
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
static void job_list(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_job *j,
                     const char *name, int which)
{
    int first = 1;

    gc_buf_printf(b, ",\"%s\":[", name);
    for (size_t i = 0; i < gc_job_n_skills(j); i++) {
        int opt;
        size_t s = gc_job_skill(j, i, &opt);
        int had = gc_doc_how(doc, s) == GC_EVIDENCED;
        if ((which == 0 && opt) || (which == 1 && !opt) || (which == 2 && !had) ||
            (which == 3 && had))
            continue;
        gc_buf_adds(b, first ? "" : ",");
        gc_json_str(b, gc_skill_id(d, s));
        first = 0;
    }
    gc_buf_addc(b, ']');
}

static void job(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_report_more *m)
{
    const gc_job *j = m->job;

    gc_buf_adds(b, ",\"job\":{\"file\":");
    gc_json_str(b, m->job_file ? m->job_file : "");
    gc_buf_adds(b, ",\"role\":");
    if (gc_job_role(j))
        gc_json_str(b, gc_role_id(gc_job_role(j)));
    else
        gc_buf_adds(b, "null");
    job_list(b, d, doc, j, "required", 0);
    job_list(b, d, doc, j, "optional", 1);
    job_list(b, d, doc, j, "have", 2);
    job_list(b, d, doc, j, "missing", 3);
    gc_buf_adds(b, ",\"match\":");
    gc_json_num(b, gc_job_match(j), 3);
    gc_buf_adds(b, ",\"hours_per_week\":");
    gc_json_num(b, gc_job_hours(j), 2);
    gc_buf_adds(b, ",\"months_to_ready\":");
    gc_json_num(b, gc_job_months_to_ready(j), 1);
    gc_buf_addc(b, '}');
}

void gc_report_json(gc_buf *b, const gc_data *d, const char *file, const gc_doc *doc,
                    const gc_score *score, const gc_report_more *more,
                    const gc_report_opts *o)
{
    const gc_err *e = gc_doc_error(doc);

    gc_buf_adds(b, "{\"file\":");
    gc_json_str(b, file);
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
    ocr_and_warnings(b, doc);
    sections(b, doc);
    skills(b, d, doc, o);
    if (score != NULL)
        role(b, d, doc, score);
    if (more && more->n_suggestions)
        suggestions(b, more);
    if (more && more->job)
        job(b, d, doc, more);
    gc_buf_adds(b, "}\n");
}
