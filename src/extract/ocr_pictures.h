/* ocr_pictures: the pictures of a DOCX or ODT read with OCR, when they
 * make up the document (it has almost no text) or with --ocr always. */
#ifndef GC_OCR_PICTURES_H
#define GC_OCR_PICTURES_H

#include <stddef.h>

#include "gc_err.h"
#include "gc_limits.h"
#include "base/text.h"
#include "extract/zipread.h"

/* Pictures in document order, each part once. */
typedef struct gc_picture_list {
    struct {
        char *ref;          /* what the document names it by (DOCX: a relationship id) */
        char *part;         /* the zip part, once resolved */
        double width_in;    /* displayed width in inches, 0 unknown */
    } v[GC_OCR_PICTURES];
    size_t n;
    double next_width_in;   /* the size seen before the picture element */
} gc_picture_list;

void gc_picture_list_init(gc_picture_list *l);
void gc_picture_list_free(gc_picture_list *l);
/* Adds a reference (ignored once the list is full or when it is there). */
void gc_picture_list_add(gc_picture_list *l, const char *ref);

/* 1 when the pictures of a document whose text is t should be read:
 * --ocr always, or --ocr auto and fewer than GC_OCR_DOC_TEXT visible
 * characters (--ocr never: 1 as well, so the document is flagged). */
int gc_pictures_wanted(const gc_text *t, const gc_limits *lim);

/* Reads the resolved parts of l from z, decodes them (image.c) and
 * appends what OCR reads, as pictures 1..n.  A picture that cannot be
 * read (too large, damaged, no time left, no OCR) is skipped and the text
 * flagged GC_WARN_OCR_INCOMPLETE; when that leaves the document without
 * text, GC_ENOTEXT says why.  Other errors: GC_ELIMIT "text_bytes", GC_ENOMEM. */
int gc_ocr_pictures(gc_text *out, gc_zip *z, const gc_picture_list *l, const gc_limits *lim,
                    gc_err *err);

/* A length with its unit (ODF "17cm", "6.5in", "120mm", "300pt") in inches;
 * 0 when it cannot be read. */
double gc_length_inches(const char *s);

#endif
