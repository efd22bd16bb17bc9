/* calendar: the `dates:` block of the lexicon — month names, seasons,
 * present words ("heute", "actualidad"), "since", range and period
 * connectors, and job-title words — as one table from folded word or
 * phrase to a code (data_int.h, GC_CAL_*), which the date parser looks up
 * a word at a time.  Every word is data, in any language; none is in C. */
#include <string.h>

#include <glib.h>

#include "base/tokenize.h"
#include "data/data_int.h"
#include "data/yaml_load.h"

/* Folds a word or phrase the way the date parser folds the text: case
 * folded, a trailing full stop dropped ("Sept." is "sept"), single spaces. */
/* A calendar word without its spaces and trailing dots ("Sept. "). */
static void trim(const char **s, size_t *n)
{
    while (*n > 0 && ((*s)[*n - 1] == '.' || (*s)[*n - 1] == ' '))
        (*n)--;
    while (*n > 0 && (*s)[0] == ' ')
        (*s)++, (*n)--;
}

size_t gc_calendar_key(char *dst, size_t cap, const char *s, size_t n)
{
    size_t k;

    trim(&s, &n);
    if (n == 0 || (k = gc_fold(dst, cap, s, n)) == (size_t)-1)
        return 0;
    return k;
}

static int add_word(gc_data *d, const gc_ynode *w, uint32_t code, const char *file, gc_err *err)
{
    char key[128];
    gpointer old;

    if (gc_yexpect(w, GC_Y_SCALAR, "word", file, err) < 0)
        return GC_EDATA;
    if (gc_calendar_key(key, sizeof key, w->str, w->len) == 0 || strchr(key, '\t'))
        return gc_err_set(err, GC_EDATA, file, w->line, w->col, "'%s' is not a usable word",
                          w->str);
    if ((old = g_hash_table_lookup(d->date_words, key)) != NULL &&
        GPOINTER_TO_UINT(old) - 1 != code)
        return gc_err_set(err, GC_EDATA, file, w->line, w->col,
                          "'%s' has two meanings in the dates data", w->str);
    if (old != NULL)
        return gc_err_set(err, GC_EDATA, file, w->line, w->col, "'%s' is listed twice",
                          w->str);
    gc_calendar_insert(d, gc_data_intern(d, key), code + 1);
    return 0;
}

static int add_words(gc_data *d, const gc_ynode *seq, const char *what, uint32_t code,
                     const char *file, gc_err *err)
{
    if (gc_yexpect(seq, GC_Y_SEQ, what, file, err) < 0)
        return GC_EDATA;
    for (size_t i = 0; i < seq->n; i++)
        if (add_word(d, seq->items[i], code, file, err) < 0)
            return GC_EDATA;
    return 0;
}

static int parse_months(gc_data *d, const gc_ynode *seq, const char *file, gc_err *err)
{
    static const char *const keys[] = {"month", "names", NULL};
    double m;

    if (gc_yexpect(seq, GC_Y_SEQ, "months", file, err) < 0)
        return GC_EDATA;
    for (size_t i = 0; i < seq->n; i++) {
        const gc_ynode *e = seq->items[i];
        if (gc_yexpect(e, GC_Y_MAP, "month", file, err) < 0 ||
            gc_ymap_check(e, keys, keys, file, err) < 0 ||
            gc_ynumber(&m, gc_ymap_get(e, "month"), 1, 12, "month", file, err) < 0)
            return GC_EDATA;
        if (m != (int)m)
            return gc_err_set(err, GC_EDATA, file, e->line, e->col, "a month is 1 to 12");
        if (add_words(d, gc_ymap_get(e, "names"), "names", GC_CAL_CODE(GC_CAL_MONTH, (int)m),
                      file, err) < 0)
            return GC_EDATA;
    }
    return 0;
}

static int parse_seasons(gc_data *d, const gc_ynode *seq, const char *file, gc_err *err)
{
    static const char *const keys[] = {"start", "end", "names", NULL};
    double a, b;

    if (gc_yexpect(seq, GC_Y_SEQ, "seasons", file, err) < 0)
        return GC_EDATA;
    for (size_t i = 0; i < seq->n; i++) {
        const gc_ynode *e = seq->items[i];
        if (gc_yexpect(e, GC_Y_MAP, "season", file, err) < 0 ||
            gc_ymap_check(e, keys, keys, file, err) < 0 ||
            gc_ynumber(&a, gc_ymap_get(e, "start"), 1, 12, "start", file, err) < 0 ||
            gc_ynumber(&b, gc_ymap_get(e, "end"), 1, 12, "end", file, err) < 0)
            return GC_EDATA;
        if (a != (int)a || b != (int)b || b < a)
            return gc_err_set(err, GC_EDATA, file, e->line, e->col,
                              "a season's start and end are months, start first");
        if (add_words(d, gc_ymap_get(e, "names"), "names",
                      GC_CAL_CODE(GC_CAL_SEASON, (int)a | (int)b << 4), file, err) < 0)
            return GC_EDATA;
    }
    return 0;
}

int gc_calendar_parse(gc_data *d, const gc_ynode *map, const char *file, gc_err *err)
{
    static const char *const keys[] = {"months", "seasons", "present", "since", "to",
                                       "and", "titles", NULL};
    static const struct { const char *key; int kind; } lists[] = {
        {"present", GC_CAL_PRESENT}, {"since", GC_CAL_SINCE}, {"to", GC_CAL_TO},
        {"and", GC_CAL_AND}, {"titles", GC_CAL_TITLE},
    };
    const gc_ynode *v;

    if (gc_yexpect(map, GC_Y_MAP, "dates", file, err) < 0 ||
        gc_ymap_check(map, keys, NULL, file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(map, "months")) && parse_months(d, v, file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(map, "seasons")) && parse_seasons(d, v, file, err) < 0)
        return GC_EDATA;
    for (size_t i = 0; i < G_N_ELEMENTS(lists); i++)
        if ((v = gc_ymap_get(map, lists[i].key)) &&
            add_words(d, v, lists[i].key, GC_CAL_CODE(lists[i].kind, 0), file, err) < 0)
            return GC_EDATA;
    return 0;
}

/* The shape a raw word or phrase can be tested by unfolded: its first
 * letter (26: not an ASCII one) and, all ASCII, its length, which
 * folding (ASCII lower case) keeps. */
static int shape_class(unsigned char c)
{
    return c < 0x80 && g_ascii_isalpha((char)c) ? g_ascii_tolower((char)c) - 'a' : 26;
}

static unsigned shape_len(size_t n)
{
    return n < 63 ? (unsigned)n : 63;
}

void gc_calendar_insert(gc_data *d, const char *key, uint32_t code_plus_1)
{
    g_hash_table_insert(d->date_words, GC_UNCONST(key), GUINT_TO_POINTER(code_plus_1));
    d->date_shapes[shape_class((unsigned char)key[0])] |= UINT64_C(1) << shape_len(strlen(key));
}

/* 0 when s[0..n) (trimmed) cannot fold to a key: most words of a résumé,
 * turned away without folding or hashing. */
static int may_be_key(const gc_data *d, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    uint64_t m;

    if (u[0] >= 0x80)
        return 1;   /* a non-ASCII capital may fold to anything */
    m = d->date_shapes[shape_class(u[0])];
    for (size_t i = 1; i < n; i++)
        if (u[i] >= 0x80)
            return m != 0;   /* folding may change the length */
    return (m >> shape_len(n)) & 1;
}

uint32_t gc_calendar_lookup(const gc_data *d, const char *s, size_t n)
{
    char key[128];

    trim(&s, &n);
    if (n == 0 || !may_be_key(d, s, n) || gc_calendar_key(key, sizeof key, s, n) == 0)
        return 0;
    return gc_calendar_word(d, key);
}

uint32_t gc_calendar_word(const gc_data *d, const char *key)
{
    gpointer v = g_hash_table_lookup(d->date_words, key);

    return v ? GPOINTER_TO_UINT(v) - 1 : 0;
}
