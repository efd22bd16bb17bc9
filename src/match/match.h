/* match: finds the lexicon's skills in normalised text.
 *
 * Literal aliases (nearly all) are looked up token by token in a hash of
 * interned words: one lookup per word of the résumé, whatever the lexicon's
 * size.  The few regex aliases run through PCRE2 with strict limits.
 * Candidates then pass the context rules in the data (case, list, tech,
 * `not` phrases, URLs, hyphen compounds); rejected ones are kept as near
 * misses so `explain` can say why. */
#ifndef GC_MATCH_H
#define GC_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "data/data_int.h"
#include "match/doc_int.h"

/* Matches `text` (normalised, NUL-terminated) and fills doc's skills,
 * evidence, implications, near misses and sections.  `explain` is a skill
 * index to look for harder (substring near misses), or -1.  `posting`: the
 * text is a job posting (cue phrases apply). */
int gc_match(gc_doc *doc, const gc_data *d, const char *text, size_t len, long explain,
             int posting, gc_err *err);

#endif
