/* report_int.h: what the report writers share — the facts about a skill a
 * report shows, in the same words in every format.  Not part of the API. */
#ifndef GC_REPORT_INT_H
#define GC_REPORT_INT_H

#include <stddef.h>

#include "gapcheck.h"

/* "2019-03", "2019" or "Summer 2011"-style precision dropped: YYYY-MM or YYYY. */
void gc_report_when(gc_buf *b, gc_when w);
/* A position's end: "present", or its date as gc_report_when writes it. */
void gc_report_end(gc_buf *b, const gc_position_info *p);
/* A duration a reader takes in at once: "8 mo", "2 y", "4.5 y". */
void gc_report_duration(gc_buf *b, int months);
/* How the résumé shows a skill, for the line beside it: "5 y, last used
 * 2024", "3.5 y, current", "listed only", "implied by MLflow", or "" when
 * it does not show it. */
void gc_report_use(gc_buf *b, const gc_result *r, size_t skill);
/* Months to one decimal with the unit: "3.8 months", "1.0 month". */
void gc_report_months(gc_buf *b, double m);
/* A whole percentage of a 0..1 share, any value made sane. */
int gc_report_pct(double share);

/* Years a posting asks: "4+ years", "3–5 years", "1+ year". */
void gc_report_years_asked(gc_buf *b, const gc_job_years *y);

/* How a document was read, in the words every format prints: note i
 * (from 0) into b as one plain sentence.  Returns GC_NOTE_NONE past the
 * last; a WARNING says the result is unreliable or incomplete
 * (gc_doc_warning), an ALERT is a note worth colour (hidden text). */
enum { GC_NOTE_NONE, GC_NOTE_PLAIN, GC_NOTE_ALERT, GC_NOTE_WARNING };
int gc_report_doc_note(gc_buf *b, const gc_doc *doc, size_t i);
/* Years asked and shown: "4+ years asked, 6 y shown", "…, none shown in
 * dated positions". */
void gc_report_years(gc_buf *b, const gc_job_years *y);

/* Requirement q of a job as plain text: "Python", "FastAPI or Flask (via
 * Flask)", "AWS: ✓ itself, ✗ S3, ✓ EKS (2+ years asked, 1 y shown)",
 * "experience".  Not escaped. */
void gc_report_job_req(gc_buf *b, const gc_data *d, const gc_job *j, size_t q);
/* The years asked of requirement q as a whole (a single skill, an
 * umbrella, overall experience; of alternatives, the best one asked):
 * 1 and *y, else 0. */
int gc_report_job_req_years(const gc_job *j, size_t q, gc_job_years *y);
/* The posting lines that ask requirement q, ascending, at most cap. */
size_t gc_report_job_req_lines(unsigned *out, size_t cap, const gc_result *r, size_t q);
/* The text of a posting line (as its evidence keeps it) and its section. */
const char *gc_report_posting_line(const gc_result *r, unsigned line, const char **section_out);

/* The one line every human format prints near the gaps. */
extern const char gc_report_not_proof[];
/* The paragraphs of "how this was estimated" (plain text, one per item). */
extern const char *const gc_report_method[];

/* Appends items (already clean) separated by `sep`, breaking the line
 * before one that would pass the width, continued at `indent` columns. */
typedef struct gc_wrap {
    gc_buf *b;
    size_t col, indent, width;
    int first;
} gc_wrap;
/* Wrapping at `width` columns (80 when 20 or less) from where the
 * buffer's current line now ends. */
gc_wrap gc_wrap_start(gc_buf *b, int width, size_t indent);
void gc_wrap_item(gc_wrap *w, const char *sep, const char *item);
/* Characters a terminal shows: UTF-8 characters, colour escapes left out. */
size_t gc_visible_len(const char *s);

/* Text reports (report_text.c, report_diff_text.c): SGR colours, empty
 * unless o->color; `s` cleaned (gc_report_clean) into b. */
#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define RED "\033[31m"
#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RESET "\033[0m"
const char *gc_col(const gc_report_opts *o, const char *code);
void gc_text_clean(gc_buf *b, const char *s, int redact);

/* HTML (report_html.c): `s` cleaned (gc_report_clean) and escaped; the
 * head of a self-contained page in the reports' style, up to <body>, with
 * `extra_css` (or NULL) added to the style sheet. */
void gc_html_esc(gc_buf *b, const char *s, int redact);
void gc_html_head(gc_buf *b, const char *title, const char *extra_css);

#endif
