/* image: a PNG or JPEG picture held in memory, decoded to 8-bit grey for
 * OCR, its size bounded before a pixel is decoded.  See image.c. */
#ifndef GC_IMAGE_H
#define GC_IMAGE_H

#include <stddef.h>

#include "gc_err.h"

typedef enum gc_image_kind { GC_IMAGE_OTHER, GC_IMAGE_PNG, GC_IMAGE_JPEG } gc_image_kind;

/* The kind and the width and height a picture's header declares (PNG:
 * IHDR; JPEG: the first SOFn marker), without decoding anything; 0 sizes
 * when the header cannot be read. */
gc_image_kind gc_image_probe(const unsigned char *data, size_t len, unsigned *w, unsigned *h);

/* Decodes the picture to w × h grey bytes (*px, malloc'd, rows of w bytes,
 * transparent parts on white), refusing before decoding when its header
 * declares more than max_pixels.  Errors: GC_ELIMIT "ocr_pixels",
 * GC_EFORMAT (neither PNG nor JPEG, or its library is missing), GC_ECORRUPT
 * "image" (the decoder failed: the header lied, the data is cut ...),
 * GC_ENOMEM. */
int gc_image_grey(unsigned char **px, unsigned *w, unsigned *h, const unsigned char *data,
                  size_t len, size_t max_pixels, gc_err *err);

#endif
