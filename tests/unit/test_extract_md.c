/* Markdown: headings alone on their lines, link text without the URL,
 * reference definitions, code and images dropped, tables, entities, HTML. */
#include <string.h>

#include "extract/extract.h"
#include "harness.h"

static void expect(const char *src, const char *want)
{
    gc_limits lim = GC_LIMITS_INIT;
    gc_err e = GC_ERR_INIT;
    gc_text t;
    int rc;

    gc_text_init(&t, lim.text_bytes);
    rc = gc_extract_markdown(&t, (const unsigned char *)src, strlen(src), &lim, &e);
    CHECK(rc == 0);
    CHECK_STR(t.buf ? t.buf : "", want);
    if (rc != 0 || !t.buf || strcmp(t.buf, want) != 0)
        fprintf(stderr, "  source: %s\n", src);
    gc_text_free(&t);
}

int main(void)
{
    expect("# Jane Roe\n## Skills\n- Python\n- Go\n", "Jane Roe\nSkills\nPython\nGo\n");
    expect("Jane\n====\n\nSkills\n------\nPython\n", "Jane\nSkills\nPython\n");
    /* A paragraph's lines are one line; a hard break ends one. */
    expect("Built with machine\nlearning.  \nNext line\n", "Built with machine learning.\nNext line\n");
    /* Links keep their text, never their destination. */
    expect("I use [Python](http://python.org) and [Go][g].\n\n[g]: https://go.dev/rust \"Rust\"\n",
           "I use Python and Go.\n");
    expect("Site: <https://example.com/kotlin>\n", "Site: https://example.com/kotlin\n");
    /* Code spans, code blocks and images say nothing. */
    expect("Ran `rustc` once.\n\n```\njulia> 1\n```\n\n    indented COBOL\n\n![Scala logo](s.png) ok\n",
           "Ran  once.\n ok\n");
    /* Tables: cells by tabs, rows by lines. */
    expect("| Area | Tools |\n|---|---|\n| Cloud | AWS, GCP |\n", "Area\tTools\nCloud\tAWS, GCP\n");
    /* Entities, emphasis, strikethrough. */
    expect("C&#43;&#43; &amp; **Go** ~~Perl~~ &mdash; &unknown; &#x1F600;\n",
           "C++ & Go Perl \xE2\x80\x94 &unknown; \xF0\x9F\x98\x80\n");
    /* Raw HTML: tags and comments out, text in. */
    expect("<div align=\"center\">\n<b>Docker</b> <!-- Haskell -->\n</div>\n\nA <span>Go</span> dev\n",
           "Docker \nA Go dev\n");
    /* Windows-1252 and UTF-16 sources are decoded first. */
    expect("# Jos\xE9\n", "Jos\xC3\xA9\n");
    return test_summary("test_extract_md");
}
