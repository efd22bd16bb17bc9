/* Every output format (the core's table, gc_report_format_at) shows every
 * part of a result: for each format and each of --role, --suggest, --job
 * and --explain, one gc_result is built with gc_result_new and written
 * with the format's header and document writers, and the output must hold
 *   - always: the person's name and the experience (every position's
 *     title, or the total months of dated experience as a value or cell,
 *     or the text formats' "<duration> in <n> dated positions");
 *   - --role: the role's title and every phase title;
 *   - --suggest: every role that fits (coverage > 0; the first 10), in
 *     rank order;
 *   - --job: the posting's name and its match (a percentage after
 *     "match", or the share as a value or cell);
 *   - --explain: every evidence line of every evidenced skill (its text,
 *     or "id:line,line" as the table formats write it).
 * A marker may take any of the forms above, so a format added to the
 * table is checked without touching this file.  As a control, the
 * request-dependent parts (role, suggestions, job) must be absent from
 * every format when not asked for (--suggest may show the role's phases):
 * a marker that matched anyway would prove nothing. */
#include <string.h>

#include <glib.h>

#include "harness.h"
#include "report/report_int.h"
#include "testdata.h"

#define AS_OF GC_MONTH(2026, 12)
#define SUGGEST_SHOWN 10   /* the text report lists the first ten roles */

static const char jobs_yaml[] =
    "sections:\n"
    "  - id: requirements\n"
    "    headings: [requirements]\n"
    "  - id: nice-to-have\n"
    "    headings: [nice to have]\n"
    "cues:\n"
    "  - id: nice-to-have\n"
    "    phrases: [a plus]\n";

static const char web_role[] =
    "id: web\n"
    "title: Web Developer\n"
    "hours_per_week: 10\n"
    "months: 6\n"
    "phases:\n"
    "  - id: front\n"
    "    title: Browser basics\n"
    "    months: 3\n"
    "    skills: [javascript, node-js]\n"
    "  - id: back\n"
    "    title: Data behind pages\n"
    "    months: 3\n"
    "    skills: [sql, mysql, java]\n";

static const char data_role[] =
    "id: dba\n"
    "title: Database Keeper\n"
    "hours_per_week: 10\n"
    "months: 4\n"
    "phases:\n"
    "  - id: only\n"
    "    title: Queries all day\n"
    "    months: 4\n"
    "    skills: [sql, excel]\n";

/* Evidence lines without characters any format escapes (& < > " '). */
static const char RESUME[] =
    "Jane Quinta Doe\n"
    "SKILLS\n"
    "Python, Docker, JavaScript\n"
    "EXPERIENCE\n"
    "Research Engineer, Acme Robotics\tJan 2020 - Present\n"
    "Trained PyTorch models on AWS and served them with Docker\n"
    "Data Analyst, Globex\tMar 2016 - Dec 2019\n"
    "Weekly SQL reports in Python for the sales team\n";

static const char POSTING[] =
    "Requirements\n"
    "Python, PyTorch, Kubernetes and MLOps\n"
    "Nice to have\n"
    "Distributed systems\n";

static const char POSTING_FILE[] = "posting-qz7.txt";

static gc_data *load(void)
{
    gc_limits lim = GC_LIMITS_INIT;
    gc_err err = GC_ERR_INIT;
    gc_data_builder *b = gc_data_builder_new(&lim);
    gc_data *d = NULL;

    if (gc_data_add_dir(b, GC_DATA_LEXICON, "tests/fixtures/data/mini/lex", 0, &err) < 0 ||
        gc_data_add(b, GC_DATA_LEXICON, "jobs.yaml", jobs_yaml, strlen(jobs_yaml), 0, &err) < 0 ||
        gc_data_add_dir(b, GC_DATA_ROLES, "tests/fixtures/data/mini/roles", 0, &err) < 0 ||
        gc_data_add(b, GC_DATA_ROLES, "web.yaml", web_role, strlen(web_role), 0, &err) < 0 ||
        gc_data_add(b, GC_DATA_ROLES, "dba.yaml", data_role, strlen(data_role), 0, &err) < 0 ||
        gc_data_build(&d, b, &err) < 0) {
        fprintf(stderr, "cannot load the data: %s:%u:%u: %s\n", err.path, err.line, err.col,
                err.msg);
        exit(1);
    }
    return d;
}

enum part { ROLE, SUGGEST, JOB, EXPLAIN, NONE };
static const char *const part_name[] = {"--role", "--suggest", "--job", "--explain", "nothing"};

/* One format's output for a request asking for `part`. */
static char *render(const gc_report_format *f, const gc_data *d, const gc_doc *posting,
                    enum part part, gc_result **res_out)
{
    gc_request q = {0};
    gc_report_opts o = {0};
    gc_result *res = NULL;
    gc_err err = GC_ERR_INIT;
    gc_buf b = {0};

    q.as_of = AS_OF;
    q.role = part == ROLE ? gc_data_find_role(d, "mle") : NULL;
    q.suggest = part == SUGGEST;
    q.posting = part == JOB ? posting : NULL;
    q.posting_file = part == JOB ? POSTING_FILE : NULL;
    q.explain = part == EXPLAIN;
    o.explain = q.explain;
    if (gc_result_new(&res, d, "resume-qz7.txt", analyze_str(d, RESUME), &q, &err) < 0) {
        fprintf(stderr, "gc_result_new: %s\n", err.msg);
        exit(1);
    }
    if (f->header)
        f->header(&b, d, &q, &o);
    f->document(&b, res, &o);
    CHECK(!b.failed);
    char *out = g_strndup(b.data ? b.data : "", b.len);
    gc_buf_free(&b);
    *res_out = res;
    return out;
}

/* s appears in out as a value or a table cell: after one of , \t : and
 * before one of , \t } \r \n or the end. */
static int has_value(const char *out, const char *s)
{
    size_t n = strlen(s);

    for (const char *p = strstr(out, s); p; p = strstr(p + 1, s))
        if (p > out && strchr(",\t:", p[-1]) && (p[n] == '\0' || strchr(",\t}\r\n", p[n])))
            return 1;
    return 0;
}

static int has(const char *out, const char *s)
{
    return strstr(out, s) != NULL;
}

static char *number(double v, int digits)
{
    gc_buf b = {0};
    gc_json_num(&b, v, digits);
    char *s = g_strndup(b.data ? b.data : "", b.len);
    gc_buf_free(&b);
    return s;
}

/* The person's name and the experience. */
static int always(const char *out, const gc_result *res)
{
    const gc_doc *doc = gc_result_doc(res);
    const gc_experience *x = gc_result_experience(res);
    int titles = gc_doc_n_positions(doc) > 0, ok;

    if (gc_doc_name(doc) == NULL || !has(out, gc_doc_name(doc)))
        return 0;
    for (size_t i = 0; i < gc_doc_n_positions(doc); i++) {
        gc_position_info p;
        gc_doc_position(doc, i, &p);
        titles &= p.title != NULL && has(out, p.title);
    }
    char *total = g_strdup_printf("%d", gc_experience_total_months(x));
    gc_buf dur = {0};
    gc_report_duration(&dur, gc_experience_total_months(x));
    char *phrase = g_strdup_printf("%.*s in %zu dated position", (int)dur.len, dur.data,
                                   gc_doc_n_positions(doc));
    ok = titles || has_value(out, total) || has(out, phrase);
    g_free(total);
    g_free(phrase);
    gc_buf_free(&dur);
    return ok;
}

static int role_shown(const char *out, const gc_data *d)
{
    const gc_role *r = gc_data_find_role(d, "mle");
    int ok = has(out, gc_role_title(r));

    for (size_t p = 0; p < gc_role_n_phases(r); p++)
        ok &= has(out, gc_role_phase_title(r, p));
    return ok;
}

/* Every fitting role's title, in rank order. */
static int suggestions_shown(const char *out, const gc_result *res)
{
    const char *at = out;
    size_t shown = 0;

    for (size_t i = 0; i < gc_result_n_suggestions(res) && shown < SUGGEST_SHOWN; i++) {
        const gc_score *s = gc_result_suggestion(res, i);
        if (gc_score_coverage(s) <= 0)
            break;
        const char *p = strstr(at, gc_role_title(gc_score_role(s)));
        if (p == NULL)
            return 0;
        at = p + 1;
        shown++;
    }
    return shown >= 2;   /* the résumé fits several roles: a ranking to show */
}

static int job_shown(const char *out, const gc_result *res)
{
    const gc_job *j = gc_result_job(res);
    char *pct = g_strdup_printf("atch %d%%", (int)(gc_job_match(j) * 100 + 0.5));
    char *share = number(gc_job_match(j), 3);
    int ok = has(out, POSTING_FILE) && (has(out, pct) || has_value(out, share));

    g_free(pct);
    g_free(share);
    return ok;
}

/* Every evidence line of every evidenced skill: its text, or the table
 * formats' "id:line,line". */
static int evidence_shown(const char *out, const gc_data *d, const gc_result *res)
{
    const gc_doc *doc = gc_result_doc(res);
    int texts = 1, cells = 1;

    for (size_t i = 0; i < gc_doc_n_found(doc); i++) {
        size_t s = gc_doc_found_skill(doc, i);
        if (gc_doc_how(doc, s) != GC_EVIDENCED)
            continue;
        GString *cell = g_string_new(gc_skill_id(d, s));
        g_string_append_c(cell, ':');
        for (size_t e = 0; e < gc_doc_n_evidence(doc, s); e++) {
            unsigned line;
            const char *text = gc_doc_evidence(doc, s, e, &line, NULL, NULL);
            texts &= has(out, text);
            g_string_append_printf(cell, "%s%u", e ? "," : "", line);
        }
        cells &= has(out, cell->str);
        g_string_free(cell, TRUE);
    }
    return texts || cells;
}

static void check_format(const gc_report_format *f, const gc_data *d, const gc_doc *posting)
{
    for (int part = ROLE; part <= NONE; part++) {
        gc_result *res = NULL;
        char *out = render(f, d, posting, (enum part)part, &res);
        int ok_always = always(out, res), ok = 1, stray = 0;

        switch (part) {
        case ROLE: ok = role_shown(out, d); break;
        case SUGGEST: ok = suggestions_shown(out, res); break;
        case JOB: ok = job_shown(out, res); break;
        case EXPLAIN: ok = evidence_shown(out, d, res); break;
        default: break;
        }
        /* the control: nothing of a part that was not asked for (a table
         * format's --suggest rows carry each role's phases: a role part) */
        if (part != ROLE && part != SUGGEST && role_shown(out, d))
            stray = ROLE + 1;
        if (part != JOB && has(out, POSTING_FILE))
            stray = JOB + 1;
        if (part != SUGGEST && part != ROLE && has(out, "Web Developer"))
            stray = SUGGEST + 1;
        if (!ok_always)
            fprintf(stderr, "format %s with %s: the name or the experience is missing\n",
                    f->name, part_name[part]);
        if (!ok)
            fprintf(stderr, "format %s: the part %s asks for is missing\n", f->name,
                    part_name[part]);
        if (stray)
            fprintf(stderr, "format %s with %s: %s's part is there unasked (a marker that "
                    "proves nothing)\n", f->name, part_name[part], part_name[stray - 1]);
        if (!ok_always || !ok || stray)
            fprintf(stderr, "---- output ----\n%s\n----\n", out);
        CHECK(ok_always);
        CHECK(ok);
        CHECK(!stray);
        g_free(out);
        gc_result_free(res);
    }
}

int main(void)
{
    gc_data *d = load();
    gc_limits lim = GC_LIMITS_INIT;
    gc_err err = GC_ERR_INIT;
    gc_analyze_opts po = {NULL, 0, 1};
    gc_doc *posting = NULL;
    size_t n = 0;

    CHECK(gc_analyze_text(&posting, d, POSTING, strlen(POSTING), &lim, &po, &err) == 0);
    for (const gc_report_format *f; (f = gc_report_format_at(n)) != NULL; n++)
        check_format(f, d, posting);
    CHECK(n >= 6);   /* text, json, csv, tsv, markdown, html at least */
    /* the checker is not vacuous: an empty document fails every part */
    gc_result *res = NULL;
    gc_request q = {0};
    q.as_of = AS_OF;
    q.role = gc_data_find_role(d, "mle");
    q.suggest = 1;
    q.posting = posting;
    q.posting_file = POSTING_FILE;
    CHECK(gc_result_new(&res, d, "x", analyze_str(d, RESUME), &q, &err) == 0);
    CHECK(!always("", res) && !role_shown("", d) && !suggestions_shown("", res) &&
          !job_shown("", res) && !evidence_shown("", d, res));
    gc_result_free(res);
    gc_doc_free(posting);
    gc_data_free(d);
    return test_summary("test_formats");
}
