/* gsf_lib: libgsf's table, loaded on first use; see gsf_lib.h. */
#include <string.h>

#include "dlopen_order.h"   /* generated: scripts/dlopen-order */
#include "extract/gsf_lib.h"

/* The soname found at build time (Makefile); this is Debian 12's. */
#ifndef GC_GSF_SONAME
#define GC_GSF_SONAME "libgsf-1.so.114"
#endif

static const char *const gsf_deps[] = {GC_GSF_DEPS NULL};
static gc_lib gsf_lib = {GC_GSF_SONAME, "gsf_library", "Word 97-2003 (.doc)", gsf_deps, 0, ""};
static gc_gsf_api gsf_api;

static int resolve_gsf(gc_lib *l, void *h, void *table)
{
    gc_gsf_api *api = table;
    GC_GSF_FUNCS(GC_LIB_RESOLVE)
    return 0;
}

const gc_gsf_api *gc_gsf_lib(gc_err *err)
{
    int first = gsf_lib.state == 0;
    const gc_gsf_api *g = gc_lib_load(&gsf_lib, resolve_gsf, &gsf_api, err);

    if (first && g != NULL)
        g->gsf_init();
    return g;
}
