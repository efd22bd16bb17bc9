/* garbled: is a text layer words at all?  A PDF whose fonts have broken
 * ToUnicode maps extracts as strings like "MHviB+b" or "*?M/`b?2F`":
 * letters, but not words.  The measure is cheap and language-blind. */
#ifndef GC_GARBLED_H
#define GC_GARBLED_H

#include <stddef.h>

/* The share (0..1) of word-like tokens among the tokens of s[0..len) that
 * hold a letter: letters only (with inner hyphens, apostrophes and dots),
 * in lower case, UPPER case, Capitalised or with at most two inner
 * capitals, and a vowel in any Latin word of four letters or more;
 * letters of scripts without case (CJK ...) always count as words.
 * Numbers and symbols are not counted; *n_out gets the count of tokens
 * judged.  1 when there is none. */
double gc_wordlike_share(const char *s, size_t len, size_t *n_out);

/* 1 when a text of that share and token count is garbled. */
int gc_is_garbled(double share, size_t n_tokens);

#endif
