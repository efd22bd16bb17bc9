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
#include <stdint.h>

#include "gc_err.h"

/* Warnings an extractor leaves on a text (gc_text.warnings, a bit set);
 * reports name them (gc_doc_warning). */
enum {
    GC_WARN_GARBLED = 1u << 0,        /* a text layer mostly not words was kept */
    GC_WARN_OCR_INCOMPLETE = 1u << 1, /* a page or picture needing OCR was not read */
};

/* What OCR added to a text (extract/ocr.c fills it). */
typedef struct gc_text_ocr {
    uint32_t *pages;    /* 1-based PDF pages (DOCX/ODT: pictures) recognised, malloc'd */
    unsigned n_pages;
    uint32_t *lines;    /* [first, last] line pairs (1-based) of recognised text, malloc'd */
    unsigned n_lines;   /* pairs */
    unsigned words;     /* words kept */
    unsigned dropped;   /* words under GC_OCR_MIN_CONF, left out */
    double conf_sum;    /* sum of the kept words' confidences (0-100) */
    char lang[40];      /* the languages used (GC_OCR_LANG_MAX) */
} gc_text_ocr;

typedef struct gc_text {
    char *buf;          /* owned; NUL-terminated; NULL until the first append */
    size_t len;         /* bytes used, excluding the NUL */
    size_t cap;
    size_t max;         /* hard limit on len */
    unsigned truncated; /* set when pages or bytes were dropped by a limit */
    unsigned n_hidden;  /* characters a reader cannot see (PDF), not appended */
    unsigned n_pages;   /* pages seen (PDF) */
    unsigned warnings;  /* GC_WARN_* */
    gc_text_ocr ocr;
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

/* The 1-based line number the next appended byte will be on (lines end at
 * '\n' or '\f', as the matcher counts them). */
unsigned gc_text_next_line(const gc_text *t);

/* Records that lines first..last came from OCR of page (or picture) `page`,
 * with `words` words kept and `dropped` left out.  GC_ENOMEM. */
int gc_text_ocr_page(gc_text *t, unsigned page, unsigned first, unsigned last, gc_err *err);

/* Gives the buffer to the caller (who frees it with free()) and resets t. */
char *gc_text_steal(gc_text *t, size_t *len_out);

void gc_text_free(gc_text *t);

#endif
