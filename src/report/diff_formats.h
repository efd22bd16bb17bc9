/* diff_formats.h: the writers behind the comparison format table
 * (diff_formats.c), one file each.  Not part of the API: callers go
 * through gc_diff_format_find. */
#ifndef GC_DIFF_FORMATS_H
#define GC_DIFF_FORMATS_H

#include "gapcheck.h"

void gc_report_diff_text(gc_buf *b, const gc_diff *df, const gc_report_opts *o);
void gc_report_diff_json(gc_buf *b, const gc_diff *df, const gc_report_opts *o);
void gc_report_diff_html(gc_buf *b, const gc_diff *df, const gc_report_opts *o);

#endif
