/* Section detection; see segment.h.  A heading is a short line whose
 * canonical key is a known heading; most résumés use 4-8 of them. */
#include <string.h>

#include <glib.h>

#include "data/headings.h"
#include "match/segment.h"

/* Most lines' first word begins no heading: skip building their key. */
static int maybe_heading(const gc_data *d, const char *s, size_t n)
{
    uint32_t b1, b2;

    if (!gc_heading_bits(s, n, &b1, &b2))
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
    if (words > 8 && !gc_heading_letter_spaced(s, n))
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

/* Awesome-CV draws a heading's first letters in its accent colour; a
 * converter that boxes each colour apart writes "Emp" and "loyment" on two
 * lines.  A short word, then a line going on in lower case, that together
 * make a heading are that heading.  Returns section + 1 or 0; *next_end is
 * the end of the second line. */
static unsigned split_heading(const gc_data *d, const char *s, size_t n, const char *e,
                              const char *end, const char **next_end)
{
    char joined[64];
    const char *t = e + 1, *te;
    size_t tn;

    if (n == 0 || n > 4 || t >= end || !g_ascii_isupper(s[0]))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!g_ascii_isalpha(s[i]))
            return 0;
    te = next_line_end(t, end);
    tn = (size_t)(te - t);
    trim(&t, &tn);
    if (tn == 0 || n + tn > sizeof joined || !g_ascii_islower(t[0]))
        return 0;
    memcpy(joined, s, n);
    memcpy(joined + n, t, tn);
    *next_end = te;
    return lookup(d, joined, n + tn);
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
        const char *e2 = NULL;
        if (!hit && line < n_lines && (hit = split_heading(d, s, n, e, end, &e2)) != 0) {
            is_heading[line] = 1;
            sec[line++] = (uint16_t)hit;
            e = e2;
        }
        if (hit) {
            cur = hit;
            is_heading[line] = 1;
            sec[line] = (uint16_t)cur;
        } else {
            const char *colon = memchr(s, ':', n), *tab = memchr(s, '\t', n);
            unsigned label = colon ? lookup(d, s, (size_t)(colon - s)) : 0;
            /* a table whose first column holds the headings (Google Docs,
             * Word templates): "EXPERIENCE<TAB>Acme …" starts the section */
            unsigned cell = !label && tab ? lookup(d, s, (size_t)(tab - s)) : 0;
            if (cell)
                cur = cell;
            sec[line] = (uint16_t)(label ? label : cur);
        }
        p = e + 1;
    }
}
