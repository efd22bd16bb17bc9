/* posting: what a job posting says besides naming skills, read in posting
 * mode (gc_analyze_opts.posting) after the matcher has accepted its skills:
 *   - alternatives: skills of one line joined by an "or" word ("FastAPI or
 *     Flask", "Snowflake / BigQuery") or listed after a lead phrase ("one
 *     of", "either"), one group each;
 *   - years asked: "4+ years of Python", "3-5 years of experience",
 *     "mindestens drei Jahre Erfahrung mit Java", for a skill or overall;
 *   - the lines before its first heading, where its title stands.
 * The words are data (lexicon/jobs.yaml: `alternatives:`, `years:`); the
 * rules are in posting.c.  Results go into the doc (doc_int.h). */
#ifndef GC_POSTING_H
#define GC_POSTING_H

#include <stddef.h>
#include <stdint.h>

#include "base/tokenize.h"
#include "data/data_int.h"
#include "match/doc_int.h"

/* An accepted skill match: tokens [a, b). */
typedef struct gc_span {
    uint32_t skill, a, b;
} gc_span;

/* `spans` in text order (by start, longest first); `sec` and `is_heading`
 * per line (1-based), line_start the byte offset of each line. */
void gc_posting_read(gc_doc *doc, const gc_data *d, const char *text, size_t len,
                     const gc_tokens *t, const gc_span *spans, size_t n_spans,
                     const uint32_t *line_start, size_t n_lines, const uint16_t *sec,
                     const uint8_t *is_heading);

#endif
