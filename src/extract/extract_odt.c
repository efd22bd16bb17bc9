/* OpenDocument text → text: zipped ODT (content.xml, with header and footer
 * text from the master pages in styles.xml) and flat ODT (.fodt, one
 * office:document holding both).  Three passes through the xml_text walker
 * put header text first, the body next and footers last; a zipped ODT made
 * of pictures has them read with OCR after that (ocr_pictures.c).  Not read:
 * annotations, tracked-change deleted text, embedded objects, binary data,
 * image titles and descriptions. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/ocr_pictures.h"
#include "extract/xml_text.h"
#include "extract/zipread.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_XLINK "http://www.w3.org/1999/xlink"

#define ODT_MIMETYPE "application/vnd.oasis.opendocument.text"

static const gc_xml_rule odf_rules[] = {
    {NS_TEXT, "p", GC_XML_TEXT | GC_XML_PARA, NULL, NULL},
    {NS_TEXT, "h", GC_XML_TEXT | GC_XML_PARA, NULL, NULL},
    {NS_TEXT, "tab", GC_XML_EMIT, "\t", NULL},
    {NS_TEXT, "line-break", GC_XML_EMIT, "\n", NULL},
    /* ODF collapses whitespace in paragraphs; runs of spaces are text:s. */
    {NS_TEXT, "s", GC_XML_EMIT | GC_XML_REPEAT, " ", "c"},
    {NS_TABLE, "table-cell", GC_XML_CELL, NULL, NULL},
    {NS_TABLE, "table-row", GC_XML_ROW, NULL, NULL},
    /* Deleted text of tracked changes lives here, apart from the body. */
    {NS_TEXT, "tracked-changes", GC_XML_SKIP, NULL, NULL},
    {NS_OFFICE, "annotation", GC_XML_SKIP, NULL, NULL},
    /* The footnote mark ("1") would glue onto the word it follows. */
    {NS_TEXT, "note-citation", GC_XML_SKIP, NULL, NULL},
    /* Template text of a table of contents, not document text. */
    {NS_TEXT, "table-of-content-source", GC_XML_SKIP, NULL, NULL},
    /* Base64 images in .fodt can be megabytes inside a paragraph. */
    {NS_OFFICE, "binary-data", GC_XML_SKIP, NULL, NULL},
    {NS_SVG, "title", GC_XML_SKIP, NULL, NULL},
    {NS_SVG, "desc", GC_XML_SKIP, NULL, NULL},
    /* Containers with no document text: skipping them is only faster. */
    {NS_OFFICE, "meta", GC_XML_SKIP, NULL, NULL},
    {NS_OFFICE, "settings", GC_XML_SKIP, NULL, NULL},
    {NS_OFFICE, "scripts", GC_XML_SKIP, NULL, NULL},
    {NS_OFFICE, "font-face-decls", GC_XML_SKIP, NULL, NULL},
    {NS_OFFICE, "styles", GC_XML_SKIP, NULL, NULL},
    {NS_OFFICE, "automatic-styles", GC_XML_SKIP, NULL, NULL},
    {NULL, NULL, 0, NULL, NULL},
};

static const gc_xml_rule header_pass[] = {
    {NS_OFFICE, "body", GC_XML_SKIP, NULL, NULL},
    {NS_STYLE, "footer", GC_XML_SKIP, NULL, NULL},
    {NS_STYLE, "footer-left", GC_XML_SKIP, NULL, NULL},
    {NS_STYLE, "footer-first", GC_XML_SKIP, NULL, NULL},
    {NULL, NULL, 0, NULL, NULL},
};

static const gc_xml_rule body_pass[] = {
    {NS_OFFICE, "master-styles", GC_XML_SKIP, NULL, NULL},
    {NULL, NULL, 0, NULL, NULL},
};

static const gc_xml_rule footer_pass[] = {
    {NS_OFFICE, "body", GC_XML_SKIP, NULL, NULL},
    {NS_STYLE, "header", GC_XML_SKIP, NULL, NULL},
    {NS_STYLE, "header-left", GC_XML_SKIP, NULL, NULL},
    {NS_STYLE, "header-first", GC_XML_SKIP, NULL, NULL},
    {NULL, NULL, 0, NULL, NULL},
};

static const gc_xml_rules headers = {{header_pass, odf_rules, NULL, NULL}, 1};
static const gc_xml_rules body = {{body_pass, odf_rules, NULL, NULL}, 1};
static const gc_xml_rules footers = {{footer_pass, odf_rules, NULL, NULL}, 1};

int gc_odt_is_package(gc_zip *z)
{
    unsigned char *mt = NULL;
    size_t len = 0;
    int yes;

    if (!gc_zip_has(z, "mimetype"))
        return gc_zip_has(z, "content.xml") && !gc_zip_has(z, "word/document.xml");
    if (gc_zip_read(z, "mimetype", &mt, &len, NULL) < 0)
        return 0;
    /* Also matches -template and -master variants of a text document. */
    yes = len >= strlen(ODT_MIMETYPE) && memcmp(mt, ODT_MIMETYPE, strlen(ODT_MIMETYPE)) == 0;
    free(mt);
    return yes;
}

/* Pictures of the body (draw:frame's svg:width, then its draw:image's
 * xlink:href), for OCR when the document is made of them. */
static const gc_xml_rule picture_rules[] = {
    {NS_DRAW, "frame", GC_XML_CALL, NULL, NULL},
    {NS_DRAW, "image", GC_XML_CALL, NULL, NULL},
    {NS_OFFICE, "master-styles", GC_XML_SKIP, NULL, NULL},
    {NULL, NULL, 0, NULL, NULL},
};
static const gc_xml_rules picture_table = {{picture_rules, NULL, NULL, NULL}, 0};

static int on_picture(void *ctx, const gc_xml_elem *e, const char *local)
{
    gc_picture_list *l = ctx;
    char *v;

    if (strcmp(local, "frame") == 0) {
        v = gc_xml_elem_attr(e, NS_SVG, "width");
        l->next_width_in = gc_length_inches(v);
        free(v);
        return 0;
    }
    v = gc_xml_elem_attr(e, NS_XLINK, "href");
    /* a part of this package only: nothing absolute, external or above it */
    if (v != NULL && strstr(v, "://") == NULL && v[0] != '/' && strstr(v, "..") == NULL) {
        const char *part = strncmp(v, "./", 2) == 0 ? v + 2 : v;
        size_t before = l->n;
        gc_picture_list_add(l, part);
        if (l->n > before)
            l->v[before].part = strdup(part);
    }
    free(v);
    return 0;
}

static int read_pictures(gc_text *out, gc_zip *z, const unsigned char *content, size_t len,
                         const gc_limits *lim, gc_err *err)
{
    gc_picture_list l;
    gc_text scratch;
    int rc;

    if (!gc_pictures_wanted(out, lim))
        return 0;
    gc_picture_list_init(&l);
    gc_text_init(&scratch, lim->text_bytes);
    rc = gc_xml_extract_cb(&scratch, content, len, "content.xml", &picture_table, on_picture,
                           &l, lim, err);
    if (rc == 0)
        rc = gc_ocr_pictures(out, z, &l, lim, err);
    gc_picture_list_free(&l);
    gc_text_free(&scratch);
    return rc;
}

int gc_odt_from_zip(gc_text *out, gc_zip *z, const gc_limits *lim, gc_err *err)
{
    unsigned char *styles = NULL, *content = NULL;
    size_t styles_len = 0, content_len = 0;
    int rc;

    if (!gc_zip_has(z, "content.xml"))
        return gc_err_set(err, GC_EFORMAT, NULL, 0, 0, "not an ODT file: 'content.xml' is missing");
    rc = gc_zip_has(z, "styles.xml") ? gc_zip_read(z, "styles.xml", &styles, &styles_len, err) : 0;
    if (rc == 0)
        rc = gc_zip_read(z, "content.xml", &content, &content_len, err);
    if (rc == 0 && styles != NULL)
        rc = gc_xml_extract(out, styles, styles_len, "styles.xml", &headers, lim, err);
    if (rc == 0)
        rc = gc_xml_extract(out, content, content_len, "content.xml", &body, lim, err);
    if (rc == 0 && styles != NULL)
        rc = gc_xml_extract(out, styles, styles_len, "styles.xml", &footers, lim, err);
    if (rc == 0)
        rc = read_pictures(out, z, content, content_len, lim, err);
    free(styles);
    free(content);
    return rc;
}

int gc_extract_odt(gc_text *out, const unsigned char *data, size_t len,
                   const gc_limits *lim, gc_err *err)
{
    gc_zip *z = NULL;
    int rc = gc_zip_open(&z, data, len, lim, err);

    if (rc < 0)
        return rc;
    rc = gc_odt_from_zip(out, z, lim, err);
    gc_zip_close(z);
    return rc;
}

int gc_extract_fodt(gc_text *out, const unsigned char *data, size_t len,
                    const gc_limits *lim, gc_err *err)
{
    int rc = gc_xml_extract(out, data, len, "document", &headers, lim, err);

    if (rc == 0)
        rc = gc_xml_extract(out, data, len, "document", &body, lim, err);
    if (rc == 0)
        rc = gc_xml_extract(out, data, len, "document", &footers, lim, err);
    return rc;
}
