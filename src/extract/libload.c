/* Loading a parsing library on first use; see libload.h. */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "extract/libload.h"

/* RTLD_NOW: a broken install fails here, not mid-document.  RTLD_LOCAL:
 * cairo's, NSS's and ICU's symbols stay out of the program's scope.
 * RTLD_DEEPBIND: the ~13 000 symbols poppler-glib's libraries bind are
 * looked up among their own dependencies first, instead of after every
 * library the program already has (16 M instead of 22 M instructions).
 * Sanitizer runtimes interpose malloc, which DEEPBIND would bypass, so
 * those builds go without. */
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

/* A dependency by the path the build found it at, which skips the loader's
 * cache lookup; where that path does not open here, by its soname, the
 * path's last component, as the loader would have found it. */
static void open_dep(const char *path)
{
    const char *slash = strrchr(path, '/');

    if (dlopen(path, GC_DLOPEN_FLAGS) == NULL && slash != NULL)   /* never closed */
        (void)dlopen(slash + 1, GC_DLOPEN_FLAGS);
}

/* The dependencies first, leaves before the libraries that need them, so
 * each is relocated on its own with DEEPBIND and finds its own symbols
 * first (scripts/dlopen-order says why).  One that fails is left to the
 * root's dlopen, which then reports what is missing.  The root goes by
 * soname: the library the system's loader picks is the one used. */
static void *open_lib(gc_lib *l)
{
    void *h;
    const char *e;

    for (const char *const *d = l->deps; *d != NULL; d++)
        open_dep(*d);
    h = dlopen(l->soname, GC_DLOPEN_FLAGS);

    if (h == NULL) {
        e = dlerror();
        snprintf(l->why, sizeof l->why, "%s", e ? e : "cannot load the library");
    }
    return h;
}

void *gc_lib_sym(gc_lib *l, void *handle, const char *name)
{
    void *p = dlsym(handle, name);

    if (p == NULL)
        snprintf(l->why, sizeof l->why, "%s lacks %s", l->soname, name);
    return p;
}

void *gc_lib_load(gc_lib *l, gc_lib_resolve_fn resolve, void *table, gc_err *err)
{
    void *h;

    if (l->state == 0)
        l->state = (h = open_lib(l)) != NULL && resolve(l, h, table) == 0 ? 1 : -1;
    if (l->state > 0)
        return table;
    gc_err_set(err, GC_EFORMAT, NULL, 0, 0, "%s support is not available: %s", l->what, l->why);
    gc_err_detail(err, l->detail);
    return NULL;
}
