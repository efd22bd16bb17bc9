/* ocr: one 8-bit grey image in, recognised words out (libtesseract, LSTM
 * engine).  The engine is set up once per process for lim->ocr_lang, the
 * first time a page needs it, or before a batch forks its workers
 * (gc_preload_ocr), which then share it.  Pixels are handed over raw:
 * nothing here decodes an image file (leptonica's decoders had CVEs).
 * TessBaseAPI never leaves ocr.c.  Not thread-safe (one engine). */
#ifndef GC_OCR_H
#define GC_OCR_H

#include "gc_err.h"
#include "gc_limits.h"
#include "base/text.h"

/* 1 when lim->ocr_lang is a valid language list: up to four names of 3
 * to 16 characters [a-z_], joined by '+'. */
int gc_ocr_lang_valid(const char *lang);

/* Loads libtesseract and sets the engine up for lim->ocr_lang (once; a
 * failure is remembered).  Errors: GC_EFORMAT "ocr_library" (not
 * installed), GC_EFORMAT "ocr_language" (a language's data is missing). */
int gc_ocr_ready(const gc_limits *lim, gc_err *err);

/* What one recognition did. */
typedef struct gc_ocr_page {
    unsigned words, dropped;   /* kept, and under GC_OCR_MIN_CONF */
    int timed_out;             /* the budget ran out: what was read so far is kept */
} gc_ocr_page;

/* Recognises px (w × h 8-bit grey, `stride` bytes a row, at `dpi`) within
 * `budget_ms` and appends its words, a line of text per line found, to
 * `out`, recording them as page (or picture) `page_no` of the OCR facts.
 * Words under GC_OCR_MIN_CONF are left out.  Call gc_ocr_ready first.
 * Errors: those of gc_text_append (GC_ELIMIT "text_bytes", GC_ENOMEM). */
int gc_ocr_grey(gc_text *out, gc_ocr_page *res, unsigned page_no, const unsigned char *px, int w,
                int h, int stride, int dpi, unsigned budget_ms, gc_err *err);

/* Microseconds on the monotonic clock (budgets). */
long long gc_ocr_now_us(void);

#endif
