/* DOCX (Office Open XML WordprocessingML) → text.  Reads, in this order:
 * headers (word/header*.xml), the body (word/document.xml), footnotes,
 * endnotes, footers; all through the xml_text walker and under one zip
 * budget.  Deliberately not read: comments, glossary, embedded objects and
 * altChunks (never recurse into nested packages: docs/SECURITY.md Z6), external
 * relationships (never followed). */
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/xml_text.h"
#include "extract/zipread.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
/* ISO 29500 Strict documents use another namespace for the same names. */
#define NS_WS "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define NS_MC "http://schemas.openxmlformats.org/markup-compatibility/2006"

#define W_RULES(ns)                                                                 \
    {ns, "t", GC_XML_TEXT, NULL, NULL},                                             \
    {ns, "p", GC_XML_PARA, NULL, NULL},                                             \
    {ns, "tab", GC_XML_EMIT, "\t", NULL},                                           \
    {ns, "ptab", GC_XML_EMIT, "\t", NULL},                                          \
    {ns, "br", GC_XML_EMIT, "\n", NULL},                                            \
    {ns, "cr", GC_XML_EMIT, "\n", NULL},                                            \
    {ns, "noBreakHyphen", GC_XML_EMIT, "-", NULL},                                  \
    {ns, "tc", GC_XML_CELL, NULL, NULL},                                            \
    {ns, "tr", GC_XML_ROW, NULL, NULL},                                             \
    /* Tracked deletions and moved-away text are not in the document. */           \
    {ns, "del", GC_XML_SKIP, NULL, NULL},                                           \
    {ns, "delText", GC_XML_SKIP, NULL, NULL},                                       \
    {ns, "moveFrom", GC_XML_SKIP, NULL, NULL},                                      \
    /* Field codes ("HYPERLINK https://…", "PAGE"): the result runs follow. */      \
    {ns, "instrText", GC_XML_SKIP, NULL, NULL},                                     \
    {ns, "delInstrText", GC_XML_SKIP, NULL, NULL},                                  \
    /* Properties hold no text, and pPr/w:tabs has w:tab tab-stop definitions    \
     * that must not become tab characters. */                                      \
    {ns, "pPr", GC_XML_SKIP, NULL, NULL},                                           \
    {ns, "rPr", GC_XML_SKIP, NULL, NULL},                                           \
    {ns, "sectPr", GC_XML_SKIP, NULL, NULL},                                        \
    {ns, "tblPr", GC_XML_SKIP, NULL, NULL},                                         \
    {ns, "tcPr", GC_XML_SKIP, NULL, NULL}

static const gc_xml_rule docx_rules[] = {
    W_RULES(NS_W),
    W_RULES(NS_WS),
    /* A text box is written twice: DrawingML in mc:Choice and a VML copy in
     * mc:Fallback for old readers.  Taking only the Choice keeps it once. */
    {NS_MC, "Fallback", GC_XML_SKIP, NULL, NULL},
    {NULL, NULL, 0, NULL, NULL},
};

static const gc_xml_rules docx_table = {{docx_rules, NULL, NULL, NULL}, 0};

static int read_part(gc_text *out, gc_zip *z, const char *name, const gc_limits *lim,
                     gc_err *err)
{
    unsigned char *xml = NULL;
    size_t len = 0;
    int rc = gc_zip_read(z, name, &xml, &len, err);

    if (rc == 0)
        rc = gc_xml_extract(out, xml, len, name, &docx_table, lim, err);
    free(xml);
    return rc;
}

static int read_optional(gc_text *out, gc_zip *z, const char *name, const gc_limits *lim,
                         gc_err *err)
{
    return gc_zip_has(z, name) ? read_part(out, z, name, lim, err) : 0;
}

/* 1 when the block text[len..len+n) already appears in text[0..len)
 * starting at a line.  A line start inside text is a '\n', so the search is
 * for '\n' + block with memmem (linear in glibc): a memcmp at every line
 * start was quadratic, and a 37 KB DOCX of one-letter header lines took
 * seconds of CPU in it. */
static int has_block(const char *text, size_t len, size_t n)
{
    const char *block = text + len;

    if (n <= len && memcmp(text, block, n) == 0)
        return 1;
    if (len == 0 || text[len - 1] != '\n')
        return 0;
    /* The needle is the '\n' before the block plus the block; within the
     * first len bytes it can only be found at an earlier line. */
    return memmem(text, len, block - 1, n + 1) != NULL;
}

/* Word repeats one header in header1/2/3.xml (default, first page, even
 * pages); identical text is kept once so it does not weigh three times. */
static int read_unique(gc_text *out, gc_zip *z, const char *name, const gc_limits *lim,
                       gc_err *err)
{
    size_t start = out->len;
    int rc = read_part(out, z, name, lim, err);

    if (rc == 0 && out->len > start &&
        has_block(out->buf, start, out->len - start)) {
        out->len = start;
        out->buf[start] = '\0';
    }
    return rc;
}

static int read_family(gc_text *out, gc_zip *z, const char *prefix, const gc_limits *lim,
                       gc_err *err)
{
    const char **names = NULL;
    size_t n = 0, i;
    int rc = gc_zip_list(z, prefix, ".xml", GC_DOCX_HEADERS_MAX, &names, &n, err);

    for (i = 0; rc == 0 && i < n; i++)
        rc = read_unique(out, z, names[i], lim, err);
    free(names);
    return rc;
}

int gc_docx_from_zip(gc_text *out, gc_zip *z, const gc_limits *lim, gc_err *err)
{
    int rc;

    if (!gc_zip_has(z, "word/document.xml"))
        return gc_err_set(err, GC_EFORMAT, NULL, 0, 0,
                          "not a DOCX file: 'word/document.xml' is missing");
    if ((rc = read_family(out, z, "word/header", lim, err)) < 0 ||
        (rc = read_part(out, z, "word/document.xml", lim, err)) < 0 ||
        (rc = read_optional(out, z, "word/footnotes.xml", lim, err)) < 0 ||
        (rc = read_optional(out, z, "word/endnotes.xml", lim, err)) < 0)
        return rc;
    return read_family(out, z, "word/footer", lim, err);
}

int gc_extract_docx(gc_text *out, const unsigned char *data, size_t len,
                    const gc_limits *lim, gc_err *err)
{
    gc_zip *z = NULL;
    int rc = gc_zip_open(&z, data, len, lim, err);

    if (rc < 0)
        return rc;
    rc = gc_docx_from_zip(out, z, lim, err);
    gc_zip_close(z);
    return rc;
}
