/* HTML extraction: skipped elements, blocks, tables, charsets, depth. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "harness.h"

static int html(const char *src, size_t len, const gc_limits *lim, gc_text *t, gc_err *e)
{
    gc_text_init(t, lim->text_bytes);
    gc_err_clear(e);
    return gc_extract_html(t, (const unsigned char *)src, len ? len : strlen(src), lim, e);
}

static void test_structure(void)
{
    static const char src[] =
        "<!DOCTYPE html><html><head><title>TITLE</title><style>p{color:red}</style>"
        "<script>var secret = 1;</script></head><body>\n"
        "<h1>Jane  Doe</h1><noscript>NS</noscript><template><p>TPL</p></template>"
        "<p>Skills: <b>C</b> <i>Go</i> &amp; R<br>SQL</p>\n"
        "<ul><li>one</li><li>two</li></ul>"
        "<script type=\"text/javascript\">document.write('X')</script>"
        "<table><tr><th>k</th><td>v</td></tr><tr><td>a</td><td>b</td></tr></table>"
        "<pre>x  y\nz</pre><div>end</div></body></html>";
    gc_limits lim = GC_LIMITS_INIT;
    gc_text t;
    gc_err e;

    CHECK(html(src, 0, &lim, &t, &e) == 0);
    CHECK_STR(t.buf, "Jane Doe\nSkills: C Go & R\nSQL\none\ntwo\nk\tv\na\tb\nx  y\nz\nend\n");
    gc_text_free(&t);
}

static void test_charset(void)
{
    static const char latin1[] = "<html><head><meta charset=\"iso-8859-1\"></head>"
                                 "<body><p>caf\xe9</p></body></html>";
    static const char utf8bom[] = "\xEF\xBB\xBF<p>na\xC3\xAFve</p>";
    gc_limits lim = GC_LIMITS_INIT;
    gc_text t;
    gc_err e;

    CHECK(html(latin1, 0, &lim, &t, &e) == 0);
    CHECK_STR(t.buf, "caf\xC3\xA9\n");
    gc_text_free(&t);
    CHECK(html(utf8bom, 0, &lim, &t, &e) == 0);
    CHECK_STR(t.buf, "na\xC3\xAFve\n");
    gc_text_free(&t);
}

static void test_depth_and_entities(void)
{
    static const char ext[] = "<!DOCTYPE html SYSTEM \"file:///etc/passwd\"><p>ok &bogus; "
                              "&#x41;</p>";
    size_t levels = 20000, i;
    char *deep = malloc(levels * 5 + 32), *w = deep;
    gc_limits lim = GC_LIMITS_INIT;
    gc_text t;
    gc_err e;

    w += sprintf(w, "<body>");
    for (i = 0; i < levels; i++)
        w += sprintf(w, "<div>");
    sprintf(w, "deep</body>");
    /* libxml2's HTML parser silently stops nesting at 256 levels (deeper
     * content is dropped); below that our own cap reports the limit. */
    CHECK(html(deep, 0, &lim, &t, &e) == 0);
    gc_text_free(&t);
    lim.xml_depth = 100;
    CHECK(html(deep, 0, &lim, &t, &e) == GC_ELIMIT);
    CHECK_STR(e.detail, "xml_depth");
    gc_text_free(&t);
    lim.xml_depth = 256;
    free(deep);
    CHECK(html(ext, 0, &lim, &t, &e) == 0);
    CHECK_STR(t.buf, "ok &bogus; A\n");
    gc_text_free(&t);
}

static void test_sniffed(void)
{
    static const char src[] = "\n<!-- saved page -->\n<HTML><BODY><P>hi</P></BODY></HTML>";
    gc_limits lim = GC_LIMITS_INIT;
    gc_format fmt;
    gc_text t;
    gc_err e = GC_ERR_INIT;

    gc_text_init(&t, lim.text_bytes);
    CHECK(gc_extract(&t, &fmt, (const unsigned char *)src, strlen(src), &lim, &e) == 0);
    CHECK(fmt == GC_FMT_HTML);
    CHECK_STR(t.buf, "hi\n");
    gc_text_free(&t);
}

int main(void)
{
    test_structure();
    test_charset();
    test_depth_and_entities();
    test_sniffed();
    return test_summary("test_extract_html");
}
