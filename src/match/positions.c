/* positions: dated work positions from the experience section; see
 * positions.h. */
#include <string.h>

#include <glib.h>

#include "base/tokenize.h"
#include "gc_limits.h"
#include "match/dates.h"
#include "match/positions.h"

#define RANGES_PER_LINE 4
#define HEADER_WORDS 14       /* a title or organisation line is short */
#define HEADER_LINES 2        /* title and organisation, above or below the dates */
#define SINGLE_DATE_WORDS 15  /* a line whose only date is a single one */
#define FIELD_BYTES 120       /* title and organisation kept */

typedef struct lines {
    const gc_data *d;
    const char *text;
    size_t len, n;
    const uint32_t *start;
    const uint16_t *sec;
    const uint8_t *is_heading;
    uint8_t *eligible;        /* per line: in the work-experience part */
} lines;

typedef struct anchor {
    uint32_t line;
    gc_date_range r[RANGES_PER_LINE];
    size_t n_r;
    int date_only;            /* nothing on the line but its dates */
} anchor;

static const char *line_at(const lines *L, size_t i, size_t *n)
{
    size_t a = L->start[i], b = i < L->n ? L->start[i + 1] : L->len;

    while (b > a && (L->text[b - 1] == '\n' || L->text[b - 1] == '\f'))
        b--;
    *n = b - a;
    return L->text + a;
}

static size_t count_words(const char *s, size_t n)
{
    size_t w = 0;
    int in = 0;

    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ' || s[i] == '\t';
        w += !sp && !in;
        in = !sp;
    }
    return w;
}

static size_t count_letters(const char *s, size_t n)
{
    size_t k = 0;

    for (size_t i = 0; i < n; i++)
        k += g_ascii_isalpha(s[i]) || (unsigned char)s[i] >= 0xC0;
    return k;
}

/* Only separators, spaces and brackets between [a, b). */
/* The separator at s[0..n): an ASCII one, or a dash, bullet or middle dot
 * (UTF-8); returns its length, 0 for none. */
static size_t separator(const char *s, size_t n)
{
    static const char *const wide[] = {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2",
                                       "\xC2\xB7", "\xE2\x97\x86", "\xE2\x96\x8C"};

    if (n == 0)
        return 0;
    if (strchr(" \t|,;:()[]-/.", s[0]) && s[0] != '\0')
        return 1;
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++) {
        size_t k = strlen(wide[i]);
        if (n >= k && memcmp(s, wide[i], k) == 0)
            return k;
    }
    return 0;
}

static int blank(const char *s, size_t a, size_t b)
{
    for (size_t i = a, k; i < b; i += k)
        if ((k = separator(s + i, b - i)) == 0)
            return 0;
    return 1;
}

/* The line's text with its date ranges taken out. */
static GString *rest_of(const char *s, size_t n, const gc_date_range *r, size_t n_r)
{
    GString *g = g_string_new(NULL);
    size_t at = 0;

    for (size_t k = 0; k <= n_r; k++) {
        size_t end = k < n_r ? r[k].at : n;
        if (end > at)
            g_string_append_len(g, s + at, (gssize)(end - at));
        g_string_append_c(g, ' ');
        if (k < n_r)
            at = (size_t)r[k].at + r[k].len;
    }
    return g;
}

/* The same period again ("Jul 2025 - Present • 3 mos Jul 2025 to
 * Present", LinkedIn), or a vaguer copy of one already kept. */
static int repeats(const gc_date_range *kept, size_t n, const gc_date_range *r)
{
    for (size_t i = 0; i < n; i++)
        if (kept[i].start.year == r->start.year && kept[i].present == r->present &&
            (r->present || kept[i].end.year == r->end.year) &&
            (kept[i].start.month == r->start.month || r->start.month == 0))
            return 1;
    return 0;
}

/* A line that starts with a bullet: "•", "-", "*" and the like. */
static int bulleted(const char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
    return n > 0 && ((unsigned char)s[0] == 0xE2 || s[0] == '-' || s[0] == '*');
}

/* The range ends the lead of a "Title (2008 - 2014): what I did" line:
 * only separators between it and the first colon after it. */
static int ends_lead(const char *s, size_t end, size_t n)
{
    const char *colon = memchr(s + end, ':', n - end);

    return colon != NULL && blank(s, end, (size_t)(colon - s));
}

/* A date line: its ranges, kept when they read as a position's dates — a
 * range anywhere on a line that is not a long sentence, or a single date
 * standing at the start or the end of a short line ("2019" in "Revenue
 * grew 20% in 2019 across …" is no position).  Inside a bullet only a
 * range at its start or end counts: "• Acme - shirtmakers (2008-2009).
 * Built …" is a client of the entry above, not an entry of its own.  A
 * range that ends a line's lead before its colon counts on a long line. */
static int find_anchor(anchor *a, const gc_data *d, const char *s, size_t n)
{
    gc_date_range r[RANGES_PER_LINE];
    size_t nr = gc_dates_find(r, RANGES_PER_LINE, d, s, n), words = count_words(s, n);
    int bullet = bulleted(s, n);

    a->n_r = 0;
    for (size_t k = 0; k < nr; k++) {
        size_t end = (size_t)r[k].at + r[k].len;
        int edge = blank(s, 0, r[k].at) || blank(s, end, n);
        int months = r[k].start.prec != GC_DATE_YEAR && (r[k].present || r[k].end.prec != GC_DATE_YEAR);
        /* a single date with its day is the document's date, not a job's;
         * "Feb 2022 - Jul 2025" reads as a job's dates anywhere on a line */
        if (r[k].single ? edge && !r[k].day && words <= SINGLE_DATE_WORDS
                        : edge || ends_lead(s, end, n) ||
                              (!bullet && (months || words <= 2 * HEADER_WORDS)))
            if (!repeats(a->r, a->n_r, &r[k]))
                a->r[a->n_r++] = r[k];
    }
    if (a->n_r == 0)
        return 0;
    GString *rest = rest_of(s, n, a->r, a->n_r);
    a->date_only = count_letters(rest->str, rest->len) < 3;
    g_string_free(rest, TRUE);
    return 1;
}

static int has_title_word(const gc_data *d, const char *s, size_t n);

/* A line that can be a title or an organisation: short, not a sentence,
 * not a bullet, not a heading. */
static int header_like(const lines *L, size_t i)
{
    size_t n;
    const char *s;

    if (i < 1 || i > L->n || !L->eligible[i] || L->is_heading[i])
        return 0;
    s = line_at(L, i, &n);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    if (n == 0 || count_letters(s, n) < 2)
        return 0;
    /* a long line still heads an entry when it names a job: "Ulatrons
     * Software Solutions - Partner of MSC Software as Senior Manager …" */
    if (count_words(s, n) > HEADER_WORDS &&
        (count_words(s, n) > 2 * HEADER_WORDS || !has_title_word(L->d, s, n)))
        return 0;
    if (s[n - 1] == '.' && count_words(s, n) > 3)
        return 0;   /* a sentence */
    return !((unsigned char)s[0] == 0xE2 || s[0] == '-' || s[0] == '*');   /* •, bullets */
}

/* "▌ PLATFORM SKILLS", "EDUCATION & CERTIFICATIONS": a heading the data
 * does not know still ends the last position before it — a short line of
 * capitals without digits or a job-title word. */
static int capitals_line(const lines *L, size_t i)
{
    size_t n, letters = 0;
    const char *s = line_at(L, i, &n);

    if (count_words(s, n) > 5)
        return 0;
    for (size_t k = 0; k < n; k++) {
        if (g_ascii_islower(s[k]) || g_ascii_isdigit(s[k]))
            return 0;
        letters += g_ascii_isupper(s[k]) != 0;
    }
    return letters >= 6;
}

/* ---- title and organisation ------------------------------------------- */

static int has_title_word(const gc_data *d, const char *s, size_t n)
{
    size_t i = 0;

    while (i < n) {
        while (i < n && !g_ascii_isalpha(s[i]) && (unsigned char)s[i] < 0xC0)
            i++;
        size_t j = i;
        while (j < n && (g_ascii_isalpha(s[j]) || (unsigned char)s[j] >= 0x80 || s[j] == '-'))
            j++;
        if (j > i && GC_CAL_KIND(gc_calendar_lookup(d, s + i, j - i)) == GC_CAL_TITLE)
            return 1;
        i = j;
    }
    return 0;
}

static void trim(const char **s, size_t *n)
{
    size_t k;

    while ((k = separator(*s, *n)) > 0 && (*s)[0] != '.')
        *s += k, *n -= k;
    for (int again = 1; again && *n > 0;) {
        again = 0;
        for (k = 1; k <= 3 && k <= *n; k++)
            if (separator(*s + *n - k, k) == k && (*s)[*n - 1] != '.') {
                *n -= k;
                again = 1;
                break;
            }
    }
}

/* Splits a header into parts at ", ", " | ", " at ", " @ ", " - ", tabs. */
static size_t split(const char *s, size_t n, const char **part, size_t *plen, size_t max)
{
    static const char *const seps[] = {", ", " | ", " at ", " @ ", " - ", "\t", " \xE2\x80\x93 ",
                                       " \xC2\xB7 ", " / "};
    size_t k = 0, at = 0;

    for (size_t i = 0; i <= n && k < max; i++) {
        size_t sl = 0;
        for (size_t j = 0; i < n && j < G_N_ELEMENTS(seps) && !sl; j++)
            if (strlen(seps[j]) <= n - i && memcmp(s + i, seps[j], strlen(seps[j])) == 0)
                sl = strlen(seps[j]);
        if (i == n || sl) {
            const char *p = s + at;
            size_t pl = i - at;
            trim(&p, &pl);
            if (count_letters(p, pl) >= 2)
                part[k] = p, plen[k++] = pl;
            at = i + sl;
            i = at - 1 + (sl == 0);
            if (i == n)
                break;
        }
    }
    return k;
}

static uint32_t keep(gc_doc *doc, const char *s, size_t n)
{
    trim(&s, &n);
    if (n == 0)
        return 0;
    if (n > FIELD_BYTES) {   /* cut at a character boundary */
        n = FIELD_BYTES;
        while (n > 0 && (s[n] & 0xC0) == 0x80)
            n--;
    }
    return gc_doc_str(doc, s, n);
}

/* Title and organisation from one or two header texts: the part with a
 * job-title word is the title, the first other part the organisation. */
static void name_position(gc_position *p, gc_doc *doc, const gc_data *d, const char *const *txt,
                          const size_t *tl, size_t n_txt)
{
    const char *part[8];
    size_t plen[8], np = 0;
    int title = -1, org = -1;

    for (size_t t = 0; t < n_txt; t++)
        np += split(txt[t], tl[t], part + np, plen + np, G_N_ELEMENTS(part) - np);
    for (size_t i = 0; i < np && title < 0; i++)
        if (has_title_word(d, part[i], plen[i]))
            title = (int)i;
    for (size_t i = 0; i < np && org < 0; i++)
        if ((int)i != title)
            org = (int)i;
    if (title < 0 && org >= 0)
        title = org, org = np > 1 ? (org == 0 ? 1 : 0) : -1;
    p->title = title >= 0 ? keep(doc, part[title], plen[title]) : 0;
    p->org = org >= 0 && org != title ? keep(doc, part[org], plen[org]) : 0;
}

/* ---- the experience section ---------------------------------------------- */

static long section_index(const gc_data *d, const char *id)
{
    for (guint i = 0; i < d->sections->len; i++)
        if (strcmp(g_array_index(d->sections, gc_section, i).id, id) == 0)
            return (long)i + 1;
    return -1;
}

/* Lines in the experience section; with no such heading, the lines before
 * any heading (a résumé that is one list of jobs). */
static void mark_eligible(lines *L, const gc_data *d)
{
    long exp = section_index(d, "experience");
    size_t any = 0;

    for (size_t i = 1; i <= L->n; i++)
        any += L->eligible[i] = exp > 0 && L->sec[i] == exp;
    if (any == 0)
        for (size_t i = 1; i <= L->n; i++)
            L->eligible[i] = L->sec[i] == 0;
}

/* Where a date-only line's title is: above it (1), when the first such
 * line of the section has a header-like line right above it; else below. */
static int titles_above(const lines *L, const anchor *a, size_t n_a)
{
    for (size_t k = 0; k < n_a; k++)
        if (a[k].date_only)
            return header_like(L, a[k].line - 1) &&
                   (k == 0 || a[k - 1].line < a[k].line - 1);
    return 0;
}

/* The lines a date-only anchor takes as its header: up to two header-like
 * lines on the side the section writes titles, not past `limit`. */
static size_t header_lines(const lines *L, const anchor *a, int above, uint32_t limit,
                           uint32_t *h)
{
    size_t n = 0;
    long step = above ? -1 : 1;

    for (long i = (long)a->line + step; n < HEADER_LINES && i >= 1 && (size_t)i <= L->n; i += step) {
        if ((above && (uint32_t)i <= limit) || (!above && (uint32_t)i >= limit) ||
            !header_like(L, (size_t)i))
            break;
        h[n++] = (uint32_t)i;
    }
    return n;
}

/* "Data Analyst; Systems Engineer; FPGA Engineer": several roles held over
 * one range, one position each. */
static void add_each_title(gc_doc *doc, const gc_data *d, gc_position *p)
{
    const char *t = p->title ? doc->pool->str + p->title : "";
    const char *part[8];
    size_t plen[8], n = 0, at = 0, len = strlen(t);
    char copy[FIELD_BYTES + 1];

    memcpy(copy, t, len + 1);
    for (size_t i = 0; i <= len && n < 8; i++)
        if (i == len || copy[i] == ';') {
            const char *s = copy + at;
            size_t sl = i - at;
            trim(&s, &sl);
            if (sl > 0 && has_title_word(d, s, sl))
                part[n] = s, plen[n++] = sl;
            at = i + 1;
        }
    if (n < 2) {
        g_array_append_val(doc->positions, *p);
        return;
    }
    for (size_t i = 0; i < n && doc->positions->len < GC_POSITIONS_MAX; i++) {
        gc_position q = *p;
        q.title = gc_doc_str(doc, part[i], plen[i]);
        g_array_append_val(doc->positions, q);
    }
}

/* A date's month count; a year alone is its first month as a start and
 * its last as an end, so "2001 - 2014" holds "2008 - 2014". */
static long months_of(const gc_date *t, int end)
{
    return (long)t->year * 12 + (t->month ? t->month - 1 : (end ? 11 : 0));
}

static int holds(const gc_date_range *o, const gc_date_range *in)
{
    const gc_date *in_end = in->single ? &in->start : &in->end;

    return months_of(&o->start, 0) <= months_of(&in->start, 0) &&
           (o->present || (!in->present && months_of(&o->end, 1) >= months_of(in_end, 1)));
}

/* "Shoppers Drug Mart  Jan 2016 - Jan 2021" right above "Evening
 * Supervisor  June 2020 - Jan 2021", or "Earlier Career (2001 - 2014)"
 * above its dated roles: an employer's or a group's range over roles with
 * their own dates, no position of its own.  Only when nothing but the next
 * entry follows it and that entry's range lies within it. */
static int group_range(const lines *L, const anchor *a, const uint32_t *first, size_t k,
                       size_t n_a)
{
    size_t n;
    const char *s;

    if (k + 1 >= n_a || a[k].n_r != 1 || first[k + 1] != a[k].line + 1)
        return 0;
    s = line_at(L, first[k + 1], &n);
    return !bulleted(s, n) && holds(&a[k].r[0], &a[k + 1].r[0]);
}

/* "Co-founder & Fractional CTO" above "Building Humane Technology | June
 * 2025 - Mar 2026 | Remote": a date line naming no job under a title line
 * starts its entry at the title, which the entry before must not take.  A
 * title is a few words; a longer line is the entry before's last sentence. */
static int title_above(const lines *L, const anchor *a, uint32_t prev_date)
{
    size_t n, tn;
    const char *s, *t;
    int titled;

    if (a->date_only || a->line < 2 || a->line - 1 <= prev_date || !header_like(L, a->line - 1))
        return 0;
    t = line_at(L, a->line - 1, &tn);
    s = line_at(L, a->line, &n);
    GString *rest = rest_of(s, n, a->r, a->n_r);
    titled = has_title_word(L->d, rest->str, rest->len);
    g_string_free(rest, TRUE);
    return !titled && count_words(t, tn) <= HEADER_WORDS / 2 && has_title_word(L->d, t, tn);
}

static void add_positions(gc_doc *doc, const gc_data *d, const lines *L, anchor *a, size_t n_a)
{
    int above = titles_above(L, a, n_a);
    uint32_t *first = g_new0(uint32_t, n_a + 1), prev_date = 0;

    /* first line of each entry: its header above, or its date line */
    for (size_t k = 0; k < n_a; k++) {
        uint32_t h[HEADER_LINES];
        size_t nh = a[k].date_only && above ? header_lines(L, &a[k], 1, prev_date, h) : 0;
        first[k] = nh ? h[nh - 1] : title_above(L, &a[k], prev_date) ? a[k].line - 1 : a[k].line;
        prev_date = a[k].line;
    }
    for (size_t k = 0; k < n_a && doc->positions->len < GC_POSITIONS_MAX; k++) {
        uint32_t h[HEADER_LINES], last = k + 1 < n_a ? first[k + 1] - 1 : a[k].line;
        const char *txt[HEADER_LINES + 1];
        size_t tl[HEADER_LINES + 1], nt = 0, n;
        GString *rest = NULL;

        if (group_range(L, a, first, k, n_a))
            continue;
        if (k + 1 >= n_a)   /* the last entry runs to the end of its block */
            while (last < L->n && L->eligible[last + 1] && !L->is_heading[last + 1] &&
                   !capitals_line(L, last + 1))
                last++;
        if (!a[k].date_only) {
            const char *s = line_at(L, a[k].line, &n);
            rest = rest_of(s, n, a[k].r, a[k].n_r);
            txt[nt] = rest->str, tl[nt++] = rest->len;
        }
        size_t nh = !a[k].date_only ? 0
                    : header_lines(L, &a[k], above, above ? (k ? a[k - 1].line : 0) : last + 1, h);
        for (size_t i = 0; i < nh && nt < HEADER_LINES + 1; i++)
            txt[nt] = line_at(L, h[i], &tl[nt]), nt++;
        for (size_t r = 0; r < a[k].n_r && doc->positions->len < GC_POSITIONS_MAX; r++) {
            gc_position p;
            memset(&p, 0, sizeof p);
            p.first_line = first[k] < a[k].line ? first[k] : a[k].line;
            p.last_line = last < p.first_line ? a[k].line : last;
            if (p.last_line < a[k].line)
                p.last_line = a[k].line;
            p.date_line = a[k].line;
            p.start = a[k].r[r].start;
            p.end = a[k].r[r].end;
            p.present = a[k].r[r].present;
            name_position(&p, doc, d, txt, tl, nt);
            add_each_title(doc, d, &p);
        }
        if (rest)
            g_string_free(rest, TRUE);
    }
    g_free(first);
}

/* ---- JSON Resume ----------------------------------------------------------- */

/* "2021-01", "2021", "2021-01-15" as JSON Resume writes them (ISO 8601). */
static int iso_date(gc_date *out, const char *s, size_t n)
{
    unsigned y = 0, m = 0;

    if (n < 4)
        return 0;
    for (size_t i = 0; i < 4; i++) {
        if (!g_ascii_isdigit(s[i]))
            return 0;
        y = y * 10 + (unsigned)(s[i] - '0');
    }
    if (n >= 7 && s[4] == '-' && g_ascii_isdigit(s[5]) && g_ascii_isdigit(s[6]))
        m = (unsigned)(s[5] - '0') * 10 + (unsigned)(s[6] - '0');
    if (y < GC_DATE_YEAR_MIN || y > GC_DATE_YEAR_MAX || m > 12)
        return 0;
    *out = (gc_date){(uint16_t)y, (uint8_t)m, m ? GC_DATE_MONTH : GC_DATE_YEAR};
    return 1;
}

/* extract_json.c writes "work[N].field: value" lines: each N is one
 * position, its dates the fields themselves. */
static void json_positions(gc_doc *doc, const lines *L)
{
    gc_position p;
    long cur = -1;
    int have_start = 0;

    memset(&p, 0, sizeof p);
    for (size_t i = 1; i <= L->n + 1; i++) {
        size_t n = 0;
        const char *s = i <= L->n ? line_at(L, i, &n) : "";
        long idx = -1;
        const char *f = NULL;
        if (n > 6 && memcmp(s, "work[", 5) == 0) {
            idx = strtol(s + 5, NULL, 10);
            f = memchr(s, ']', n);
        }
        if (idx != cur && cur >= 0 && have_start && doc->positions->len < GC_POSITIONS_MAX) {
            p.last_line = (uint32_t)i - 1;
            p.date_line = p.first_line;
            g_array_append_val(doc->positions, p);
        }
        if (idx != cur) {
            memset(&p, 0, sizeof p);
            p.present = 1;   /* no endDate: current */
            p.first_line = (uint32_t)i;
            have_start = 0;
            cur = idx;
        }
        if (f == NULL || (size_t)(f - s) + 2 >= n || f[1] != '.')
            continue;
        const char *key = f + 2, *colon = memchr(key, ':', n - (size_t)(key - s));
        if (colon == NULL)
            continue;
        const char *v = colon + 1;
        size_t vl = n - (size_t)(v - s), kl = (size_t)(colon - key);
        while (vl && *v == ' ')
            v++, vl--;
        if (kl == 9 && memcmp(key, "startDate", 9) == 0)
            have_start = iso_date(&p.start, v, vl);
        else if (kl == 7 && memcmp(key, "endDate", 7) == 0 && iso_date(&p.end, v, vl))
            p.present = 0;
        else if (kl == 8 && memcmp(key, "position", 8) == 0)
            p.title = keep(doc, v, vl);
        else if (kl == 4 && memcmp(key, "name", 4) == 0)
            p.org = keep(doc, v, vl);
    }
}

static int all_single(const anchor *a)
{
    for (size_t k = 0; k < a->n_r; k++)
        if (!a->r[k].single)
            return 0;
    return 1;
}

/* A single date ("2021  2nd place, …") is a position only beside a job
 * title, on its line or a heading-like line next to it: awards, talks and
 * certificates list years too. */
static int titled_nearby(const lines *L, size_t i, const anchor *a)
{
    size_t n;
    const char *s = line_at(L, i, &n);
    GString *rest = rest_of(s, n, a->r, a->n_r);
    int titled = has_title_word(L->d, rest->str, rest->len);

    g_string_free(rest, TRUE);
    for (size_t j = i - 1; !titled && j <= i + 1; j += 2)
        if (header_like(L, j)) {
            s = line_at(L, j, &n);
            titled = has_title_word(L->d, s, n);
        }
    return titled;
}

/* No heading and nothing outside the experience part between two lines. */
static int same_block(const lines *L, uint32_t from, uint32_t to)
{
    for (uint32_t i = from + 1; i < to; i++)
        if (!L->eligible[i] || L->is_heading[i])
            return 0;
    return 1;
}

void gc_positions(gc_doc *doc, const gc_data *d, const char *text, size_t len,
                  const uint32_t *line_start, size_t n_lines, const uint16_t *sec,
                  const uint8_t *is_heading)
{
    lines L = {d, text, len, n_lines, line_start, sec, is_heading, g_new0(uint8_t, n_lines + 2)};
    anchor *a = g_new(anchor, GC_POSITIONS_MAX + 1);
    size_t n_a = 0;

    if (strcmp(doc->format, "jsonresume") == 0) {
        json_positions(doc, &L);
    } else {
        mark_eligible(&L, d);
        for (size_t i = 1; i <= n_lines; i++) {
            if (!L.eligible[i] || n_a >= GC_POSITIONS_MAX)
                continue;
            size_t n;
            const char *s = line_at(&L, i, &n);
            /* a heading may carry the section's one range: EXPERIENCIA (10/2022-05/2023) */
            if (!find_anchor(&a[n_a], d, s, n) || (is_heading[i] && a[n_a].r[0].single) ||
                (all_single(&a[n_a]) && !titled_nearby(&L, i, &a[n_a])))
                continue;
            a[n_a++].line = (uint32_t)i;
            /* separate blocks (another section or a heading between) stay apart */
            if (n_a > 1 && !same_block(&L, a[n_a - 2].line, (uint32_t)i)) {
                add_positions(doc, d, &L, a, n_a - 1);
                a[0] = a[n_a - 1];
                n_a = 1;
            }
        }
        add_positions(doc, d, &L, a, n_a);
    }
    g_free(a);
    g_free(L.eligible);
}
