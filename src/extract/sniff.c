/* Format detection from content only, never from a file name.  Magic bytes
 * at offset 0 first (zip, OLE2/CFB, RTF), then "%PDF-" anywhere in the first
 * 1024 bytes (Acrobat tolerates leading junk), then markup after a BOM,
 * whitespace, an XML declaration and comments; the rest is text unless it
 * holds NUL bytes, and text that looks like Markdown (gc_sniff_markdown) is
 * Markdown.  For zips this is a byte-level guess (no inflating);
 * gc_extract opens the archive and decides on its real entries. */
#include <string.h>
#include <strings.h>

#include "gapcheck.h"
#include "extract/extract.h"

static const unsigned char cfb_magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

static const unsigned char *find_bytes(const unsigned char *hay, size_t n, const char *needle,
                                       size_t m)
{
    const unsigned char *p = hay, *end = hay + n;

    while (m > 0 && (size_t)(end - p) >= m) {
        p = memchr(p, needle[0], (size_t)(end - p) - m + 1);
        if (p == NULL)
            return NULL;
        if (memcmp(p, needle, m) == 0)
            return p;
        p++;
    }
    return NULL;
}

static unsigned le16(const unsigned char *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

/* ODF requires the first entry to be an uncompressed "mimetype" so that
 * magic-byte tools can do exactly this (ODF 1.2 part 3, §3.3). */
static int is_odt_zip(const unsigned char *d, size_t len)
{
    static const char mt[] = "application/vnd.oasis.opendocument.text";
    size_t name_len, data_off;

    if (len < 30 || le16(d + 8) != 0)
        return 0;
    name_len = le16(d + 26);
    data_off = 30 + name_len + le16(d + 28);
    /* The name must lie inside the buffer before it is compared (found by
     * fuzz_docx: a 36-byte header declaring an 8-byte name). */
    return name_len == 8 && len >= 30 + name_len && memcmp(d + 30, "mimetype", 8) == 0 &&
           len >= data_off + sizeof mt - 1 && memcmp(d + data_off, mt, sizeof mt - 1) == 0;
}

/* A local (PK\3\4, name at +30) or central (PK\1\2, name at +46) header
 * whose 17-byte name is word/document.xml. */
static int is_docx_zip(const unsigned char *d, size_t len)
{
    static const char name[] = "word/document.xml";
    const unsigned char *p = d, *hit;
    size_t off;

    while ((hit = find_bytes(p, len - (size_t)(p - d), name, sizeof name - 1)) != NULL) {
        off = (size_t)(hit - d);
        if (off >= 46 && memcmp(hit - 46, "PK\1\2", 4) == 0 && le16(hit - 46 + 28) == 17)
            return 1;
        if (off >= 30 && memcmp(hit - 30, "PK\3\4", 4) == 0 && le16(hit - 30 + 26) == 17)
            return 1;
        p = hit + 1;
    }
    return 0;
}

static size_t skip_space(const unsigned char *p, size_t i, size_t n)
{
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    return i;
}

static int starts_ci(const unsigned char *p, size_t n, const char *s)
{
    size_t m = strlen(s);
    return n >= m && strncasecmp((const char *)p, s, m) == 0;
}

/* End of a "<!DOCTYPE ...>" starting at p[0]: the '>' outside quotes and
 * outside an internal subset "[...]", or NULL. */
static const unsigned char *doctype_end(const unsigned char *p, size_t n)
{
    size_t i, depth = 0;
    unsigned char quote = 0;

    for (i = 9; i < n; i++) {
        if (quote) {
            quote = p[i] == quote ? 0 : quote;
        } else if (p[i] == '"' || p[i] == '\'') {
            quote = p[i];
        } else if (p[i] == '[') {
            depth++;
        } else if (p[i] == ']' && depth > 0) {
            depth--;
        } else if (p[i] == '>' && depth == 0) {
            return p + i;
        }
    }
    return NULL;
}

/* Skips whitespace, "<?...?>", "<!--...-->" and a DOCTYPE other than
 * HTML's; returns the offset of the first other byte.  An XML document with
 * a DOCTYPE is still sniffed by its root element, so its extractor can
 * refuse the DTD (docs/SECURITY.md X1) instead of it being read as plain text. */
static size_t skip_prologue(const unsigned char *p, size_t n)
{
    size_t i = skip_space(p, 0, n);
    const unsigned char *end;

    while (i < n) {
        if (starts_ci(p + i, n - i, "<!doctype") && !starts_ci(p + i, n - i, "<!doctype html")) {
            if ((end = doctype_end(p + i, n - i)) == NULL)
                return n;
            i = skip_space(p, (size_t)(end - p) + 1, n);
            continue;
        }
        if (starts_ci(p + i, n - i, "<?"))
            end = find_bytes(p + i, n - i, "?>", 2);
        else if (starts_ci(p + i, n - i, "<!--"))
            end = find_bytes(p + i, n - i, "-->", 3);
        else
            break;
        if (end == NULL)
            return n;
        i = skip_space(p, (size_t)(end - p) + (p[i + 1] == '?' ? 2 : 3), n);
    }
    return i;
}

static gc_format sniff_markup(const unsigned char *p, size_t n)
{
    static const char *const html_starts[] = {"<!doctype html", "<html", "<head", "<body"};
    size_t i, k;

    if (n > GC_SNIFF_MARKUP_WINDOW)
        n = GC_SNIFF_MARKUP_WINDOW;
    i = skip_prologue(p, n);
    /* office:document is the flat ODT root; office:document-content (a bare
     * content.xml) is read the same way. */
    if (starts_ci(p + i, n - i, "<office:document"))
        return GC_FMT_FODT;
    for (k = 0; k < sizeof html_starts / sizeof html_starts[0]; k++)
        if (starts_ci(p + i, n - i, html_starts[k]))
            return GC_FMT_HTML;
    return GC_FMT_UNKNOWN;
}

gc_format gc_sniff(const unsigned char *data, size_t len)
{
    size_t bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    gc_format f;

    if (len == 0)
        return GC_FMT_UNKNOWN;
    if (len >= 4 && (memcmp(data, "PK\3\4", 4) == 0 || memcmp(data, "PK\5\6", 4) == 0))
        return is_docx_zip(data, len) ? GC_FMT_DOCX
               : is_odt_zip(data, len) ? GC_FMT_ODT
                                       : GC_FMT_ZIP;
    if (len >= sizeof cfb_magic && memcmp(data, cfb_magic, sizeof cfb_magic) == 0)
        return GC_FMT_DOC;
    if (len >= 5 && memcmp(data, "{\\rtf", 5) == 0)
        return GC_FMT_RTF;
    if (find_bytes(data, len < GC_SNIFF_PDF_WINDOW ? len : GC_SNIFF_PDF_WINDOW, "%PDF-", 5) != NULL)
        return GC_FMT_PDF;
    if (len >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 || memcmp(data, "\xFE\xFF", 2) == 0))
        return GC_FMT_TEXT;
    if ((f = sniff_markup(data + bom, len - bom)) != GC_FMT_UNKNOWN)
        return f;
    if (gc_sniff_jsonresume(data, len))
        return GC_FMT_JSONRESUME;
    if (memchr(data, '\0', len) != NULL)
        return GC_FMT_BINARY;
    return gc_sniff_markdown(data, len) ? GC_FMT_MARKDOWN : GC_FMT_TEXT;
}

static const char *const format_names[] = {
    [GC_FMT_UNKNOWN] = "unknown", [GC_FMT_PDF] = "pdf",   [GC_FMT_DOCX] = "docx",
    [GC_FMT_ODT] = "odt",         [GC_FMT_FODT] = "fodt", [GC_FMT_HTML] = "html",
    [GC_FMT_TEXT] = "text",       [GC_FMT_RTF] = "rtf",   [GC_FMT_DOC] = "doc",
    [GC_FMT_ZIP] = "zip",         [GC_FMT_BINARY] = "binary",
    [GC_FMT_JSONRESUME] = "jsonresume", [GC_FMT_MARKDOWN] = "markdown",
};

int gc_format_from_name(const char *name)
{
    for (int f = 0; f < GC_N_FORMATS; f++)
        if (format_names[f] && strcmp(format_names[f], name) == 0)
            return f;
    return -1;
}

const char *gc_format_name(gc_format f)
{
    return (unsigned)f < GC_N_FORMATS && format_names[f] ? format_names[f] : "unknown";
}

/* ---- is it a résumé format? (gc_format_readable) ---------------------- */

/* Bytes no text file holds (file(1)'s text_chars: C0 controls other than
 * BEL, BS, TAB, LF, VT, FF, CR and ESC, and DEL).  A few may slip into a
 * résumé pasted from a PDF; many mean a binary file without NUL bytes. */
static int mostly_text(const unsigned char *p, size_t n)
{
    size_t ctl = 0;

    for (size_t i = 0; i < n; i++)
        ctl += (p[i] < 0x07 || (p[i] >= 0x0E && p[i] < 0x20 && p[i] != 0x1B) || p[i] == 0x7F);
    return ctl * 32 <= n;
}

/* Records of a table: lines, except that a newline inside double quotes
 * does not end one (RFC 4180).  True when there are at least `min_rows`
 * non-empty records and every one holds the same number, at least one, of
 * `sep` outside quotes.  The last record counts only when a newline ends
 * it: the head may cut it short. */
static int is_table(const unsigned char *p, size_t n, unsigned char sep, size_t min_rows)
{
    size_t rows = 0, count = 0, want = 0, len = 0;
    int quoted = 0;

    for (size_t i = 0; i < n; i++) {
        if (p[i] == '"') {
            quoted = !quoted;
        } else if (p[i] == '\n' && !quoted) {
            if (len > 0) {
                if (count == 0 || (rows > 0 && count != want))
                    return 0;
                want = count;
                rows++;
            }
            count = len = 0;
            continue;
        } else if (p[i] == sep && !quoted) {
            count++;
        }
        len += p[i] != '\r';
    }
    return rows >= min_rows;
}

/* A JSON document: an object whose first key is a string, or an array of
 * values.  (A JSON Resume was recognised before this is asked.) */
static int is_json(const unsigned char *p, size_t n)
{
    size_t i = skip_space(p, 0, n), j;

    if (i >= n || (p[i] != '{' && p[i] != '['))
        return 0;
    j = skip_space(p, i + 1, n);
    if (j >= n)
        return 0;
    if (p[i] == '{')
        return p[j] == '"' || p[j] == '}';
    return strchr("{[\"]-0123456789", p[j]) != NULL;
}

/* Data rather than a document: a table (tab-separated, or comma-separated
 * in three rows or more, so a short résumé line with a comma is not one),
 * a JSON document, or XML other than flat ODT and HTML. */
static int is_data(const unsigned char *p, size_t n)
{
    size_t bom = n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

    p += bom;
    n -= bom;
    return is_table(p, n, '\t', 2) || is_table(p, n, ',', 3) || is_json(p, n) ||
           starts_ci(p + skip_space(p, 0, n), n - skip_space(p, 0, n), "<?xml");
}

/* The central directory, at a zip's end, names every entry: DOCX has
 * word/document.xml, an OpenDocument file content.xml beside a mimetype
 * (ODF 1.2 part 3, §3.3; the head shows it when mimetype comes first). */
static int zip_tail_is_document(const unsigned char *t, size_t n)
{
    return is_docx_zip(t, n) || (find_bytes(t, n, "content.xml", 11) != NULL &&
                                 find_bytes(t, n, "mimetype", 8) != NULL);
}

int gc_format_readable(const unsigned char *head, size_t head_len, const unsigned char *tail,
                       size_t tail_len)
{
    switch (gc_sniff(head, head_len)) {
    case GC_FMT_PDF:
    case GC_FMT_DOCX:
    case GC_FMT_ODT:
    case GC_FMT_FODT:
    case GC_FMT_HTML:
    case GC_FMT_RTF:
    case GC_FMT_DOC:
    case GC_FMT_JSONRESUME:
        return 1;
    case GC_FMT_ZIP:
        if (tail == NULL)
            return -1;
        return zip_tail_is_document(tail, tail_len);
    case GC_FMT_TEXT:
        if (head_len >= 2 && (memcmp(head, "\xFF\xFE", 2) == 0 || memcmp(head, "\xFE\xFF", 2) == 0))
            return 1;   /* UTF-16 with a BOM */
        /* fall through */
    case GC_FMT_MARKDOWN:   /* "# comment" atop a table makes it look like Markdown */
        return mostly_text(head, head_len) && !is_data(head, head_len);
    default:   /* binary, empty */
        return 0;
    }
}
