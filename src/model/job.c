/* job: a résumé measured against one job posting (gapcheck --job), the
 * way a recruiter reads the posting (README.md, "Job postings"):
 *
 * Requirements.  Every skill the posting names on its own is one; so is
 * every group of alternatives the posting reader found ("FastAPI or
 * Flask", src/match/posting.c), met by its best member.  A group one of
 * whose members is also asked on its own (at least as strongly) adds
 * nothing and is dropped ("Python" and "Python or Go").  A requirement is
 * optional when every line asking it is a nice-to-have one.
 *
 * Umbrellas.  A requirement whose skills all imply (`implies`, followed
 * transitively) a skill the posting asks on its own, as strongly, sits
 * under it: "AWS" with "S3", "EKS" becomes one requirement "AWS (S3, EKS)"
 * whose credit is the mean of its parts (the umbrella and each sub-skill
 * or group), so naming five services does not make AWS five times the
 * weight of Python.  Of several umbrellas, the first reached breadth
 * first in `implies` order; chains end at the top one (PyTorch under Deep
 * learning under Machine learning is one requirement).
 *
 * Years.  When the posting asks n years of a skill and the résumé shows
 * m months of it in dated positions (a skill only implied: the most of
 * the skills implying it), its credit is multiplied by
 *     f = 1 if m ≥ 12 n, else YEARS_FLOOR + (1 − YEARS_FLOOR) × m ÷ 12 n
 * (0.5 at none shown): bounded, and monotone, so more years shown never
 * lower the match.  Years asked on an umbrella's line are the umbrella's
 * ("4+ years of AWS: EC2, S3"), not each sub-skill's.  Overall experience asked is a requirement of its own
 * credited min(1, total months ÷ 12 n); it counts in the match but not in
 * the months, since study cannot shorten it.
 *
 * Role, months, plan.  The closest catalogue role is the one whose title
 * (`titles:`) the posting's title line holds (the longest title wins), else
 * the one sharing most skills (Jaccard).  Each requirement goes to the
 * phase of that role holding its first skill (or a skill it implies or
 * requires, else the last phase), and months follow the role model:
 *   months = Σ phase months × (1 − coverage of its requirements)
 *            × role h/week ÷ your h/week, over phases holding requirements,
 * with required ones weighing 1 and optional ones OPTIONAL_WEIGHT.  The
 * plan lists, phase by phase, the skills of requirements below full credit
 * (of alternatives the best one), prerequisites first.  Pure; no I/O. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "data/data_int.h"
#include "match/doc_int.h"
#include "model/model_int.h"

#define OPTIONAL_WEIGHT 0.5
#define YEARS_FLOOR 0.5     /* the credit kept by a skill shown for none of the years asked */
#define FULL (1.0 - 1e-9)

typedef struct jpart {
    uint32_t first, n;        /* members: j->members[first .. first + n) */
    double credit;
} jpart;

typedef struct jreq {
    uint32_t part0, n_parts;  /* j->parts[part0 .. part0 + n_parts) while linked */
    int optional, umbrella, experience, dead;
    unsigned line;
    size_t phase;
    double credit;
    GArray *tmp;              /* while building: jpart of members in j->members */
} jreq;

typedef struct jyears {
    int asked;
    gc_job_years y;
} jyears;

struct gc_job {
    const gc_role *role;
    int by_title;
    char *title;
    unsigned title_line;
    size_t n;
    uint32_t *skills;
    uint8_t *optional;
    unsigned *first_line;
    gc_credit *credit;        /* per skill: what the résumé earns for it */
    jyears *years;            /* per skill */
    jyears exp;               /* overall experience */
    char **texts;             /* copies of the years' texts */
    size_t n_texts;
    GArray *reqs;             /* jreq */
    GArray *parts;            /* jpart */
    GArray *members;          /* uint32 skill list indexes */
    size_t n_phases;
    double *phase_left;
    GArray *plan_skill, *plan_phase;   /* size_t */
    double match, months, hours;
};

/* ---- the posting's skills --------------------------------------------- */

static int is_nice(const char *sec)
{
    return sec != NULL && strcmp(sec, "nice-to-have") == 0;
}

/* Optional when every place the posting names it is a nice-to-have one. */
static int is_optional(const gc_doc *p, size_t s)
{
    size_t n = gc_doc_n_evidence(p, s);

    for (size_t i = 0; i < n; i++) {
        const char *sec = NULL;
        gc_doc_evidence(p, s, i, NULL, &sec, NULL);
        if (!is_nice(sec))
            return 0;
    }
    return n > 0;
}

static unsigned first_line(const gc_doc *p, size_t s)
{
    unsigned line = 0;
    if (gc_doc_n_evidence(p, s) > 0)
        gc_doc_evidence(p, s, 0, &line, NULL, NULL);
    return line;
}

/* The posting's own skills (not what its words imply), first named first. */
static void collect_skills(gc_job *j, const gc_doc *posting)
{
    for (size_t i = 0; i < gc_doc_n_found(posting); i++) {
        size_t s = gc_doc_found_skill(posting, i), k;
        if (gc_doc_how(posting, s) != GC_EVIDENCED)
            continue;
        unsigned line = first_line(posting, s);
        for (k = j->n; k > 0 && j->first_line[k - 1] > line; k--) {
            j->skills[k] = j->skills[k - 1];
            j->first_line[k] = j->first_line[k - 1];
        }
        j->skills[k] = (uint32_t)s;
        j->first_line[k] = line;
        j->n++;
    }
    for (size_t k = 0; k < j->n; k++)
        j->optional[k] = (uint8_t)is_optional(posting, j->skills[k]);
}

static long index_of(const gc_job *j, size_t skill)
{
    for (size_t k = 0; k < j->n; k++)
        if (j->skills[k] == skill)
            return (long)k;
    return -1;
}

/* ---- requirements -------------------------------------------------------- */

static jreq *req(const gc_job *j, size_t r)
{
    return &g_array_index(j->reqs, jreq, r);
}

static jreq *new_req(gc_job *j, int optional, unsigned line)
{
    jreq q;

    memset(&q, 0, sizeof q);
    q.optional = optional;
    q.line = line;
    q.tmp = g_array_new(FALSE, FALSE, sizeof(jpart));
    g_array_append_val(j->reqs, q);
    return req(j, j->reqs->len - 1);
}

static void add_part(gc_job *j, jreq *q, const uint32_t *members, size_t n)
{
    jpart p = {j->members->len, (uint32_t)n, 0};

    g_array_append_vals(j->members, members, (guint)n);
    g_array_append_val(q->tmp, p);
}

static const uint32_t *part_members(const gc_job *j, const jpart *p)
{
    return &g_array_index(j->members, uint32_t, p->first);
}

typedef struct jgroup {
    uint32_t m[GC_POSTING_GROUP_SKILLS];
    size_t n;
    unsigned line;
    int optional;
} jgroup;

static int same_members(const jgroup *a, const jgroup *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++) {
        size_t k = 0;
        while (k < b->n && b->m[k] != a->m[i])
            k++;
        if (k == b->n)
            return 0;
    }
    return 1;
}

/* The posting's groups of alternatives, as skill list indexes, without
 * duplicates (optional only when every copy is). */
static GArray *groups(const gc_job *j, const gc_doc *posting)
{
    GArray *g = g_array_new(FALSE, FALSE, sizeof(jgroup));

    for (size_t i = 0; i < gc_doc_n_alternatives(posting); i++) {
        jgroup x;
        const char *sec;
        size_t n = gc_doc_alternatives(posting, i, &x.line, &sec);
        x.n = 0;
        x.optional = is_nice(sec);
        for (size_t k = 0; k < n && x.n < GC_POSTING_GROUP_SKILLS; k++) {
            long idx = index_of(j, gc_doc_alternative_skill(posting, i, k));
            if (idx >= 0)
                x.m[x.n++] = (uint32_t)idx;
        }
        if (x.n < 2)
            continue;
        guint d;
        for (d = 0; d < g->len && !same_members(&g_array_index(g, jgroup, d), &x); d++)
            ;
        if (d < g->len) {
            jgroup *y = &g_array_index(g, jgroup, d);
            y->optional &= x.optional;
            if (x.line < y->line)
                y->line = x.line;
        } else {
            g_array_append_val(g, x);
        }
    }
    return g;
}

/* Does the posting join skill list index k with others on this line? */
static int in_group_on_line(const gc_job *j, const gc_doc *posting, uint32_t k, unsigned line)
{
    for (size_t i = 0; i < gc_doc_n_alternatives(posting); i++) {
        unsigned at;
        size_t n = gc_doc_alternatives(posting, i, &at, NULL);
        for (size_t m = 0; at == line && m < n; m++)
            if (gc_doc_alternative_skill(posting, i, m) == j->skills[k])
                return 1;
    }
    return 0;
}

/* Skills asked on their own: named on a line where no group holds them.
 * alone[k]: 0 not, 1 optional, 2 required. */
static void standalone(const gc_job *j, const gc_doc *posting, uint8_t *alone)
{
    for (size_t k = 0; k < j->n; k++) {
        size_t s = j->skills[k];
        alone[k] = 0;
        for (size_t e = 0; e < gc_doc_n_evidence(posting, s); e++) {
            unsigned line;
            const char *sec;
            gc_doc_evidence(posting, s, e, &line, &sec, NULL);
            if (in_group_on_line(j, posting, (uint32_t)k, line))
                continue;
            if (!is_nice(sec))
                alone[k] = 2;
            else if (alone[k] == 0)
                alone[k] = 1;
        }
    }
}

static void build_reqs(gc_job *j, const gc_doc *posting)
{
    GArray *g = groups(j, posting);
    uint8_t *alone = g_new0(uint8_t, j->n + 1);

    standalone(j, posting, alone);
    for (size_t k = 0; k < j->n; k++)
        if (alone[k]) {
            uint32_t m = (uint32_t)k;
            unsigned line = 0;
            for (size_t e = 0; e < gc_doc_n_evidence(posting, j->skills[k]); e++) {
                gc_doc_evidence(posting, j->skills[k], e, &line, NULL, NULL);
                if (!in_group_on_line(j, posting, m, line))
                    break;
            }
            add_part(j, new_req(j, alone[k] == 1, line), &m, 1);
        }
    for (guint i = 0; i < g->len; i++) {
        const jgroup *x = &g_array_index(g, jgroup, i);
        int covered = 0;
        for (size_t m = 0; m < x->n; m++)   /* "Python", then "Python or Go" */
            covered |= alone[x->m[m]] == 2 || (alone[x->m[m]] == 1 && x->optional);
        if (!covered)
            add_part(j, new_req(j, x->optional, x->line), x->m, x->n);
    }
    g_array_free(g, TRUE);
    g_free(alone);
}

/* The standalone requirement of skill list index k, or -1. */
static long single_req(const gc_job *j, size_t k)
{
    for (guint r = 0; r < j->reqs->len; r++) {
        const jreq *q = req(j, r);
        const jpart *p = &g_array_index(q->tmp, jpart, 0);
        if (!q->dead && q->tmp->len == 1 && p->n == 1 && part_members(j, p)[0] == k)
            return (long)r;
    }
    return -1;
}

/* Skills reached from s by `implies`, breadth first, in data order. */
static size_t implied_order(const gc_data *d, size_t s, uint32_t *out, size_t cap)
{
    size_t n = 0, head = 0;

    out[n++] = (uint32_t)s;
    while (head < n) {
        const gc_skill *sk = &g_array_index(d->skills, gc_skill, out[head++]);
        for (uint32_t i = 0; i < sk->r_implies.n && n < cap; i++) {
            uint32_t t = gc_refs(d, sk->r_implies)[i];
            size_t k = 0;
            while (k < n && out[k] != t)
                k++;
            if (k == n)
                out[n++] = t;
        }
    }
    return n;
}

static int reaches(const gc_data *d, size_t from, size_t to)
{
    uint32_t seen[256];
    size_t n = implied_order(d, from, seen, G_N_ELEMENTS(seen));

    for (size_t i = 1; i < n; i++)
        if (seen[i] == to)
            return 1;
    return 0;
}

/* The umbrella requirement of requirement r: a standalone skill's
 * requirement, as strong, implied by every skill of r; -1 when none. */
static long umbrella_of(const gc_job *j, const gc_data *d, size_t r)
{
    const jreq *q = req(j, r);
    const jpart *p = &g_array_index(q->tmp, jpart, 0);
    const uint32_t *m = part_members(j, p);
    uint32_t seen[256];
    size_t n = implied_order(d, j->skills[m[0]], seen, G_N_ELEMENTS(seen));

    for (size_t i = 1; i < n; i++) {
        long k = index_of(j, seen[i]), u;
        if (k < 0 || (u = single_req(j, (size_t)k)) < 0 || (size_t)u == r ||
            req(j, (size_t)u)->optional != q->optional)
            continue;
        int all = 1;
        for (size_t x = 1; x < p->n; x++)
            all &= reaches(d, j->skills[m[x]], seen[i]);
        if (all)
            return u;
    }
    return -1;
}

static void umbrellas(gc_job *j, const gc_data *d)
{
    size_t n = j->reqs->len;
    long *up = g_new(long, n + 1);

    for (size_t r = 0; r < n; r++)
        up[r] = umbrella_of(j, d, r);
    for (size_t r = 0; r < n; r++) {
        long top = up[r];
        for (size_t steps = 0; top >= 0 && up[top] >= 0 && steps < n; steps++)
            top = up[top];
        if (top < 0 || (size_t)top == r || req(j, (size_t)top)->dead)
            continue;   /* (a cycle: the data refuses them when it is built) */
        jreq *u = req(j, (size_t)top), *q = req(j, r);
        u->umbrella = 1;
        g_array_append_vals(u->tmp, q->tmp->data, q->tmp->len);
        if (q->line < u->line)
            u->line = q->line;
        q->dead = 1;
    }
    g_free(up);
}

static int by_line(const void *a, const void *b)
{
    const jreq *x = a, *y = b;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* Drops the merged requirements, orders them by line and moves their
 * parts into j->parts. */
static void link_reqs(gc_job *j)
{
    GArray *live = g_array_new(FALSE, FALSE, sizeof(jreq));

    for (guint r = 0; r < j->reqs->len; r++) {
        jreq *q = req(j, r);
        if (q->dead) {
            g_array_free(q->tmp, TRUE);
            continue;
        }
        q->part0 = j->parts->len;
        q->n_parts = q->tmp->len;
        g_array_append_vals(j->parts, q->tmp->data, q->tmp->len);
        g_array_free(q->tmp, TRUE);
        q->tmp = NULL;
        g_array_append_val(live, *q);
    }
    g_array_free(j->reqs, TRUE);
    j->reqs = live;
    /* stable: insertion sort keeps the skills' order within a line */
    for (guint i = 1; i < live->len; i++)
        for (guint k = i; k > 0 && by_line(&g_array_index(live, jreq, k - 1),
                                           &g_array_index(live, jreq, k)) > 0; k--) {
            jreq t = g_array_index(live, jreq, k);
            g_array_index(live, jreq, k) = g_array_index(live, jreq, k - 1);
            g_array_index(live, jreq, k - 1) = t;
        }
}

/* ---- years ----------------------------------------------------------------- */

static const char *keep_text(gc_job *j, const char *s)
{
    j->texts = g_renew(char *, j->texts, j->n_texts + 1);
    return j->texts[j->n_texts++] = g_strdup(s);
}

/* Months of a skill in dated positions; implied: the most of its sources. */
static int shown_months(const gc_experience *x, const gc_doc *resume, size_t s)
{
    gc_skill_use_info u;
    int best = -1;

    if (gc_experience_skill(x, s, &u))
        best = u.months;
    if (gc_doc_how(resume, s) == GC_IMPLIED)
        for (size_t i = 0; i < gc_doc_n_implied_by(resume, s); i++)
            if (gc_experience_skill(x, gc_doc_implied_by(resume, s, i), &u) && u.months > best)
                best = u.months;
    return best;
}

static void years_factor(gc_job_years *y, int overall)
{
    double asked = 12.0 * y->min, shown = y->shown > 0 ? y->shown : 0;

    y->met = shown >= asked;
    if (overall)
        y->factor = y->met ? 1 : shown / asked;
    else
        y->factor = y->met ? 1 : YEARS_FLOOR + (1 - YEARS_FLOOR) * shown / asked;
}

/* Per skill (and overall) the largest number of years asked. */
static void read_years(gc_job *j, const gc_doc *posting, const gc_doc *resume,
                       const gc_experience *x, int *exp_optional)
{
    *exp_optional = 1;
    for (size_t i = 0; i < gc_doc_n_years(posting); i++) {
        gc_years_info y;
        jyears *t;
        gc_doc_years(posting, i, &y);
        if (y.skill < 0) {
            t = &j->exp;
            *exp_optional &= is_nice(y.section);
        } else {
            long k = index_of(j, (size_t)y.skill);
            if (k < 0)
                continue;
            t = &j->years[k];
        }
        if (t->asked && t->y.min >= y.min)
            continue;
        t->asked = 1;
        t->y = (gc_job_years){y.min, y.max, y.line, keep_text(j, y.text),
                              keep_text(j, y.line_text), -1, 0, 1};
    }
    for (size_t k = 0; k < j->n; k++)
        if (j->years[k].asked) {
            j->years[k].y.shown = shown_months(x, resume, j->skills[k]);
            years_factor(&j->years[k].y, 0);
        }
    if (j->exp.asked) {
        j->exp.y.shown = gc_experience_n_positions(x) ? gc_experience_total_months(x) : -1;
        years_factor(&j->exp.y, 1);
    }
}

/* "4+ years of AWS: EC2, S3" asks the years of AWS, not of each service:
 * a skill under an umbrella drops years asked on the umbrella's line. */
static void umbrella_years(gc_job *j)
{
    for (guint r = 0; r < j->reqs->len; r++) {
        const jreq *q = req(j, r);
        if (!q->umbrella)
            continue;
        const jpart *p0 = &g_array_index(j->parts, jpart, q->part0);
        const jyears *u = &j->years[part_members(j, p0)[0]];
        for (uint32_t p = 1; u->asked && p < q->n_parts; p++) {
            const jpart *pt = &g_array_index(j->parts, jpart, q->part0 + p);
            for (uint32_t m = 0; m < pt->n; m++) {
                jyears *y = &j->years[part_members(j, pt)[m]];
                if (y->asked && y->y.line == u->y.line)
                    y->asked = 0;
            }
        }
    }
}

/* ---- the role ------------------------------------------------------------ */

static int role_phase_of(const gc_role *r, size_t s)
{
    for (size_t p = 0; p < gc_role_n_phases(r); p++)
        for (size_t i = 0; i < gc_role_phase_n_skills(r, p); i++)
            if (gc_role_phase_skill(r, p, i, NULL) == s)
                return (int)p;
    return -1;
}

static size_t phase_for(const gc_data *d, const gc_role *r, size_t s)
{
    int p = role_phase_of(r, s);
    const gc_skill *sk = &g_array_index(d->skills, gc_skill, s);

    for (uint32_t i = 0; p < 0 && i < sk->r_implies.n; i++)
        p = role_phase_of(r, gc_refs(d, sk->r_implies)[i]);
    for (uint32_t i = 0; p < 0 && i < sk->r_requires.n; i++)
        p = role_phase_of(r, gc_refs(d, sk->r_requires)[i]);
    return p < 0 ? gc_role_n_phases(r) - 1 : (size_t)p;
}

static double jaccard(const gc_role *r, const gc_job *j)
{
    size_t shared = 0, role_n = 0;

    for (size_t p = 0; p < gc_role_n_phases(r); p++)
        role_n += gc_role_phase_n_skills(r, p);
    for (size_t k = 0; k < j->n; k++)
        shared += role_phase_of(r, j->skills[k]) >= 0;
    return role_n + j->n - shared ? (double)shared / (double)(role_n + j->n - shared) : 0;
}

/* By the title line: the first line before the first heading that holds a
 * role's title, the longest title winning (then the skills shared). */
static const gc_role *role_by_title(gc_job *j, const gc_data *d, const gc_doc *posting)
{
    for (size_t h = 0; h < gc_doc_n_heads(posting); h++) {
        unsigned line;
        const char *text = gc_doc_head(posting, h, &line);
        const gc_role *best = NULL;
        size_t best_len = 0;
        double best_jac = -1;
        for (size_t i = 0; i < gc_data_n_roles(d); i++) {
            const gc_role *r = gc_data_role(d, i);
            size_t len = gc_model_title_match(r, text);
            double jac = len ? jaccard(r, j) : 0;
            if (len > best_len || (len && len == best_len && jac > best_jac)) {
                best = r;
                best_len = len;
                best_jac = jac;
            }
        }
        if (best) {
            j->title = g_strdup(text);
            j->title_line = line;
            return best;
        }
    }
    return NULL;
}

static const gc_role *closest_role(gc_job *j, const gc_data *d, const gc_doc *posting)
{
    const gc_role *best = role_by_title(j, d, posting);
    double best_score = -1;

    if (best) {
        j->by_title = 1;
        return best;
    }
    if (gc_doc_n_heads(posting) > 0)
        j->title = g_strdup(gc_doc_head(posting, 0, &j->title_line));
    for (size_t i = 0; i < gc_data_n_roles(d); i++) {
        const gc_role *r = gc_data_role(d, i);
        double jac = jaccard(r, j);
        if (jac > best_score) {
            best = r;
            best_score = jac;
        }
    }
    return best;
}

/* ---- credits, match, months, plan ------------------------------------------ */

static void credits(gc_job *j, const gc_data *d, const gc_doc *resume, const gc_experience *x)
{
    gc_credit title = j->role ? gc_model_title_credit(x, j->role)
                              : (gc_credit){0, 0, 0, GC_BASIS_NONE, 0};

    for (size_t k = 0; k < j->n; k++) {
        if (j->role)
            j->credit[k] = gc_model_credit(d, resume, x, j->role, &title, j->skills[k]);
        else   /* no catalogue role to take the model from: named or not */
            j->credit[k] = (gc_credit){gc_doc_how(resume, j->skills[k]) == GC_EVIDENCED, 0, 0,
                                       GC_BASIS_LISTED, 0};
        if (j->years[k].asked)
            j->credit[k].credit *= j->years[k].y.factor;
    }
    for (guint r = 0; r < j->reqs->len; r++) {
        jreq *q = req(j, r);
        double sum = 0;
        for (uint32_t p = 0; p < q->n_parts; p++) {
            jpart *pt = &g_array_index(j->parts, jpart, q->part0 + p);
            pt->credit = 0;
            for (uint32_t m = 0; m < pt->n; m++)
                if (j->credit[part_members(j, pt)[m]].credit > pt->credit)
                    pt->credit = j->credit[part_members(j, pt)[m]].credit;
            sum += pt->credit;
        }
        q->credit = q->experience ? j->exp.y.factor : q->n_parts ? sum / q->n_parts : 1;
        q->phase = j->n_phases;
        if (j->role && q->n_parts)
            q->phase = phase_for(d, j->role,
                                 j->skills[part_members(j, &g_array_index(j->parts, jpart,
                                                                          q->part0))[0]]);
    }
}

static void estimate(gc_job *j)
{
    size_t np = j->n_phases;
    double *w = g_new0(double, np + 1), *have = g_new0(double, np + 1);
    double all_w = 0, all_have = 0;

    for (guint r = 0; r < j->reqs->len; r++) {
        const jreq *q = req(j, r);
        double wq = q->optional ? OPTIONAL_WEIGHT : 1.0;
        all_w += wq;
        all_have += wq * q->credit;
        if (q->phase < np) {
            w[q->phase] += wq;
            have[q->phase] += wq * q->credit;
        }
    }
    j->match = all_w > 0 ? all_have / all_w : 1.0;
    for (size_t p = 0; p < np; p++)
        if (w[p] > 0) {
            j->phase_left[p] = gc_model_months_left(gc_role_phase_months(j->role, p),
                                                    have[p] / w[p],
                                                    gc_role_hours_per_week(j->role), j->hours);
            j->months += j->phase_left[p];
        }
    g_free(w);
    g_free(have);
}

static void plan(gc_job *j, const gc_data *d)
{
    size_t *want = g_new(size_t, j->n + 1), *order = g_new(size_t, j->n + 1);

    for (size_t p = 0; p <= j->n_phases; p++) {
        size_t n = 0;
        for (guint r = 0; r < j->reqs->len; r++) {
            const jreq *q = req(j, r);
            if (q->phase != p || q->credit >= FULL)
                continue;
            for (uint32_t i = 0; i < q->n_parts; i++) {
                const jpart *pt = &g_array_index(j->parts, jpart, q->part0 + i);
                const uint32_t *m = part_members(j, pt);
                uint32_t best = m[0];
                if (pt->credit >= FULL)
                    continue;
                for (uint32_t k = 1; k < pt->n; k++)
                    if (j->credit[m[k]].credit > j->credit[best].credit)
                        best = m[k];
                size_t s = j->skills[best], dup = 0;
                for (size_t k = 0; k < n; k++)
                    dup |= want[k] == s;
                if (!dup)
                    want[n++] = s;
            }
        }
        n = gc_plan_order(order, d, want, n);
        for (size_t k = 0; k < n; k++) {
            size_t idx = (size_t)index_of(j, order[k]);
            g_array_append_val(j->plan_skill, idx);
            g_array_append_val(j->plan_phase, p);
        }
    }
    g_free(want);
    g_free(order);
}

int gc_job_new(gc_job **out, const gc_data *d, const gc_doc *posting, const gc_doc *resume,
               const gc_experience *x, double hours_per_week, gc_err *err)
{
    size_t n = gc_doc_n_found(posting);
    gc_job *j = g_new0(gc_job, 1);
    int exp_optional;

    (void)err;
    *out = NULL;
    j->skills = g_new0(uint32_t, n + 1);
    j->optional = g_new0(uint8_t, n + 1);
    j->first_line = g_new0(unsigned, n + 1);
    j->credit = g_new0(gc_credit, n + 1);
    j->years = g_new0(jyears, n + 1);
    j->reqs = g_array_new(FALSE, FALSE, sizeof(jreq));
    j->parts = g_array_new(FALSE, FALSE, sizeof(jpart));
    j->members = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    j->plan_skill = g_array_new(FALSE, FALSE, sizeof(size_t));
    j->plan_phase = g_array_new(FALSE, FALSE, sizeof(size_t));
    collect_skills(j, posting);
    build_reqs(j, posting);
    umbrellas(j, d);
    read_years(j, posting, resume, x, &exp_optional);
    if (j->exp.asked) {
        jreq *q = new_req(j, exp_optional, j->exp.y.line);
        q->experience = 1;
    }
    link_reqs(j);
    umbrella_years(j);
    j->role = closest_role(j, d, posting);
    j->n_phases = j->role ? gc_role_n_phases(j->role) : 0;
    j->phase_left = g_new0(double, j->n_phases + 1);
    j->hours = j->role ? gc_model_hours(j->role, hours_per_week)
               : hours_per_week > 0 ? hours_per_week : 15;
    credits(j, d, resume, x);
    estimate(j);
    plan(j, d);
    *out = j;
    return 0;
}

void gc_job_free(gc_job *j)
{
    if (j == NULL)
        return;
    g_free(j->skills);
    g_free(j->optional);
    g_free(j->first_line);
    g_free(j->credit);
    g_free(j->years);
    for (size_t i = 0; i < j->n_texts; i++)
        g_free(j->texts[i]);
    g_free(j->texts);
    g_free(j->title);
    g_array_free(j->reqs, TRUE);
    g_array_free(j->parts, TRUE);
    g_array_free(j->members, TRUE);
    g_array_free(j->plan_skill, TRUE);
    g_array_free(j->plan_phase, TRUE);
    g_free(j->phase_left);
    g_free(j);
}

const gc_role *gc_job_role(const gc_job *j) { return j->role; }
int gc_job_role_by_title(const gc_job *j) { return j->by_title; }
size_t gc_job_n_skills(const gc_job *j) { return j->n; }
double gc_job_match(const gc_job *j) { return j->match; }
double gc_job_months_to_ready(const gc_job *j) { return j->months; }
double gc_job_hours(const gc_job *j) { return j->hours; }
gc_credit gc_job_skill_credit(const gc_job *j, size_t i) { return j->credit[i]; }
size_t gc_job_n_reqs(const gc_job *j) { return j->reqs->len; }
size_t gc_job_plan_n(const gc_job *j) { return j->plan_skill->len; }

const char *gc_job_title(const gc_job *j, unsigned *line_out)
{
    if (line_out)
        *line_out = j->title_line;
    return j->title;
}

size_t gc_job_skill(const gc_job *j, size_t i, int *optional_out)
{
    if (optional_out)
        *optional_out = j->optional[i];
    return j->skills[i];
}

int gc_job_skill_years(const gc_job *j, size_t i, gc_job_years *out)
{
    if (j->years[i].asked && out)
        *out = j->years[i].y;
    return j->years[i].asked;
}

int gc_job_experience_years(const gc_job *j, gc_job_years *out)
{
    if (j->exp.asked && out)
        *out = j->exp.y;
    return j->exp.asked;
}

void gc_job_req_get(const gc_job *j, size_t r, gc_job_req *out)
{
    const jreq *q = req(j, r);

    *out = (gc_job_req){q->n_parts, q->optional, q->umbrella, q->experience, q->credit, q->line,
                        q->phase};
}

static const jpart *part(const gc_job *j, size_t r, size_t p)
{
    return &g_array_index(j->parts, jpart, req(j, r)->part0 + p);
}

size_t gc_job_req_part_n(const gc_job *j, size_t r, size_t p) { return part(j, r, p)->n; }
double gc_job_req_part_credit(const gc_job *j, size_t r, size_t p) { return part(j, r, p)->credit; }

size_t gc_job_req_part_skill(const gc_job *j, size_t r, size_t p, size_t k)
{
    return part_members(j, part(j, r, p))[k];
}

double gc_job_phase_months_left(const gc_job *j, size_t phase)
{
    return phase < j->n_phases ? j->phase_left[phase] : 0;
}

size_t gc_job_plan_step(const gc_job *j, size_t i, size_t *phase_out)
{
    if (phase_out)
        *phase_out = g_array_index(j->plan_phase, size_t, i);
    return g_array_index(j->plan_skill, size_t, i);
}
