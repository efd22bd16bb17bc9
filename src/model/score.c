/* score: a gc_doc measured against one role.  Each skill's credit comes
 * from the model (credit.c); a phase's coverage is their weighted mean and
 * its months left follow from it.  Pure arithmetic, no I/O. */
#include <stdlib.h>

#include "model/model_int.h"

struct gc_score {
    const gc_role *role;
    double hours, coverage, months;
    size_t n_phases;
    double *phase_cov, *phase_left;
    gc_credit **credit;       /* per phase, per skill */
    gc_credit title;
};

static int alloc(gc_score *s)
{
    s->phase_cov = calloc(s->n_phases + 1, sizeof(double));
    s->phase_left = calloc(s->n_phases + 1, sizeof(double));
    s->credit = calloc(s->n_phases + 1, sizeof *s->credit);
    if (s->phase_cov == NULL || s->phase_left == NULL || s->credit == NULL)
        return -1;
    for (size_t p = 0; p < s->n_phases; p++)
        if ((s->credit[p] = calloc(gc_role_phase_n_skills(s->role, p) + 1,
                                   sizeof(gc_credit))) == NULL)
            return -1;
    return 0;
}

int gc_score_new(gc_score **out, const gc_data *d, const gc_doc *doc, const gc_experience *x,
                 const gc_role *role, double hours_per_week, gc_err *err)
{
    gc_score *s;
    double all_w = 0, all_have = 0;

    *out = NULL;
    if (!(hours_per_week > 0 && hours_per_week <= 168))
        return gc_err_set(err, GC_EUSAGE, NULL, 0, 0, "hours per week must be in (0, 168]");
    s = calloc(1, sizeof *s);
    if (s == NULL)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    s->role = role;
    s->hours = hours_per_week;
    s->n_phases = gc_role_n_phases(role);
    if (alloc(s) < 0) {
        gc_score_free(s);
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    }
    s->title = gc_model_title_credit(x, role);
    for (size_t p = 0; p < s->n_phases; p++) {
        double w_sum = 0, have = 0, w;
        for (size_t i = 0; i < gc_role_phase_n_skills(role, p); i++) {
            size_t skill = gc_role_phase_skill(role, p, i, &w);
            s->credit[p][i] = gc_model_credit(d, doc, x, role, &s->title, skill);
            w_sum += w;
            have += w * s->credit[p][i].credit;
        }
        s->phase_cov[p] = w_sum > 0 ? have / w_sum : 1.0;
        s->phase_left[p] = gc_model_months_left(gc_role_phase_months(role, p), s->phase_cov[p],
                                                gc_role_hours_per_week(role), hours_per_week);
        s->months += s->phase_left[p];
        all_w += w_sum;
        all_have += have;
    }
    s->coverage = all_w > 0 ? all_have / all_w : 1.0;
    *out = s;
    return 0;
}

void gc_score_free(gc_score *s)
{
    if (s == NULL)
        return;
    for (size_t p = 0; s->credit && p < s->n_phases; p++)
        free(s->credit[p]);
    free(s->credit);
    free(s->phase_cov);
    free(s->phase_left);
    free(s);
}

const gc_role *gc_score_role(const gc_score *s) { return s->role; }
double gc_score_hours(const gc_score *s) { return s->hours; }
double gc_score_coverage(const gc_score *s) { return s->coverage; }
double gc_score_months_to_ready(const gc_score *s) { return s->months; }
double gc_score_phase_coverage(const gc_score *s, size_t p) { return s->phase_cov[p]; }
double gc_score_phase_months_left(const gc_score *s, size_t p) { return s->phase_left[p]; }
gc_credit gc_score_skill_credit(const gc_score *s, size_t p, size_t i) { return s->credit[p][i]; }
gc_credit gc_score_title_credit(const gc_score *s) { return s->title; }

size_t gc_score_next_phase(const gc_score *s)
{
    size_t p = 0;
    while (p < s->n_phases && s->phase_cov[p] >= 1.0 - 1e-9)
        p++;
    return p;
}
