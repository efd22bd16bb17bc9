/* pdf_ocr: which PDF pages are read with OCR, and their rendering to 8-bit
 * grey for it; see pdf_ocr.c. */
#ifndef GC_PDF_OCR_H
#define GC_PDF_OCR_H

#include <glib.h>

#include "gc_err.h"
#include "gc_limits.h"
#include "base/text.h"
#include "extract/pdf_lib.h"

/* OCR over one document: its budget and what happened so far. */
typedef struct gc_pdf_ocr {
    const gc_limits *lim;
    long long deadline_us;    /* no page starts after it (GC_OCR_DOC_SHARE of the timeout) */
    int ready;                /* 0 not tried, 1 the engine is up, -1 it cannot be */
    gc_err why;               /* why it cannot be (ready -1) */
    unsigned wanted, done;    /* pages that needed OCR, and pages read */
    unsigned too_big;         /* pages over the pixel cap even at GC_OCR_DPI_MIN */
} gc_pdf_ocr;

void gc_pdf_ocr_init(gc_pdf_ocr *o, const gc_limits *lim);

/* Why a page needs OCR: GC_PDF_OCR_NO (it does not), _ALWAYS (--ocr
 * always), _IMAGE (almost no text, and pictures cover part of it),
 * _GARBLED (its text is mostly not words). */
enum { GC_PDF_OCR_NO, GC_PDF_OCR_ALWAYS, GC_PDF_OCR_IMAGE, GC_PDF_OCR_GARBLED };

/* Judges a page from its extracted, cleaned text (also with --ocr never,
 * so a page that wanted OCR is flagged). */
int gc_pdf_ocr_need(PopplerPage *page, const char *text, size_t len, const gc_limits *lim);

/* Renders page `page_no` (1-based) and appends its recognised text to out.
 * Returns 1 when the page was read, 0 when it could not be (--ocr never, no engine,
 * too many pixels, no time left: the caller keeps the text layer), or a
 * negative gc_code (text limit, memory). */
int gc_pdf_ocr_page(gc_pdf_ocr *o, gc_text *out, PopplerPage *page, unsigned page_no,
                    gc_err *err);

#endif
