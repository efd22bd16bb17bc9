/* poppler-glib, loaded on first use.
 *
 * Linking poppler-glib pulls about 45 shared libraries (cairo, GIO, X11,
 * NSS, ...) into every run, and their start-up is most of what a DOCX or
 * text run costs (PERFORMANCE.md: 15 M of 19 M start-up instructions).  So
 * the program links GLib, libxml2, libzip, PCRE2 and libyaml only, and the
 * PDF extractor reaches poppler-glib and the cairo calls it needs through
 * this table, filled by dlopen the first time a PDF is read (in a batch,
 * once in the parent before the workers fork: gc_preload). */
#ifndef GC_PDF_API_H
#define GC_PDF_API_H

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#pragma GCC diagnostic ignored "-Wcast-qual"
#include <poppler.h>
#pragma GCC diagnostic pop

#include "gapcheck.h"

#define GC_PDF_FUNCS(X)                                                           \
    X(poppler_get_version) X(poppler_error_quark) X(poppler_document_new_from_bytes) \
    X(poppler_document_get_n_pages) X(poppler_document_get_page)                  \
    X(poppler_page_get_size) X(poppler_page_get_text) X(poppler_page_get_text_layout) \
    X(poppler_page_get_text_attributes) X(poppler_page_free_text_attributes)      \
    X(poppler_page_render) X(g_object_unref)                                      \
    X(cairo_image_surface_create) X(cairo_image_surface_get_width)                \
    X(cairo_image_surface_get_height) X(cairo_image_surface_get_stride)           \
    X(cairo_image_surface_get_data) X(cairo_surface_status) X(cairo_surface_flush) \
    X(cairo_surface_destroy) X(cairo_create) X(cairo_destroy)                     \
    X(cairo_set_source_rgb) X(cairo_scale) X(cairo_paint) X(cairo_rectangle) X(cairo_clip)

typedef struct gc_pdf_api {
#define GC_PDF_FIELD(f) __typeof__(f) *f;
    GC_PDF_FUNCS(GC_PDF_FIELD)
#undef GC_PDF_FIELD
} gc_pdf_api;

/* The loaded table, or NULL with GC_EFORMAT ("pdf_library") in *err when
 * poppler-glib cannot be loaded.  Loads at most once per process; the
 * library is never unloaded.  Not thread-safe on the first call. */
const gc_pdf_api *gc_pdf_api_get(gc_err *err);

#endif
