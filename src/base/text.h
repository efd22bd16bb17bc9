/* gc_text: a growable UTF-8 buffer with a hard size limit, always
 * NUL-terminated.  Extractors append to it; nothing past `max` is kept and
 * the first overflow returns GC_ELIMIT ("text_bytes").
 *
 * Conventions every extractor follows, so later stages see one shape:
 *   - '\n' ends a line (a paragraph, a table row, a PDF text line);
 *   - '\t' separates table cells and tab stops (a list separator downstream);
 *   - '\f' separates PDF pages;
 *   - only valid UTF-8 is appended (extractors convert or replace). */
#ifndef GC_TEXT_H
#define GC_TEXT_H

#include <stddef.h>

#include "gc_err.h"

typedef struct gc_text {
    char *buf;          /* owned; NUL-terminated; NULL until the first append */
    size_t len;         /* bytes used, excluding the NUL */
    size_t cap;
    size_t max;         /* hard limit on len */
    unsigned truncated; /* set when pages or bytes were dropped by a limit */
    unsigned n_hidden;  /* characters a reader cannot see (PDF), not appended */
    unsigned n_pages;   /* pages seen (PDF) */
} gc_text;

/* Starts an empty text with the given byte limit. */
void gc_text_init(gc_text *t, size_t max);

/* Appends n bytes; GC_ELIMIT with detail "text_bytes" past the limit,
 * GC_ENOMEM on allocation failure. */
int gc_text_append(gc_text *t, const char *s, size_t n, gc_err *err);
int gc_text_puts(gc_text *t, const char *s, gc_err *err);
int gc_text_putc(gc_text *t, char c, gc_err *err);

/* Appends '\n' unless the text is empty or already ends in one. */
int gc_text_endline(gc_text *t, gc_err *err);

/* Gives the buffer to the caller (who frees it with free()) and resets t. */
char *gc_text_steal(gc_text *t, size_t *len_out);

void gc_text_free(gc_text *t);

#endif
