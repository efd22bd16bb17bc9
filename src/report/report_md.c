/* Markdown reports (GitHub-flavoured): one per résumé and an index.
 * Document text is escaped so a résumé cannot inject links, HTML or table
 * cells into the report. */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "gapcheck.h"

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
            if (strchr("\\`*_[]|~", *p))
                gc_buf_addc(b, '\\');
            gc_buf_addc(b, *p);
        }
    }
    g_free(c);
}

static void skill_list(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_role *r,
                       size_t p, gc_how want)
{
    int first = 1;

    for (size_t i = 0; i < gc_role_phase_n_skills(r, p); i++) {
        size_t s = gc_role_phase_skill(r, p, i, NULL);
        if (gc_doc_how(doc, s) != want)
            continue;
        gc_buf_adds(b, first ? "" : ", ");
        esc(b, gc_skill_name(d, s), 0);
        first = 0;
    }
}

static void role_part(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_score *sc)
{
    const gc_role *r = gc_score_role(sc);

    gc_buf_adds(b, "\n**");
    esc(b, gc_role_title(r), 0);
    gc_buf_printf(b, "**: ready in about %.1f months at %g h/week (coverage %d%%)\n\n"
                  "| Phase | Coverage | Months left | Have | Implied | Missing |\n"
                  "|---|---:|---:|---|---|---|\n", gc_score_months_to_ready(sc),
                  gc_score_hours(sc), (int)lround(gc_score_coverage(sc) * 100));
    for (size_t p = 0; p < gc_role_n_phases(r); p++) {
        gc_buf_adds(b, "| ");
        esc(b, gc_role_phase_title(r, p), 0);
        gc_buf_printf(b, " | %d%% | %.1f | ", (int)lround(gc_score_phase_coverage(sc, p) * 100),
                      gc_score_phase_months_left(sc, p));
        skill_list(b, d, doc, r, p, GC_EVIDENCED);
        gc_buf_adds(b, " | ");
        skill_list(b, d, doc, r, p, GC_IMPLIED);
        gc_buf_adds(b, " | ");
        skill_list(b, d, doc, r, p, GC_ABSENT);
        gc_buf_adds(b, " |\n");
    }
}

static void evidence(gc_buf *b, const gc_data *d, const gc_doc *doc, int redact)
{
    gc_buf_adds(b, "\n### Evidence\n\n");
    for (size_t i = 0; i < gc_doc_n_found(doc); i++) {
        size_t s = gc_doc_found_skill(doc, i);
        unsigned line;
        const char *sec, *matched;
        if (gc_doc_how(doc, s) != GC_EVIDENCED)
            continue;
        const char *text = gc_doc_evidence(doc, s, 0, &line, &sec, &matched);
        gc_buf_adds(b, "- **");
        esc(b, gc_skill_name(d, s), 0);
        gc_buf_printf(b, "**, line %u%s%s%s: ", line, sec ? " (" : "", sec ? sec : "",
                      sec ? ")" : "");
        esc(b, text, redact);
        gc_buf_addc(b, '\n');
    }
}

void gc_report_markdown(gc_buf *b, const gc_data *d, const char *file, const gc_doc *doc,
                        const gc_score *score, const gc_report_more *more,
                        const gc_report_opts *o)
{
    const gc_err *e = gc_doc_error(doc);

    (void)more;
    gc_buf_adds(b, "## ");
    esc(b, file, 0);
    gc_buf_addc(b, '\n');
    if (e != NULL) {
        gc_buf_adds(b, "\nCould not be analysed: ");
        esc(b, e->msg, 0);
        gc_buf_adds(b, "\n\n");
        return;
    }
    gc_buf_printf(b, "\n%s, %zu skills found\n", gc_doc_format(doc), gc_doc_n_found(doc));
    if (score != NULL)
        role_part(b, d, doc, score);
    evidence(b, d, doc, o->redact);
    gc_buf_addc(b, '\n');
}

void gc_report_markdown_index(gc_buf *b, const gc_index_row *rows, size_t n, const char *title)
{
    gc_buf_adds(b, "# ");
    esc(b, title, 0);
    gc_buf_adds(b, "\n\n| Name | Best-fitting role | Coverage | Months to ready |\n"
                   "|---|---|---:|---:|\n");
    for (size_t i = 0; i < n; i++) {
        gc_buf_adds(b, "| [");
        esc(b, rows[i].name, 0);
        gc_buf_adds(b, "](");
        for (const char *p = rows[i].href; *p; p++)  /* our own safe name: no escapes needed */
            gc_buf_addc(b, *p);
        gc_buf_adds(b, ") | ");
        if (rows[i].error)
            esc(b, rows[i].error, 0);
        else
            esc(b, rows[i].role ? rows[i].role : "", 0);
        if (rows[i].has_score && !rows[i].error)
            gc_buf_printf(b, " | %d%% | %.1f |\n", (int)lround(rows[i].coverage * 100),
                          rows[i].months);
        else
            gc_buf_adds(b, " | | |\n");
    }
}
