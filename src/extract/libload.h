/* libload: loading a parsing library on first use, generically; each
 * library has its own small header with its function table (pdf_lib.h,
 * xml_lib.h, zip_lib.h).
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

#include "gapcheck.h"

/* One library loaded with dlopen: its soname, the error detail and the
 * formats named when it cannot be loaded, and its dependencies, opened
 * first in this order (dlopen_order.h, scripts/dlopen-order). */
typedef struct gc_lib {
    const char *soname, *detail, *what;
    const char *const *deps;
    int state;                 /* 0 not tried, 1 loaded, -1 failed */
    char why[200];
} gc_lib;

/* Fills `table` from the open handle: 0, or -1 with l->why set. */
typedef int (*gc_lib_resolve_fn)(gc_lib *l, void *handle, void *table);

/* Loads l once (state 0 → 1 or -1) and returns `table`, or NULL with
 * GC_EFORMAT and l->detail in *err when it cannot be loaded.  Never
 * unloaded.  Not thread-safe on the first call. */
void *gc_lib_load(gc_lib *l, gc_lib_resolve_fn resolve, void *table, gc_err *err);

/* The address of `name` in the handle, or NULL with l->why set. */
void *gc_lib_sym(gc_lib *l, void *handle, const char *name);

/* Each table is an X-macro list of functions typed from the library's own
 * header with __typeof__, so a call through it is checked like a direct
 * call.  GC_LIB_FIELD declares a field; GC_LIB_RESOLVE fills one inside a
 * gc_lib_resolve_fn whose arguments are named l, h and api (a function
 * pointer is assigned through memcpy, the form POSIX sanctions for dlsym). */
#define GC_LIB_FIELD(f) __typeof__(f) *f;
#define GC_LIB_RESOLVE(f)                                                     \
    {                                                                         \
        void *p_ = gc_lib_sym(l, h, #f);                                      \
        if (p_ == NULL)                                                       \
            return -1;                                                        \
        memcpy(&api->f, &p_, sizeof p_);                                      \
    }

#endif
