/* pdf_lib: poppler-glib (PDF) and the cairo calls that render a page. */
#ifndef GC_PDF_LIB_H
#define GC_PDF_LIB_H

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#pragma GCC diagnostic ignored "-Wcast-qual"
#include <poppler.h>
#pragma GCC diagnostic pop
#include <fontconfig/fontconfig.h>

#include "extract/libload.h"

#define GC_PDF_FUNCS(X)                                                           \
    X(poppler_get_version) X(poppler_error_quark) X(poppler_document_new_from_bytes) \
    X(poppler_document_get_n_pages) X(poppler_document_get_page)                  \
    X(poppler_page_get_size) X(poppler_page_get_text) X(poppler_page_get_text_layout) \
    X(poppler_page_get_text_attributes) X(poppler_page_free_text_attributes)      \
    X(poppler_page_render) X(g_object_unref)                                      \
    X(poppler_page_get_image_mapping) X(poppler_page_free_image_mapping)          \
    X(cairo_image_surface_create) X(cairo_image_surface_get_width)                \
    X(cairo_image_surface_get_height) X(cairo_image_surface_get_stride)           \
    X(cairo_image_surface_get_data) X(cairo_surface_status) X(cairo_surface_flush) \
    X(cairo_surface_destroy) X(cairo_create) X(cairo_destroy)                     \
    X(cairo_set_source_rgb) X(cairo_scale) X(cairo_translate) X(cairo_paint)              \
    X(cairo_rectangle) X(cairo_clip)                                              \
    X(FcInit)                             /* fontconfig, which poppler brings */

typedef struct gc_pdf_api {
    GC_PDF_FUNCS(GC_LIB_FIELD)
} gc_pdf_api;

/* The table, or NULL with GC_EFORMAT "pdf_library" in *err when
 * poppler-glib cannot be loaded.  The Little CMS cache (lcms_cache.c) is
 * installed before the table is first returned. */
const gc_pdf_api *gc_pdf_lib(gc_err *err);
/* Keeps poppler's process-wide state built from now on (pdf_lib.c says
 * why); for a parent about to fork workers. */
void gc_pdf_keep_state(void);
/* Builds fontconfig's configuration now, once, if poppler is loaded
 * (gc_preload_fonts); gc_pdf_fonts_pending: 1 while it is loaded and not
 * yet built. */
void gc_pdf_load_fonts(void);
int gc_pdf_fonts_pending(void);

#endif
