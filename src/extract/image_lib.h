/* image_lib: libpng and libjpeg (DOCX/ODT pictures read by OCR), each
 * loaded on first use like the other parsing libraries.  Both are in
 * tesseract's tree already, so a picture needing OCR loads nothing more. */
#ifndef GC_IMAGE_LIB_H
#define GC_IMAGE_LIB_H

#include <stdio.h>   /* jpeglib.h needs FILE */

#include <jpeglib.h>
#include <png.h>

#include "extract/libload.h"

#define GC_PNG_FUNCS(X)                                                           \
    X(png_image_begin_read_from_memory) X(png_image_finish_read) X(png_image_free)

#define GC_JPEG_FUNCS(X)                                                          \
    X(jpeg_std_error) X(jpeg_CreateDecompress) X(jpeg_mem_src) X(jpeg_read_header) \
    X(jpeg_start_decompress) X(jpeg_read_scanlines) X(jpeg_destroy_decompress)

typedef struct gc_png_api {
    GC_PNG_FUNCS(GC_LIB_FIELD)
} gc_png_api;

typedef struct gc_jpeg_api {
    GC_JPEG_FUNCS(GC_LIB_FIELD)
} gc_jpeg_api;

/* The tables, or NULL with GC_EFORMAT "png_library" / "jpeg_library". */
const gc_png_api *gc_png_lib(gc_err *err);
const gc_jpeg_api *gc_jpeg_lib(gc_err *err);

#endif
