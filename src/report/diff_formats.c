/* diff_formats: the table of the formats of a comparison (gapcheck diff),
 * beside the table of document formats (formats.c).  A comparison is one
 * whole report: no header row, no index. */
#include <string.h>

#include "gapcheck.h"
#include "report/diff_formats.h"

static const gc_diff_format formats[] = {
    {"text", gc_report_diff_text},
    {"json", gc_report_diff_json},
    {"html", gc_report_diff_html},
};

const gc_diff_format *gc_diff_format_find(const char *name)
{
    for (size_t i = 0; name && i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(formats[i].name, name) == 0)
            return &formats[i];
    return NULL;
}

const gc_diff_format *gc_diff_format_at(size_t i)
{
    return i < sizeof formats / sizeof formats[0] ? &formats[i] : NULL;
}
