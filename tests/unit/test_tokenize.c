/* tokenize.c: what a word is, for the lexicon and the résumé alike —
 * letters and digits, a trailing +/# run (C++, C#), a '-' between words
 * dropped and the next word marked joined, every other character one
 * punctuation token (list separators marked), tabs and spaces marked on
 * the token after them, URLs / e-mail addresses / paths marked, lines
 * counted at '\n' and '\f'; the token limit, over-long words; gc_fold. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "harness.h"
#include "base/strtab.h"
#include "base/tokenize.h"

/* The tokens of s as "text/flags" joined by ' ', flags as letters:
 * w word, p punct, j joined, t tab, u URL, s space before, , separator. */
static char *show(const char *s)
{
    gc_tokens t = {0};
    gc_err err = GC_ERR_INIT;
    GString *g = g_string_new(NULL);

    if (gc_tokenize(&t, s, strlen(s), 100000, &err) < 0)
        g_string_append(g, "ERROR");
    for (size_t i = 0; i < t.n; i++) {
        const gc_token *k = &t.v[i];
        if (i)
            g_string_append_c(g, ' ');
        g_string_append_len(g, s + k->start, k->len);
        g_string_append_c(g, '/');
        static const struct { unsigned bit; char c; } f[] = {
            {GC_TOK_WORD, 'w'}, {GC_TOK_PUNCT, 'p'}, {GC_TOK_JOINED, 'j'}, {GC_TOK_TAB, 't'},
            {GC_TOK_URL, 'u'}, {GC_TOK_SPACE, 's'}, {GC_TOK_SEP, ','}};
        for (size_t b = 0; b < sizeof f / sizeof f[0]; b++)
            if (k->flags & f[b].bit)
                g_string_append_c(g, f[b].c);
    }
    gc_tokens_free(&t);
    return g_string_free(g, FALSE);
}

static void expect(const char *in, const char *want)
{
    char *got = show(in);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "tokens of '%s':\n  got  %s\n  want %s\n", in, got, want);
    CHECK_STR(got, want);
    g_free(got);
}

/* The token texts only, for the URL cases. */
static int all_url(const char *s)
{
    gc_tokens t = {0};
    gc_err err = GC_ERR_INIT;
    int all = gc_tokenize(&t, s, strlen(s), 1000, &err) == 0 && t.n > 0;

    for (size_t i = 0; all && i < t.n; i++)
        all = (t.v[i].flags & GC_TOK_URL) != 0;
    gc_tokens_free(&t);
    return all;
}

static int any_url(const char *s)
{
    gc_tokens t = {0};
    gc_err err = GC_ERR_INIT;
    int any = 0;

    gc_tokenize(&t, s, strlen(s), 1000, &err);
    for (size_t i = 0; i < t.n; i++)
        any |= (t.v[i].flags & GC_TOK_URL) != 0;
    gc_tokens_free(&t);
    return any;
}

static void words(void)
{
    expect("", "");
    expect("Python", "Python/ws");
    expect("Python3 and  k8s", "Python3/ws and/ws k8s/ws");
    expect("Compétences clés", "Compétences/ws clés/ws");
    expect("日本語 Ελληνικά", "日本語/ws Ελληνικά/ws");
    expect("e\xCC\x81t\xC3\xA9", "e\xCC\x81t\xC3\xA9/ws");   /* a combining mark stays in */
    expect("50%", "50/ws %/p");
}

static void suffixes(void)
{
    expect("C++ C# F# notepad++", "C++/ws C#/ws F#/ws notepad++/ws");
    expect("C++17", "C++/ws 17/w");            /* digits after: C++ then 17 */
    expect("C++, C#.", "C++/ws ,/p, C#/ws ./p");
    expect("C++.", "C++/ws ./p");
    expect("C++-based", "C++/ws based/wj");
    expect("a+b", "a/ws +/p b/w");             /* a letter after: no suffix */
    expect("c#sharp", "c/ws #/p sharp/w");
    expect("+1 #2", "+/ps 1/w #/ps 2/w");      /* no word before: punctuation */
    expect("Schöne++", "Schöne++/ws");         /* the general path keeps the rule */
}

static void hyphens(void)
{
    expect("scikit-learn", "scikit/ws learn/wj");
    expect("state-of-the-art", "state/ws of/wj the/wj art/wj");
    expect("scikit - learn", "scikit/ws -/ps learn/ws");
    expect("-learn well-", "-/ps learn/w well/ws -/p");
    expect("a--b", "a/ws -/p -/p b/w");
    expect("münchen-berlin", "münchen/ws berlin/wj");
}

static void separators(void)
{
    expect("a, b; c | d • e", "a/ws ,/p, b/ws ;/p, c/ws |/ps, d/ws •/ps, e/ws");
    expect("(a) [b] {c}", "(/ps, a/w )/p, [/ps, b/w ]/p, {/ps, c/w }/p,");
    expect("a/b & c: d", "a/ws //p, b/w &/ps, c/ws :/p, d/ws");
    expect("a. b! c?", "a/ws ./p b/ws !/p c/ws ?/p");
}

static void tabs_and_lines(void)
{
    expect("Skills\tPython", "Skills/ws Python/wts");
    expect("a \t b", "a/ws b/wts");

    gc_tokens t = {0};
    gc_err err = GC_ERR_INIT;
    const char *s = "one\ntwo\fthree\r\nfour\n\n\nfive";
    CHECK(gc_tokenize(&t, s, strlen(s), 100, &err) == 0);
    CHECK(t.n == 5);
    unsigned want[] = {1, 2, 3, 4, 7};
    for (size_t i = 0; i < 5 && i < t.n; i++)
        CHECK(t.v[i].line == want[i]);
    CHECK(t.n_lines == 7);
    gc_tokens_free(&t);
}

static void links(void)
{
    CHECK(all_url("https://github.com/jdoe/pytorch"));
    CHECK(all_url("http://x.io"));
    CHECK(all_url("jane.python@example.com"));
    CHECK(all_url("www.docker-fans.example.org"));
    CHECK(all_url("/home/jdoe/pytorch_notes.pdf"));
    CHECK(all_url("~/src/app"));
    CHECK(all_url("notes.pdf"));
    CHECK(all_url("resume.docx,"));
    CHECK(all_url("C:\\Users\\jdoe"));
    CHECK(all_url("example.com."));                /* a sentence's full stop after it */
    CHECK(all_url("mysite.io/projects"));
    CHECK(all_url("gapcheck.dev"));
    /* technology names with dots are not links */
    CHECK(!any_url("Node.js"));
    CHECK(!any_url("ASP.NET Core"));
    CHECK(!any_url("Socket.IO"));
    CHECK(!any_url("fast.ai"));
    CHECK(!any_url("e.g. Python"));
    CHECK(!any_url("Python 3.11, C/C++"));
    CHECK(!any_url("TCP/IP and CI/CD"));
    CHECK(!any_url(".NET 6, C#/.NET, Vue.js/React"));
    /* only the link's chunk: the words around it are not */
    expect("see https://x.io/a now", "see/ws https/wus :/pu, //pu, //pu, x/wu ./pu io/wu //pu, a/wu now/ws");
}

static void hashes(void)
{
    gc_tokens t = {0};
    gc_err err = GC_ERR_INIT;
    const char *s = "PyThOn python C++ c++ Über";
    char low[8];

    CHECK(gc_tokenize(&t, s, strlen(s), 100, &err) == 0 && t.n == 5);
    if (t.n == 5) {
        CHECK((t.v[0].flags & GC_TOK_HASHED) && (t.v[1].flags & GC_TOK_HASHED));
        CHECK(t.v[0].hash == t.v[1].hash);       /* case folded */
        CHECK(t.v[2].hash == t.v[3].hash);
        CHECK(t.v[0].hash != t.v[2].hash);
        CHECK(!(t.v[4].flags & GC_TOK_HASHED));  /* not all ASCII */
        CHECK(t.v[0].atom == -1);
    }
    /* the hash is the lexicon's: gc_strtab_hash of the folded word */
    CHECK(gc_fold(low, sizeof low, "PyThOn", 6) == 6);
    CHECK(t.n > 0 && t.v[0].hash == gc_strtab_hash(low));
    gc_tokens_free(&t);
}

static void limits(void)
{
    gc_tokens t = {0};
    gc_err err = GC_ERR_INIT;

    CHECK(gc_tokenize(&t, "a b c", 5, 2, &err) == GC_ELIMIT);
    CHECK(err.code == GC_ELIMIT && strcmp(err.detail, "tokens") == 0);
    gc_tokens_free(&t);

    /* appending: a second call adds to the tokens of the first */
    gc_err e2 = GC_ERR_INIT;
    CHECK(gc_tokenize(&t, "a b", 3, 10, &e2) == 0 && t.n == 2);
    CHECK(gc_tokenize(&t, "c", 1, 10, &e2) == 0 && t.n == 3);
    gc_tokens_free(&t);
    CHECK(t.v == NULL && t.n == 0);

    /* a word over 64 KiB is cut, loses its hash, and the text goes on after it */
    size_t big = 70000;
    char *s = malloc(big + 8);
    memset(s, 'x', big);
    memcpy(s + big, " Python", 8);
    gc_err e3 = GC_ERR_INIT;
    CHECK(gc_tokenize(&t, s, big + 7, 10, &e3) == 0 && t.n == 2);
    if (t.n == 2) {
        CHECK(t.v[0].len == 0xFFFF && !(t.v[0].flags & GC_TOK_HASHED));
        CHECK(t.v[1].start == big + 1 && t.v[1].len == 6);
    }
    gc_tokens_free(&t);
    free(s);

    /* a UTF-8 sequence cut by the end of the text stays inside it */
    const char cut[] = "ab \xE2\x80";
    gc_err e4 = GC_ERR_INIT;
    CHECK(gc_tokenize(&t, cut, sizeof cut - 1, 10, &e4) == 0);
    for (size_t i = 0; i < t.n; i++)
        CHECK(t.v[i].start + t.v[i].len <= sizeof cut - 1);
    gc_tokens_free(&t);
}

static void fold(void)
{
    char b[64];

    CHECK(gc_fold(b, sizeof b, "PyTorch", 7) == 7 && strcmp(b, "pytorch") == 0);
    CHECK(gc_fold(b, sizeof b, "\xC3\x89" "COLE", 6) != (size_t)-1 &&
          strcmp(b, "\xC3\xA9" "cole") == 0);
    CHECK(gc_fold(b, sizeof b, "Stra\xC3\x9F" "e", 7) != (size_t)-1 && strcmp(b, "strasse") == 0);
    CHECK(gc_fold(b, 4, "Python", 6) == (size_t)-1);    /* does not fit */
    CHECK(gc_fold(b, 7, "Python", 6) == 6);             /* just fits, with its NUL */
    CHECK(gc_fold(b, 4, "\xC3\x89" "COLE", 6) == (size_t)-1);
    CHECK(gc_fold(b, sizeof b, "", 0) == 0 && b[0] == '\0');
}

int main(void)
{
    words();
    suffixes();
    hyphens();
    separators();
    tabs_and_lines();
    links();
    hashes();
    limits();
    fold();
    return test_summary("test_tokenize");
}
