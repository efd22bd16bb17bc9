/* ocr_lib: libtesseract's table, loaded on first use; see ocr_lib.h. */
#include <string.h>

#include "dlopen_order.h"   /* generated: scripts/dlopen-order */
#include "extract/ocr_lib.h"

/* The soname found at build time (Makefile); this is Debian 12's. */
#ifndef GC_TESSERACT_SONAME
#define GC_TESSERACT_SONAME "libtesseract.so.5"
#endif

static const char *const ocr_deps[] = {GC_OCR_DEPS NULL};
static gc_lib ocr_lib = {GC_TESSERACT_SONAME, "ocr_library", "OCR", ocr_deps, 0, ""};
static gc_ocr_api ocr_api;

static int resolve_ocr(gc_lib *l, void *h, void *table)
{
    gc_ocr_api *api = table;
    GC_OCR_FUNCS(GC_LIB_RESOLVE)
    return 0;
}

const gc_ocr_api *gc_ocr_lib(gc_err *err)
{
    int first = ocr_lib.state == 0;
    const gc_ocr_api *t = gc_lib_load(&ocr_lib, resolve_ocr, &ocr_api, err);

    if (first && t != NULL)
        (void)t->setMsgSeverity(GC_LEPT_SEVERITY_NONE);   /* leptonica prints to stderr */
    return t;
}
