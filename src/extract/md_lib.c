/* md_lib: md4c's table, loaded on first use; see md_lib.h. */
#include <string.h>

#include "dlopen_order.h"   /* generated: scripts/dlopen-order */
#include "extract/md_lib.h"

/* The soname found at build time (Makefile); this is Debian 12's. */
#ifndef GC_MD_SONAME
#define GC_MD_SONAME "libmd4c.so.0"
#endif

static const char *const md_deps[] = {GC_MD_DEPS NULL};
static gc_lib md_lib = {GC_MD_SONAME, "md_library", "Markdown", md_deps, 0, ""};
static gc_md_api md_api;

static int resolve_md(gc_lib *l, void *h, void *table)
{
    gc_md_api *api = table;
    GC_MD_FUNCS(GC_LIB_RESOLVE)
    return 0;
}

const gc_md_api *gc_md_lib(gc_err *err)
{
    return gc_lib_load(&md_lib, resolve_md, &md_api, err);
}
