/* Plain text: encodings, line ends, control characters, binary, limits. */
#include <string.h>

#include "extract/extract.h"
#include "harness.h"

static int plain(const char *src, size_t len, size_t max, gc_text *t, gc_err *e)
{
    gc_limits lim = GC_LIMITS_INIT;

    gc_text_init(t, max ? max : lim.text_bytes);
    gc_err_clear(e);
    return gc_extract_plain(t, (const unsigned char *)src, len, &lim, e);
}

#define PLAIN(lit, t, e) plain(lit, sizeof lit - 1, 0, t, e)

static void expect_text(int rc, gc_text *t, const char *want)
{
    CHECK(rc == 0);
    CHECK_STR(t->buf ? t->buf : "", want);
    gc_text_free(t);
}

static void test_utf8(void)
{
    gc_text t;
    gc_err e;

    expect_text(PLAIN("\xEF\xBB\xBF# Jane\r\nC++\rGo\n", &t, &e), &t, "# Jane\nC++\nGo\n");
    expect_text(PLAIN("a\x1b[2Jb\fc\x7f", &t, &e), &t, "a[2Jb\nc");
    /* BOM promises UTF-8: a bad byte is replaced, not reread as 1252. */
    expect_text(PLAIN("\xEF\xBB\xBFx\xFFy", &t, &e), &t, "x\xEF\xBF\xBDy");
}

static void test_utf16(void)
{
    gc_text t;
    gc_err e;

    /* "Aé😀\r\n" little-endian, with a surrogate pair. */
    expect_text(PLAIN("\xFF\xFE" "A\0\xE9\0\x3D\xD8\x00\xDE\r\0\n\0", &t, &e), &t,
                "A\xC3\xA9\xF0\x9F\x98\x80\n");
    /* Big-endian; a lone high surrogate and an odd trailing byte → U+FFFD. */
    expect_text(PLAIN("\xFE\xFF\0G\xD8\x3D\0o\x01", &t, &e), &t,
                "G\xEF\xBF\xBDo\xEF\xBF\xBD");
    CHECK(PLAIN("\xFF\xFE" "A\0\0\0", &t, &e) == GC_EFORMAT);
    gc_text_free(&t);
}

static void test_legacy(void)
{
    gc_text t;
    gc_err e;

    expect_text(PLAIN("caf\xE9 na\xEFve", &t, &e), &t, "caf\xC3\xA9 na\xC3\xAFve");
    /* Windows-1252 quotes and euro; 0x81 is undefined there. */
    expect_text(PLAIN("\x93hi\x94 \x80\x81", &t, &e), &t,
                "\xE2\x80\x9Chi\xE2\x80\x9D \xE2\x82\xAC\xEF\xBF\xBD");
}

static void test_binary_and_limit(void)
{
    gc_text t;
    gc_err e;

    CHECK(PLAIN("ab\0cd", &t, &e) == GC_EFORMAT);
    CHECK_STR(e.msg, "unsupported format: binary file");
    gc_text_free(&t);
    CHECK(plain("0123456789", 10, 4, &t, &e) == GC_ELIMIT);
    CHECK_STR(e.detail, "text_bytes");
    gc_text_free(&t);
}

static void test_dispatch(void)
{
    static const char md[] = "# Title\n\n- [link](https://x)\n";
    gc_limits lim = GC_LIMITS_INIT;
    gc_format fmt;
    gc_text t;
    gc_err e = GC_ERR_INIT;

    gc_text_init(&t, lim.text_bytes);
    /* Markdown is parsed now (extract_md.c): the link keeps its text only. */
    CHECK(gc_extract(&t, &fmt, (const unsigned char *)md, strlen(md), &lim, &e) == 0);
    CHECK(fmt == GC_FMT_MARKDOWN);
    CHECK_STR(t.buf, "Title\nlink\n");
    gc_text_free(&t);
    /* Plain text with bullets stays plain text, read line by line. */
    gc_text_init(&t, lim.text_bytes);
    CHECK(gc_extract(&t, &fmt, (const unsigned char *)"Title\n\n- Go\n", 12, &lim, &e) == 0);
    CHECK(fmt == GC_FMT_TEXT);
    CHECK_STR(t.buf, "Title\n\n- Go\n");
    gc_text_free(&t);
    CHECK(gc_extract(&t, &fmt, (const unsigned char *)" \n\t", 3, &lim, &e) == GC_ENOTEXT);
    gc_text_free(&t);
}

int main(void)
{
    test_utf8();
    test_utf16();
    test_legacy();
    test_binary_and_limit();
    test_dispatch();
    return test_summary("test_extract_txt");
}
