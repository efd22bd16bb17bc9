/* posting: alternatives, years asked and title lines of a job posting; see
 * posting.h.  The words come from the data (gc_pword); what is here is how
 * they combine:
 *
 * Alternatives.  On one line, consecutive skills are joined by a gap: an
 * "or" word (with an optional comma before it: "A, or B"), a lone comma,
 * or anything else (which ends the run).  In a run of skills joined by
 * commas and "or" words, skills joined by "or" are alternatives, and a
 * skill joined by a comma joins them when it is of the same category as
 * its neighbour ("AWS, GCP or Azure" are clouds; in "Python, FastAPI or
 * Flask" Python stays a requirement of its own).  After a lead phrase
 * ("one of", "either"), the whole run is one group.
 *
 * Years.  A number (digits, "4+", a number word) or a range ("3-5", "3 to
 * 5") followed by a unit ("years", "Jahre", "ans") asks for years, unless a
 * ceiling word stands before it ("up to 2 years").  Only outside the
 * sections about the company, benefits and responsibilities.  The years go
 * to the skills after them in the same sentence (up to the next years
 * asked): "4+ years of professional experience with Python", unless a
 * skill stands just before them with at most "(", ":" or a dash between
 * ("Python (3+ years)", "Go: 2 years"), which takes them; else, when the
 * sentence has an experience word, to overall experience: "5+ years of
 * experience". */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "match/posting.h"

typedef struct pctx {
    const gc_data *d;
    const char *text;
    size_t len;
    const uint32_t *line_start;
    size_t n_lines;
    const gc_tokens *t;
    gc_doc *doc;
    const uint16_t *sec;
    const gc_span *items;     /* non-overlapping spans, in text order */
    size_t n_items;
    uint32_t sec_about, sec_benefits, sec_resp;   /* section index + 1, or 0 */
} pctx;

enum { GAP_BREAK, GAP_COMMA, GAP_OR };

static uint32_t section_id(const gc_data *d, const char *id)
{
    for (guint i = 0; i < d->sections->len; i++)
        if (strcmp(g_array_index(d->sections, gc_section, i).id, id) == 0)
            return i + 1;
    return 0;
}

static const gc_token *tok(const pctx *c, size_t i)
{
    return &c->t->v[i];
}

static int same_line(const pctx *c, size_t i, size_t j)
{
    return i < c->t->n && j < c->t->n && tok(c, i)->line == tok(c, j)->line;
}

static int is_char(const pctx *c, size_t i, char ch)
{
    return i < c->t->n && tok(c, i)->len == 1 && c->text[tok(c, i)->start] == ch;
}

/* Does phrase pw stand at token i, all on i's line? */
static int phrase_at(const pctx *c, const gc_pword *pw, size_t i)
{
    if (i + pw->phrase.n_toks > c->t->n)
        return 0;
    for (uint32_t k = 0; k < pw->phrase.n_toks; k++)
        if (tok(c, i + k)->line != tok(c, i)->line ||
            tok(c, i + k)->atom != g_array_index(c->d->alias_atoms, int32_t, pw->phrase.tok0 + k))
            return 0;
    return 1;
}

/* Tokens of the longest phrase of `kind` at token i, 0 if none. */
static size_t word_at(const pctx *c, size_t i, uint32_t kind, uint32_t *value)
{
    size_t best = 0;

    if (i >= c->t->n || tok(c, i)->atom < 0)
        return 0;
    for (guint k = 0; k < c->d->pwords->len; k++) {
        const gc_pword *pw = &g_array_index(c->d->pwords, gc_pword, k);
        if (pw->kind == kind && pw->phrase.n_toks > best && phrase_at(c, pw, i)) {
            best = pw->phrase.n_toks;
            if (value)
                *value = pw->value;
        }
    }
    return best;
}

/* Does a phrase of `kind` end just before token `end` (on its line)? */
static int word_before(const pctx *c, size_t end, uint32_t kind)
{
    for (guint k = 0; k < c->d->pwords->len; k++) {
        const gc_pword *pw = &g_array_index(c->d->pwords, gc_pword, k);
        size_t n = pw->phrase.n_toks;
        if (pw->kind == kind && n <= end && same_line(c, end - n, end - 1) &&
            phrase_at(c, pw, end - n))
            return 1;
    }
    return 0;
}

/* ---- alternatives ------------------------------------------------------- */

static int gap_kind(const pctx *c, size_t from, size_t to)
{
    size_t n;

    if (from >= to || !same_line(c, from, to))
        return GAP_BREAK;
    if (is_char(c, from, ',')) {
        if (from + 1 == to)
            return GAP_COMMA;
        from++;
    }
    n = word_at(c, from, GC_PW_OR, NULL);
    return n > 0 && from + n == to ? GAP_OR : GAP_BREAK;
}

/* A lead phrase just before token a, past a colon or comma: "One of: X". */
static int lead_before(const pctx *c, size_t a)
{
    size_t p = a;

    while (p > 0 && same_line(c, p - 1, a) && (is_char(c, p - 1, ':') || is_char(c, p - 1, ',')))
        p--;
    return p > 0 && same_line(c, p - 1, a) && word_before(c, p, GC_PW_LEAD);
}

static int same_category(const pctx *c, const gc_span *x, const gc_span *y)
{
    return strcmp(gc_skill_category(c->d, x->skill), gc_skill_category(c->d, y->skill)) == 0;
}

static void add_group(pctx *c, const gc_span *it, size_t n)
{
    gc_doc *doc = c->doc;
    gc_alt g = {tok(c, it[0].a)->line, c->sec[tok(c, it[0].a)->line], doc->alt_skills->len, 0};

    if (doc->alts->len >= GC_POSTING_GROUPS)
        return;
    for (size_t i = 0; i < n && g.n < GC_POSTING_GROUP_SKILLS; i++) {
        int dup = 0;
        for (uint32_t k = 0; k < g.n; k++)
            dup |= g_array_index(doc->alt_skills, uint32_t, g.first + k) == it[i].skill;
        if (!dup) {
            g_array_append_val(doc->alt_skills, it[i].skill);
            g.n++;
        }
    }
    if (g.n >= 2)
        g_array_append_val(doc->alts, g);
    else
        g_array_set_size(doc->alt_skills, g.first);
}

/* items[lo..hi] are joined by the gaps gap[lo..hi-1]. */
static void run_groups(pctx *c, size_t lo, size_t hi, const uint8_t *gap)
{
    const gc_span *it = c->items;

    if (hi == lo)
        return;
    if (lead_before(c, it[lo].a)) {
        add_group(c, it + lo, hi - lo + 1);
        return;
    }
    for (size_t i = lo; i < hi;) {
        size_t j = i;
        int any_or = 0;
        while (j < hi && (gap[j] == GAP_OR || same_category(c, &it[j], &it[j + 1]))) {
            any_or |= gap[j] == GAP_OR;
            j++;
        }
        if (any_or)
            add_group(c, it + i, j - i + 1);
        i = j + 1;
    }
}

static void alternatives(pctx *c)
{
    uint8_t *gap = g_new0(uint8_t, c->n_items + 1);

    for (size_t i = 0; i + 1 < c->n_items; i++)
        gap[i] = (uint8_t)gap_kind(c, c->items[i].b, c->items[i + 1].a);
    for (size_t i = 0; i < c->n_items;) {
        size_t j = i;
        while (j + 1 < c->n_items && gap[j] != GAP_BREAK)
            j++;
        run_groups(c, i, j, gap);
        i = j + 1;
    }
    g_free(gap);
}

/* ---- years asked ---------------------------------------------------------- */

typedef struct yphrase {
    size_t a, b;              /* tokens: the number through the unit */
    uint32_t min, max;
} yphrase;

/* A number at token i: digits ("4", "4+") or a number word; *next after it. */
static int number_at(const pctx *c, size_t i, uint32_t *val, size_t *next)
{
    const gc_token *tk = tok(c, i);
    const char *s = c->text + tk->start;
    size_t n = tk->len, k = 0;
    uint32_t v = 0;

    if (g_ascii_isdigit(s[0])) {
        while (k < n && g_ascii_isdigit(s[k]) && v <= GC_PW_YEARS_MAX)
            v = v * 10 + (uint32_t)(s[k++] - '0');
        while (k < n && s[k] == '+')
            k++;
        /* "3.5": not read (half years are rare); "2019": a date, too big */
        if (k != n || v < 1 || v > GC_PW_YEARS_MAX || is_char(c, i + 1, '.') ||
            (i > 0 && is_char(c, i - 1, '.') && !(tk->flags & GC_TOK_SPACE)))
            return 0;
        *val = v;
        *next = i + 1;
        return 1;
    }
    if ((n = word_at(c, i, GC_PW_NUMBER, val)) == 0)
        return 0;
    *next = i + n;
    /* "five (5) years" */
    if (is_char(c, *next, '(') && *next + 2 < c->t->n && is_char(c, *next + 2, ')') &&
        g_ascii_isdigit(c->text[tok(c, *next + 1)->start]))
        *next += 3;
    return 1;
}

static int years_at(const pctx *c, size_t i, yphrase *y)
{
    size_t p, q, n;
    uint32_t m;

    if (!number_at(c, i, &y->min, &p) || !same_line(c, i, p))
        return 0;
    if ((tok(c, i)->flags & GC_TOK_JOINED) || word_before(c, i, GC_PW_AT_MOST))
        return 0;
    y->max = 0;
    if (is_char(c, p, '+'))
        p++;
    /* a range: "3-5" (the tokenizer drops a '-' between words), "3 to 5" */
    if (p < c->t->n && same_line(c, i, p) && (tok(c, p)->flags & GC_TOK_JOINED) &&
        number_at(c, p, &m, &q) && m > y->min) {
        y->max = m;
        p = q;
    } else if ((n = word_at(c, p, GC_PW_TO, NULL)) > 0 && number_at(c, p + n, &m, &q) &&
               m > y->min && same_line(c, i, q - 1)) {
        y->max = m;
        p = q;
    }
    if (is_char(c, p, '+'))
        p++;
    if (!same_line(c, i, p) || (n = word_at(c, p, GC_PW_UNIT, NULL)) == 0)
        return 0;
    y->a = i;
    y->b = p + n;
    return 1;
}

/* The end of a sentence: . ; ! ? before a space or the line's end ("e.g."
 * and "i.e." are not one). */
static int boundary(const pctx *c, size_t i)
{
    const gc_token *tk = tok(c, i);
    char ch = tk->len == 1 ? c->text[tk->start] : 0;

    if (ch != '.' && ch != ';' && ch != '!' && ch != '?')
        return 0;
    if (i + 1 < c->t->n && same_line(c, i, i + 1) && !(tok(c, i + 1)->flags & GC_TOK_SPACE))
        return 0;
    if (ch == '.' && i > 0 && same_line(c, i - 1, i) && tok(c, i - 1)->len == 1 &&
        (tok(c, i - 1)->flags & GC_TOK_WORD))
        return 0;
    return 1;
}

/* The pool offset of a line's text, trimmed and cut at
 * GC_MATCH_EVIDENCE_BYTES (on a character boundary), tabs as spaces. */
static uint32_t line_str(gc_doc *doc, const char *text, size_t len, const uint32_t *line_start,
                         size_t n_lines, size_t line)
{
    size_t lo = line_start[line], hi = line < n_lines ? line_start[line + 1] : len;
    uint32_t off;

    while (hi > lo && strchr(" \t\n\f\r", text[hi - 1]))
        hi--;
    while (lo < hi && strchr(" \t", text[lo]))
        lo++;
    if (hi - lo > GC_MATCH_EVIDENCE_BYTES) {
        hi = lo + GC_MATCH_EVIDENCE_BYTES;
        while (hi > lo && ((unsigned char)text[hi] & 0xC0) == 0x80)
            hi--;
    }
    char *s = g_strndup(text + lo, hi - lo);
    for (char *p = s; *p; p++)
        if (*p == '\t')
            *p = ' ';
    off = gc_doc_str(doc, s, strlen(s));
    g_free(s);
    return off;
}

static void add_ask(pctx *c, uint32_t skill, const yphrase *y)
{
    gc_doc *doc = c->doc;
    uint32_t line = tok(c, y->a)->line;
    size_t from = tok(c, y->a)->start, to = tok(c, y->b - 1)->start + tok(c, y->b - 1)->len;
    gc_yask a = {skill, line, c->sec[line], y->min, y->max, 0, 0};

    if (doc->yasks->len >= GC_POSTING_YEARS)
        return;
    a.text = gc_doc_str(doc, c->text + from, to - from);
    a.ltext = line_str(doc, c->text, c->len, c->line_start, c->n_lines, line);
    g_array_append_val(doc->yasks, a);
}

static int has_word(const pctx *c, size_t a, size_t b, uint32_t kind)
{
    for (size_t i = a; i < b; i++)
        if (word_at(c, i, kind, NULL))
            return 1;
    return 0;
}

/* The skill just before years asked, joined by at most "(", ":" or a dash:
 * "Python (3+ years)", "Go: 2 years"; SIZE_MAX when none. */
static size_t skill_before(const pctx *c, size_t lo, size_t it, size_t at)
{
    size_t j = SIZE_MAX;

    for (size_t k = it; k < c->n_items && c->items[k].b <= at; k++)
        if (c->items[k].a >= lo)
            j = k;
    if (j == SIZE_MAX)
        return SIZE_MAX;
    for (size_t i = c->items[j].b; i < at; i++)
        if (!is_char(c, i, '(') && !is_char(c, i, ':') && !is_char(c, i, '-'))
            return SIZE_MAX;
    return j;
}

/* The years of one sentence [a, b) of a line; `it` its first item. */
static void sentence_years(pctx *c, size_t a, size_t b, size_t it)
{
    yphrase ys[16];
    size_t n = 0;

    for (size_t i = a; i < b && n < G_N_ELEMENTS(ys); i++)
        if (years_at(c, i, &ys[n]) && ys[n].b <= b) {
            i = ys[n].b - 1;
            n++;
        }
    for (size_t k = 0; k < n; k++) {
        size_t lo = k ? ys[k - 1].b : a, end = k + 1 < n ? ys[k + 1].a : b, got = 0;
        size_t before = skill_before(c, lo, it, ys[k].a);
        if (before != SIZE_MAX) {
            add_ask(c, c->items[before].skill, &ys[k]);
            continue;
        }
        for (size_t j = it; j < c->n_items && c->items[j].a < b; j++) {
            const gc_span *s = &c->items[j];
            if (s->a >= ys[k].b && s->b <= end) {
                add_ask(c, s->skill, &ys[k]);
                got++;
            }
        }
        /* overall: only with an experience word in the sentence */
        if (!got && has_word(c, a, b, GC_PW_EXPERIENCE))
            add_ask(c, c->doc->n_skills, &ys[k]);
    }
}

static int years_section(const pctx *c, uint32_t line)
{
    uint32_t s = c->sec[line];
    return !s || (s != c->sec_about && s != c->sec_benefits && s != c->sec_resp);
}

static void years(pctx *c, const uint8_t *is_heading)
{
    size_t it = 0;

    for (size_t i = 0; i < c->t->n;) {
        uint32_t line = tok(c, i)->line;
        size_t b = i;
        while (b < c->t->n && tok(c, b)->line == line && !boundary(c, b))
            b++;
        while (it < c->n_items && c->items[it].a < i)
            it++;
        if (!is_heading[line] && years_section(c, line))
            sentence_years(c, i, b, it);
        i = b < c->t->n && tok(c, b)->line == line ? b + 1 : b;
    }
}

/* ---- title lines ------------------------------------------------------- */

static void heads(pctx *c, const uint8_t *is_heading)
{
    for (size_t line = 1; line <= c->n_lines && !is_heading[line] &&
                          c->doc->heads->len < GC_POSTING_HEADS; line++) {
        gc_head h = {(uint32_t)line, line_str(c->doc, c->text, c->len, c->line_start,
                                              c->n_lines, line)};
        if (c->doc->pool->str[h.text] == '\0')
            continue;   /* an empty line (its empty string stays in the pool) */
        g_array_append_val(c->doc->heads, h);
    }
}

void gc_posting_read(gc_doc *doc, const gc_data *d, const char *text, size_t len,
                     const gc_tokens *t, const gc_span *spans, size_t n_spans,
                     const uint32_t *line_start, size_t n_lines, const uint16_t *sec,
                     const uint8_t *is_heading)
{
    pctx c = {d, text, len, line_start, n_lines, t, doc, sec, NULL, 0,
              section_id(d, "about"), section_id(d, "benefits"),
              section_id(d, "responsibilities")};
    gc_span *items = g_new(gc_span, n_spans + 1);
    size_t n = 0;

    /* a match inside a longer one ("PyTorch" in "PyTorch Lightning") is
     * part of that item */
    for (size_t i = 0; i < n_spans; i++)
        if (n == 0 || spans[i].a >= items[n - 1].b)
            items[n++] = spans[i];
    c.items = items;
    c.n_items = n;
    alternatives(&c);
    years(&c, is_heading);
    heads(&c, is_heading);
    g_free(items);
}
