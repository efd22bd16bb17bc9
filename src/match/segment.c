/* Section detection; see segment.h.  A heading is a short line whose
 * canonical key is a known heading; most résumés use 4-8 of them. */
#include <string.h>

#include <glib.h>

#include "match/segment.h"
#include "base/strtab.h"
#include "match/tokenize.h"

/* "E X P E R I E N C E" or "S K I L L S  &  T O O L S": every non-space
 * character stands alone.  Such lines are closed up before the key. */
static int is_letter_spaced(const char *s, size_t n)
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

size_t gc_heading_key(char *dst, size_t cap, const char *s, size_t n)
{
    char folded[256];
    size_t fl, o = 0;
    int spaced = is_letter_spaced(s, n), gap = 0;

    if (n == 0 || n >= sizeof folded / 2)
        return 0;
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
static int first_word_bits(const char *s, size_t n, uint32_t *b1, uint32_t *b2)
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
    if (first_word_bits(key, strlen(key), &b1, &b2)) {
        d->heading_words[b1 / 64] |= (uint64_t)1 << (b1 % 64);
        d->heading_words[b2 / 64] |= (uint64_t)1 << (b2 % 64);
    }
    g_hash_table_insert(d->heading_to_section, GC_UNCONST(key),
                        GUINT_TO_POINTER(section_plus_1));
}

/* Most lines' first word begins no heading: skip building their key. */
static int maybe_heading(const gc_data *d, const char *s, size_t n)
{
    uint32_t b1, b2;

    if (!first_word_bits(s, n, &b1, &b2))
        return 1;
    return ((d->heading_words[b1 / 64] >> (b1 % 64)) & 1) &&
           ((d->heading_words[b2 / 64] >> (b2 % 64)) & 1);
}

/* Looks the line (or its "Label:" prefix) up; returns section + 1 or 0. */
static unsigned lookup(const gc_data *d, const char *s, size_t n)
{
    char key[256];
    size_t kl, words = 1;

    if (n == 0 || n > 60 || !maybe_heading(d, s, n))
        return 0;
    for (size_t i = 0; i < n; i++)
        words += s[i] == ' ';
    if (words > 8 && !is_letter_spaced(s, n))
        return 0;  /* headings are short: "what we're looking for" is the longest kind */
    kl = gc_heading_key(key, sizeof key, s, n);
    if (kl == 0)
        return 0;
    return GPOINTER_TO_UINT(g_hash_table_lookup(d->heading_to_section, key));
}

/* Bytes trimmed from the start (1) and the end (2) of a line. */
static const unsigned char trim_cls[256] = {
    [' '] = 3, ['\t'] = 3, ['-'] = 3, ['#'] = 3, ['='] = 3, ['_'] = 3, [':'] = 3, ['|'] = 3,
    ['*'] = 1, ['>'] = 1,
};

static void trim(const char **s, size_t *n)
{
    while (*n > 0 && (trim_cls[(unsigned char)(*s)[0]] & 1)) {
        (*s)++;
        (*n)--;
    }
    /* leading bullet '•' is 3 bytes */
    while (*n >= 3 && memcmp(*s, "\xE2\x80\xA2", 3) == 0) {
        *s += 3;
        *n -= 3;
        while (*n > 0 && (*s)[0] == ' ')
            (*s)++, (*n)--;
    }
    while (*n > 0 && (trim_cls[(unsigned char)(*s)[*n - 1]] & 2))
        (*n)--;
}

/* The '\n' or '\f' ending the line at p, or end.  memchr finds '\n';
 * '\f' (a PDF page break) is looked for only up to there. */
static const char *next_line_end(const char *p, const char *end)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *e = nl ? nl : end;
    const char *ff = memchr(p, '\f', (size_t)(e - p));

    return ff ? ff : e;
}

void gc_segment(uint16_t *sec, uint8_t *is_heading, const gc_data *d, const char *text,
                size_t len, size_t n_lines)
{
    const char *p = text, *end = text + len;
    unsigned cur = 0;

    memset(sec, 0, (n_lines + 1) * sizeof *sec);
    memset(is_heading, 0, n_lines + 1);
    for (size_t line = 1; line <= n_lines && p <= end; line++) {
        const char *e = next_line_end(p, end);
        const char *s = p;
        size_t n = (size_t)(e - p);
        trim(&s, &n);
        unsigned hit = lookup(d, s, n);
        if (hit) {
            cur = hit;
            is_heading[line] = 1;
            sec[line] = (uint16_t)cur;
        } else {
            const char *colon = memchr(s, ':', n);
            unsigned label = colon ? lookup(d, s, (size_t)(colon - s)) : 0;
            sec[line] = (uint16_t)(label ? label : cur);
        }
        p = e + 1;
    }
}
