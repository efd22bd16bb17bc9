/* xml_lib: libxml2's table, loaded on first use; see xml_lib.h. */
#include <string.h>

#include "dlopen_order.h"   /* generated: scripts/dlopen-order */
#include "extract/xml_lib.h"

/* The soname found at build time (Makefile); this is Debian 12's. */
#ifndef GC_XML_SONAME
#define GC_XML_SONAME "libxml2.so.2"
#endif

static const char *const xml_deps[] = {GC_XML_DEPS NULL};
static gc_lib xml_lib = {GC_XML_SONAME, "xml_library", "DOCX, ODT and HTML", xml_deps, 0, ""};
static gc_xml_api xml_api;

static int resolve_xml(gc_lib *l, void *h, void *table)
{
    gc_xml_api *api = table;
    GC_XML_FUNCS(GC_LIB_RESOLVE)
    return 0;
}

/* Entities are never fetched: DTDs are rejected anyway, this covers any path
 * libxml2 might still take to an external resource (X1/X2). */
static xmlParserInputPtr deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL;
}

static void swallow_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void swallow_structured(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

/* Process-wide set-up, once, before any document is parsed: no entity
 * loading, and libxml2's own error printing (which echoes document lines,
 * personal data: X6) silenced. */
static void xml_global_init(const gc_xml_api *x)
{
    x->xmlInitParser();
    x->xmlSetExternalEntityLoader(deny_loader);
    x->xmlSetGenericErrorFunc(NULL, swallow_generic);
    x->xmlSetStructuredErrorFunc(NULL, swallow_structured);
}

const gc_xml_api *gc_xml_lib(gc_err *err)
{
    int first = xml_lib.state == 0;
    const gc_xml_api *x = gc_lib_load(&xml_lib, resolve_xml, &xml_api, err);

    if (first && x != NULL)
        xml_global_init(x);
    return x;
}
