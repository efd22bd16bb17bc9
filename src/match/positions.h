/* positions: the work history of a résumé — each dated position with its
 * title, organisation, dates as precise as written, and the lines that
 * belong to it — read from the experience section's lines.  What the
 * person did for how long is then counted in the parent (src/model/
 * experience.c) from these positions and the evidence lines of each skill.
 *
 * A position is anchored on a line holding a date range (dates.c).  Its
 * title and organisation are the rest of that line, or the nearest
 * heading-like line beside it: above when the section writes titles above
 * dates, below when dates come first.  It owns the lines up to the next
 * position.  JSON Resume documents are read from their work[] fields
 * (startDate, endDate) as written, not guessed. */
#ifndef GC_POSITIONS_H
#define GC_POSITIONS_H

#include <stddef.h>
#include <stdint.h>

#include "data/data_int.h"
#include "match/doc_int.h"

/* Appends to doc->positions the positions of text[0..len), whose lines
 * start at line_start[1..n_lines] (1-based) and lie in sections sec[]
 * (index + 1; is_heading marks heading lines).  At most GC_POSITIONS_MAX. */
void gc_positions(gc_doc *doc, const gc_data *d, const char *text, size_t len,
                  const uint32_t *line_start, size_t n_lines, const uint16_t *sec,
                  const uint8_t *is_heading);

#endif
