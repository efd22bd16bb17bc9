/* pdf_lib: poppler-glib's table, loaded on first use; see pdf_lib.h. */
#include <string.h>

#include "dlopen_order.h"   /* generated: scripts/dlopen-order */
#include "extract/pdf_lib.h"
#include "extract/lcms_cache.h"

/* The soname found at build time (Makefile); this is Debian 12's. */
#ifndef GC_POPPLER_SONAME
#define GC_POPPLER_SONAME "libpoppler-glib.so.8"
#endif

static const char *const pdf_deps[] = {GC_PDF_DEPS NULL};
static gc_lib pdf_lib = {GC_POPPLER_SONAME, "pdf_library", "PDF", pdf_deps, 0, ""};
static gc_pdf_api pdf_api;

static int resolve_pdf(gc_lib *l, void *h, void *table)
{
    gc_pdf_api *api = table;
    GC_PDF_FUNCS(GC_LIB_RESOLVE)
    return 0;
}

const gc_pdf_api *gc_pdf_lib(gc_err *err)
{
    int first = pdf_lib.state == 0;
    const gc_pdf_api *pdf = gc_lib_load(&pdf_lib, resolve_pdf, &pdf_api, err);

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

/* A page with white text is rendered (pdf_hidden.c), and the first render
 * starts fontconfig: ~40 configuration files parsed and the font caches
 * read, 4-8 ms, in every child that renders.  Built once in a batch parent,
 * it is every child's.  fontconfig rewrites a stale cache while it starts,
 * so the caller runs this where writing is refused (gapcheck.h). */
static int fonts_built;

int gc_pdf_fonts_pending(void)
{
    return pdf_lib.state > 0 && !fonts_built;
}

void gc_pdf_load_fonts(void)
{
    if (!gc_pdf_fonts_pending())
        return;
    (void)pdf_api.FcInit();   /* failed: each render tries again, as before */
    fonts_built = 1;
}
