/* person: the name a résumé is about, for a coach's report heading: the
 * first short line of capitalised words before any section heading that
 * is no job title, address or contact line (JSON Resume: basics.name).
 * A wrong guess costs little — the report falls back to the file name
 * when none is found — so the rule is strict rather than clever. */
#include <string.h>

#include <glib.h>

#include "match/doc_int.h"
#include "match/positions.h"

#define NAME_LINES 6      /* a name comes first, or after a line or two of contact */
#define NAME_BYTES 60

/* 2 to 4 words, each starting with a capital letter, letters only (and
 * - . '), no job-title word: "Harvey Dent", "María José García-López". */
static int is_name(const gc_data *d, const char *s, size_t n)
{
    size_t words = 0, i = 0;

    if (n == 0 || n > NAME_BYTES)
        return 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        size_t j = i;
        gunichar c = g_utf8_get_char_validated(s + i, (gssize)(n - i));
        if (c == (gunichar)-1 || c == (gunichar)-2 || !g_unichar_isupper(c))
            return 0;
        while (j < n && s[j] != ' ') {
            gunichar u = g_utf8_get_char_validated(s + j, (gssize)(n - j));
            if (u == (gunichar)-1 || u == (gunichar)-2 ||
                !(g_unichar_isalpha(u) || u == '-' || u == '.' || u == '\''))
                return 0;
            j += (size_t)g_utf8_skip[(unsigned char)s[j]];
        }
        if (GC_CAL_KIND(gc_calendar_lookup(d, s + i, j - i)) != 0)
            return 0;   /* "Engineer", "Present", "May": not a name */
        words++;
        i = j;
    }
    return words >= 2 && words <= 4;
}

void gc_person_name(gc_doc *doc, const gc_data *d, const char *text, size_t len,
                    const uint32_t *line_start, size_t n_lines, const uint16_t *sec)
{
    for (size_t i = 1; i <= n_lines && i <= NAME_LINES && sec[i] == 0; i++) {
        size_t a = line_start[i], b = i < n_lines ? line_start[i + 1] : len;
        const char *s = text + a;
        while (b > a && (text[b - 1] == '\n' || text[b - 1] == '\f' || text[b - 1] == ' '))
            b--;
        size_t n = b - a;
        if (n > 13 && memcmp(s, "basics.name: ", 13) == 0)
            s += 13, n -= 13;
        const char *tab = memchr(s, '\t', n);
        if (tab)   /* a name beside contact details in a header table */
            n = (size_t)(tab - s);
        if (is_name(d, s, n)) {
            doc->name = gc_doc_str(doc, s, n);
            return;
        }
    }
}
