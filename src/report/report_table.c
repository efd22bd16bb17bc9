/* CSV (RFC 4180) and TSV reports for spreadsheets: one row per document
 * and role.  Every cell is neutralised against formula injection (OWASP
 * ASVS V1.2.10): a cell starting with = + - @ TAB or CR gets a leading
 * apostrophe, so a file named "=HYPERLINK(...)" stays text. */
#include <string.h>

#include <glib.h>

#include "gapcheck.h"
#include "report/formats.h"

static void cell(gc_buf *b, char sep, const char *s)
{
    char *c = gc_report_clean(s, 0);  /* controls (incl. TAB, CR, LF) become spaces */
    int quote = sep == ',' && strpbrk(c, ",\"") != NULL;

    if (strchr("=+-@\t\r", c[0]) && c[0] != '\0')
        quote = sep == ',';
    if (quote)
        gc_buf_addc(b, '"');
    if (strchr("=+-@\t\r", c[0]) && c[0] != '\0')
        gc_buf_addc(b, '\'');
    for (const char *p = c; *p; p++) {
        if (*p == '"' && sep == ',')
            gc_buf_addc(b, '"');
        gc_buf_addc(b, *p);
    }
    if (quote)
        gc_buf_addc(b, '"');
    g_free(c);
}

static void next(gc_buf *b, char sep)
{
    gc_buf_addc(b, sep);
}

static void num(gc_buf *b, double v, int digits)
{
    gc_json_num(b, v, digits);
}

/* The most phases any role has: every row has that many phase columns. */
static size_t max_phases(const gc_data *d)
{
    size_t n = 0;
    for (size_t i = 0; i < gc_data_n_roles(d); i++)
        if (gc_role_n_phases(gc_data_role(d, i)) > n)
            n = gc_role_n_phases(gc_data_role(d, i));
    return n;
}

static void header(gc_buf *b, char sep, const gc_data *d)
{
    static const char *const cols[] = {"file", "status", "error_code", "error", "format",
                                       "person", "experience_months", "role", "role_title",
                                       "rank", "hours_per_week", "coverage", "months_to_ready",
                                       NULL};
    static const char *const tail[] = {"phases", "missing_skills", "implied_skills", "skills",
                                       "skill_months", "hidden_chars", "job_file", "job_role",
                                       "job_match", "job_months_to_ready", "job_missing",
                                       "evidence", "job_title", "job_role_by",
                                       "job_requirements", "job_years", "job_plan",
                                       "warnings", "ocr_pages", NULL};
    size_t n = max_phases(d);

    for (size_t i = 0; cols[i]; i++) {
        gc_buf_adds(b, cols[i]);
        next(b, sep);
    }
    for (size_t p = 0; p < n; p++) {
        gc_buf_printf(b, "phase_%zu_coverage", p + 1);
        next(b, sep);
    }
    for (size_t p = 0; p < n; p++) {
        gc_buf_printf(b, "phase_%zu_skill_months", p + 1);
        next(b, sep);
    }
    for (size_t i = 0; tail[i]; i++) {
        gc_buf_adds(b, tail[i]);
        if (tail[i + 1])
            next(b, sep);
    }
    gc_buf_adds(b, "\r\n");
}

void gc_report_csv_header(gc_buf *b, const gc_data *d, const gc_request *q,
                          const gc_report_opts *o)
{
    (void)q, (void)o;
    header(b, ',', d);
}

void gc_report_tsv_header(gc_buf *b, const gc_data *d, const gc_request *q,
                          const gc_report_opts *o)
{
    (void)q, (void)o;
    header(b, '\t', d);
}

/* Space-separated ids of a role's skills in one state. */
static void ids(gc_buf *b, char sep, const gc_data *d, const gc_doc *doc, const gc_role *r,
                gc_how want)
{
    GString *s = g_string_new(NULL);

    for (size_t p = 0; r && p < gc_role_n_phases(r); p++)
        for (size_t i = 0; i < gc_role_phase_n_skills(r, p); i++) {
            size_t k = gc_role_phase_skill(r, p, i, NULL);
            if (gc_doc_how(doc, k) == want)
                g_string_append_printf(s, "%s%s", s->len ? " " : "", gc_skill_id(d, k));
        }
    cell(b, sep, s->str);
    g_string_free(s, TRUE);
}

/* "python=71 pytorch=listed mlops=implied aws=0": months of use of each
 * skill of a phase in dated positions, or how else the résumé shows it. */
static void skill_months(gc_buf *b, char sep, const gc_result *res, const gc_role *r, size_t p)
{
    const gc_data *d = gc_result_data(res);
    const gc_doc *doc = gc_result_doc(res);
    const gc_experience *x = gc_result_experience(res);
    GString *s = g_string_new(NULL);
    gc_skill_use_info u;

    for (size_t i = 0; i < gc_role_phase_n_skills(r, p); i++) {
        size_t k = gc_role_phase_skill(r, p, i, NULL);
        gc_how how = gc_doc_how(doc, k);
        g_string_append_printf(s, "%s%s=", s->len ? " " : "", gc_skill_id(d, k));
        if (how == GC_EVIDENCED && gc_experience_skill(x, k, &u))
            g_string_append_printf(s, "%d", u.months);
        else
            g_string_append(s, how == GC_EVIDENCED ? "listed" : how == GC_IMPLIED ? "implied"
                                                                                   : "0");
    }
    cell(b, sep, s->str);
    g_string_free(s, TRUE);
}

static void role_cells(gc_buf *b, char sep, const gc_result *res, const gc_score *sc,
                       size_t rank)
{
    const gc_data *d = gc_result_data(res);
    const gc_doc *doc = gc_result_doc(res);
    const gc_role *r = sc ? gc_score_role(sc) : NULL;
    size_t n_phases = max_phases(d);
    GString *titles = g_string_new(NULL);

    cell(b, sep, r ? gc_role_id(r) : "");
    next(b, sep);
    cell(b, sep, r ? gc_role_title(r) : "");
    next(b, sep);
    if (rank)
        gc_buf_printf(b, "%zu", rank);
    next(b, sep);
    if (sc) {
        num(b, gc_score_hours(sc), 2);
        next(b, sep);
        num(b, gc_score_coverage(sc), 3);
        next(b, sep);
        num(b, gc_score_months_to_ready(sc), 1);
    } else {
        next(b, sep);
        next(b, sep);
    }
    next(b, sep);
    for (size_t p = 0; p < n_phases; p++) {
        if (r && p < gc_role_n_phases(r)) {
            num(b, gc_score_phase_coverage(sc, p), 3);
            g_string_append_printf(titles, "%s%s", p ? " | " : "", gc_role_phase_title(r, p));
        }
        next(b, sep);
    }
    for (size_t p = 0; p < n_phases; p++) {
        if (r && p < gc_role_n_phases(r))
            skill_months(b, sep, res, r, p);
        next(b, sep);
    }
    cell(b, sep, titles->str);
    next(b, sep);
    ids(b, sep, d, doc, r, GC_ABSENT);
    next(b, sep);
    ids(b, sep, d, doc, r, GC_IMPLIED);
    g_string_free(titles, TRUE);
}

static void job_cells(gc_buf *b, char sep, const gc_result *res)
{
    const gc_job *j = gc_result_job(res);
    const gc_data *d = gc_result_data(res);
    GString *miss = g_string_new(NULL);

    if (j == NULL) {
        for (int i = 0; i < 4; i++)
            next(b, sep);
        g_string_free(miss, TRUE);
        return;
    }
    cell(b, sep, gc_result_request(res)->posting_file);
    next(b, sep);
    cell(b, sep, gc_job_role(j) ? gc_role_id(gc_job_role(j)) : "");
    next(b, sep);
    num(b, gc_job_match(j), 3);
    next(b, sep);
    num(b, gc_job_months_to_ready(j), 1);
    next(b, sep);
    for (size_t i = 0; i < gc_job_n_skills(j); i++)
        if (gc_job_skill_credit(j, i).credit <= 0)
            g_string_append_printf(miss, "%s%s", miss->len ? " " : "",
                                   gc_skill_id(d, gc_job_skill(j, i, NULL)));
    cell(b, sep, miss->str);
    g_string_free(miss, TRUE);
}

/* The job's requirements, years and plan, after every other column (the
 * columns before them keep their places):
 *   job_requirements  "python(fastapi|flask)=0.958 snowflake|bigquery=0 spark?=0.5
 *                     experience=1": alternatives joined by |, the parts under
 *                     an umbrella in brackets, ? for nice-to-have, = the credit;
 *   job_years         "experience:5+:102 python:3+:30 go:2+:": asked and the
 *                     months shown (empty: none dated);
 *   job_plan          "web:node-js production:python,snowflake", by phase. */
/* How the document was read: its warnings by name (garbled_text,
 * ocr_incomplete) and the pages or pictures OCR read, space-separated. */
static void read_cells(gc_buf *b, char sep, const gc_doc *doc)
{
    GString *s = g_string_new(NULL);

    next(b, sep);
    for (size_t i = 0; doc && i < gc_doc_n_warnings(doc); i++)
        g_string_append_printf(s, "%s%s", i ? " " : "", gc_doc_warning(doc, i));
    cell(b, sep, s->str);
    next(b, sep);
    g_string_truncate(s, 0);
    for (size_t i = 0; doc && i < gc_doc_n_ocr_pages(doc); i++)
        g_string_append_printf(s, "%s%u", i ? " " : "", gc_doc_ocr_page(doc, i));
    cell(b, sep, s->str);
    g_string_free(s, TRUE);
}

static void job_tail_cells(gc_buf *b, char sep, const gc_result *res)
{
    const gc_job *j = res ? gc_result_job(res) : NULL;
    const gc_data *d = res ? gc_result_data(res) : NULL;
    const gc_role *role = j ? gc_job_role(j) : NULL;
    GString *s = g_string_new(NULL);
    gc_job_years y;

    next(b, sep);
    if (j && gc_job_title(j, NULL))
        cell(b, sep, gc_job_title(j, NULL));
    next(b, sep);
    if (j)
        cell(b, sep, gc_job_role_by_title(j) ? "title" : "skills");
    next(b, sep);
    for (size_t q = 0; j && q < gc_job_n_reqs(j); q++) {
        gc_job_req rq;
        gc_job_req_get(j, q, &rq);
        g_string_append(s, s->len ? " " : "");
        if (rq.experience)
            g_string_append(s, "experience");
        for (size_t p = 0; p < rq.n_parts; p++) {
            g_string_append(s, p == 1 ? "(" : p > 1 ? "," : "");
            for (size_t i = 0; i < gc_job_req_part_n(j, q, p); i++)
                g_string_append_printf(s, "%s%s", i ? "|" : "",
                                       gc_skill_id(d, gc_job_skill(j, gc_job_req_part_skill(j, q, p, i),
                                                                   NULL)));
        }
        g_string_append_printf(s, "%s%s=", rq.n_parts > 1 ? ")" : "", rq.optional ? "?" : "");
        gc_buf c = {0};
        gc_json_num(&c, rq.credit, 3);
        g_string_append_len(s, c.data ? c.data : "", (gssize)c.len);
        gc_buf_free(&c);
    }
    cell(b, sep, s->str);
    next(b, sep);
    g_string_truncate(s, 0);
    if (j && gc_job_experience_years(j, &y)) {
        g_string_append_printf(s, "experience:%u%s", y.min, y.max ? "" : "+");
        if (y.max)
            g_string_append_printf(s, "-%u", y.max);
        g_string_append_c(s, ':');
        if (y.shown >= 0)
            g_string_append_printf(s, "%d", y.shown);
    }
    for (size_t i = 0; j && i < gc_job_n_skills(j); i++)
        if (gc_job_skill_years(j, i, &y)) {
            g_string_append_printf(s, "%s%s:%u%s", s->len ? " " : "",
                                   gc_skill_id(d, gc_job_skill(j, i, NULL)), y.min,
                                   y.max ? "" : "+");
            if (y.max)
                g_string_append_printf(s, "-%u", y.max);
            g_string_append_c(s, ':');
            if (y.shown >= 0)
                g_string_append_printf(s, "%d", y.shown);
        }
    cell(b, sep, s->str);
    next(b, sep);
    g_string_truncate(s, 0);
    for (size_t i = 0; j && i < gc_job_plan_n(j); i++) {
        size_t phase, prev = 0, k = gc_job_plan_step(j, i, &phase);
        if (i > 0)
            gc_job_plan_step(j, i - 1, &prev);
        if (i == 0 || prev != phase)
            g_string_append_printf(s, "%s%s:", i ? " " : "",
                                   role && phase < gc_role_n_phases(role)
                                       ? gc_role_phase_id(role, phase) : "other");
        else
            g_string_append_c(s, ',');
        g_string_append(s, gc_skill_id(d, gc_job_skill(j, k, NULL)));
    }
    cell(b, sep, s->str);
    g_string_free(s, TRUE);
}

/* With --explain: "python:14,22 docker:14", the lines that show each skill. */
static void evidence_cell(gc_buf *b, char sep, const gc_result *res, const gc_report_opts *o)
{
    const gc_data *d = gc_result_data(res);
    const gc_doc *doc = gc_result_doc(res);
    GString *s = g_string_new(NULL);

    for (size_t i = 0; o->explain && i < gc_doc_n_found(doc); i++) {
        size_t k = gc_doc_found_skill(doc, i);
        if (gc_doc_how(doc, k) != GC_EVIDENCED)
            continue;
        g_string_append_printf(s, "%s%s:", s->len ? " " : "", gc_skill_id(d, k));
        for (size_t e = 0; e < gc_doc_n_evidence(doc, k); e++) {
            unsigned line;
            gc_doc_evidence(doc, k, e, &line, NULL, NULL);
            g_string_append_printf(s, "%s%u", e ? "," : "", line);
        }
    }
    cell(b, sep, s->str);
    g_string_free(s, TRUE);
}

static void row(gc_buf *b, char sep, const gc_result *res, const gc_score *sc, size_t rank,
                const gc_report_opts *o)
{
    const gc_data *d = gc_result_data(res);
    const gc_doc *doc = gc_result_doc(res);
    const gc_err *e = gc_doc_error(doc);
    const gc_experience *x = gc_result_experience(res);
    GString *skills = g_string_new(NULL);

    cell(b, sep, gc_result_file(res));
    next(b, sep);
    cell(b, sep, e ? "error" : "ok");
    next(b, sep);
    cell(b, sep, e ? gc_code_name(e->code) : "");
    next(b, sep);
    cell(b, sep, e ? e->msg : "");
    next(b, sep);
    cell(b, sep, e ? "" : gc_doc_format(doc));
    next(b, sep);
    cell(b, sep, e || o->redact || !gc_doc_name(doc) ? "" : gc_doc_name(doc));
    next(b, sep);
    if (!e && gc_doc_n_positions(doc))
        gc_buf_printf(b, "%d", gc_experience_total_months(x));
    next(b, sep);
    role_cells(b, sep, res, e ? NULL : sc, rank);
    next(b, sep);
    for (size_t i = 0; !e && i < gc_doc_n_found(doc); i++) {
        size_t k = gc_doc_found_skill(doc, i);
        if (gc_doc_how(doc, k) == GC_EVIDENCED)
            g_string_append_printf(skills, "%s%s", skills->len ? " " : "", gc_skill_id(d, k));
    }
    cell(b, sep, skills->str);
    next(b, sep);
    g_string_truncate(skills, 0);
    for (size_t i = 0; !e && i < gc_doc_n_found(doc); i++) {
        size_t k = gc_doc_found_skill(doc, i);
        gc_skill_use_info u;
        if (gc_doc_how(doc, k) == GC_EVIDENCED && gc_experience_skill(x, k, &u))
            g_string_append_printf(skills, "%s%s=%d", skills->len ? " " : "", gc_skill_id(d, k),
                                   u.months);
    }
    cell(b, sep, skills->str);
    next(b, sep);
    if (!e)
        gc_buf_printf(b, "%u", gc_doc_hidden_chars(doc));
    next(b, sep);
    if (!e)
        job_cells(b, sep, res);
    else
        for (int i = 0; i < 4; i++)
            next(b, sep);
    next(b, sep);
    if (!e)
        evidence_cell(b, sep, res, o);
    job_tail_cells(b, sep, e ? NULL : res);
    read_cells(b, sep, e ? NULL : doc);
    gc_buf_adds(b, "\r\n");
    g_string_free(skills, TRUE);
}

/* One row per role ranked (--suggest), else one for the chosen role or none. */
static void rows(gc_buf *b, char sep, const gc_result *res, const gc_report_opts *o)
{
    size_t n = gc_result_n_suggestions(res);

    if (n && !gc_doc_error(gc_result_doc(res)))
        for (size_t i = 0; i < n; i++)
            row(b, sep, res, gc_result_suggestion(res, i), i + 1, o);
    else
        row(b, sep, res, gc_result_score(res), 0, o);
}

void gc_report_csv(gc_buf *b, const gc_result *r, const gc_report_opts *o)
{
    rows(b, ',', r, o);
}

void gc_report_tsv(gc_buf *b, const gc_result *r, const gc_report_opts *o)
{
    rows(b, '\t', r, o);
}
