/* DOCX (Office Open XML WordprocessingML) → text.  Reads, in this order:
 * headers (word/header*.xml), the body (word/document.xml), footnotes,
 * endnotes, footers; all through the xml_text walker and under one zip
 * budget.  A document that is pictures with almost no text has the
 * pictures of its body read with OCR (ocr_pictures.c), after the text.
 * Deliberately not read: comments, glossary, embedded objects and
 * altChunks (never recurse into nested packages: docs/SECURITY.md Z6), external
 * relationships (never followed). */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "extract/extract.h"
#include "extract/ocr_pictures.h"
#include "extract/xml_text.h"
#include "extract/zipread.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
/* ISO 29500 Strict documents use another namespace for the same names. */
#define NS_WS "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define NS_MC "http://schemas.openxmlformats.org/markup-compatibility/2006"
/* Pictures: DrawingML (a:blip r:embed, its size in wp:extent) and VML. */
#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_AS "http://purl.oclc.org/ooxml/drawingml/main"
#define NS_WP "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_WPS "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_RS "http://purl.oclc.org/ooxml/officeDocument/relationships"
#define NS_V "urn:schemas-microsoft-com:vml"
#define NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define EMU_PER_INCH 914400.0

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

/* ---- pictures --------------------------------------------------------- */

static const gc_xml_rule picture_rules[] = {
    {NS_WP, "extent", GC_XML_CALL, NULL, NULL},
    {NS_WPS, "extent", GC_XML_CALL, NULL, NULL},
    {NS_A, "blip", GC_XML_CALL, NULL, NULL},
    {NS_AS, "blip", GC_XML_CALL, NULL, NULL},
    {NS_V, "imagedata", GC_XML_CALL, NULL, NULL},
    {NS_MC, "Fallback", GC_XML_SKIP, NULL, NULL},   /* the VML copy of a Choice */
    {NULL, NULL, 0, NULL, NULL},
};
static const gc_xml_rules picture_table = {{picture_rules, NULL, NULL, NULL}, 0};

static const gc_xml_rule rel_rules[] = {
    {NS_PKG_REL, "Relationship", GC_XML_CALL, NULL, NULL},
    {NULL, NULL, 0, NULL, NULL},
};
static const gc_xml_rules rel_table = {{rel_rules, NULL, NULL, NULL}, 0};

static char *attr2(const gc_xml_elem *e, const char *ns1, const char *ns2, const char *name)
{
    char *v = gc_xml_elem_attr(e, ns1, name);
    return v ? v : gc_xml_elem_attr(e, ns2, name);
}

/* The body's pictures, in order: the relationship id of each. */
static int on_picture(void *ctx, const gc_xml_elem *e, const char *local)
{
    gc_picture_list *l = ctx;
    char *v;

    if (strcmp(local, "extent") == 0) {
        v = gc_xml_elem_attr(e, NULL, "cx");
        l->next_width_in = v ? g_ascii_strtod(v, NULL) / EMU_PER_INCH : 0;
        if (!(l->next_width_in > 0 && l->next_width_in < 1000))
            l->next_width_in = 0;
        free(v);
        return 0;
    }
    v = strcmp(local, "blip") == 0 ? attr2(e, NS_R, NS_RS, "embed") : attr2(e, NS_R, NS_RS, "id");
    gc_picture_list_add(l, v);
    free(v);
    return 0;
}

/* A relationship target relative to word/ as a part name: "media/a.png",
 * "../media/a.png", "/word/media/a.png"; NULL for anything outside the
 * package. */
static char *resolve_target(const char *target)
{
    static char word[] = "word";
    char **seg = g_strsplit(target[0] == '/' ? target + 1 : target, "/", -1);
    GPtrArray *path = g_ptr_array_new();
    char *out = NULL;
    int ok = 1;

    if (target[0] != '/')
        g_ptr_array_add(path, word);
    for (char **s = seg; *s && ok; s++) {
        if (strcmp(*s, "..") == 0)
            ok = path->len > 0 && (g_ptr_array_remove_index(path, path->len - 1), 1);
        else if (**s && strcmp(*s, ".") != 0)
            g_ptr_array_add(path, *s);
    }
    if (ok && path->len > 0) {
        g_ptr_array_add(path, NULL);
        char *joined = g_strjoinv("/", (gchar **)(void *)path->pdata);
        out = strdup(joined);
        g_free(joined);
    }
    g_ptr_array_free(path, TRUE);
    g_strfreev(seg);
    return out;
}

static int on_relationship(void *ctx, const gc_xml_elem *e, const char *local)
{
    gc_picture_list *l = ctx;
    char *id = gc_xml_elem_attr(e, NULL, "Id"), *target = gc_xml_elem_attr(e, NULL, "Target");
    char *mode = gc_xml_elem_attr(e, NULL, "TargetMode");

    (void)local;
    for (size_t i = 0; id && target && !(mode && strcmp(mode, "External") == 0) && i < l->n; i++)
        if (l->v[i].part == NULL && strcmp(l->v[i].ref, id) == 0)
            l->v[i].part = resolve_target(target);
    free(id), free(target), free(mode);
    return 0;
}

/* The body's pictures read with OCR, when the document is made of them. */
static int read_pictures(gc_text *out, gc_zip *z, const gc_limits *lim, gc_err *err)
{
    gc_picture_list l;
    gc_text scratch;
    unsigned char *xml = NULL;
    size_t len = 0;
    int rc;

    if (!gc_pictures_wanted(out, lim))
        return 0;
    gc_picture_list_init(&l);
    gc_text_init(&scratch, lim->text_bytes);
    rc = gc_zip_read(z, "word/document.xml", &xml, &len, err);
    if (rc == 0)
        rc = gc_xml_extract_cb(&scratch, xml, len, "word/document.xml", &picture_table,
                               on_picture, &l, lim, err);
    free(xml);
    xml = NULL;
    if (rc == 0 && l.n > 0 && gc_zip_has(z, "word/_rels/document.xml.rels") &&
        (rc = gc_zip_read(z, "word/_rels/document.xml.rels", &xml, &len, err)) == 0)
        rc = gc_xml_extract_cb(&scratch, xml, len, "word/_rels/document.xml.rels", &rel_table,
                               on_relationship, &l, lim, err);
    free(xml);
    if (rc == 0)
        rc = gc_ocr_pictures(out, z, &l, lim, err);
    gc_picture_list_free(&l);
    gc_text_free(&scratch);
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
        (rc = read_optional(out, z, "word/endnotes.xml", lim, err)) < 0 ||
        (rc = read_family(out, z, "word/footer", lim, err)) < 0)
        return rc;
    return read_pictures(out, z, lim, err);
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
