/* plan: the order in which to learn (or deepen) a phase's skills below
 * full credit: every skill after the skills it `requires` (directly or
 * through a chain), and otherwise in the role's own order.  Pure; no I/O. */
#include <stdlib.h>
#include <string.h>

#include "data/data_int.h"
#include "model/model_int.h"

/* Depth-first: place a skill's missing prerequisites, then the skill.
 * The walk goes through prerequisites already had too, so a chain holds
 * across them: causal inference requires statistics (had), which requires
 * linear algebra (missing), so linear algebra still comes before causal
 * inference.  Only wanted skills are written.
 * `state` 1 = being placed (a cycle cannot happen: loading rejects them),
 * 2 = placed. */
static void place(const gc_data *d, uint32_t s, uint8_t *state, const uint8_t *wanted,
                  size_t *out, size_t *n)
{
    const gc_skill *sk = &g_array_index(d->skills, gc_skill, s);

    if (state[s])
        return;
    state[s] = 1;
    for (uint32_t i = 0; i < sk->r_requires.n; i++) {
        place(d, gc_refs(d, sk->r_requires)[i], state, wanted, out, n);
    }
    state[s] = 2;
    if (wanted[s])
        out[(*n)++] = s;
}

size_t gc_plan_phase(size_t *out, const gc_data *d, const gc_score *sc, size_t phase)
{
    const gc_role *r = gc_score_role(sc);
    size_t n_sk = d->skills->len, n = 0;
    uint8_t *state = calloc(n_sk + 1, 1), *wanted = calloc(n_sk + 1, 1);

    if (state == NULL || wanted == NULL) {
        free(state);
        free(wanted);
        return 0;
    }
    for (size_t i = 0; i < gc_role_phase_n_skills(r, phase); i++) {
        size_t s = gc_role_phase_skill(r, phase, i, NULL);
        wanted[s] = gc_score_skill_credit(sc, phase, i).credit < 1.0 - 1e-9;
    }
    for (size_t i = 0; i < gc_role_phase_n_skills(r, phase); i++)
        place(d, (uint32_t)gc_role_phase_skill(r, phase, i, NULL), state, wanted, out, &n);
    free(state);
    free(wanted);
    return n;
}

size_t gc_plan_order(size_t *out, const gc_data *d, const size_t *skills, size_t n)
{
    size_t n_sk = d->skills->len, k = 0;
    uint8_t *state = calloc(n_sk + 1, 1), *wanted = calloc(n_sk + 1, 1);

    if (state == NULL || wanted == NULL) {
        free(state);
        free(wanted);
        memcpy(out, skills, n * sizeof *out);
        return n;
    }
    for (size_t i = 0; i < n; i++)
        wanted[skills[i]] = 1;
    for (size_t i = 0; i < n; i++)
        place(d, (uint32_t)skills[i], state, wanted, out, &k);
    free(state);
    free(wanted);
    return k;
}

size_t gc_skill_n_requires(const gc_data *d, size_t skill)
{
    return g_array_index(d->skills, gc_skill, skill).r_requires.n;
}

size_t gc_skill_require(const gc_data *d, size_t skill, size_t i)
{
    return gc_refs(d, g_array_index(d->skills, gc_skill, skill).r_requires)[i];
}
