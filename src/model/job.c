/* job: a résumé measured against one job posting (gapcheck --job).
 * The posting's skills become a target; each goes to the phase of the
 * closest catalogue role that lists it (or a skill it implies or requires,
 * else the last phase), and months follow the role model:
 *   months = Σ phase months × (1 − coverage of the posting's skills there)
 *            × role h/week ÷ your h/week, over phases holding such skills.
 * Required skills weigh 1, optional ones 0.5.  Pure; no I/O. */
#include <stdlib.h>
#include <string.h>

#include "data/data_int.h"
#include "match/doc_int.h"
#include "model/model_int.h"

#define OPTIONAL_WEIGHT 0.5

struct gc_job {
    const gc_role *role;
    size_t n;
    uint32_t *skills;
    uint8_t *optional;
    gc_credit *credit;        /* per skill: what the résumé earns for it */
    double match, months, hours;
};

/* Optional when every place the posting names it is a nice-to-have one. */
static int is_optional(const gc_data *d, const gc_doc *p, size_t s)
{
    size_t n = gc_doc_n_evidence(p, s);

    for (size_t i = 0; i < n; i++) {
        const char *sec = NULL;
        gc_doc_evidence(p, s, i, NULL, &sec, NULL);
        if (sec == NULL || strcmp(sec, "nice-to-have") != 0)
            return 0;
    }
    (void)d;
    return n > 0;
}

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

static const gc_role *closest_role(const gc_data *d, const gc_job *j)
{
    const gc_role *best = NULL;
    double best_score = -1;

    for (size_t i = 0; i < gc_data_n_roles(d); i++) {
        const gc_role *r = gc_data_role(d, i);
        size_t shared = 0, role_n = 0;
        for (size_t p = 0; p < gc_role_n_phases(r); p++)
            role_n += gc_role_phase_n_skills(r, p);
        for (size_t k = 0; k < j->n; k++)
            shared += role_phase_of(r, j->skills[k]) >= 0;
        double jac = (double)shared / (double)(role_n + j->n - shared);
        if (jac > best_score) {
            best = r;
            best_score = jac;
        }
    }
    return best;
}

static void estimate(gc_job *j, const gc_data *d, const gc_doc *resume, const gc_experience *x)
{
    size_t np = j->role ? gc_role_n_phases(j->role) : 0;
    double *w = calloc(np + 1, sizeof *w), *have = calloc(np + 1, sizeof *have);
    double all_w = 0, all_have = 0;

    gc_credit title = j->role ? gc_model_title_credit(x, j->role) : (gc_credit){0, 0, 0, GC_BASIS_NONE, 0};

    for (size_t k = 0; k < j->n && w && have; k++) {
        double wk = j->optional[k] ? OPTIONAL_WEIGHT : 1.0, c;
        if (j->role)
            j->credit[k] = gc_model_credit(d, resume, x, j->role, &title, j->skills[k]);
        else   /* no catalogue role to take the model from: named or not */
            j->credit[k] = (gc_credit){gc_doc_how(resume, j->skills[k]) == GC_EVIDENCED, 0, 0,
                                       GC_BASIS_LISTED, 0};
        c = j->credit[k].credit;
        all_w += wk;
        all_have += wk * c;
        if (np) {
            size_t p = phase_for(d, j->role, j->skills[k]);
            w[p] += wk;
            have[p] += wk * c;
        }
    }
    j->match = all_w > 0 ? all_have / all_w : 1.0;
    for (size_t p = 0; p < np && w && have; p++)
        if (w[p] > 0)
            j->months += gc_model_months_left(gc_role_phase_months(j->role, p), have[p] / w[p],
                                              gc_role_hours_per_week(j->role), j->hours);
    free(w);
    free(have);
}

int gc_job_new(gc_job **out, const gc_data *d, const gc_doc *posting, const gc_doc *resume,
               const gc_experience *x, double hours_per_week, gc_err *err)
{
    gc_job *j;
    size_t n = gc_doc_n_found(posting);

    *out = NULL;
    j = calloc(1, sizeof *j);
    if (j == NULL || !(j->skills = calloc(n + 1, sizeof *j->skills)) ||
        !(j->optional = calloc(n + 1, 1)) || !(j->credit = calloc(n + 1, sizeof *j->credit))) {
        gc_job_free(j);
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    }
    /* only what the posting names counts, not what its words imply */
    for (size_t i = 0; i < n; i++) {
        size_t s = gc_doc_found_skill(posting, i);
        if (gc_doc_how(posting, s) != GC_EVIDENCED)
            continue;
        j->optional[j->n] = (uint8_t)is_optional(d, posting, s);
        j->skills[j->n++] = (uint32_t)s;
    }
    j->role = closest_role(d, j);
    j->hours = j->role ? gc_model_hours(j->role, hours_per_week)
               : hours_per_week > 0 ? hours_per_week : 15;
    estimate(j, d, resume, x);
    *out = j;
    return 0;
}

void gc_job_free(gc_job *j)
{
    if (j == NULL)
        return;
    free(j->skills);
    free(j->optional);
    free(j->credit);
    free(j);
}

const gc_role *gc_job_role(const gc_job *j) { return j->role; }
size_t gc_job_n_skills(const gc_job *j) { return j->n; }
double gc_job_match(const gc_job *j) { return j->match; }
double gc_job_months_to_ready(const gc_job *j) { return j->months; }
double gc_job_hours(const gc_job *j) { return j->hours; }

gc_credit gc_job_skill_credit(const gc_job *j, size_t i) { return j->credit[i]; }

size_t gc_job_skill(const gc_job *j, size_t i, int *optional_out)
{
    if (optional_out)
        *optional_out = j->optional[i];
    return j->skills[i];
}
