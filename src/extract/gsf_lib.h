/* gsf_lib: libgsf, which opens the OLE2 (Compound File Binary) container of
 * Word 97-2003 documents; loaded on first use like the other parsing
 * libraries (libload.h).  Only the container is libgsf's: the Word stream
 * is read by extract_doc.c. */
#ifndef GC_GSF_LIB_H
#define GC_GSF_LIB_H

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#pragma GCC diagnostic ignored "-Wcast-qual"
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>
#include <gsf/gsf-utils.h>
#pragma GCC diagnostic pop

#include "extract/libload.h"

/* g_object_unref comes from GObject, which libgsf brings. */
#define GC_GSF_FUNCS(X)                                                           \
    X(gsf_init) X(gsf_input_memory_new) X(gsf_infile_msole_new)                   \
    X(gsf_infile_child_by_name) X(gsf_input_size) X(gsf_input_read) X(g_object_unref)

typedef struct gc_gsf_api {
    GC_GSF_FUNCS(GC_LIB_FIELD)
} gc_gsf_api;

/* The table, or NULL with GC_EFORMAT "gsf_library" in *err when libgsf
 * cannot be loaded.  gsf_init() has run before the table is first
 * returned. */
const gc_gsf_api *gc_gsf_lib(gc_err *err);

#endif
