/* Skill matching; see match.h.  The tables it reads are built once per
 * data set by matcher_build.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <glib.h>
#include <pcre2.h>

#include "match/match.h"
#include "match/positions.h"
#include "match/posting.h"
#include "match/segment.h"
#include "base/tokenize.h"

/* ---- matching ------------------------------------------------------------ */

enum { C_PENDING, C_ACCEPTED, C_REJECTED };

typedef struct cand {
    uint32_t alias, a, b;   /* tokens [a, b) */
    uint8_t state;
} cand;

typedef struct mctx {
    const gc_data *d;
    const char *text;
    size_t len;
    gc_tokens t;
    size_t n_lines;
    uint32_t *line_start;   /* byte offset of each line, 1-based */
    uint16_t *sec;
    uint8_t *is_heading;
    uint8_t *line_has_skill;
    uint32_t *covered;      /* per token: skill + 1 of the accepted match over it, or 0 */
    uint8_t *starts, *ends; /* per token: some candidate starts / ends (exclusive) here */
    GArray *cands;
    gc_doc *doc;
    uint32_t skills_sec;    /* section index + 1 of "skills", or 0 */
} mctx;

static const gc_alias *alias_at(const gc_data *d, uint32_t i)
{
    return &g_array_index(d->aliases, gc_alias, i);
}

static void lookup_atoms(mctx *m)
{
    char folded[256];

    for (size_t i = 0; i < m->t.n; i++) {
        gc_token *tk = &m->t.v[i];
        /* most tokens are ASCII and were hashed by the tokenizer */
        if ((tk->flags & GC_TOK_HASHED) && m->d->atoms == NULL) {
            tk->atom = (int32_t)gc_strtab_get_ascii(&m->d->tab_atoms, m->text + tk->start,
                                                    tk->len, tk->hash);
            continue;
        }
        /* bullets and other non-ASCII marks are never alias words: skip
         * the Unicode case folding they would cost */
        if ((tk->flags & GC_TOK_PUNCT) && (unsigned char)m->text[tk->start] >= 0x80)
            continue;
        if (gc_fold(folded, sizeof folded, m->text + tk->start, tk->len) != (size_t)-1)
            tk->atom = gc_data_atom_lookup(m->d, folded);
    }
}

static int phrase_at(const mctx *m, uint32_t tok0, uint32_t n_toks, size_t i)
{
    if (i + n_toks > m->t.n)
        return 0;
    for (uint32_t k = 0; k < n_toks; k++)
        if (m->t.v[i + k].atom != g_array_index(m->d->alias_atoms, int32_t, tok0 + k))
            return 0;
    return 1;
}

static int literal_at(const mctx *m, const gc_alias *a, size_t i)
{
    return phrase_at(m, a->tok0, a->n_toks, i);
}

static void add_cand(mctx *m, uint32_t alias, size_t a, size_t b)
{
    cand c = {alias, (uint32_t)a, (uint32_t)b, C_PENDING};
    g_array_append_val(m->cands, c);
}

static void find_literals(mctx *m)
{
    const gc_data *d = m->d;
    guint n_atoms = d->first_index->len - 1;

    for (size_t i = 0; i < m->t.n; i++) {
        int32_t atom = m->t.v[i].atom;
        if (atom < 0 || (guint)atom >= n_atoms)
            continue;
        uint32_t lo = g_array_index(d->first_index, uint32_t, atom);
        uint32_t hi = g_array_index(d->first_index, uint32_t, atom + 1);
        for (uint32_t k = lo; k < hi; k++) {
            uint32_t ai = g_array_index(d->by_first, uint32_t, k);
            const gc_alias *al = alias_at(d, ai);
            if (literal_at(m, al, i))
                add_cand(m, ai, i, i + al->n_toks);
        }
    }
}

/* First token starting at or after byte offset `off`. */
static size_t token_at(const mctx *m, size_t off)
{
    size_t lo = 0, hi = m->t.n;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->t.v[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Regex aliases: a match counts only when it starts and ends on token
 * boundaries, the same whole-word rule literals follow. */
static void find_regexes(mctx *m, pcre2_match_data *md, pcre2_match_context *mc)
{
    const gc_data *d = m->d;

    for (size_t r = 0; r < d->regexes->len; r++) {
        PCRE2_SIZE off = 0;
        uint32_t ai = g_array_index(d->regex_alias, uint32_t, r);
        while (off < m->len) {
            int rc = pcre2_match(d->regexes->pdata[r], (PCRE2_SPTR)m->text, m->len, off,
                                 PCRE2_NO_UTF_CHECK, md, mc);
            if (rc < 0)
                break;  /* no match, or a limit: this pattern is skipped here */
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            size_t a = token_at(m, ov[0]), b = token_at(m, ov[1]);
            if (a < m->t.n && m->t.v[a].start == ov[0] && b > a &&
                m->t.v[b - 1].start + m->t.v[b - 1].len == ov[1])
                add_cand(m, ai, a, b);
            off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        }
    }
}

static void add_miss(mctx *m, const cand *c, const char *reason);

static int same_line(const mctx *m, size_t i, size_t j)
{
    return m->t.v[i].line == m->t.v[j].line;
}

static int is_word(const mctx *m, size_t i, const char *w)
{
    const gc_token *tk = &m->t.v[i];
    return tk->len == strlen(w) && g_ascii_strncasecmp(m->text + tk->start, w, tk->len) == 0;
}

/* Does a list item begin at token a / end before token b?  Items are
 * separated by , ; / | • : brackets, tabs, "and"/"or", or line ends. */
static int item_starts(const mctx *m, size_t a)
{
    if (a == 0 || !same_line(m, a - 1, a) || (m->t.v[a].flags & GC_TOK_TAB))
        return 1;
    const gc_token *p = &m->t.v[a - 1];
    return (p->flags & GC_TOK_SEP) || is_word(m, a - 1, "and") || is_word(m, a - 1, "or") ||
           (p->len == 1 && m->text[p->start] == '-' && (m->t.v[a].flags & GC_TOK_SPACE));
}

static int item_ends(const mctx *m, size_t b)
{
    if (b >= m->t.n || !same_line(m, b - 1, b) || (m->t.v[b].flags & GC_TOK_TAB))
        return 1;
    const gc_token *n = &m->t.v[b];
    if (n->len == 1 && m->text[n->start] == '.' && (b + 1 >= m->t.n || !same_line(m, b, b + 1)))
        return 1;  /* "Python, R." */
    return (n->flags & GC_TOK_SEP) || is_word(m, b, "and") || is_word(m, b, "or");
}

static int exact_case(const mctx *m, const gc_alias *al, const cand *c)
{
    if (al->n_toks == 0)
        return 1;  /* regex aliases carry their own case rule */
    for (uint32_t k = 0; k < al->n_toks; k++) {
        const gc_token *tk = &m->t.v[c->a + k];
        const char *w = m->d->exact_words->pdata[al->exact0 + k];
        if (strlen(w) != tk->len || memcmp(w, m->text + tk->start, tk->len) != 0)
            return 0;
    }
    return 1;
}

/* A skill's `not` phrases cancel a match lying inside them. */
static int inside_not(const mctx *m, const cand *c, const char **phrase)
{
    const gc_skill *s = &g_array_index(m->d->skills, gc_skill, alias_at(m->d, c->alias)->skill);

    for (uint32_t k = 0; k < s->r_nots.n; k++) {
        const gc_alias *n = alias_at(m->d, gc_refs(m->d, s->r_nots)[k]);
        size_t len = n->n_toks, first = c->a + 1 >= len ? c->a + 1 - len : 0;
        for (size_t st = first; st <= c->a; st++)
            if (st + len >= c->b && literal_at(m, n, st)) {
                *phrase = n->pattern;
                return 1;
            }
    }
    return 0;
}

static int has_url(const mctx *m, const cand *c)
{
    for (uint32_t i = c->a; i < c->b; i++)
        if (m->t.v[i].flags & GC_TOK_URL)
            return 1;
    return 0;
}

/* Checks that hold for every alias; returns a reason to reject, or NULL. */
static const char *basic_reject(const mctx *m, const cand *c, char *buf, size_t cap)
{
    const gc_alias *al = alias_at(m->d, c->alias);
    const char *phrase;

    if (has_url(m, c))
        return "inside a URL, e-mail address or file path";
    if (al->case_exact && !exact_case(m, al, c)) {
        snprintf(buf, cap, "written in a different case than '%s'", al->pattern);
        return buf;
    }
    if (inside_not(m, c, &phrase)) {
        snprintf(buf, cap, "part of the phrase '%s'", phrase);
        return buf;
    }
    return NULL;
}

static int overlaps_accepted(const mctx *m, const cand *c)
{
    for (uint32_t i = c->a; i < c->b; i++)
        if (m->covered[i])
            return 1;
    return 0;
}

static int implies(const gc_data *d, uint32_t from, uint32_t to)
{
    gc_range imp = g_array_index(d->skills, gc_skill, from).r_implies;
    for (uint32_t k = 0; k < imp.n; k++)
        if (gc_refs(d, imp)[k] == to)
            return 1;
    return 0;
}

/* "PyTorch Lightning" is one match for pytorch-lightning, yet it names
 * PyTorch too: a match at the start of a longer one still counts when the
 * longer skill implies it (data, not a special case).  Only at the start:
 * the "js" of "Node.js" does not name JavaScript. */
static int inside_implying(const mctx *m, const cand *c)
{
    uint32_t skill = alias_at(m->d, c->alias)->skill;

    if (c->a > 0 && m->covered[c->a - 1] == m->covered[c->a])
        return 0;
    for (uint32_t i = c->a; i < c->b; i++)
        if (!m->covered[i] || !implies(m->d, m->covered[i] - 1, skill))
            return 0;
    return 1;
}

static void accept(mctx *m, cand *c)
{
    uint32_t skill = alias_at(m->d, c->alias)->skill;

    c->state = C_ACCEPTED;
    for (uint32_t i = c->a; i < c->b; i++)
        if (!m->covered[i])
            m->covered[i] = skill + 1;
    m->line_has_skill[m->t.v[c->a].line] = 1;
}

static int cmp_cand(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    if (a->b != b->b)
        return a->b > b->b ? -1 : 1;  /* longest first */
    return a->alias < b->alias ? -1 : a->alias > b->alias;
}

/* Pass 1: unambiguous aliases, leftmost-longest. */
static void accept_plain(mctx *m)
{
    char buf[160];

    for (guint i = 0; i < m->cands->len; i++) {
        cand *c = &g_array_index(m->cands, cand, i);
        const gc_alias *al = alias_at(m->d, c->alias);
        if (al->context != GC_CTX_ANY)
            continue;
        const char *why = basic_reject(m, c, buf, sizeof buf);
        if (why != NULL) {
            c->state = C_REJECTED;
            add_miss(m, c, why);
        } else if (!overlaps_accepted(m, c) || inside_implying(m, c)) {
            accept(m, c);
        }
    }
}

static int near_in_line(const mctx *m, const gc_alias *al, uint32_t line, size_t around)
{
    size_t lo = around, hi = around;

    while (lo > 0 && m->t.v[lo - 1].line == line)
        lo--;
    while (hi < m->t.n && m->t.v[hi].line == line)
        hi++;
    for (size_t i = lo; i < hi; i++)
        for (uint32_t k = 0; k < al->n_near; k++) {
            const gc_phrase *ph = &g_array_index(m->d->near_phrases, gc_phrase, al->near0 + k);
            if (phrase_at(m, ph->tok0, ph->n_toks, i) && i + ph->n_toks <= hi)
                return 1;
        }
    return 0;
}

static int is_tight_slash(const mctx *m, size_t i)
{
    const gc_token *t = &m->t.v[i];
    return t->len == 1 && m->text[t->start] == '/' && !(t->flags & GC_TOK_SPACE) &&
           i + 1 < m->t.n && !(m->t.v[i + 1].flags & GC_TOK_SPACE);
}

/* "C/C++", "Python/R": names joined by a slash are items of a list. */
static int slash_joined(const mctx *m, const cand *c)
{
    return (c->b + 1 < m->t.n && is_tight_slash(m, c->b) && m->starts[c->b + 1]) ||
           (c->a >= 2 && is_tight_slash(m, c->a - 1) && m->ends[c->a - 1]);
}

static int in_compound(const mctx *m, const cand *c)
{
    return (m->t.v[c->a].flags & GC_TOK_JOINED) ||
           (c->b < m->t.n && (m->t.v[c->b].flags & GC_TOK_JOINED));
}

/* The context rules of ambiguous aliases (see lexicon/README.md). */
static const char *context_reject(const mctx *m, const cand *c, const uint8_t *items)
{
    const gc_alias *al = alias_at(m->d, c->alias);
    uint32_t line = m->t.v[c->a].line;
    int item = item_starts(m, c->a) && item_ends(m, c->b);
    int in_skills = m->skills_sec && m->sec[line] == m->skills_sec;
    int other = m->line_has_skill[line] || items[line] >= 2;

    if (in_compound(m, c))
        return "part of a hyphenated word";
    if (al->context == GC_CTX_NEAR)
        return near_in_line(m, al, line, c->a) ? NULL : "none of its 'near' words on its line";
    if (slash_joined(m, c))
        return NULL;
    if (item && (in_skills || other))
        return NULL;
    if (al->context == GC_CTX_TECH &&
        (m->line_has_skill[line] || near_in_line(m, al, line, c->a)))
        return NULL;
    if (al->context == GC_CTX_LIST && !item)
        return "not a whole item of a list";
    if (al->context == GC_CTX_LIST)
        return "in a list with no other skill, outside a skills section";
    return "no technical context on its line";
}

/* Pass 2: ambiguous aliases, judged against what pass 1 accepted. */
static void accept_ambiguous(mctx *m)
{
    uint8_t *items = g_new0(uint8_t, m->n_lines + 2);
    char buf[160];

    for (guint i = 0; i < m->cands->len; i++) {
        cand *c = &g_array_index(m->cands, cand, i);
        if (alias_at(m->d, c->alias)->context == GC_CTX_ANY || c->state != C_PENDING)
            continue;
        const char *why = basic_reject(m, c, buf, sizeof buf);
        if (why != NULL) {
            c->state = C_REJECTED;
            add_miss(m, c, why);
        } else if (item_starts(m, c->a) && item_ends(m, c->b) && !in_compound(m, c)) {
            uint32_t line = m->t.v[c->a].line;
            if (items[line] < 255)
                items[line]++;
        }
    }
    for (guint i = 0; i < m->cands->len; i++) {
        cand *c = &g_array_index(m->cands, cand, i);
        if (c->state != C_PENDING || alias_at(m->d, c->alias)->context == GC_CTX_ANY)
            continue;
        if (overlaps_accepted(m, c)) {
            if (inside_implying(m, c))  /* "Java EE": java-ee implies java */
                accept(m, c);
            continue;
        }
        const char *why = context_reject(m, c, items);
        if (why == NULL) {
            accept(m, c);
        } else {
            c->state = C_REJECTED;
            add_miss(m, c, why);
        }
    }
    g_free(items);
}

/* ---- recording ----------------------------------------------------------- */

static void clip_utf8(const char *s, size_t *lo, size_t *hi, size_t min, size_t max)
{
    while (*lo > min && ((unsigned char)s[*lo] & 0xC0) == 0x80)
        (*lo)--;
    while (*hi < max && ((unsigned char)s[*hi] & 0xC0) == 0x80)
        (*hi)++;
}

/* line_start[2..n_lines] = the offset after each '\n' or '\f'.  memchr
 * walks the text a word at a time; '\f' (PDF page breaks) is rare. */
static void mark_lines(uint32_t *line_start, const char *text, size_t len, size_t n_lines)
{
    size_t line = 1;

    if (memchr(text, '\f', len) == NULL) {
        for (const char *p = text, *end = text + len;
             line < n_lines && (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
            line_start[++line] = (uint32_t)(p - text) + 1;
        return;
    }
    for (size_t i = 0; i < len && line < n_lines; i++)
        if (text[i] == '\n' || text[i] == '\f')
            line_start[++line] = (uint32_t)i + 1;
}

/* The evidence text: the line, trimmed, cut to a window around the match. */
static uint32_t line_text(mctx *m, uint32_t line, size_t at)
{
    size_t lo = m->line_start[line], hi = line < m->n_lines ? m->line_start[line + 1] : m->len;
    GString *s = g_string_new(NULL);

    while (hi > lo && strchr(" \t\n\f", m->text[hi - 1]))
        hi--;
    while (lo < hi && strchr(" \t", m->text[lo]))
        lo++;
    if (hi - lo > GC_MATCH_EVIDENCE_BYTES) {
        size_t a = at > lo + GC_MATCH_EVIDENCE_BYTES / 3 ? at - GC_MATCH_EVIDENCE_BYTES / 3 : lo;
        size_t b = a + GC_MATCH_EVIDENCE_BYTES < hi ? a + GC_MATCH_EVIDENCE_BYTES : hi;
        clip_utf8(m->text, &a, &b, lo, hi);
        g_string_append(s, a > lo ? "…" : "");
        g_string_append_len(s, m->text + a, (gssize)(b - a));
        g_string_append(s, b < hi ? "…" : "");
    } else {
        g_string_append_len(s, m->text + lo, (gssize)(hi - lo));
    }
    for (size_t i = 0; i < s->len; i++)
        if (s->str[i] == '\t')
            s->str[i] = ' ';
    uint32_t off = gc_doc_str(m->doc, s->str, s->len);
    g_string_free(s, TRUE);
    return off;
}

static uint32_t span_text(mctx *m, const cand *c)
{
    size_t a = m->t.v[c->a].start;
    size_t b = m->t.v[c->b - 1].start + m->t.v[c->b - 1].len;
    return gc_doc_str(m->doc, m->text + a, b - a);
}

static void add_miss(mctx *m, const cand *c, const char *reason)
{
    if (m->doc->miss->len >= GC_MATCH_MISSES)
        return;
    gc_miss x = {alias_at(m->d, c->alias)->skill, m->t.v[c->a].line, 0, 0};
    x.reason = gc_doc_str(m->doc, reason, strlen(reason));
    x.text = line_text(m, x.line, m->t.v[c->a].start);
    g_array_append_val(m->doc->miss, x);
}

static int cmp_ev(const void *x, const void *y)
{
    const gc_ev *a = x, *b = y;
    if (a->skill != b->skill)
        return a->skill < b->skill ? -1 : 1;
    return a->line < b->line ? -1 : a->line > b->line;
}

/* Candidates are in text order, so a skill seen twice on one line is
 * caught by remembering the last line per skill.  At most GC_MATCH_EVIDENCE
 * places per skill are kept (a 50-page CV repeats "Python" a lot). */
static void record_evidence(mctx *m)
{
    gc_doc *doc = m->doc;
    uint32_t *last = g_new0(uint32_t, doc->n_skills + 1);
    uint16_t *count = g_new0(uint16_t, doc->n_skills + 1);

    for (guint i = 0; i < m->cands->len; i++) {
        const cand *c = &g_array_index(m->cands, cand, i);
        if (c->state != C_ACCEPTED)
            continue;
        uint32_t skill = alias_at(m->d, c->alias)->skill, line = m->t.v[c->a].line;
        if (last[skill] == line || count[skill] >= GC_MATCH_EVIDENCE)
            continue;
        last[skill] = line;
        count[skill]++;
        gc_ev e = {skill, line, m->sec[line], line_text(m, line, m->t.v[c->a].start),
                   span_text(m, c)};
        g_array_append_val(doc->ev, e);
        doc->how[skill] = GC_EVIDENCED;
    }
    g_free(last);
    g_free(count);
    g_array_sort(doc->ev, cmp_ev);
}

/* Follows `implies` from every evidenced skill (breadth first, so chains
 * such as EKS ⇒ Kubernetes ⇒ containers work). */
static void record_implied(mctx *m)
{
    gc_doc *doc = m->doc;
    const gc_data *d = m->d;
    GQueue q = G_QUEUE_INIT;

    for (uint32_t s = 0; s < doc->n_skills; s++)
        if (doc->how[s] == GC_EVIDENCED)
            g_queue_push_tail(&q, GUINT_TO_POINTER(s + 1));
    while (!g_queue_is_empty(&q)) {
        uint32_t s = GPOINTER_TO_UINT(g_queue_pop_head(&q)) - 1;
        gc_range imp = g_array_index(d->skills, gc_skill, s).r_implies;
        for (uint32_t k = 0; k < imp.n; k++) {
            uint32_t t = gc_refs(d, imp)[k];
            if (doc->how[t] == GC_EVIDENCED)
                continue;
            gc_imp x = {t, s};
            g_array_append_val(doc->imp, x);
            if (doc->how[t] == GC_ABSENT) {
                doc->how[t] = GC_IMPLIED;
                g_queue_push_tail(&q, GUINT_TO_POINTER(t + 1));
            }
        }
    }
    for (uint32_t s = 0; s < doc->n_skills; s++)
        if (doc->how[s] != GC_ABSENT)
            g_array_append_val(doc->found, s);
}

static void record_sections(mctx *m)
{
    for (uint32_t line = 1; line <= m->n_lines; line++)
        if (m->is_heading[line]) {
            gc_sec s = {m->sec[line], line};
            g_array_append_val(m->doc->secs, s);
        }
}

/* For `explain`: words that contain one of the skill's one-word aliases
 * without being it ("Java" inside "JavaScript"). */
static void find_substrings(mctx *m, uint32_t skill)
{
    const gc_skill *s = &g_array_index(m->d->skills, gc_skill, skill);
    char folded[256], reason[200];

    for (uint32_t k = 0; k < s->r_aliases.n; k++) {
        uint32_t ai = gc_refs(m->d, s->r_aliases)[k];
        const gc_alias *al = alias_at(m->d, ai);
        if (al->n_toks != 1)
            continue;
        int32_t atom = g_array_index(m->d->alias_atoms, int32_t, al->tok0);
        const char *w = gc_strtab_key(&m->d->tab_atoms, (uint32_t)atom);
        if (strlen(w) < 2)
            continue;
        for (size_t i = 0; i < m->t.n && m->doc->miss->len < GC_MATCH_MISSES; i++) {
            const gc_token *tk = &m->t.v[i];
            if (!(tk->flags & GC_TOK_WORD) || tk->atom == atom ||
                gc_fold(folded, sizeof folded, m->text + tk->start, tk->len) == (size_t)-1 ||
                strstr(folded, w) == NULL)
                continue;
            snprintf(reason, sizeof reason, "'%s' appears only inside '%.*s'", al->pattern,
                     (int)tk->len, m->text + tk->start);
            cand c = {ai, (uint32_t)i, (uint32_t)i + 1, 0};
            add_miss(m, &c, reason);
        }
    }
}

static int mctx_init(mctx *m, gc_doc *doc, const gc_data *d, const char *text, size_t len,
                     gc_err *err)
{
    memset(m, 0, sizeof *m);
    m->d = d;
    m->doc = doc;
    m->text = text;
    m->len = len;
    int rc = gc_tokenize(&m->t, text, len, d->lim.text_bytes, err);
    if (rc < 0)
        return rc;
    m->n_lines = m->t.n_lines;
    m->line_start = g_new0(uint32_t, m->n_lines + 2);
    m->line_start[1] = 0;
    mark_lines(m->line_start, text, len, m->n_lines);
    m->sec = g_new0(uint16_t, m->n_lines + 2);
    m->is_heading = g_new0(uint8_t, m->n_lines + 2);
    m->line_has_skill = g_new0(uint8_t, m->n_lines + 2);
    m->covered = g_new0(uint32_t, m->t.n + 1);
    m->starts = g_new0(uint8_t, m->t.n + 1);
    m->ends = g_new0(uint8_t, m->t.n + 1);
    m->cands = g_array_new(FALSE, FALSE, sizeof(cand));
    for (guint i = 0; i < d->sections->len; i++)
        if (strcmp(g_array_index(d->sections, gc_section, i).id, "skills") == 0)
            m->skills_sec = i + 1;
    return 0;
}

static void mctx_free(mctx *m)
{
    gc_tokens_free(&m->t);
    g_free(m->line_start);
    g_free(m->sec);
    g_free(m->is_heading);
    g_free(m->line_has_skill);
    g_free(m->covered);
    g_free(m->starts);
    g_free(m->ends);
    if (m->cands)
        g_array_free(m->cands, TRUE);
}

/* Job postings: a line holding a cue phrase ("a plus") joins the cue's
 * section for that line. */
static void apply_cues(mctx *m)
{
    const gc_data *d = m->d;

    for (guint c = 0; c < d->cues->len; c++) {
        const gc_cue *cue = &g_array_index(d->cues, gc_cue, c);
        for (size_t i = 0; i < m->t.n; i++)
            if (m->t.v[i].atom == g_array_index(d->alias_atoms, int32_t, cue->phrase.tok0) &&
                phrase_at(m, cue->phrase.tok0, cue->phrase.n_toks, i))
                m->sec[m->t.v[i].line] = (uint16_t)(cue->section + 1);
    }
}

/* Job postings: alternatives, years asked and title lines (posting.c),
 * from the accepted matches. */
static void read_posting(mctx *m)
{
    gc_span *sp = g_new(gc_span, m->cands->len + 1);
    size_t n = 0;

    for (guint i = 0; i < m->cands->len; i++) {
        const cand *c = &g_array_index(m->cands, cand, i);
        if (c->state == C_ACCEPTED)
            sp[n++] = (gc_span){alias_at(m->d, c->alias)->skill, c->a, c->b};
    }
    gc_posting_read(m->doc, m->d, m->text, m->len, &m->t, sp, n, m->line_start, m->n_lines,
                    m->sec, m->is_heading);
    g_free(sp);
}

int gc_match(gc_doc *doc, const gc_data *d, const char *text, size_t len, long explain,
             int posting, gc_err *err)
{
    mctx m;
    int rc = mctx_init(&m, doc, d, text, len, err);

    if (rc == 0) {
        lookup_atoms(&m);
        gc_segment(m.sec, m.is_heading, d, text, len, m.n_lines);
        if (posting)
            apply_cues(&m);
        find_literals(&m);
        if (d->regexes->len > 0) {
            pcre2_match_context *mc = pcre2_match_context_create(NULL);
            pcre2_set_match_limit(mc, d->lim.match_limit);
            pcre2_set_depth_limit(mc, d->lim.match_limit / 10);
            pcre2_set_heap_limit(mc, d->lim.heap_kib);
            pcre2_match_data *md = pcre2_match_data_create(4, NULL);
            find_regexes(&m, md, mc);
            pcre2_match_data_free(md);
            pcre2_match_context_free(mc);
        }
        g_array_sort(m.cands, cmp_cand);
        for (guint i = 0; i < m.cands->len; i++) {
            const cand *c = &g_array_index(m.cands, cand, i);
            m.starts[c->a] = m.ends[c->b] = 1;
        }
        accept_plain(&m);
        accept_ambiguous(&m);
        record_evidence(&m);
        record_implied(&m);
        record_sections(&m);
        if (posting)
            read_posting(&m);
        if (!posting) {
            gc_positions(doc, d, text, len, m.line_start, m.n_lines, m.sec, m.is_heading);
            gc_person_name(doc, d, text, len, m.line_start, m.n_lines, m.sec);
        }
        if (explain >= 0)
            find_substrings(&m, (uint32_t)explain);
    }
    mctx_free(&m);
    return rc;
}
