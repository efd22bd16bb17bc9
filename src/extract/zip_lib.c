/* zip_lib: libzip's table, loaded on first use; see zip_lib.h. */
#include <string.h>

#include "dlopen_order.h"   /* generated: scripts/dlopen-order */
#include "extract/zip_lib.h"

/* The soname found at build time (Makefile); this is Debian 12's. */
#ifndef GC_ZIP_SONAME
#define GC_ZIP_SONAME "libzip.so.4"
#endif

static const char *const zip_deps[] = {GC_ZIP_DEPS NULL};
static gc_lib zip_lib = {GC_ZIP_SONAME, "zip_library", "DOCX and ODT", zip_deps, 0, ""};
static gc_zip_api zip_api;

static int resolve_zip(gc_lib *l, void *h, void *table)
{
    gc_zip_api *api = table;
    GC_ZIP_FUNCS(GC_LIB_RESOLVE)
    return 0;
}

const gc_zip_api *gc_zip_lib(gc_err *err)
{
    return gc_lib_load(&zip_lib, resolve_zip, &zip_api, err);
}
