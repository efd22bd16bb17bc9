/* headings: the section headings of the data (sections.yaml), as keys a
 * line is looked up by, plus a two-bit filter over their first words so
 * that segment.c builds a key only for lines that may be a heading.  Built
 * by lexicon.c and snapshot_read.c, read by segment.c. */
#include <string.h>

#include <glib.h>

#include "base/strtab.h"
#include "base/tokenize.h"
#include "data/headings.h"

/* "E X P E R I E N C E" or "S K I L L S  &  T O O L S": every non-space
 * character stands alone.  Such lines are closed up before the key. */
int gc_heading_letter_spaced(const char *s, size_t n)
{
    size_t singles = 0;

    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ')
            continue;
        if (i + 1 < n && s[i + 1] != ' ' && (unsigned char)s[i] < 0x80)
            return 0;
        singles++;
    }
    return singles >= 3;
}

/* s[0..i) ends with a capital letter standing alone (after the start or
 * a space): ASCII, or an accented one ("É TUDES", "Ü BER MICH"). */
static int lone_capital_before(const char *s, size_t i)
{
    size_t k = i;

    if (k == 0)
        return 0;
    if (g_ascii_isupper(s[k - 1]))
        return k < 2 || s[k - 2] == ' ';
    while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
        k--;   /* back to the lead byte */
    if (k == 0 || (unsigned char)s[k - 1] < 0xC0)
        return 0;
    k--;
    gunichar c = g_utf8_get_char_validated(s + k, (gssize)(i - k));
    return c != (gunichar)-1 && c != (gunichar)-2 && g_unichar_isupper(c) &&
           (k == 0 || s[k - 1] == ' ');
}

/* Small capitals drawn as a capital plus smaller capitals come out of some
 * PDFs as "R ESEARCH E XPERIENCE": in an all-capitals line, a capital
 * standing alone before a capitalised word is closed up with it. */
static size_t close_small_caps(char *dst, const char *s, size_t n)
{
    size_t o = 0;

    for (size_t i = 0; i < n; i++)
        if (g_ascii_islower(s[i]))
            return 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ' && lone_capital_before(s, i) &&
            i + 2 < n && g_ascii_isupper(s[i + 1]) && g_ascii_isupper(s[i + 2]))
            continue;
        dst[o++] = s[i];
    }
    return o;
}

size_t gc_heading_key(char *dst, size_t cap, const char *s, size_t n)
{
    char folded[256], closed[128];
    size_t fl, o = 0, k;
    int spaced = gc_heading_letter_spaced(s, n), gap = 0;

    if (n == 0 || n >= sizeof folded / 2)
        return 0;
    if (!spaced && n < sizeof closed && (k = close_small_caps(closed, s, n)) > 0 && k < n)
        s = closed, n = k;
    fl = gc_fold(folded, sizeof folded, s, n);
    if (fl == (size_t)-1)
        return 0;
    for (size_t i = 0; i < fl && o + 4 < cap;) {
        unsigned char b = (unsigned char)folded[i];
        gunichar c = b < 0x80 ? b : g_utf8_get_char_validated(folded + i, (gssize)(fl - i));
        size_t adv = c == (gunichar)-1 || c == (gunichar)-2 ? 1 : (size_t)g_utf8_skip[b];
        int alpha = b < 0x80 ? (b >= 'a' && b <= 'z')
                             : c != (gunichar)-1 && c != (gunichar)-2 && g_unichar_isalpha(c);
        if (alpha) {
            if (gap && o > 0)
                dst[o++] = ' ';
            gap = 0;
            memcpy(dst + o, folded + i, adv);
            o += adv;
        } else if (!spaced || (i + 1 < fl && folded[i + 1] == ' ') || folded[i] != ' ') {
            /* in letter-spaced text a single space is not a word break */
            gap = 1;
        }
        i += adv;
    }
    dst[o] = '\0';
    return o;
}

/* The filter's two bits for the first word of s: the first run of ASCII
 * letters, lowercased, after any digits, punctuation and spaces (which
 * gc_heading_key drops).  Returns 0 when the filter cannot tell: a
 * non-ASCII byte before the word ends (it may be a letter the key keeps),
 * or a one-letter word (a letter-spaced "E X P E R I E N C E" line). */
int gc_heading_bits(const char *s, size_t n, uint32_t *b1, uint32_t *b2)
{
    uint32_t h = GC_FNV_INIT;
    size_t i = 0, len = 0;

    while (i < n && !(((unsigned char)s[i] | 32) >= 'a' && ((unsigned char)s[i] | 32) <= 'z')) {
        if ((unsigned char)s[i] >= 0x80)
            return 0;
        i++;
    }
    for (; i < n; i++, len++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80)
            return 0;
        if (!((c | 32) >= 'a' && (c | 32) <= 'z'))
            break;
        h = (h ^ (c | 32)) * GC_FNV_PRIME;
    }
    if (len < 2)
        return 0;
    *b1 = h & 4095;
    *b2 = (h >> 12) & 4095;
    return 1;
}

void gc_heading_add(gc_data *d, const char *key, unsigned section_plus_1)
{
    uint32_t b1, b2;

    /* A key without a filterable first word ("über mich", "a propos") only
     * matches lines whose first word is not filterable either. */
    if (gc_heading_bits(key, strlen(key), &b1, &b2)) {
        d->heading_words[b1 / 64] |= (uint64_t)1 << (b1 % 64);
        d->heading_words[b2 / 64] |= (uint64_t)1 << (b2 % 64);
    }
    g_hash_table_insert(d->heading_to_section, GC_UNCONST(key),
                        GUINT_TO_POINTER(section_plus_1));
}

