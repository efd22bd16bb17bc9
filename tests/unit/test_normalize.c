/* normalize.c: the one canonical form every later stage reads — NFKC
 * (ligatures, full-width forms, composed accents), soft hyphens and
 * zero-width characters dropped, spaces to ' ', dashes to '-', smart
 * quotes to ASCII, bullet glyphs to '•', controls to ' ' (but \n \t \f),
 * invalid UTF-8 to U+FFFD; case kept.  And its properties: valid UTF-8
 * out, the length it reports, idempotent, ASCII untouched. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "harness.h"
#include "match/normalize.h"

/* The normal form of in[0..len), or NULL on error (caller frees). */
static char *norm_n(const char *in, size_t len)
{
    char *out = NULL;
    size_t n = (size_t)-1;
    gc_err err = GC_ERR_INIT;

    if (gc_normalize(&out, &n, in, len, &err) < 0)
        return NULL;
    /* the reported length is the string's, and it is terminated */
    if (n != strlen(out) && memchr(out, '\0', n) == NULL) {
        fprintf(stderr, "length %zu, strlen %zu\n", n, strlen(out));
        test_failed++;
    }
    return out;
}

static char *norm(const char *in)
{
    return norm_n(in, strlen(in));
}

/* normalize(in) == want; prints both on a mismatch. */
static void expect(const char *in, const char *want)
{
    char *got = norm(in);
    if (got == NULL || strcmp(got, want) != 0)
        fprintf(stderr, "normalize '%s': got '%s', want '%s'\n", in, got ? got : "(null)", want);
    CHECK_STR(got, want);
    free(got);
}

static void ascii(void)
{
    expect("", "");
    expect("Python, Docker; C++ & C#\n\tGo\f", "Python, Docker; C++ & C#\n\tGo\f");
    /* case is kept: Go and R are case-exact aliases */
    expect("GO go Go R r", "GO go Go R r");
    /* a long ASCII text comes back byte for byte (the 8-byte fast path) */
    GString *g = g_string_new(NULL);
    for (int i = 0; i < 2000; i++)
        g_string_append_printf(g, "line %d: Python, SQL\tx\n", i);
    char *out = norm_n(g->str, g->len);
    CHECK(out != NULL && strcmp(out, g->str) == 0);
    free(out);
    g_string_free(g, TRUE);
}

static void nfkc(void)
{
    expect("\xEF\xAC\x81le \xEF\xAC\x82ow e\xEF\xAC\x80ort", "file flow effort");   /* ﬁ ﬂ ﬀ */
    expect("\xEF\xAC\x83" "cient", "fficient");                                    /* ﬃ */
    expect("\xEF\xBC\xB0\xEF\xBD\x99\xEF\xBD\x94\xEF\xBD\x88\xEF\xBD\x8F\xEF\xBD\x8E",
           "Python");                                                                /* full width */
    expect("\xEF\xBC\xA3\xEF\xBC\x8B\xEF\xBC\x8B", "C++");
    /* a combining accent composes with its ASCII base */
    expect("Re\xCC\x81sume\xCC\x81", "R\xC3\xA9sum\xC3\xA9");
    /* already composed text is unchanged */
    expect("Kenntnisse: Gr\xC3\xB6\xC3\x9F" "e, Comp\xC3\xA9tences",
           "Kenntnisse: Gr\xC3\xB6\xC3\x9F" "e, Comp\xC3\xA9tences");
    /* superscripts and the ellipsis fold; U+2024 (one dot leader) too */
    expect("H\xE2\x82\x82O x\xC2\xB2 etc\xE2\x80\xA6", "H2O x2 etc...");
    expect("Node\xE2\x80\xA4js", "Node.js");
}

static void dropped(void)
{
    /* soft hyphen, zero-width space/joiners, word joiner, BOM, direction marks */
    expect("Py\xC2\xADthon", "Python");
    expect("Kuber\xE2\x80\x8Bnetes", "Kubernetes");
    expect("Do\xE2\x80\x8C\xE2\x80\x8D" "cker", "Docker");
    expect("\xEF\xBB\xBFSkills", "Skills");
    expect("a\xE2\x81\xA0" "b\xE2\x80\x8E" "c\xE2\x80\x8F" "d", "abcd");
}

static void spaces_and_controls(void)
{
    expect("a\xC2\xA0" "b", "a b");               /* no-break space */
    expect("a\xE2\x80\xAF" "b\xE3\x80\x80" "c", "a b c");   /* narrow nbsp, ideographic */
    expect("a\xE2\x80\x89" "b\xE2\x80\x82" "c", "a b c");   /* thin, en space */
    expect("a\x01" "b\x1B" "c\x7F" "d", "a b c d");
    expect("a\r\nb", "a \nb");
    expect("a\xC2\x85" "b\xC2\x9B" "c", "a b c");   /* C1 controls */
    /* \n \t \f are kept */
    expect("a\nb\tc\fd", "a\nb\tc\fd");
    /* a NUL inside the given length is a control too, not the end */
    char *out = norm_n("ab\0cd", 5);
    CHECK_STR(out, "ab cd");
    free(out);
}

static void dashes_quotes_bullets(void)
{
    expect("2019\xE2\x80\x93" "2020 \xE2\x80\x94 x \xE2\x88\x92" "1 \xE2\x80\x90 \xE2\x80\x91",
           "2019-2020 - x -1 - -");
    expect("\xE2\x80\x98" "quoted\xE2\x80\x99 \xE2\x80\x9C" "double\xE2\x80\x9D",
           "'quoted' \"double\"");
    expect("aujourd\xE2\x80\x99hui", "aujourd'hui");
    /* bullet glyphs, including Word's Symbol-font private-use ones */
    expect("\xE2\x97\x8F Python", "\xE2\x80\xA2 Python");             /* ● */
    expect("\xEF\x82\xB7 Docker", "\xE2\x80\xA2 Docker");             /* U+F0B7 */
    expect("\xE2\x96\xAA x \xE2\x97\xA6 y \xC2\xB7 z", "\xE2\x80\xA2 x \xE2\x80\xA2 y \xE2\x80\xA2 z");
    expect("\xE2\x80\xA2 kept", "\xE2\x80\xA2 kept");
    /* NFKC's output is mapped again: U+FE58 (small em dash) → U+2014 → '-' */
    expect("a\xEF\xB9\x98" "b", "a-b");
}

static void invalid_utf8(void)
{
    expect("a\xFF" "b", "a\xEF\xBF\xBD" "b");
    expect("a\xC3", "a\xEF\xBF\xBD");                   /* truncated at the end */
    expect("\xC3(x", "\xEF\xBF\xBD(x");                  /* bad continuation */
    expect("\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD");       /* overlong '/' */
    expect("\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");   /* a surrogate */
    expect("\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  /* > U+10FFFF */
    /* ASCII around bad bytes survives */
    expect("Python \xFE\xFE Docker", "Python \xEF\xBF\xBD\xEF\xBF\xBD Docker");
}

/* Every output is valid UTF-8 and a fixed point of normalize. */
static void properties(void)
{
    static const char *const inputs[] = {
        "plain", "\xEF\xAC\x81\xC2\xAD\xE2\x80\x93\xE2\x80\x9C\xE2\x97\x8F",
        "e\xCC\x81\xCC\xA7 o\xCC\x88", "\xFF\xFE\x00\x01", "\xE2\x80", "\xC3\x28\xA0\xA1",
        "\xEF\xBC\xA1\xE2\x84\xAB\xE2\x84\xA6", "x\xE2\x80\xA8y\xE2\x80\xA9z", "\xCC\x81start",
        "\xEF\xB9\x98\xEF\xB8\xB1\xEF\xBC\x8D", "\xE2\x80\xA4\xE2\x80\xA5\xE2\x80\xA6",
        "\xE3\x8E\x8F \xE3\x8F\x88 \xE2\x91\xA0", "\xF0\x9D\x90\x80\xF0\x9D\x94\xB8",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        char *once = norm(inputs[i]);
        CHECK(once != NULL && g_utf8_validate(once, -1, NULL));
        char *twice = once ? norm(once) : NULL;
        if (once && twice && strcmp(once, twice) != 0)
            fprintf(stderr, "not idempotent on input %zu: '%s' then '%s'\n", i, once, twice);
        CHECK(once && twice && strcmp(once, twice) == 0);
        free(once);
        free(twice);
    }
    /* every single byte, alone and between letters */
    for (int b = 0; b < 256; b++) {
        char in[4] = {'a', (char)b, 'z', 0};
        char *out = norm_n(in, 3);
        CHECK(out != NULL && g_utf8_validate(out, -1, NULL) && out[0] == 'a' &&
              out[strlen(out) - 1] == 'z');
        free(out);
    }
}

int main(void)
{
    ascii();
    nfkc();
    dropped();
    spaces_and_controls();
    dashes_quotes_bullets();
    invalid_utf8();
    properties();
    return test_summary("test_normalize");
}
