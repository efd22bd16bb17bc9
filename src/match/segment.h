/* segment: finds the résumé's sections (skills, experience, education …)
 * from heading lines, using the headings listed in the lexicon data
 * (sections.yaml), in any of the languages listed there. */
#ifndef GC_SEGMENT_H
#define GC_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "data/data_int.h"

/* For each 1-based line 1..n_lines, sets sec[line] to a section index + 1,
 * or 0 before the first heading.  Heading lines are marked too, with
 * is_heading[line] = 1.  A line "Skills: Python, Go" counts as a skills line
 * without changing the current section.  Arrays have n_lines + 1 entries. */
void gc_segment(uint16_t *sec, uint8_t *is_heading, const gc_data *d, const char *text,
                size_t len, size_t n_lines);

#endif
