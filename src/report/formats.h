/* formats.h: the writers behind the format table (formats.c), one file
 * each.  Not part of the API: callers go through gc_report_format_find. */
#ifndef GC_FORMATS_H
#define GC_FORMATS_H

#include "gapcheck.h"

void gc_report_text(gc_buf *b, const gc_result *r, const gc_report_opts *o);
void gc_report_json(gc_buf *b, const gc_result *r, const gc_report_opts *o);
void gc_report_csv_header(gc_buf *b, const gc_data *d, const gc_request *q,
                          const gc_report_opts *o);
void gc_report_tsv_header(gc_buf *b, const gc_data *d, const gc_request *q,
                          const gc_report_opts *o);
void gc_report_csv(gc_buf *b, const gc_result *r, const gc_report_opts *o);
void gc_report_tsv(gc_buf *b, const gc_result *r, const gc_report_opts *o);
void gc_report_markdown(gc_buf *b, const gc_result *r, const gc_report_opts *o);
void gc_report_markdown_index(gc_buf *b, const gc_index *ix, const gc_report_opts *o);
void gc_report_html(gc_buf *b, const gc_result *r, const gc_report_opts *o);
void gc_report_html_index(gc_buf *b, const gc_index *ix, const gc_report_opts *o);

#endif
