/* roles: reads one role per YAML file (roles/NAME.yaml) into gc_data and
 * resolves its skill ids against the lexicon.  Schema in roles/README.md.
 * Also the role getters and what is computed from roles: overlap and
 * related roles. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "data/data_int.h"
#include "data/yaml_load.h"

static const char *scalar(gc_data *d, const gc_ynode *map, const char *key)
{
    const gc_ynode *v = gc_ymap_get(map, key);
    return v && v->kind == GC_Y_SCALAR ? gc_data_intern(d, v->str) : NULL;
}

/* Checks that `key`, when present, is a non-empty scalar. */
static int need_scalar(const gc_ynode *map, const char *key, const char *file, gc_err *err)
{
    const char *unused;
    return gc_ystring(&unused, map, key, file, err);
}

static int parse_phase_skill(gc_data *d, gc_phase *ph, const gc_ynode *s, const char *file,
                             gc_err *err)
{
    static const char *const keys[] = {"id", "weight", NULL};
    static const char *const req[] = {"id", NULL};
    const gc_ynode *idn = s;
    double w = 1;

    if (s->kind == GC_Y_MAP) {
        if (gc_ymap_check(s, keys, req, file, err) < 0 || need_scalar(s, "id", file, err) < 0)
            return GC_EDATA;
        idn = gc_ymap_get(s, "id");
        const gc_ynode *wn = gc_ymap_get(s, "weight");
        if (wn && gc_ynumber(&w, wn, GC_WEIGHT_MIN, GC_WEIGHT_MAX, "weight", file, err) < 0)
            return GC_EDATA;
    } else if (gc_yexpect(s, GC_Y_SCALAR, "skill", file, err) < 0) {
        return GC_EDATA;
    }
    gc_pos p = {gc_data_intern(d, file), idn->line, idn->col};
    g_ptr_array_add(ph->skill_ids, GC_UNCONST(gc_data_intern(d, idn->str)));
    g_array_append_val(ph->skill_pos, p);
    g_array_append_val(ph->weights, w);
    return 0;
}

static int parse_strings(gc_data *d, GPtrArray *out, const gc_ynode *seq, const char *what,
                         const char *file, gc_err *err)
{
    if (gc_yexpect(seq, GC_Y_SEQ, what, file, err) < 0)
        return GC_EDATA;
    for (size_t i = 0; i < seq->n; i++) {
        if (gc_yexpect(seq->items[i], GC_Y_SCALAR, what, file, err) < 0)
            return GC_EDATA;
        g_ptr_array_add(out, GC_UNCONST(gc_data_intern(d, seq->items[i]->str)));
    }
    return 0;
}

static gc_phase *phase_new(void)
{
    gc_phase *ph = g_new0(gc_phase, 1);
    ph->skills = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    ph->weights = g_array_new(FALSE, FALSE, sizeof(double));
    ph->skill_ids = g_ptr_array_new();
    ph->skill_pos = g_array_new(FALSE, FALSE, sizeof(gc_pos));
    ph->milestones = g_ptr_array_new();
    return ph;
}

static void phase_free(gpointer p)
{
    gc_phase *ph = p;
    g_array_free(ph->skills, TRUE);
    g_array_free(ph->weights, TRUE);
    g_ptr_array_free(ph->skill_ids, TRUE);
    g_array_free(ph->skill_pos, TRUE);
    g_ptr_array_free(ph->milestones, TRUE);
    g_free(ph);
}

static int parse_phase(gc_data *d, gc_role *r, const gc_ynode *m, const char *file, gc_err *err)
{
    static const char *const keys[] = {"id", "title", "months", "skills", "milestones", NULL};
    static const char *const req[] = {"id", "title", "months", "skills", NULL};
    const gc_ynode *sk, *ms;
    gc_phase *ph;

    if (gc_yexpect(m, GC_Y_MAP, "phase", file, err) < 0 ||
        gc_ymap_check(m, keys, req, file, err) < 0 || need_scalar(m, "id", file, err) < 0 ||
        need_scalar(m, "title", file, err) < 0)
        return GC_EDATA;
    ph = gc_role_add_phase(r);
    ph->id = scalar(d, m, "id");
    ph->title = scalar(d, m, "title");
    if (gc_ynumber(&ph->months, gc_ymap_get(m, "months"), 0, GC_PHASE_MONTHS_MAX, "months", file,
                   err) < 0)
        return GC_EDATA;
    sk = gc_ymap_get(m, "skills");
    if (gc_yexpect(sk, GC_Y_SEQ, "skills", file, err) < 0)
        return GC_EDATA;
    if (sk->n == 0)
        return gc_err_set(err, GC_EDATA, file, sk->line, sk->col, "a phase needs skills");
    for (size_t i = 0; i < sk->n; i++)
        if (parse_phase_skill(d, ph, sk->items[i], file, err) < 0)
            return GC_EDATA;
    if ((ms = gc_ymap_get(m, "milestones")) &&
        parse_strings(d, ph->milestones, ms, "milestones", file, err) < 0)
        return GC_EDATA;
    return 0;
}

/* Job titles that are this role, folded like the date parser folds a
 * position's title ("Machine Learning Engineer" → "machine learning engineer"). */
static int parse_titles(gc_data *d, gc_role *r, const gc_ynode *seq, const char *file,
                        gc_err *err)
{
    char key[128];

    if (gc_yexpect(seq, GC_Y_SEQ, "titles", file, err) < 0)
        return GC_EDATA;
    for (size_t i = 0; i < seq->n; i++) {
        const gc_ynode *t = seq->items[i];
        if (gc_yexpect(t, GC_Y_SCALAR, "title", file, err) < 0)
            return GC_EDATA;
        if (gc_calendar_key(key, sizeof key, t->str, t->len) == 0)
            return gc_err_set(err, GC_EDATA, file, t->line, t->col, "empty title");
        g_ptr_array_add(r->titles, GC_UNCONST(gc_data_intern(d, key)));
    }
    return 0;
}

/* Other names --role takes for this role ("frontend" for
 * frontend-engineer): lowercase words joined by hyphens, like ids, so they
 * are typed as easily.  Uniqueness is checked once every role is known
 * (link_aliases). */
static int parse_aliases(gc_data *d, gc_role *r, const gc_ynode *seq, const char *file,
                         gc_err *err)
{
    if (gc_yexpect(seq, GC_Y_SEQ, "aliases", file, err) < 0)
        return GC_EDATA;
    for (size_t i = 0; i < seq->n; i++) {
        const gc_ynode *a = seq->items[i];
        if (gc_yexpect(a, GC_Y_SCALAR, "alias", file, err) < 0)
            return GC_EDATA;
        if (a->len == 0 || a->len > GC_ROLE_ALIAS_MAX ||
            strspn(a->str, "abcdefghijklmnopqrstuvwxyz0123456789-") != a->len ||
            a->str[0] == '-' || a->str[a->len - 1] == '-')
            return gc_err_set(err, GC_EDATA, file, a->line, a->col,
                              "alias '%s' must be lowercase letters, digits and inner "
                              "hyphens, at most %d characters", a->str, GC_ROLE_ALIAS_MAX);
        gc_pos p = {gc_data_intern(d, file), a->line, a->col};
        g_ptr_array_add(r->aliases, GC_UNCONST(gc_data_intern(d, a->str)));
        g_array_append_val(r->alias_pos, p);
    }
    return 0;
}

gc_role *gc_role_new_internal(void)
{
    gc_role *r = g_new0(gc_role, 1);
    r->phases = g_ptr_array_new_with_free_func(phase_free);
    r->codes = g_ptr_array_new();
    r->titles = g_ptr_array_new();
    r->aliases = g_ptr_array_new();
    r->alias_pos = g_array_new(FALSE, FALSE, sizeof(gc_pos));
    r->implied_credit = 0.5;
    return r;
}

gc_phase *gc_role_add_phase(gc_role *r)
{
    gc_phase *ph = phase_new();
    g_ptr_array_add(r->phases, ph);
    return ph;
}

void gc_role_free_internal(gc_role *r)
{
    if (r == NULL)
        return;
    g_ptr_array_free(r->phases, TRUE);
    g_ptr_array_free(r->codes, TRUE);
    g_ptr_array_free(r->titles, TRUE);
    g_ptr_array_free(r->aliases, TRUE);
    if (r->alias_pos != NULL)
        g_array_free(r->alias_pos, TRUE);
    g_free(r);
}

static int parse_role_numbers(gc_role *r, const gc_ynode *root, const char *file, gc_err *err)
{
    const gc_ynode *v;
    double sum = 0;

    if (gc_ynumber(&r->hours_per_week, gc_ymap_get(root, "hours_per_week"), GC_ROLE_HOURS_MIN,
                   GC_ROLE_HOURS_MAX,
                   "hours_per_week", file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(root, "implied_credit")) &&
        gc_ynumber(&r->implied_credit, v, 0, 1, "implied_credit", file, err) < 0)
        return GC_EDATA;
    for (size_t i = 0; i < r->phases->len; i++)
        sum += ((gc_phase *)r->phases->pdata[i])->months;
    r->months = sum;
    if ((v = gc_ymap_get(root, "months")) != NULL) {
        double stated;
        if (gc_ynumber(&stated, v, 0, 240, "months", file, err) < 0)
            return GC_EDATA;
        if (fabs(stated - sum) > 1e-9)
            return gc_err_set(err, GC_EDATA, file, v->line, v->col,
                              "months is %g but the phases add up to %g", stated, sum);
    }
    return 0;
}

static int claim_role(gc_data *d, gc_role *r, const gc_ynode *at, const char *file, gc_err *err)
{
    gc_role *old = g_hash_table_lookup(d->role_by_id, r->id);

    if (old != NULL) {
        if (!(r->user && !old->user))
            return gc_err_set(err, GC_EDATA, file, at->line, at->col,
                              "duplicate role id '%s' (first defined at %s:%u:%u)", r->id,
                              old->pos.file, old->pos.line, old->pos.col);
        old->dead = 1;
    }
    g_hash_table_insert(d->role_by_id, GC_UNCONST(r->id), r);
    return 0;
}

int gc_roles_parse(gc_data *d, const gc_ynode *root, const char *file, int user, gc_err *err)
{
    static const char *const keys[] = {"id", "title", "summary", "hours_per_week", "months",
                                       "implied_credit", "codes", "titles", "aliases", "model",
                                       "phases", NULL};
    static const char *const req[] = {"id", "title", "hours_per_week", "phases", NULL};
    const gc_ynode *ph, *codes, *v;
    gc_role *r;

    if (root == NULL)
        return gc_err_set(err, GC_EDATA, file, 1, 1, "empty role file");
    if (gc_yexpect(root, GC_Y_MAP, "role", file, err) < 0 ||
        gc_ymap_check(root, keys, req, file, err) < 0 || need_scalar(root, "id", file, err) < 0 ||
        need_scalar(root, "title", file, err) < 0 || need_scalar(root, "summary", file, err) < 0)
        return GC_EDATA;
    r = gc_role_new_internal();
    g_ptr_array_add(d->roles, r);
    r->id = scalar(d, root, "id");
    r->title = scalar(d, root, "title");
    r->summary = scalar(d, root, "summary");
    r->user = user;
    r->pos = (gc_pos){gc_data_intern(d, file), root->line, root->col};
    ph = gc_ymap_get(root, "phases");
    if (gc_yexpect(ph, GC_Y_SEQ, "phases", file, err) < 0)
        return GC_EDATA;
    if (ph->n == 0)
        return gc_err_set(err, GC_EDATA, file, ph->line, ph->col, "a role needs phases");
    for (size_t i = 0; i < ph->n; i++)
        if (parse_phase(d, r, ph->items[i], file, err) < 0)
            return GC_EDATA;
    if ((codes = gc_ymap_get(root, "codes")) &&
        parse_strings(d, r->codes, codes, "codes", file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(root, "titles")) && parse_titles(d, r, v, file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(root, "aliases")) && parse_aliases(d, r, v, file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(root, "model")) &&
        gc_model_parse(&r->model_own, &r->model_set, v, file, 1, err) < 0)
        return GC_EDATA;
    if (parse_role_numbers(r, root, file, err) < 0)
        return GC_EDATA;
    return claim_role(d, r, gc_ymap_get(root, "id"), file, err);
}

static int link_phase(gc_data *d, gc_phase *ph, GHashTable *seen, gc_err *err)
{
    for (size_t k = 0; k < ph->skill_ids->len; k++) {
        const char *id = ph->skill_ids->pdata[k];
        gc_pos p = g_array_index(ph->skill_pos, gc_pos, k);
        gpointer v = g_hash_table_lookup(d->skill_by_id, id);
        if (v == NULL)
            return gc_err_set(err, GC_EDATA, p.file, p.line, p.col, "unknown skill '%s'", id);
        if (g_hash_table_contains(seen, id))
            return gc_err_set(err, GC_EDATA, p.file, p.line, p.col,
                              "skill '%s' is listed twice in this role", id);
        g_hash_table_add(seen, GC_UNCONST(id));
        uint32_t si = GPOINTER_TO_UINT(v) - 1;
        g_array_append_val(ph->skills, si);
    }
    return 0;
}

/* Every alias names one role: none is a role's id or another's alias.
 * Checked among the live roles, so a user role that replaces a bundled
 * one may reuse its aliases. */
static int link_aliases(gc_data *d, const gc_role *r, gc_err *err)
{
    for (size_t k = 0; k < r->aliases->len; k++) {
        const char *a = r->aliases->pdata[k];
        gc_pos p = g_array_index(r->alias_pos, gc_pos, k);
        const gc_role *o = g_hash_table_lookup(d->role_by_id, a);
        if (o == NULL)
            o = g_hash_table_lookup(d->role_by_alias, a);
        if (o == r)
            return gc_err_set(err, GC_EDATA, p.file, p.line, p.col,
                              "alias '%s' repeats a name of this role", a);
        if (o != NULL)
            return gc_err_set(err, GC_EDATA, p.file, p.line, p.col,
                              "alias '%s' already names role '%s' (%s:%u:%u)", a, o->id,
                              o->pos.file, o->pos.line, o->pos.col);
        g_hash_table_insert(d->role_by_alias, GC_UNCONST(a), GC_UNCONST(r));
    }
    return 0;
}

int gc_roles_link(gc_data *d, gc_err *err)
{
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    int rc = 0;

    for (size_t i = 0; i < d->roles->len && rc == 0; i++) {
        gc_role *r = d->roles->pdata[i];
        gc_model_merge(&r->model, &d->model, &r->model_own, r->model_set);
        g_hash_table_remove_all(seen);
        for (size_t j = 0; j < r->phases->len && rc == 0; j++)
            rc = link_phase(d, r->phases->pdata[j], seen, err);
        if (rc == 0)
            rc = link_aliases(d, r, err);
    }
    g_hash_table_destroy(seen);
    return rc;
}

/* ---- public getters ------------------------------------------------------ */

static const gc_phase *phase(const gc_role *r, size_t i)
{
    return r->phases->pdata[i];
}

const char *gc_role_id(const gc_role *r) { return r->id; }
const char *gc_role_title(const gc_role *r) { return r->title; }
const char *gc_role_summary(const gc_role *r) { return r->summary; }
double gc_role_hours_per_week(const gc_role *r) { return r->hours_per_week; }
double gc_role_months(const gc_role *r) { return r->months; }
double gc_role_implied_credit(const gc_role *r) { return r->implied_credit; }
size_t gc_role_n_phases(const gc_role *r) { return r->phases->len; }
size_t gc_role_n_aliases(const gc_role *r) { return r->aliases->len; }
const char *gc_role_alias(const gc_role *r, size_t i) { return r->aliases->pdata[i]; }
const char *gc_role_phase_id(const gc_role *r, size_t i) { return phase(r, i)->id; }
const char *gc_role_phase_title(const gc_role *r, size_t i) { return phase(r, i)->title; }
double gc_role_phase_months(const gc_role *r, size_t i) { return phase(r, i)->months; }
size_t gc_role_phase_n_skills(const gc_role *r, size_t i) { return phase(r, i)->skills->len; }

size_t gc_role_phase_skill(const gc_role *r, size_t p, size_t i, double *weight_out)
{
    if (weight_out != NULL)
        *weight_out = g_array_index(phase(r, p)->weights, double, i);
    return g_array_index(phase(r, p)->skills, uint32_t, i);
}

size_t gc_role_phase_n_milestones(const gc_role *r, size_t p)
{
    return phase(r, p)->milestones->len;
}

const char *gc_role_phase_milestone(const gc_role *r, size_t p, size_t i)
{
    return phase(r, p)->milestones->pdata[i];
}

static int role_has(const gc_role *r, uint32_t skill)
{
    for (size_t p = 0; p < r->phases->len; p++) {
        GArray *s = phase(r, p)->skills;
        for (size_t i = 0; i < s->len; i++)
            if (g_array_index(s, uint32_t, i) == skill)
                return 1;
    }
    return 0;
}

double gc_role_overlap(const gc_role *a, const gc_role *b)
{
    size_t n = 0, shared = 0;

    for (size_t p = 0; p < a->phases->len; p++) {
        GArray *s = phase(a, p)->skills;
        for (size_t i = 0; i < s->len; i++, n++)
            shared += (size_t)role_has(b, g_array_index(s, uint32_t, i));
    }
    return n ? (double)shared / (double)n : 0;
}

/* Largest share first, then id: the same order every run. */
static int cmp_related(const void *x, const void *y)
{
    const gc_related *a = x, *b = y;

    if (a->share != b->share)
        return a->share > b->share ? -1 : 1;
    return strcmp(a->role->id, b->role->id);
}

size_t gc_role_related(gc_related *out, const gc_data *d, const gc_role *r, gc_relation which)
{
    double min = d->model.related_share;
    size_t n = 0;

    for (size_t i = 0; i < d->roles->len; i++) {
        const gc_role *o = d->roles->pdata[i];
        if (o == r)
            continue;
        double to = gc_role_overlap(r, o), from = gc_role_overlap(o, r);
        double share = which == GC_RELATED_SHARES_R ? to : from;
        if (share > min)
            out[n++] = (gc_related){o, share, to, from};
    }
    qsort(out, n, sizeof *out, cmp_related);
    return n;
}

double gc_data_related_share(const gc_data *d)
{
    return d->model.related_share;
}
