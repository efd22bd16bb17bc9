/* dates: date ranges on one line; see dates.h.  Two passes: the line into
 * tokens (words looked up in the data's calendar, numbers, dashes and
 * punctuation), then the tokens into dates ("Sept. 2019", "03/2017",
 * "2018.10", a bare year) and the dates into ranges, joined by a dash, a
 * "to" word or nothing but space (PDFs whose dash was a soft hyphen lose
 * it), opened by "since", closed by a present word. */
#include <string.h>

#include <glib.h>

#include "data/data_int.h"
#include "gc_limits.h"
#include "match/dates.h"

enum { T_NUM, T_WORD, T_DASH, T_SLASH, T_DOT, T_COMMA, T_AMP, T_OTHER };

typedef struct tok {
    uint8_t kind;
    uint8_t ndig;        /* T_NUM: digits */
    uint8_t space;       /* white space before it */
    uint16_t at, len;
    uint32_t val;        /* T_NUM: value; T_WORD: calendar code or 0 */
} tok;

typedef struct lexer {
    const gc_data *d;
    const char *s;
    size_t n, i;
    tok t[GC_DATE_LINE_TOKENS];
    size_t nt;
} lexer;

static int is_letter(const char *s, size_t n, size_t i, size_t *adv)
{
    unsigned char c = (unsigned char)s[i];
    gunichar u;

    *adv = 1;
    if (c < 0x80)
        return g_ascii_isalpha(c);
    u = g_utf8_get_char_validated(s + i, (gssize)(n - i));
    if (u == (gunichar)-1 || u == (gunichar)-2)
        return 0;
    *adv = (size_t)g_utf8_skip[c];
    return g_unichar_isalpha(u);
}

/* A dash: '-', U+2010-U+2015 (hyphens, en and em dash), U+2212, '~'. */
static size_t dash_at(const char *s, size_t n, size_t i)
{
    const unsigned char *p = (const unsigned char *)s + i;

    if (*p == '-' || *p == '~')
        return 1;
    if (n - i >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0x95)
        return 3;
    if (n - i >= 3 && p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92)
        return 3;
    return 0;
}

static uint32_t lookup(const gc_data *d, const char *s, size_t n)
{
    return gc_calendar_lookup(d, s, n);
}

static void push(lexer *L, uint8_t kind, size_t at, size_t len, uint32_t val, uint8_t ndig,
                 int space)
{
    if (L->nt < GC_DATE_LINE_TOKENS)
        L->t[L->nt++] = (tok){kind, ndig, (uint8_t)space, (uint16_t)at, (uint16_t)len, val};
}

/* A word: letters, with apostrophes between them ("aujourd'hui"). */
static size_t word_end(const char *s, size_t n, size_t i)
{
    size_t adv;

    while (i < n) {
        if (is_letter(s, n, i, &adv))
            i += adv;
        else if (s[i] == '\'' && i + 1 < n && is_letter(s, n, i + 1, &adv))
            i++;
        else
            break;
    }
    return i;
}

static void lex(lexer *L)
{
    const char *s = L->s;
    size_t n = L->n, i = 0, adv, k;
    int space = 1;

    while (i < n && L->nt < GC_DATE_LINE_TOKENS) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t') {
            space = 1, i++;
            continue;
        }
        if (g_ascii_isdigit(c)) {
            uint32_t v = 0;
            size_t j = i;
            while (j < n && g_ascii_isdigit(s[j]) && j - i < 9)
                v = v * 10 + (uint32_t)(s[j++] - '0');
            while (j < n && g_ascii_isdigit(s[j]))
                j++;
            push(L, T_NUM, i, j - i, v, (uint8_t)(j - i > 9 ? 9 : j - i), space);
            i = j;
        } else if (is_letter(s, n, i, &adv)) {
            size_t j = word_end(s, n, i);
            push(L, T_WORD, i, j - i, lookup(L->d, s + i, j - i), 0, space);
            i = j;
        } else if ((k = dash_at(s, n, i)) != 0) {
            push(L, T_DASH, i, k, 0, 0, space);
            i += k;
        } else {
            uint8_t kind = c == '/' ? T_SLASH : c == '.' ? T_DOT : c == ',' ? T_COMMA
                         : c == '&' || c == '+' ? T_AMP : T_OTHER;
            push(L, kind, i, 1, 0, 0, space);
            i += c < 0x80 ? 1 : (size_t)g_utf8_skip[c];
        }
        space = 0;
    }
}

/* Two or three words that are one calendar phrase ("till date", "bis
 * heute", "à ce jour") become one token. */
static void join_phrases(lexer *L)
{
    char buf[160];

    for (size_t i = 0; i < L->nt; i++) {
        for (size_t w = 3; w >= 2; w--) {
            size_t k;
            if (i + w > L->nt)
                continue;
            for (k = 1; k < w; k++)
                if (L->t[i + k].kind != T_WORD || !L->t[i + k].space)
                    break;
            if (k < w || L->t[i].kind != T_WORD)
                continue;
            size_t end = L->t[i + w - 1].at + L->t[i + w - 1].len, len = end - L->t[i].at;
            if (len >= sizeof buf)
                continue;
            memcpy(buf, L->s + L->t[i].at, len);
            uint32_t code = lookup(L->d, buf, len);
            if (code == 0)
                continue;
            L->t[i].len = (uint16_t)len;
            L->t[i].val = code;
            memmove(&L->t[i + 1], &L->t[i + w], (L->nt - i - w) * sizeof(tok));
            L->nt -= w - 1;
            break;
        }
    }
}

/* ---- dates ------------------------------------------------------------ */

/* What starts at a token: a date, a month without a year ("June – August
 * 2017"), a season, or nothing. */
typedef struct atom {
    gc_date d;
    uint8_t season_end;   /* a season's last month */
    uint8_t partial;      /* a month (or season) with no year */
    uint8_t day;          /* its day was written too */
    size_t first, next;   /* its tokens: [first, next) */
} atom;

static int is_year(const tok *t)
{
    return t->kind == T_NUM && t->ndig == 4 && t->val >= GC_DATE_YEAR_MIN &&
           t->val <= GC_DATE_YEAR_MAX;
}

static int is_month(uint32_t v)
{
    return v >= 1 && v <= 12;
}

/* t[i], t[i+1] ... touch (no space between them). */
static int tight(const lexer *L, size_t i, size_t n)
{
    if (i + n > L->nt)
        return 0;
    for (size_t k = 1; k < n; k++)
        if (L->t[i + k].space)
            return 0;
    return 1;
}

static int set(atom *a, size_t first, size_t next, unsigned year, unsigned month, uint8_t prec)
{
    a->d = (gc_date){(uint16_t)year, (uint8_t)month, prec};
    a->season_end = 0;
    a->partial = 0;
    a->day = 0;
    a->first = first;
    a->next = next;
    return 1;
}

/* "03/2017", "3/2017", "15/03/2017", "2017-03", "2017.03", "03.2017",
 * "15.03.2017", "2017-03-15", "03-2017", "03/17". */
static int numeric(const lexer *L, size_t i, atom *a)
{
    const tok *t = L->t + i;
    unsigned v0 = t[0].val;

    if (tight(L, i, 5) && t[1].kind == t[3].kind && (t[1].kind == T_SLASH || t[1].kind == T_DOT) &&
        t[0].kind == T_NUM && t[2].kind == T_NUM && is_year(&t[4]) && t[0].ndig <= 2 &&
        t[2].ndig <= 2) {   /* day first, unless the first can only be a month */
        unsigned m = is_month(t[2].val) ? t[2].val : t[0].val;
        if (is_month(m) && set(a, i, i + 5, t[4].val, m, GC_DATE_MONTH))
            return a->day = 1;
    }
    if (tight(L, i, 5) && is_year(&t[0]) && t[1].kind == T_DASH && t[2].kind == T_NUM &&
        t[2].ndig == 2 && t[3].kind == T_DASH && t[4].kind == T_NUM && is_month(t[2].val))
        return set(a, i, i + 5, v0, t[2].val, GC_DATE_MONTH);
    if (!tight(L, i, 3) || t[0].kind != T_NUM || t[2].kind != T_NUM)
        return 0;
    if (is_year(&t[0]) && (t[1].kind == T_DASH || t[1].kind == T_DOT || t[1].kind == T_SLASH) &&
        t[2].ndig <= 2 && is_month(t[2].val))
        return set(a, i, i + 3, v0, t[2].val, GC_DATE_MONTH);
    if (t[0].ndig <= 2 && is_month(v0) &&
        (t[1].kind == T_SLASH || t[1].kind == T_DOT || t[1].kind == T_DASH)) {
        if (is_year(&t[2]))
            return set(a, i, i + 3, t[2].val, v0, GC_DATE_MONTH);
        if (t[1].kind == T_SLASH && t[2].ndig == 2)   /* 03/17: this century up to 69 */
            return set(a, i, i + 3, t[2].val + (t[2].val < 70 ? 2000 : 1900), v0,
                       GC_DATE_MONTH);
    }
    return 0;
}

/* "Sept. 2019", "March, 2020", "January 15, 2019", "Summer 2011", "June". */
static int named(const lexer *L, size_t i, atom *a)
{
    const tok *t = L->t + i;
    uint32_t kind = GC_CAL_KIND(t->val), v = GC_CAL_VALUE(t->val);
    size_t j = i + 1;
    unsigned month = kind == GC_CAL_MONTH ? v : kind == GC_CAL_SEASON ? (v & 15) : 0;
    uint8_t day = 0;

    if (t->kind != T_WORD || month == 0)
        return 0;
    if (j < L->nt && L->t[j].kind == T_DOT)
        j++;
    else if (j + 1 < L->nt && L->t[j].kind == T_OTHER && !L->t[j].space && is_year(&L->t[j + 1]))
        j++;   /* "Apr? 2020", "Apr' 2020": a scan's speck on the month */
    if (j + 2 < L->nt && L->t[j].kind == T_NUM && L->t[j].ndig <= 2 &&
        L->t[j + 1].kind == T_COMMA && is_year(&L->t[j + 2]))
        j += 2, day = 1;   /* a day: January 15, 2019 */
    else if (j + 1 < L->nt && L->t[j].kind == T_COMMA && is_year(&L->t[j + 1]))
        j++;
    set(a, i, j, 0, month, kind == GC_CAL_SEASON ? GC_DATE_SEASON : GC_DATE_MONTH);
    a->season_end = kind == GC_CAL_SEASON ? (uint8_t)(v >> 4) : 0;
    a->day = day;
    if (j < L->nt && is_year(&L->t[j])) {
        a->d.year = (uint16_t)L->t[j].val;
        a->next = j + 1;
    } else {
        a->partial = 1;
        a->next = i + 1 + (i + 1 < L->nt && L->t[i + 1].kind == T_DOT);
    }
    return 1;
}

/* The date (or month without a year) that starts at token i, if any. */
static int date_at(const lexer *L, size_t i, atom *a)
{
    if (i >= L->nt)
        return 0;
    if (numeric(L, i, a) || named(L, i, a))
        return 1;
    if (is_year(&L->t[i]))
        return set(a, i, i + 1, L->t[i].val, 0, GC_DATE_YEAR);
    return 0;
}

static uint32_t word_kind(const lexer *L, size_t i)
{
    return i < L->nt && L->t[i].kind == T_WORD ? GC_CAL_KIND(L->t[i].val) : 0;
}

/* A season ends in its last month; a month or year is its own end. */
static gc_date as_end(const atom *a)
{
    gc_date d = a->d;
    if (a->season_end)
        d.month = a->season_end;
    return d;
}

static void emit(const lexer *L, gc_date_range *out, size_t *n, size_t max, const atom *s,
                 const gc_date *e, int present, size_t last_tok)
{
    gc_date_range r;
    size_t at = L->t[s->first].at, end = L->t[last_tok].at + L->t[last_tok].len;

    if (*n >= max)
        return;
    memset(&r, 0, sizeof r);
    r.start = s->d;
    r.present = (uint8_t)present;
    if (!present)
        r.end = e ? *e : as_end(s);
    r.single = e == NULL && !present;
    r.day = s->day;
    r.at = (uint16_t)at;
    r.len = (uint16_t)(end - at);
    out[(*n)++] = r;
}

/* Skips the connectors between two dates — dashes and "to" words, with
 * a full stop after a word ("- Exp. Apr. 2016") — leaving *j on the last
 * one; 1 when there was any. */
static int connectors(const lexer *L, size_t *j)
{
    size_t k = *j, last = *j;
    int any = 0;

    while (k < L->nt && (L->t[k].kind == T_DASH || word_kind(L, k) == GC_CAL_TO)) {
        last = k;
        any = 1;
        k += 1 + (word_kind(L, k) == GC_CAL_TO && k + 1 < L->nt && L->t[k + 1].kind == T_DOT);
        if (k > last + 1)
            last = k - 1;
    }
    *j = last;
    return any;
}

/* A range from the date `s` on: its end, or a single date.  Returns the
 * token after what it used. */
static size_t range_from(const lexer *L, atom *s, gc_date_range *out, size_t *n, size_t max)
{
    size_t j = s->next;
    atom e;
    int conn = connectors(L, &j);

    if (conn && word_kind(L, j + 1) == GC_CAL_PRESENT && !s->partial) {
        emit(L, out, n, max, s, NULL, 1, j + 1);
        return j + 2;
    }
    if ((conn && date_at(L, j + 1, &e)) || (!conn && !s->partial && date_at(L, j, &e))) {
        if (!e.partial && !(s->partial && e.partial)) {
            gc_date end = as_end(&e);
            if (s->partial) {   /* June – August 2017: the year written once */
                s->d.year = (uint16_t)(e.d.year - (s->d.month > end.month));
                if (s->d.year < GC_DATE_YEAR_MIN)
                    return e.next;
            }
            emit(L, out, n, max, s, &end, 0, e.next - 1);
            return e.next;
        }
    }
    if (s->partial)
        return s->next;
    /* Open only when what follows is no date: "Jan 2017 – Apr? 2020" (an
     * OCR slip in the end) is a start we know, not a job held until now. */
    if (conn && (j + 1 >= L->nt || L->t[j + 1].kind == T_OTHER ||
                 (L->t[j + 1].kind == T_WORD && word_kind(L, j + 1) != GC_CAL_MONTH &&
                  word_kind(L, j + 1) != GC_CAL_SEASON))) {
        emit(L, out, n, max, s, NULL, 1, j);   /* "2026 –", open: until now */
        return j + 1;
    }
    emit(L, out, n, max, s, NULL, 0, s->next - 1);
    return s->next;
}

/* "2016-17": a year and the last two digits of the next, written tight. */
static int short_years(const lexer *L, size_t i, atom *a)
{
    const tok *t = L->t + i;

    if (!tight(L, i, 3) || !is_year(&t[0]) || t[1].kind != T_DASH || t[2].kind != T_NUM ||
        t[2].ndig != 2 || is_month(t[2].val))
        return 0;
    return set(a, i, i + 3, t[0].val, 0, GC_DATE_YEAR);
}

/* "and 2013", "& 2013", ", 2013" where 2013 is a year alone (not the start
 * of another range). */
static int and_year(const lexer *L, size_t i)
{
    int joins = word_kind(L, i) == GC_CAL_AND || L->t[i].kind == T_AMP ||
                L->t[i].kind == T_COMMA;

    return joins && i + 1 < L->nt && is_year(&L->t[i + 1]) &&
           !(i + 2 < L->nt && (L->t[i + 2].kind == T_DASH || word_kind(L, i + 2) == GC_CAL_TO));
}

size_t gc_dates_find(gc_date_range *out, size_t max, const gc_data *d, const char *line,
                     size_t n)
{
    lexer L;   /* 3 KB of tokens, the caller's own: no state between calls */
    size_t count = 0, i = 0;
    atom a, prev;
    int have_prev = 0;

    L.d = d;
    L.s = line;
    L.n = n < GC_DATE_LINE_BYTES ? n : GC_DATE_LINE_BYTES;
    L.nt = 0;
    lex(&L);
    join_phrases(&L);
    while (i < L.nt && count < max) {
        if (word_kind(&L, i) == GC_CAL_SINCE && date_at(&L, i + 1, &a) && !a.partial) {
            a.first = i;
            emit(&L, out, &count, max, &a, NULL, 1, a.next - 1);
            i = a.next;
            have_prev = 0;
        } else if (short_years(&L, i, &a)) {   /* "2016-17" */
            gc_date end = {(uint16_t)(a.d.year / 100 * 100 + L.t[i + 2].val), 0, GC_DATE_YEAR};
            if (end.year > a.d.year)
                emit(&L, out, &count, max, &a, &end, 0, i + 2);
            i += 3;
            have_prev = 0;
        } else if (date_at(&L, i, &a)) {
            i = range_from(&L, &a, out, &count, max);
            prev = a;
            have_prev = !a.partial && a.d.prec != GC_DATE_YEAR;
        } else if (have_prev && and_year(&L, i)) {
            /* "Summer 2012 and 2013": the second period in the same months */
            a = prev;
            a.first = i + 1;
            a.next = i + 2;
            a.d.year = (uint16_t)L.t[i + 1].val;
            emit(&L, out, &count, max, &a, NULL, 0, i + 1);
            i += 2;
        } else {
            i++;
        }
    }
    return count;
}

int gc_dates_starts_present(const gc_data *d, const char *line, size_t n)
{
    lexer L;

    L.d = d;
    L.s = line;
    L.n = n < 64 ? n : 64;
    L.nt = 0;
    lex(&L);
    join_phrases(&L);
    return L.nt > 0 && word_kind(&L, 0) == GC_CAL_PRESENT;
}
