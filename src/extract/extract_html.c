/* HTML → text with libxml2's HTML parser (no network, no entity loading,
 * silent), then the xml_text walker over the tree with an HTML rule table:
 * body text only; script, style, noscript, template and head skipped;
 * block elements end a line, table cells are '\t'-separated.  The walk is
 * iterative with our depth cap (libxml2 2.9.14's HTML parser itself stops
 * nesting at 256 levels and silently drops what is deeper).  Charset:
 * libxml2 honours a BOM or a meta charset; the tree is UTF-8, checked once
 * more before we keep it. */
#include <limits.h>
#include <string.h>

#include <glib.h>

#include "extract/extract.h"
#include "extract/xml_lib.h"
#include "extract/xml_text.h"

#define BLOCK(name) {NULL, name, GC_XML_PARA, NULL, NULL}

static const gc_xml_rule html_rules[] = {
    {NULL, "body", GC_XML_TEXT | GC_XML_PARA, NULL, NULL},
    {NULL, "head", GC_XML_SKIP, NULL, NULL},
    {NULL, "script", GC_XML_SKIP, NULL, NULL},
    {NULL, "style", GC_XML_SKIP, NULL, NULL},
    {NULL, "noscript", GC_XML_SKIP, NULL, NULL},
    {NULL, "template", GC_XML_SKIP, NULL, NULL},
    {NULL, "br", GC_XML_EMIT, "\n", NULL},
    {NULL, "td", GC_XML_CELL, NULL, NULL},
    {NULL, "th", GC_XML_CELL, NULL, NULL},
    {NULL, "tr", GC_XML_ROW, NULL, NULL},
    {NULL, "pre", GC_XML_PARA | GC_XML_VERBATIM, NULL, NULL},
    BLOCK("p"), BLOCK("div"), BLOCK("li"), BLOCK("ul"), BLOCK("ol"), BLOCK("dl"),
    BLOCK("dt"), BLOCK("dd"), BLOCK("h1"), BLOCK("h2"), BLOCK("h3"), BLOCK("h4"),
    BLOCK("h5"), BLOCK("h6"), BLOCK("section"), BLOCK("article"), BLOCK("header"),
    BLOCK("footer"), BLOCK("nav"), BLOCK("aside"), BLOCK("main"), BLOCK("table"),
    BLOCK("caption"), BLOCK("blockquote"), BLOCK("address"), BLOCK("figure"),
    BLOCK("figcaption"), BLOCK("hr"), BLOCK("form"), BLOCK("fieldset"),
    BLOCK("details"), BLOCK("summary"),
    {NULL, NULL, 0, NULL, NULL},
};

static const gc_xml_rules html_table = {{html_rules, NULL, NULL, NULL}, 1};

/* The tree is UTF-8 by libxml2's contract; this is a cheap guarantee for
 * text.h's "only valid UTF-8" rule should a byte slip through. */
static int ensure_utf8(gc_text *out, size_t start, gc_err *err)
{
    gchar *fixed;
    size_t n;
    int rc;

    if (out->len == start || g_utf8_validate(out->buf + start, (gssize)(out->len - start), NULL))
        return 0;
    fixed = g_utf8_make_valid(out->buf + start, (gssize)(out->len - start));
    n = strlen(fixed);
    out->len = start;
    out->buf[start] = '\0';
    rc = gc_text_append(out, fixed, n, err);
    g_free(fixed);
    return rc;
}

int gc_extract_html(gc_text *out, const unsigned char *data, size_t len,
                    const gc_limits *lim, gc_err *err)
{
    const gc_xml_api *xml = gc_xml_lib(err);
    htmlDocPtr doc;
    size_t start = out->len;
    int rc;

    if (xml == NULL)
        return err ? err->code : GC_EFORMAT;
    if (len > INT_MAX) /* libxml2 takes sizes as int */
        return gc_err_set(err, GC_ELIMIT, NULL, 0, 0, "HTML file is too large");
    if ((rc = gc_xml_prescan(data, len, 1, "html", lim, err)) < 0)
        return rc;
    /* NONET: no fetching; NOERROR/NOWARNING: libxml2 would echo document
     * lines (personal data) to stderr.  No NOBLANKS: it drops the spaces
     * between inline elements ("<b>C</b> <i>Go</i>"). */
    doc = xml->htmlReadMemory((const char *)data, (int)len, NULL, NULL,
                         HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    if (doc == NULL)
        return gc_err_set(err, GC_ECORRUPT, NULL, 0, 0, "HTML file could not be parsed");
    rc = gc_xml_extract_doc(out, doc, "html", &html_table, lim, err);
    xml->xmlFreeDoc(doc);
    return rc < 0 ? rc : ensure_utf8(out, start, err);
}
