/* libload: the parsing libraries, loaded on first use.
 *
 * Linked normally, poppler-glib, libxml2 and libzip bring about 55 shared
 * libraries (cairo, GIO, X11, NSS, ICU, OpenSSL's libcrypto ...) into every
 * run, and resolving their symbols was most of a run's start-up: 28 M
 * instructions, ~3 ms, where a text run needs none of them and a PDF run
 * none of libxml2's or libzip's (PERFORMANCE.md).  So the program links
 * GLib, PCRE2 and libyaml only; each extractor reaches its library through
 * a table here, filled by dlopen the first time a document needs it.  A
 * batch loads in the parent, before a worker's fork, what that worker's
 * file looks like it needs (gc_preload_for), so later workers share it.
 *
 * Each table is an X-macro list of the functions used, typed from the
 * library's own header with __typeof__, so a call through the table is
 * checked like a direct call. */
#ifndef GC_LIBLOAD_H
#define GC_LIBLOAD_H

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#pragma GCC diagnostic ignored "-Wcast-qual"
#include <poppler.h>
#pragma GCC diagnostic pop
#include <libxml/HTMLparser.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <zip.h>

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
    X(cairo_set_source_rgb) X(cairo_scale) X(cairo_translate) X(cairo_paint) X(cairo_rectangle) X(cairo_clip)

/* xmlFree is a variable in Debian's libxml2 (no LIBXML_THREAD_ALLOC_ENABLED),
 * so its entry points at it: call (*x->xmlFree)(p).  xmlParserVersion is a
 * macro over __xmlParserVersion() there (LIBXML_THREAD_ENABLED). */
#define GC_XML_FUNCS(X)                                                           \
    X(xmlInitParser) X(xmlSetExternalEntityLoader) X(xmlSetGenericErrorFunc)      \
    X(xmlSetStructuredErrorFunc) X(xmlReaderForMemory) X(xmlReaderWalker)         \
    X(xmlFreeTextReader) X(xmlTextReaderRead) X(xmlTextReaderNodeType)            \
    X(xmlTextReaderIsEmptyElement) X(xmlTextReaderConstNamespaceUri)              \
    X(xmlTextReaderConstLocalName) X(xmlTextReaderConstValue)                     \
    X(xmlTextReaderGetAttributeNs) X(xmlTextReaderSetStructuredErrorHandler)      \
    X(htmlReadMemory) X(xmlFreeDoc) X(xmlFree) X(__xmlParserVersion)

#define GC_ZIP_FUNCS(X)                                                           \
    X(zip_libzip_version) X(zip_error_init) X(zip_error_fini) X(zip_error_code_zip) \
    X(zip_source_buffer_create) X(zip_source_free) X(zip_open_from_source)        \
    X(zip_discard) X(zip_get_num_entries) X(zip_get_name) X(zip_get_error)        \
    X(zip_stat_init) X(zip_stat_index) X(zip_compression_method_supported)        \
    X(zip_fopen_index) X(zip_fread) X(zip_fclose) X(zip_file_get_error)

#define GC_LIB_FIELD(f) __typeof__(f) *f;
typedef struct gc_pdf_api {
    GC_PDF_FUNCS(GC_LIB_FIELD)
} gc_pdf_api;
typedef struct gc_xml_api {
    GC_XML_FUNCS(GC_LIB_FIELD)
} gc_xml_api;
typedef struct gc_zip_api {
    GC_ZIP_FUNCS(GC_LIB_FIELD)
} gc_zip_api;
#undef GC_LIB_FIELD

/* The loaded table, or NULL with GC_EFORMAT ("pdf_library", "xml_library",
 * "zip_library") in *err when the library cannot be loaded.  Each loads at
 * most once per process and is never unloaded; libxml2 is set up (entity
 * loader, silenced errors: gc_xml_global_init) before its table is first
 * returned.  Not thread-safe on the first call. */
const gc_pdf_api *gc_pdf_lib(gc_err *err);
/* Keeps poppler's process-wide state built from now on (libload.c says
 * why); for a parent about to fork workers. */
void gc_pdf_keep_state(void);
const gc_xml_api *gc_xml_lib(gc_err *err);
const gc_zip_api *gc_zip_lib(gc_err *err);

#endif
