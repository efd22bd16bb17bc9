/* poppler-glib loaded on first use; see pdf_api.h. */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "pdf_api.h"

#ifndef GC_POPPLER_SONAME
#define GC_POPPLER_SONAME "libpoppler-glib.so.8"
#endif

static gc_pdf_api api;
static int state;  /* 0 not tried, 1 loaded, -1 failed */
static char why[200];

/* dlsym returns void *; a function pointer is assigned through memcpy, the
 * form POSIX sanctions, so no cast warns. */
static int resolve(void *lib)
{
    void *p;

#define GC_PDF_RESOLVE(f)                                    \
    if ((p = dlsym(lib, #f)) == NULL) {                       \
        snprintf(why, sizeof why, "%s lacks %s", GC_POPPLER_SONAME, #f); \
        return -1;                                            \
    }                                                         \
    memcpy(&api.f, &p, sizeof p);
    GC_PDF_FUNCS(GC_PDF_RESOLVE)
#undef GC_PDF_RESOLVE
    return 0;
}

/* RTLD_NOW: a broken install fails here, not mid-page.  RTLD_LOCAL:
 * cairo's and NSS's symbols stay out of the program's scope.  RTLD_DEEPBIND:
 * the ~13 000 symbols the new libraries bind are looked up among their own
 * dependencies first, instead of after every library the program already
 * has (16 M instead of 22 M instructions).  Sanitizer runtimes interpose
 * malloc, which DEEPBIND would bypass, so those builds go without. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define GC_DLOPEN_FLAGS (RTLD_NOW | RTLD_LOCAL)
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || \
    __has_feature(thread_sanitizer)
#define GC_DLOPEN_FLAGS (RTLD_NOW | RTLD_LOCAL)
#endif
#endif
#ifndef GC_DLOPEN_FLAGS
#define GC_DLOPEN_FLAGS (RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND)
#endif

static void load(void)
{
    void *lib = dlopen(GC_POPPLER_SONAME, GC_DLOPEN_FLAGS);
    const char *e;

    if (lib == NULL) {
        e = dlerror();
        snprintf(why, sizeof why, "%s", e ? e : "cannot load " GC_POPPLER_SONAME);
        state = -1;
        return;
    }
    state = resolve(lib) == 0 ? 1 : -1;
}

const gc_pdf_api *gc_pdf_api_get(gc_err *err)
{
    if (state == 0)
        load();
    if (state > 0)
        return &api;
    gc_err_set(err, GC_EFORMAT, NULL, 0, 0, "PDF support is not available: %s", why);
    gc_err_detail(err, "pdf_library");
    return NULL;
}
