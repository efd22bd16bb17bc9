/* headings: section heading keys and the filter over their first words
 * (see headings.c). */
#ifndef GC_HEADINGS_H
#define GC_HEADINGS_H

#include <stddef.h>
#include <stdint.h>

#include "data/data_int.h"

/* Canonical key of a heading: case-folded, letter-spaced words closed up
 * ("E X P E R I E N C E" → "experience"), punctuation and digits dropped,
 * single spaces.  Returns the key length, 0 when nothing is left. */
size_t gc_heading_key(char *dst, size_t cap, const char *s, size_t n);

/* Adds a heading key to heading_to_section and to the filter gc_segment
 * tries first: most lines' first two letters begin no heading, and then
 * building their key (the fold, the hash) is skipped. */
void gc_heading_add(gc_data *d, const char *key, unsigned section_plus_1);

/* "E X P E R I E N C E": every non-space character stands alone. */
int gc_heading_letter_spaced(const char *s, size_t n);

/* The filter's two bits for the first word of s; 0 when it cannot tell
 * (see headings.c). */
int gc_heading_bits(const char *s, size_t n, uint32_t *b1, uint32_t *b2);

#endif
