/* garbled: the share of word-like tokens; see garbled.h.  On the corpus
 * (pdftotext text of its 47 PDFs) normal résumés score 0.62-1.00 (the
 * lowest is a PDF stuffed with hidden keywords), the PDF with a broken
 * font encoding 0.14: GC_OCR_WORDLIKE (0.40) sits between. */
#include <string.h>

#include <glib.h>

#include "gc_limits.h"
#include "extract/garbled.h"

static int is_vowel(gunichar c)
{
    if (c < 0x80)
        return c != 0 && strchr("aeiouyAEIOUY", (int)c) != NULL;
    gunichar base = g_unichar_tolower(c);
    gunichar d[4];
    gsize n = g_unichar_fully_decompose(base, FALSE, d, 4);   /* é → e + ́ */

    if (n > 0)
        base = d[0];
    return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' ||
           base == 'y' || base == 0xE6 || base == 0x153 || base == 0xF8 || base == 0x131;
}

static int edge_punct(gunichar c)
{
    if (c < 0x80)
        return g_ascii_ispunct((char)c);
    return g_unichar_ispunct(c) || c == '*' || c == '+' || c == '|' || c == '>' || c == '<';
}

/* Letter, upper and lower case tests with an ASCII fast path (most text). */
static int is_alpha(gunichar c) { return c < 0x80 ? g_ascii_isalpha((char)c) : g_unichar_isalpha(c); }
static int is_upper(gunichar c) { return c < 0x80 ? g_ascii_isupper((char)c) : g_unichar_isupper(c); }
static int is_lower(gunichar c) { return c < 0x80 ? g_ascii_islower((char)c) : g_unichar_islower(c); }

/* -1: not judged (no letter, or one character); 0: not a word; 1: a word. */
static int judge(const gunichar *t, size_t n)
{
    size_t a = 0, b = n, letters = 0, ups = 0, latin = 0, vowels = 0, trans = 0;
    int cased = 0;

    while (a < b && edge_punct(t[a]))
        a++;
    while (b > a && edge_punct(t[b - 1]))
        b--;
    if (b - a < 2)
        return -1;
    for (size_t i = a; i < b; i++)
        letters += is_alpha(t[i]) != 0;
    if (letters == 0)
        return -1;
    for (size_t i = a; i < b; i++) {
        gunichar c = t[i];
        int up, low;
        if (!is_alpha(c)) {
            if (c == '-' || c == '\'' || c == 0x2019 || c == '.')
                continue;
            return 0;   /* digits or symbols inside letters: "2F`", "iB+b" */
        }
        up = is_upper(c);
        low = is_lower(c);
        if (up || low || (c >= 0x80 && g_unichar_istitle(c)))
            cased = 1;
        ups += up != 0;
        latin += c < 0x250;
        vowels += is_vowel(c);
        if (i > a && is_lower(t[i - 1]) && up)
            trans++;
    }
    if (!cased)
        return 1;   /* a script without case */
    if (ups > 2 && ups < letters)
        return 0;   /* "MHviB": capitals scattered inside */
    if (trans > 1)
        return 0;
    if (latin == letters && letters >= 4 && vowels == 0)
        return 0;
    return 1;
}

double gc_wordlike_share(const char *s, size_t len, size_t *n_out)
{
    const char *end = s + len;
    gunichar tok[64];
    size_t n = 0, judged = 0, words = 0;
    /* A page's first GC_OCR_WORDLIKE_SAMPLE judged tokens tell: a broken
     * encoding garbles all of them, and a long page costs no more. */
    int overflow = 0;

    for (const char *p = s; judged < GC_OCR_WORDLIKE_SAMPLE;
         p += g_utf8_skip[*(const unsigned char *)p]) {
        gunichar c = p < end ? g_utf8_get_char(p) : ' ';
        if (c != 0 && !(c < 0x80 ? g_ascii_isspace((char)c) : g_unichar_isspace(c))) {
            if (n < G_N_ELEMENTS(tok))
                tok[n++] = c;
            else
                overflow = 1;   /* a 64-character token: not a word */
            continue;
        }
        if (n > 0) {
            int v = overflow ? 0 : judge(tok, n);
            if (v >= 0) {
                judged++;
                words += (size_t)v;
            }
        }
        n = 0;
        overflow = 0;
        if (p >= end)
            break;
    }
    if (n_out != NULL)
        *n_out = judged;
    return judged ? (double)words / (double)judged : 1.0;
}

int gc_is_garbled(double share, size_t n_tokens)
{
    return n_tokens >= GC_OCR_WORDLIKE_MIN && share < GC_OCR_WORDLIKE;
}
