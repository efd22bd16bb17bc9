/* formats: the table of output formats.  A format is a row here and a
 * writer per document (and an index writer for -o DIR); the command line
 * looks a format up by name and never decides what a format shows. */
#include <string.h>

#include "gapcheck.h"
#include "report/formats.h"

static const gc_report_format formats[] = {
    {"text", NULL, 0, NULL, gc_report_text, NULL},
    {"json", NULL, 0, NULL, gc_report_json, NULL},
    {"csv", NULL, 0, gc_report_csv_header, gc_report_csv, NULL},
    {"tsv", NULL, 0, gc_report_tsv_header, gc_report_tsv, NULL},
    {"markdown", "md", 0, NULL, gc_report_markdown, gc_report_markdown_index},
    {"html", "html", 1, NULL, gc_report_html, gc_report_html_index},
};

const gc_report_format *gc_report_format_find(const char *name)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(formats[i].name, name) == 0 || (strcmp(name, "md") == 0 && formats[i].ext &&
                                                   strcmp(formats[i].ext, "md") == 0))
            return &formats[i];
    return NULL;
}

const gc_report_format *gc_report_format_at(size_t i)
{
    return i < sizeof formats / sizeof formats[0] ? &formats[i] : NULL;
}

void gc_index_row_set(gc_index_row *row, const gc_result *r, const char *file, const char *href)
{
    const gc_doc *doc = gc_result_doc(r);
    const gc_score *sc = gc_result_main_score(r);
    const gc_experience *x = gc_result_experience(r);

    memset(row, 0, sizeof *row);
    row->file = file;
    row->href = href;
    row->total_months = -1;
    if (gc_doc_error(doc)) {
        row->error = gc_doc_error(doc)->msg;
        return;
    }
    row->person = gc_doc_name(doc);
    if (x && gc_doc_n_positions(doc))
        row->total_months = gc_experience_total_months(x);
    if (sc) {
        row->role = gc_role_title(gc_score_role(sc));
        row->coverage = gc_score_coverage(sc);
        row->months = gc_score_months_to_ready(sc);
        row->has_score = 1;
    }
}
