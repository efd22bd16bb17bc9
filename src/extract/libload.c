/* The parsing libraries, loaded on first use; see libload.h. */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "dlopen_order.h"   /* generated: scripts/dlopen-order */
#include "extract/lcms_cache.h"
#include "extract/libload.h"
#include "extract/xml_text.h"

/* Sonames found at build time (Makefile); these are Debian 12's. */
#ifndef GC_POPPLER_SONAME
#define GC_POPPLER_SONAME "libpoppler-glib.so.8"
#endif
#ifndef GC_XML_SONAME
#define GC_XML_SONAME "libxml2.so.2"
#endif
#ifndef GC_ZIP_SONAME
#define GC_ZIP_SONAME "libzip.so.4"
#endif

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

typedef struct lib {
    const char *soname, *detail, *what;
    const char *const *deps;   /* opened first, in this order (dlopen_order.h) */
    int state;                 /* 0 not tried, 1 loaded, -1 failed */
    char why[200];
} lib;

static const char *const pdf_deps[] = {GC_PDF_DEPS NULL};
static const char *const xml_deps[] = {GC_XML_DEPS NULL};
static const char *const zip_deps[] = {GC_ZIP_DEPS NULL};
static lib pdf_lib = {GC_POPPLER_SONAME, "pdf_library", "PDF", pdf_deps, 0, ""};
static lib xml_lib = {GC_XML_SONAME, "xml_library", "DOCX, ODT and HTML", xml_deps, 0, ""};
static lib zip_lib = {GC_ZIP_SONAME, "zip_library", "DOCX and ODT", zip_deps, 0, ""};
static gc_pdf_api pdf_api;
static gc_xml_api xml_api;
static gc_zip_api zip_api;

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
static void *open_lib(lib *l)
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

/* dlsym returns void *; a function pointer is assigned through memcpy, the
 * form POSIX sanctions, so no cast warns. */
#define GC_RESOLVE(f)                                                         \
    if ((p = dlsym(h, #f)) == NULL) {                                         \
        snprintf(l->why, sizeof l->why, "%s lacks %s", l->soname, #f);        \
        return -1;                                                            \
    }                                                                         \
    memcpy(&api->f, &p, sizeof p);

static int resolve_pdf(lib *l, void *h, void *table)
{
    gc_pdf_api *api = table;
    void *p;
    GC_PDF_FUNCS(GC_RESOLVE)
    return 0;
}

static int resolve_xml(lib *l, void *h, void *table)
{
    gc_xml_api *api = table;
    void *p;
    GC_XML_FUNCS(GC_RESOLVE)
    return 0;
}

static int resolve_zip(lib *l, void *h, void *table)
{
    gc_zip_api *api = table;
    void *p;
    GC_ZIP_FUNCS(GC_RESOLVE)
    return 0;
}
#undef GC_RESOLVE

/* Loads l once (state 0 → 1 or -1); the table, or NULL and *err. */
static void *ensure(lib *l, int (*resolve)(lib *, void *, void *), void *table, gc_err *err)
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

const gc_pdf_api *gc_pdf_lib(gc_err *err)
{
    int first = pdf_lib.state == 0;
    const gc_pdf_api *pdf = ensure(&pdf_lib, resolve_pdf, &pdf_api, err);

    if (first && pdf != NULL)
        (void)gc_lcms_cache_install();   /* before any colour transform */
    return pdf;
}

/* poppler builds its GlobalParams (font and encoding tables: 3.4 M
 * instructions) when a document opens while no other is alive, and frees
 * them when the last one closes: every file of a batch paid for it again.
 * A one-page empty document held open here, before the workers fork, keeps
 * them built for every worker.  Reading its page's text also builds the
 * sRGB and XYZ colour profiles poppler makes once per process (1 M), which
 * every worker then shares too. */
static const char empty_pdf[] =
    "%PDF-1.4\n"
    "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    "3 0 obj<</Type/Page/MediaBox[0 0 3 3]/Parent 2 0 R>>endobj\n"
    "xref\n"
    "0 4\n"
    "0000000000 65535 f \n"
    "0000000009 00000 n \n"
    "0000000052 00000 n \n"
    "0000000101 00000 n \n"
    "trailer<</Size 4/Root 1 0 R>>\n"
    "startxref\n"
    "160\n"
    "%%EOF\n";

void gc_pdf_keep_state(void)
{
    static PopplerDocument *keep;
    const gc_pdf_api *pdf = gc_pdf_lib(NULL);
    PopplerPage *page;
    GBytes *bytes;

    if (pdf == NULL || keep != NULL)
        return;
    bytes = g_bytes_new_static(empty_pdf, sizeof empty_pdf - 1);
    keep = pdf->poppler_document_new_from_bytes(bytes, NULL, NULL);   /* never freed */
    g_bytes_unref(bytes);   /* the document holds its own reference */
    if (keep == NULL || (page = pdf->poppler_document_get_page(keep, 0)) == NULL)
        return;
    g_free(pdf->poppler_page_get_text(page));
    pdf->g_object_unref(page);
}

const gc_xml_api *gc_xml_lib(gc_err *err)
{
    int first = xml_lib.state == 0;
    const gc_xml_api *x = ensure(&xml_lib, resolve_xml, &xml_api, err);

    if (first && x != NULL)
        gc_xml_global_init(x);   /* before any document is parsed */
    return x;
}

const gc_zip_api *gc_zip_lib(gc_err *err)
{
    return ensure(&zip_lib, resolve_zip, &zip_api, err);
}
