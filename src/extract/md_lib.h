/* md_lib: md4c (Markdown), loaded on first use like the other parsing
 * libraries (libload.h). */
#ifndef GC_MD_LIB_H
#define GC_MD_LIB_H

#include <md4c.h>

#include "extract/libload.h"

#define GC_MD_FUNCS(X) X(md_parse)

typedef struct gc_md_api {
    GC_MD_FUNCS(GC_LIB_FIELD)
} gc_md_api;

/* The table, or NULL with GC_EFORMAT "md_library" in *err when libmd4c
 * cannot be loaded. */
const gc_md_api *gc_md_lib(gc_err *err);

#endif
