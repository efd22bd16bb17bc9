/* Extractor dispatch: sniff, then run the extractor from one table.  Zips
 * are opened once here and dispatched on their real entries (the sniffer
 * only guesses from bytes).  Unsupported formats get a message that tells
 * the user what to do. */
#include <stddef.h>

#include "extract/extract.h"
#include "extract/xml_text.h"
#include "extract/zipread.h"

static const struct {
    gc_format fmt;
    gc_extract_fn fn;        /* NULL: unsupported, `why` says so */
    const char *why;
} extractors[] = {
    {GC_FMT_PDF, gc_extract_pdf, NULL},
    {GC_FMT_FODT, gc_extract_fodt, NULL},
    {GC_FMT_HTML, gc_extract_html, NULL},
    {GC_FMT_TEXT, gc_extract_plain, NULL},
    {GC_FMT_JSONRESUME, gc_extract_jsonresume, NULL},
    {GC_FMT_RTF, gc_extract_rtf, NULL},
    {GC_FMT_DOC, gc_extract_doc, NULL},
    {GC_FMT_MARKDOWN, gc_extract_markdown, NULL},
    {GC_FMT_ZIP, NULL, "unsupported format: zip archive that is not DOCX or ODT"},
    {GC_FMT_BINARY, NULL, "unsupported format: binary file"},
    {GC_FMT_UNKNOWN, NULL, "unsupported format: not recognised"},
};

/* A password-protected OOXML file is a CFB holding a stream named
 * "EncryptedPackage" ([MS-OFFCRYPTO] 2.3.4.4); directory names are UTF-16LE. */
static int cfb_is_encrypted(const unsigned char *data, size_t len)
{
    static const char name[] = "EncryptedPackage";
    size_t n = len < GC_CFB_SCAN ? len : GC_CFB_SCAN, i, k;

    for (i = 0; i + 2 * (sizeof name - 1) <= n; i++) {
        for (k = 0; k < sizeof name - 1; k++)
            if (data[i + 2 * k] != (unsigned char)name[k] || data[i + 2 * k + 1] != 0)
                break;
        if (k == sizeof name - 1)
            return 1;
    }
    return 0;
}

/* Opens the zip once and runs the DOCX or ODT reader on it. */
static int extract_zip(gc_text *out, gc_format *fmt, const unsigned char *data, size_t len,
                       const gc_limits *lim, gc_err *err)
{
    gc_zip *z = NULL;
    int rc = gc_zip_open(&z, data, len, lim, err);

    if (rc < 0)
        return rc;
    if (gc_zip_has(z, "word/document.xml")) {
        *fmt = GC_FMT_DOCX;
        rc = gc_docx_from_zip(out, z, lim, err);
    } else if (gc_odt_is_package(z)) {
        *fmt = GC_FMT_ODT;
        rc = gc_odt_from_zip(out, z, lim, err);
    } else {
        *fmt = GC_FMT_ZIP;
        rc = gc_err_set(err, GC_EFORMAT, NULL, 0, 0,
                        "unsupported format: zip archive that is not DOCX or ODT");
    }
    gc_zip_close(z);
    return rc;
}

static int has_visible_text(const gc_text *t)
{
    size_t i;

    for (i = 0; i < t->len; i++)
        if (t->buf[i] != ' ' && t->buf[i] != '\t' && t->buf[i] != '\n' && t->buf[i] != '\f')
            return 1;
    return 0;
}

static int run_table(gc_text *out, gc_format fmt, const unsigned char *data, size_t len,
                     const gc_limits *lim, gc_err *err)
{
    size_t i;

    for (i = 0; i < sizeof extractors / sizeof extractors[0]; i++) {
        if (extractors[i].fmt != fmt)
            continue;
        if (extractors[i].fn != NULL)
            return extractors[i].fn(out, data, len, lim, err);
        return gc_err_set(err, GC_EFORMAT, NULL, 0, 0, "%s", extractors[i].why);
    }
    return gc_err_set(err, GC_EFORMAT, NULL, 0, 0, "unsupported format: %s", gc_format_name(fmt));
}

int gc_extract(gc_text *out, gc_format *fmt_out, const unsigned char *data, size_t len,
               const gc_limits *lim, gc_err *err)
{
    gc_format fmt = len ? gc_sniff(data, len) : GC_FMT_UNKNOWN;
    int rc;

    if (fmt_out != NULL)
        *fmt_out = fmt;
    if (len == 0)
        return gc_err_set(err, GC_EFORMAT, NULL, 0, 0, "empty file");
    if (fmt == GC_FMT_DOC && cfb_is_encrypted(data, len))
        return gc_err_set(err, GC_EENCRYPTED, NULL, 0, 0,
                          "encrypted Office document (ask for an unprotected copy)");
    if (fmt == GC_FMT_DOCX || fmt == GC_FMT_ODT || fmt == GC_FMT_ZIP)
        rc = extract_zip(out, &fmt, data, len, lim, err);
    else
        rc = run_table(out, fmt, data, len, lim, err);
    if (fmt_out != NULL)
        *fmt_out = fmt;
    if (rc == 0 && !has_visible_text(out))
        return gc_err_set(err, GC_ENOTEXT, NULL, 0, 0, "no extractable text");
    return rc;
}
