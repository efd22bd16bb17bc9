/* CSV (RFC 4180) and TSV reports for spreadsheets: one row per document
 * and role.  Every cell is neutralised against formula injection (OWASP
 * ASVS V1.2.10): a cell starting with = + - @ TAB or CR gets a leading
 * apostrophe, so a file named "=HYPERLINK(...)" stays text. */
#include <string.h>

#include <glib.h>

#include "gapcheck.h"

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

void gc_report_table_header(gc_buf *b, char sep, size_t n_phases)
{
    static const char *const cols[] = {"file", "status", "error_code", "error", "format",
                                       "role", "role_title", "hours_per_week", "coverage",
                                       "months_to_ready", NULL};

    for (size_t i = 0; cols[i]; i++) {
        gc_buf_adds(b, cols[i]);
        next(b, sep);
    }
    for (size_t p = 0; p < n_phases; p++) {
        gc_buf_printf(b, "phase_%zu_coverage", p + 1);
        next(b, sep);
    }
    gc_buf_printf(b, "phases%cmissing_skills%cimplied_skills%cskills%chidden_chars\r\n", sep,
                  sep, sep, sep);
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

static void role_cells(gc_buf *b, char sep, const gc_data *d, const gc_doc *doc,
                       const gc_score *sc, size_t n_phases)
{
    const gc_role *r = sc ? gc_score_role(sc) : NULL;
    GString *titles = g_string_new(NULL);

    cell(b, sep, r ? gc_role_id(r) : "");
    next(b, sep);
    cell(b, sep, r ? gc_role_title(r) : "");
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
    cell(b, sep, titles->str);
    next(b, sep);
    ids(b, sep, d, doc, r, GC_ABSENT);
    next(b, sep);
    ids(b, sep, d, doc, r, GC_IMPLIED);
    g_string_free(titles, TRUE);
}

void gc_report_table_row(gc_buf *b, char sep, const gc_data *d, const char *file,
                         const gc_doc *doc, const gc_score *sc, size_t n_phases)
{
    const gc_err *e = gc_doc_error(doc);
    GString *skills = g_string_new(NULL);

    cell(b, sep, file);
    next(b, sep);
    cell(b, sep, e ? "error" : "ok");
    next(b, sep);
    cell(b, sep, e ? gc_code_name(e->code) : "");
    next(b, sep);
    cell(b, sep, e ? e->msg : "");
    next(b, sep);
    cell(b, sep, e ? "" : gc_doc_format(doc));
    next(b, sep);
    role_cells(b, sep, d, doc, e ? NULL : sc, n_phases);
    next(b, sep);
    for (size_t i = 0; !e && i < gc_doc_n_found(doc); i++) {
        size_t s = gc_doc_found_skill(doc, i);
        if (gc_doc_how(doc, s) == GC_EVIDENCED)
            g_string_append_printf(skills, "%s%s", skills->len ? " " : "", gc_skill_id(d, s));
    }
    cell(b, sep, skills->str);
    next(b, sep);
    if (!e)
        gc_buf_printf(b, "%u", gc_doc_hidden_chars(doc));
    gc_buf_adds(b, "\r\n");
    g_string_free(skills, TRUE);
}
