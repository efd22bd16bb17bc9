/* RTF: text, code pages, \uN/\ucN, skipped destinations, fields, tables,
 * hidden text, \binN and the group-depth limit. */
#include <string.h>

#include "extract/extract.h"
#include "harness.h"

static int rtf(const char *src, gc_text *t, gc_err *e)
{
    gc_limits lim = GC_LIMITS_INIT;

    gc_text_init(t, lim.text_bytes);
    gc_err_clear(e);
    return gc_extract_rtf(t, (const unsigned char *)src, strlen(src), &lim, e);
}

static void expect(const char *src, const char *want)
{
    gc_text t;
    gc_err e;
    int rc = rtf(src, &t, &e);

    CHECK(rc == 0);
    CHECK_STR(t.buf ? t.buf : "", want);
    if (rc != 0 || !t.buf || strcmp(t.buf, want) != 0)
        fprintf(stderr, "  source: %s\n", src);
    gc_text_free(&t);
}

static void test_text(void)
{
    expect("{\\rtf1\\ansi Jane\\par Roe}", "Jane\nRoe\n");
    /* Runs of paragraph marks give one line break; \line, \page too. */
    expect("{\\rtf1 a\\par\\par\\par b\\line c\\page d\\sect e}", "a\nb\nc\nd\ne\n");
    /* Raw line ends are not text; escaped braces and backslashes are. */
    expect("{\\rtf1 C\r\n++ \\{x\\} a\\\\b}", "C++ {x} a\\b\n");
    expect("{\\rtf1 \\emdash\\endash\\bullet\\lquote\\rquote\\ldblquote\\rdblquote\\~\\_\\-x}",
           "\xE2\x80\x94\xE2\x80\x93\xE2\x80\xA2\xE2\x80\x98\xE2\x80\x99\xE2\x80\x9C"
           "\xE2\x80\x9D\xC2\xA0-x\n");
    /* A control word's delimiting space is not text; "\<newline>" is \par. */
    expect("{\\rtf1\\b Bold\\b0  text\\\nnext}", "Bold text\nnext\n");
    /* Text after the document group is ignored. */
    expect("{\\rtf1 in}out", "in\n");
}

static void test_code_pages(void)
{
    /* \'hh through \ansicpg; Windows-1252 by default. */
    expect("{\\rtf1\\ansi caf\\'e9 \\'80}", "caf\xC3\xA9 \xE2\x82\xAC\n");
    expect("{\\rtf1\\ansi\\ansicpg1251 \\'cf\\'f0\\'e8}", "\xD0\x9F\xD1\x80\xD0\xB8\n");
    /* The font's \fcharset wins over the document's code page. */
    expect("{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0\\fcharset0 Arial;}{\\f1\\fcharset204 Cyr;}}"
           "\\f0 \\'e9{\\f1 \\'e9}\\'e9}",
           "\xC3\xA9\xD0\xB9\xC3\xA9\n");
    /* A double-byte code page (Shift-JIS, \fcharset128): pairs of \'hh. */
    expect("{\\rtf1{\\fonttbl{\\f2\\fcharset128 MS Gothic;}}\\f2 \\'97\\'9a\\'97\\'f0}",
           "\xE5\xB1\xA5\xE6\xAD\xB4\n");
    /* \mac and \cpg; a byte the code page lacks becomes U+FFFD. */
    expect("{\\rtf1\\mac \\'8a}", "\xC3\xA4\n");
    expect("{\\rtf1{\\fonttbl{\\f0\\cpg932 G;}}\\f0 \\'81}", "\xEF\xBF\xBD\n");
    /* An unknown code page falls back to Windows-1252. */
    expect("{\\rtf1\\ansicpg99999 \\'e9}", "\xC3\xA9\n");
}

static void test_unicode(void)
{
    /* \uN skips \ucN fallback characters (default 1). */
    expect("{\\rtf1 Z\\u252?rich}", "Z\xC3\xBCrich\n");
    expect("{\\rtf1\\uc2 \\u8212\\'97\\'97x}", "\xE2\x80\x94x\n");
    expect("{\\rtf1\\uc0 \\u233 x}", "\xC3\xA9x\n");
    /* Negative values and surrogate pairs. */
    expect("{\\rtf1 \\u-3913?}", "\xEF\x82\xB7\n");
    expect("{\\rtf1 \\u-10179?\\u-8704?}", "\xF0\x9F\x98\x80\n");
    expect("{\\rtf1 \\u-10179?x}", "\xEF\xBF\xBDx\n");
    /* A huge \ucN only swallows the rest of its group. */
    expect("{\\rtf1 {\\uc2000000000\\u233 lost} kept}", "\xC3\xA9 kept\n");
}

static void test_destinations(void)
{
    expect("{\\rtf1{\\fonttbl{\\f0 Haskell;}}{\\colortbl;\\red0;}{\\stylesheet{\\s1 Rust;}}"
           "{\\info{\\title Erlang}{\\keywords Scala}}{\\*\\generator COBOL}"
           "{\\pict\\wmetafile8 0a0b Kotlin}{\\object{\\*\\objdata Elixir}}Go}",
           "Go\n");
    /* Fields: the instruction is dropped, the result kept. */
    expect("{\\rtf1{\\field{\\*\\fldinst HYPERLINK \"http://x/Haskell\"}{\\fldrslt Python}}}",
           "Python\n");
    expect("{\\rtf1{\\field{\\fldinst MERGEFIELD Rust}{\\fldrslt }}x}", "x\n");
    /* Hidden and deleted text; \plain ends them. */
    expect("{\\rtf1 a{\\v Rust}b\\v c\\v0 d\\deleted e\\plain f}", "abdf\n");
    /* A shape's text once: \shptxt kept, its \shprslt picture skipped. */
    expect("{\\rtf1{\\shp{\\*\\shpinst{\\sp{\\sn a}{\\sv b}}{\\shptxt Grafana}}"
           "{\\shprslt Grafana}}}",
           "Grafana\n");
    /* Footnotes and headers are lines of their own. */
    expect("{\\rtf1{\\header Jane Roe}Skills: Spark{\\footnote Streaming jobs.} and Go}",
           "Jane Roe\nSkills: Spark\nStreaming jobs.\n and Go\n");
    /* \binN skips N raw bytes, braces included. */
    expect("{\\rtf1{\\pict\\bin6 }{\\b }}x}", "x\n");
}

static void test_tables(void)
{
    expect("{\\rtf1\\trowd\\cellx1\\cellx2\\pard\\intbl Cloud\\cell AWS, GCP\\cell\\row"
           "\\trowd\\pard\\intbl Lang\\cell Go\\cell\\row after}",
           "Cloud\tAWS, GCP\nLang\tGo\nafter\n");
    /* An empty middle cell keeps its place. */
    expect("{\\rtf1\\pard\\intbl a\\cell\\cell c\\cell\\row}", "a\t\tc\n");
    expect("{\\rtf1 a\\tab b}", "a\tb\n");
}

static void test_errors(void)
{
    gc_text t;
    gc_err e;
    char deep[4096];
    size_t i;

    CHECK(rtf("{\\rtf1 x{\\pict\\bin99999 abc}}", &t, &e) == GC_ECORRUPT);
    CHECK_STR(e.detail, "rtf_bin");
    gc_text_free(&t);
    for (i = 0; i < 300; i++)
        deep[i] = '{';
    strcpy(deep + i, "x");
    CHECK(rtf(deep, &t, &e) == GC_ELIMIT);
    CHECK_STR(e.detail, "rtf_depth");
    gc_text_free(&t);
    /* Cut short anywhere: what was read is kept. */
    expect("{\\rtf1 Python{\\b Go", "PythonGo\n");
    expect("{\\rtf1 x\\'4", "x\n");
    expect("{\\rtf1 x\\", "x\n");
    expect("{\\rtf1 x\\u", "x\n");
    /* Parameters that overflow are clamped. */
    expect("{\\rtf1\\uc99999999999999999999 \\u99999999999999 y}", "\xEF\xBF\xBF\n");
}

int main(void)
{
    test_text();
    test_code_pages();
    test_unicode();
    test_destinations();
    test_tables();
    test_errors();
    return test_summary("test_extract_rtf");
}
