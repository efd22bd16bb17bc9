/* Section detection; see segment.h.  A heading is a short line whose
 * canonical key is a known heading; most résumés use 4-8 of them. */
#include <string.h>

#include <glib.h>

#include "segment.h"
#include "tokenize.h"

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

/* Looks the line (or its "Label:" prefix) up; returns section + 1 or 0. */
static unsigned lookup(const gc_data *d, const char *s, size_t n)
{
    char key[256];
    size_t kl, words = 1;

    if (n == 0 || n > 60)
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

static void trim(const char **s, size_t *n)
{
    while (*n > 0 && strchr(" \t-*#=_:|>", (*s)[0])) {
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
    while (*n > 0 && strchr(" \t:|-=_#", (*s)[*n - 1]))
        (*n)--;
}

void gc_segment(uint16_t *sec, uint8_t *is_heading, const gc_data *d, const char *text,
                size_t len, size_t n_lines)
{
    const char *p = text, *end = text + len;
    unsigned cur = 0;

    memset(sec, 0, (n_lines + 1) * sizeof *sec);
    memset(is_heading, 0, n_lines + 1);
    for (size_t line = 1; line <= n_lines && p <= end; line++) {
        const char *e = p;
        while (e < end && *e != '\n' && *e != '\f')
            e++;
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
