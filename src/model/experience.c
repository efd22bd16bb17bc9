/* experience: what the person did, for how long and how recently — the
 * dated positions of a gc_doc resolved against an "as of" month, and per
 * skill the months of the positions whose lines show it.  Pure arithmetic
 * over the doc; the conventions are README's ("How time-to-ready is
 * estimated"):
 *   - a month (or season) counts whole: Jan 2019 – Mar 2019 is 3 months;
 *   - a year alone stands for its middle: a start in July, an end in June,
 *     and a year that both starts and ends a position is April–September;
 *   - "present" is the as-of month; an end before its start is swapped;
 *     a position starting after the as-of month is left out (2099), but a
 *     current one starting in the as-of year itself has begun by then;
 *   - months of several positions are a union: overlapping jobs are not
 *     counted twice. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "match/doc_int.h"
#include "model/model_int.h"

static int month_of(const gc_date *d, int is_end, int same_year)
{
    int m = d->month;

    if (d->prec == GC_DATE_YEAR)
        m = same_year ? (is_end ? 9 : 4) : (is_end ? 6 : 7);
    return d->year * 12 + m - 1;
}

/* A position's interval [from, to] in absolute months, or 0 when it has
 * not started by the as-of month. */
static int resolve(const gc_position *p, int as_of, int *from, int *to)
{
    int same = !p->present && p->start.prec == GC_DATE_YEAR && p->end.prec == GC_DATE_YEAR &&
               p->start.year == p->end.year;
    int a = month_of(&p->start, 0, same), b = p->present ? as_of : month_of(&p->end, 1, same);

    /* "2026 – Present" as of March 2026: the year has begun and the
     * person is there now; July (a year's middle) is not yet, so the
     * position starts at the as-of month instead of being left out */
    if (p->present && p->start.prec == GC_DATE_YEAR && a > as_of && p->start.year * 12 <= as_of)
        a = as_of;
    if (p->present && a > as_of)
        return 0;   /* starts after the as-of month */
    if (b < a) {
        int t = a;
        a = b, b = t;
    }
    if (a > as_of)
        return 0;
    *from = a;
    *to = b > as_of ? as_of : b;
    return 1;
}

static int cmp_iv(const void *x, const void *y)
{
    const int *a = x, *b = y;
    return (a[0] > b[0]) - (a[0] < b[0]);
}

/* Months covered by a set of [from, to] intervals (sorted in place). */
int gc_union_months(int (*iv)[2], size_t n)
{
    int total = 0, lo = 0, hi = -1;

    qsort(iv, n, sizeof *iv, cmp_iv);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && iv[i][0] <= hi + 1) {
            if (iv[i][1] > hi)
                hi = iv[i][1];
            continue;
        }
        if (i > 0)
            total += hi - lo + 1;
        lo = iv[i][0], hi = iv[i][1];
    }
    return n ? total + hi - lo + 1 : 0;
}

/* hit[i]: position i holds the line (positions may share lines: two
 * periods of one entry each count). */
static void positions_at(const gc_experience *x, unsigned line, uint8_t *hit)
{
    for (size_t i = 0; i < x->n; i++)
        hit[i] = x->pos[i].live && line >= x->pos[i].first_line && line <= x->pos[i].last_line;
}

static void skill_use(gc_experience *x, const gc_doc *doc, size_t s, gc_skill_use *u,
                      uint8_t *in, uint8_t *hit, int (*iv)[2])
{
    size_t n = gc_doc_n_evidence(doc, s), k = 0;

    memset(in, 0, x->n + 1);
    u->months = -1;
    for (size_t e = 0; e < n; e++) {
        unsigned line;
        gc_doc_evidence(doc, s, e, &line, NULL, NULL);
        positions_at(x, line, hit);
        int any = 0;
        for (size_t i = 0; i < x->n; i++)
            if (hit[i])
                in[i] = 1, any = 1;
        u->listed |= !any;
    }
    for (size_t i = 0; i < x->n; i++) {
        const gc_xposition *p = &x->pos[i];
        if (!in[i])
            continue;
        iv[k][0] = p->from, iv[k][1] = p->to, k++;
        if (u->months < 0 || p->from < u->first) {
            u->first = p->from;
            u->first_when = p->start;
        }
        if (u->months < 0 || p->to > u->last || (p->to == u->last && p->present)) {
            u->last = p->to;
            u->last_when = p->end;
            u->last_present = p->present;
        }
        u->months = 0;
    }
    if (k > 0)
        u->months = gc_union_months(iv, k);
}

static int cmp_id(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

int gc_experience_new(gc_experience **out, const gc_data *d, const gc_doc *doc, int as_of,
                      gc_err *err)
{
    gc_experience *x = calloc(1, sizeof *x);
    size_t np = doc->positions->len, ns = gc_data_n_skills(d), nf = gc_doc_n_found(doc);
    int (*iv)[2] = calloc(np + 1, sizeof *iv);
    uint8_t *in = calloc(np + 1, 1), *hit = calloc(np + 1, 1);

    *out = NULL;
    if (x == NULL || iv == NULL || in == NULL || hit == NULL ||
        (x->pos = calloc(np + 1, sizeof *x->pos)) == NULL ||
        (x->use_id = calloc(nf + 1, sizeof *x->use_id)) == NULL ||
        (x->use = calloc(nf + 1, sizeof *x->use)) == NULL) {
        free(iv), free(in), free(hit);
        gc_experience_free(x);
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    }
    x->as_of = as_of;
    x->n = np;
    x->n_skills = ns;
    size_t k = 0;
    for (size_t i = 0; i < np; i++) {
        const gc_position *p = &g_array_index(doc->positions, gc_position, i);
        gc_xposition *q = &x->pos[i];
        q->first_line = p->first_line;
        q->title = p->title ? doc->pool->str + p->title : NULL;
        q->last_line = p->last_line;
        q->start = p->start;
        q->end = p->end;
        q->present = p->present;
        q->live = resolve(p, as_of, &q->from, &q->to);
        q->months = q->live ? q->to - q->from + 1 : 0;
        if (q->live)
            iv[k][0] = q->from, iv[k][1] = q->to, k++;
    }
    x->total_months = gc_union_months(iv, k);
    for (size_t f = 0; f < nf; f++) {
        size_t s = gc_doc_found_skill(doc, f);
        if (gc_doc_how(doc, s) == GC_EVIDENCED)
            x->use_id[x->n_use++] = (uint32_t)s;
    }
    qsort(x->use_id, x->n_use, sizeof *x->use_id, cmp_id);
    for (size_t i = 0; i < x->n_use; i++)
        skill_use(x, doc, x->use_id[i], &x->use[i], in, hit, iv);
    free(iv), free(in), free(hit);
    *out = x;
    return 0;
}

void gc_experience_free(gc_experience *x)
{
    if (x == NULL)
        return;
    free(x->pos);
    free(x->use_id);
    free(x->use);
    free(x);
}

int gc_experience_total_months(const gc_experience *x) { return x->total_months; }
int gc_experience_as_of(const gc_experience *x) { return x->as_of; }
size_t gc_experience_n_positions(const gc_experience *x) { return x->n; }

int gc_experience_position_months(const gc_experience *x, size_t i)
{
    return x->pos[i].live ? x->pos[i].months : -1;
}

const gc_skill_use *gc_experience_use(const gc_experience *x, size_t skill)
{
    static const gc_skill_use none = {.months = -1};
    uint32_t id = (uint32_t)skill;
    const uint32_t *at = skill < x->n_skills
        ? bsearch(&id, x->use_id, x->n_use, sizeof id, cmp_id) : NULL;

    return at != NULL ? &x->use[at - x->use_id] : &none;
}

int gc_experience_skill(const gc_experience *x, size_t skill, gc_skill_use_info *out)
{
    const gc_skill_use *u = gc_experience_use(x, skill);

    memset(out, 0, sizeof *out);
    out->months = u->months;
    out->listed = u->listed;
    if (u->months >= 0) {
        out->first_used = (gc_when){u->first_when.year, u->first_when.month,
                                    (gc_precision)u->first_when.prec};
        out->last_present = u->last_present;
        if (!u->last_present)
            out->last_used = (gc_when){u->last_when.year, u->last_when.month,
                                       (gc_precision)u->last_when.prec};
        out->months_since = x->as_of - u->last;
    }
    return u->months >= 0;
}
