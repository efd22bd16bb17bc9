/* credit: the one home of the time-to-ready model.  How much a skill
 * counts towards a role (0..1), from what the résumé shows, and how a
 * phase's coverage turns into months at the reader's pace.  The constants
 * are data (lexicon/model.yaml, a role's `model:`); README.md ("How
 * time-to-ready is estimated") gives the formula and its sources:
 *
 *   in dated positions   depth × recency,
 *                        depth   = min(1, months / full_depth_months)
 *                        recency = max(relearn_floor,
 *                                      0.5 ^ (months since last use / half_life_months))
 *   named elsewhere too  a skills list or summary is a current claim:
 *                        recency 1, and at least listed_credit
 *   named only elsewhere listed_credit (skills list, summary, projects)
 *   implied              implied_credit × the best credit of a skill implying it
 *   the role's title     title_credit × depth × recency of the positions held
 *                        under one of the role's titles, for every skill of it
 *   combined             the skill's own credit c and the title's t are two
 *                        independent signs of it: 1 − (1 − c)(1 − t)
 *   months left          phase months × (1 − coverage) × role h/week ÷ your h/week
 *
 * Every credit is monotone: more months or more recent use never lowers it. */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "match/doc_int.h"
#include "model/model_int.h"

double gc_model_hours(const gc_role *r, double hours_per_week)
{
    return hours_per_week > 0 ? hours_per_week : gc_role_hours_per_week(r);
}

double gc_model_months_left(double phase_months, double coverage, double role_hours,
                            double hours_per_week)
{
    if (!(coverage >= 0))
        coverage = 0;
    if (coverage > 1)
        coverage = 1;
    return phase_months * (1.0 - coverage) * role_hours / hours_per_week;
}

/* depth × recency of `months` of use ending `since` months ago. */
static void use_credit(gc_credit *c, const gc_model *m, int months, int since)
{
    c->depth = months / m->full_depth_months;
    if (c->depth > 1)
        c->depth = 1;
    c->recency = pow(0.5, (since > 0 ? since : 0) / m->half_life_months);
    if (c->recency < m->relearn_floor)
        c->recency = m->relearn_floor;
    c->credit = c->depth * c->recency;
}

/* The credit of an evidenced skill, from its use alone. */
static gc_credit evidenced(const gc_model *m, const gc_experience *x, size_t skill)
{
    const gc_skill_use *u = gc_experience_use(x, skill);
    gc_credit c = {0, 0, 0, GC_BASIS_LISTED, 0};

    if (u->months >= 0) {
        /* named outside its positions too (skills list, summary): the
         * résumé claims it today, so its use counts as recent */
        use_credit(&c, m, u->months, u->listed ? 0 : x->as_of - u->last);
        c.basis = GC_BASIS_POSITIONS;
        if (u->listed && c.credit < m->listed_credit) {
            c.credit = m->listed_credit;
            c.basis = GC_BASIS_LISTED;
        }
        return c;
    }
    c.credit = m->listed_credit;
    return c;
}

/* A position title is the role's when one of its titles stands in it as
 * whole words ("Senior Machine Learning Engineer" is "machine learning
 * engineer"); returns the length of the longest such title, 0 for none. */
size_t gc_model_title_match(const gc_role *r, const char *title)
{
    char key[256];
    size_t n, best = 0;

    if (title == NULL || (n = gc_calendar_key(key, sizeof key, title, strlen(title))) == 0)
        return 0;
    for (guint i = 0; i < r->titles->len; i++) {
        const char *t = r->titles->pdata[i], *p = key;
        size_t tl = strlen(t);
        while (tl > best && (p = strstr(p, t)) != NULL) {
            int left = p == key || !g_ascii_isalnum(p[-1]);
            int right = !g_ascii_isalnum(p[tl]);
            if (left && right)
                best = tl;
            p++;
        }
    }
    return best;
}

static int holds_title(const gc_role *r, const char *title)
{
    return gc_model_title_match(r, title) > 0;
}

gc_credit gc_model_title_credit(const gc_experience *x, const gc_role *r)
{
    int (*iv)[2] = g_malloc_n(x->n + 1, sizeof *iv);
    size_t k = 0;
    int last = -1;
    gc_credit c = {0, 0, 0, GC_BASIS_TITLE, 0};

    for (size_t i = 0; i < x->n; i++)
        if (x->pos[i].live && holds_title(r, x->pos[i].title)) {
            iv[k][0] = x->pos[i].from, iv[k][1] = x->pos[i].to, k++;
            if (x->pos[i].to > last)
                last = x->pos[i].to;
        }
    if (k > 0) {
        use_credit(&c, &r->model, gc_union_months(iv, k), x->as_of - last);
        c.credit *= r->model.title_credit;
    }
    g_free(iv);
    return c;
}

gc_credit gc_model_credit(const gc_data *d, const gc_doc *doc, const gc_experience *x,
                          const gc_role *r, const gc_credit *title, size_t skill)
{
    const gc_model *m = &r->model;
    gc_credit c = {0, 0, 0, GC_BASIS_NONE, 0};

    (void)d;
    switch (gc_doc_how(doc, skill)) {
    case GC_EVIDENCED:
        c = evidenced(m, x, skill);
        break;
    case GC_IMPLIED:
        for (size_t i = 0; i < gc_doc_n_implied_by(doc, skill); i++) {
            size_t by = gc_doc_implied_by(doc, skill, i);
            gc_credit e = evidenced(m, x, by);
            if (e.credit * r->implied_credit > c.credit) {
                c = e;
                c.credit = e.credit * r->implied_credit;
                c.basis = GC_BASIS_IMPLIED;
            }
        }
        break;
    default:
        break;
    }
    if (title != NULL && title->credit > 0) {
        double own = c.credit;
        if (title->credit > own) {   /* the title is the stronger sign: its factors */
            c.depth = title->depth;
            c.recency = title->recency;
            c.basis = GC_BASIS_TITLE;
        }
        c.credit = 1 - (1 - own) * (1 - title->credit);
        c.title = title->credit;
    }
    return c;
}

const char *gc_basis_name(gc_basis b)
{
    static const char *const names[] = {"none", "positions", "listed", "implied", "title"};
    return (unsigned)b < G_N_ELEMENTS(names) ? names[b] : "none";
}
