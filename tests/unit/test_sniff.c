/* Format sniffing from content, and gc_extract's answers for unsupported
 * formats. */
#include <string.h>

#include "extract/extract.h"
#include "harness.h"

#define SNIFF(lit) gc_sniff((const unsigned char *)(lit), sizeof(lit) - 1)

/* A 30-byte zip local header for `name` (method 0), then `data`. */
static size_t local_header(unsigned char *out, const char *name, const char *data)
{
    size_t n = strlen(name), d = strlen(data);

    memset(out, 0, 30);
    memcpy(out, "PK\3\4", 4);
    out[26] = (unsigned char)n;
    memcpy(out + 30, name, n);
    memcpy(out + 30 + n, data, d);
    return 30 + n + d;
}

static void test_magic(void)
{
    unsigned char z[256];
    size_t n;

    CHECK(gc_sniff(NULL, 0) == GC_FMT_UNKNOWN);
    CHECK(SNIFF("%PDF-1.7\n") == GC_FMT_PDF);
    CHECK(SNIFF("junk junk\r\n%PDF-1.4\n") == GC_FMT_PDF);
    CHECK(SNIFF("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest") == GC_FMT_DOC);
    CHECK(SNIFF("{\\rtf1\\ansi") == GC_FMT_RTF);
    CHECK(SNIFF("PK\5\6\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0") == GC_FMT_ZIP);
    n = local_header(z, "word/document.xml", "<w:document/>");
    CHECK(gc_sniff(z, n) == GC_FMT_DOCX);
    n = local_header(z, "mimetype", "application/vnd.oasis.opendocument.text");
    CHECK(gc_sniff(z, n) == GC_FMT_ODT);
    n = local_header(z, "mimetype", "application/vnd.oasis.opendocument.spreadsheet");
    CHECK(gc_sniff(z, n) == GC_FMT_ZIP);
    /* A header cut inside its own name: no read past the end (fuzz_docx). */
    n = local_header(z, "mimetype", "");
    CHECK(gc_sniff(z, 34) == GC_FMT_ZIP);
    CHECK(gc_sniff(z, 30) == GC_FMT_ZIP);
}

static void test_markup_and_text(void)
{
    CHECK(SNIFF("<?xml version=\"1.0\"?>\n<office:document xmlns:office=\"x\">") == GC_FMT_FODT);
    CHECK(SNIFF("\xEF\xBB\xBF<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">") == GC_FMT_HTML);
    CHECK(SNIFF("  <!-- x --> <html lang=en>") == GC_FMT_HTML);
    CHECK(SNIFF("<BODY>") == GC_FMT_HTML);
    /* A DOCTYPE (with an internal subset, quotes holding '>' and ']') does
     * not hide the root element: the extractor must see it and refuse. */
    CHECK(SNIFF("<?xml version=\"1.0\"?>\n<!DOCTYPE office:document [<!ENTITY x SYSTEM "
                "\"file:///a>]b\"> <!ENTITY y 'q'>]>\n<office:document>") == GC_FMT_FODT);
    CHECK(SNIFF("<!DOCTYPE x SYSTEM \"http://127.0.0.1/x.dtd\"><office:document>") ==
          GC_FMT_FODT);
    CHECK(SNIFF("<!DOCTYPE x [<!ENTITY a \"unterminated") == GC_FMT_TEXT);
    CHECK(SNIFF("<!doctype html><html>") == GC_FMT_HTML);
    CHECK(SNIFF("<?xml version=\"1.0\"?><svg/>") == GC_FMT_TEXT);
    CHECK(SNIFF("\xFF\xFEh\0i\0") == GC_FMT_TEXT);
    CHECK(SNIFF("\xEF\xBB\xBFplain") == GC_FMT_TEXT);
    CHECK(SNIFF("caf\xE9") == GC_FMT_TEXT);
    CHECK(SNIFF("\x7F" "ELF\2\1\1\0\0") == GC_FMT_BINARY);
    CHECK_STR(gc_format_name(GC_FMT_DOCX), "docx");
    CHECK_STR(gc_format_name(GC_FMT_MARKDOWN), "markdown");
    CHECK(gc_format_from_name("markdown") == GC_FMT_MARKDOWN);
    CHECK_STR(gc_format_name((gc_format)99), "unknown");
    /* Markdown: a heading, a link, a reference definition or a fence. */
    CHECK(SNIFF("Jane\n\n## Skills\n- Go\n") == GC_FMT_MARKDOWN);
    CHECK(SNIFF("Jane\nSee [Python](https://python.org).\n") == GC_FMT_MARKDOWN);
    CHECK(SNIFF("Jane\n[1]: https://example.com\n") == GC_FMT_MARKDOWN);
    CHECK(SNIFF("Jane\n```\ncode\n```\n") == GC_FMT_MARKDOWN);
    CHECK(SNIFF("\xEF\xBB\xBF# Jane Roe\r\nEngineer\r\n") == GC_FMT_MARKDOWN);
    CHECK(SNIFF("Skills\n# Go") == GC_FMT_MARKDOWN);   /* a heading as the last line */
    /* Plain-text résumés keep being text: bullets, underlines, emphasis,
     * "#" comment blocks, C#, brackets without a destination. */
    CHECK(SNIFF("JANE ROE\n========\n- Python\n* Go\n**bold**\n") == GC_FMT_TEXT);
    CHECK(SNIFF("# comment one\n# comment two\nC#\tBuilt tools in C#.\n") == GC_FMT_TEXT);
    CHECK(SNIFF("#1 in sales\n#hashtag\n####### seven\n#\n") == GC_FMT_TEXT);
    CHECK(SNIFF("Skills [Python] (advanced)\n[ ]: x\n[a](\n") == GC_FMT_TEXT);
}

static int extract_rc(const char *data, size_t len, gc_err *e)
{
    gc_limits lim = GC_LIMITS_INIT;
    gc_text t;
    int rc;

    gc_text_init(&t, lim.text_bytes);
    gc_err_clear(e);
    rc = gc_extract(&t, NULL, (const unsigned char *)data, len, &lim, e);
    gc_text_free(&t);
    return rc;
}

static void test_unsupported(void)
{
    static const char doc[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 W\0o\0r\0d\0";
    static const char enc[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 E\0n\0c\0r\0y\0p\0t\0e\0d\0"
                              "P\0a\0c\0k\0a\0g\0e\0";
    gc_err e;

    CHECK(extract_rc("", 0, &e) == GC_EFORMAT);
    CHECK_STR(e.msg, "empty file");
    CHECK(extract_rc("{\\rtf1 x}", 8, &e) == 0);   /* RTF and .doc are read now */
    CHECK(extract_rc("{\\rtf1 {\\*\\x y}}", 13, &e) == GC_ENOTEXT);
    /* A CFB header with nothing behind it: libgsf refuses the container. */
    CHECK(extract_rc(doc, sizeof doc - 1, &e) == GC_ECORRUPT);
    CHECK_STR(e.detail, "cfb");
    CHECK(extract_rc(enc, sizeof enc - 1, &e) == GC_EENCRYPTED);
    CHECK(extract_rc("\x7F" "ELF\0\0", 6, &e) == GC_EFORMAT);
    CHECK_STR(e.msg, "unsupported format: binary file");
    CHECK(extract_rc("PK\3\4garbage", 11, &e) == GC_ECORRUPT);
}

static void test_doctype_refused(void)
{
    static const char fodt[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE office:document "
                               "[<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                               "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:"
                               "xmlns:office:1.0\">&x;</office:document>";
    gc_err e;

    CHECK(extract_rc(fodt, sizeof fodt - 1, &e) == GC_ECORRUPT);
    CHECK_STR(e.detail, "dtd_forbidden");
}

int main(void)
{
    test_magic();
    test_markup_and_text();
    test_unsupported();
    test_doctype_refused();
    return test_summary("test_sniff");
}
