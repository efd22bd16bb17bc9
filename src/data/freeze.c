/* freeze: the last step of a build.  Per-skill GArrays become ranges over
 * one uint32 array and the GHashTables that map strings (atoms, names,
 * skill ids) become flat gc_strtabs.  Runtime code reads only the frozen
 * form, which is what a snapshot stores, so a data set loaded from YAML and
 * one loaded from a snapshot behave the same. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "data/data_int.h"

static void put_list(GArray *refs, gc_range *r, const GArray *list)
{
    r->off = refs->len;
    r->n = list ? list->len : 0;
    if (r->n)
        g_array_append_vals(refs, list->data, list->len);
}

void gc_skill_free_lists(gc_skill *s)
{
    if (s->aliases == NULL)
        return;  /* already frozen */
    g_array_free(s->aliases, TRUE);
    g_array_free(s->nots, TRUE);
    g_array_free(s->implies, TRUE);
    g_array_free(s->requires, TRUE);
    g_ptr_array_free(s->implies_ids, TRUE);
    g_ptr_array_free(s->requires_ids, TRUE);
    g_array_free(s->implies_pos, TRUE);
    g_array_free(s->requires_pos, TRUE);
    s->aliases = s->nots = s->implies = s->requires = NULL;
    s->implies_ids = s->requires_ids = NULL;
    s->implies_pos = s->requires_pos = NULL;
}

static void freeze_skills(gc_data *d)
{
    GArray *refs = g_array_new(FALSE, FALSE, sizeof(uint32_t));

    for (guint i = 0; i < d->skills->len; i++) {
        gc_skill *s = &g_array_index(d->skills, gc_skill, i);
        if (s->aliases == NULL)
            continue;
        put_list(refs, &s->r_aliases, s->aliases);
        put_list(refs, &s->r_nots, s->nots);
        put_list(refs, &s->r_implies, s->implies);
        put_list(refs, &s->r_requires, s->requires);
        gc_skill_free_lists(s);
    }
    d->n_refs = refs->len;
    d->refs = (uint32_t *)(void *)g_array_free(refs, FALSE);
}

/* Atoms in atom order, so entry i of the table is atom i's word. */
static int freeze_atoms(gc_data *d)
{
    guint n = g_hash_table_size(d->atoms);
    const char **keys = g_new0(const char *, n + 1);
    uint32_t *vals = g_new0(uint32_t, n + 1);
    GHashTableIter it;
    gpointer k, v;

    g_hash_table_iter_init(&it, d->atoms);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        keys[GPOINTER_TO_UINT(v) - 1] = k;
        vals[GPOINTER_TO_UINT(v) - 1] = GPOINTER_TO_UINT(v) - 1;
    }
    int rc = gc_strtab_build(&d->tab_atoms, keys, vals, n);
    g_free(keys);
    g_free(vals);
    return rc;
}

/* In the hash table's order: GLib's string hash is unseeded, so the same
 * data still gives the same snapshot, without a sort on every YAML load. */
static int freeze_names(gc_data *d)
{
    guint n = 0;
    const char **keys = (const char **)g_hash_table_get_keys_as_array(d->names, &n);
    uint32_t *vals = g_new0(uint32_t, n + 1);

    for (guint i = 0; i < n; i++)
        vals[i] = GPOINTER_TO_UINT(g_hash_table_lookup(d->names, keys[i])) - 1;
    int rc = gc_strtab_build(&d->tab_names, keys, vals, n);
    g_free(keys);
    g_free(vals);
    return rc;
}

/* Ids of the skills in force: a replaced skill's id names its override. */
static int freeze_ids(gc_data *d)
{
    const char **keys = g_new0(const char *, d->skills->len + 1);
    uint32_t *vals = g_new0(uint32_t, d->skills->len + 1);
    uint32_t n = 0;

    for (guint i = 0; i < d->skills->len; i++) {
        const char *id = g_array_index(d->skills, gc_skill, i).id;
        if (GPOINTER_TO_UINT(g_hash_table_lookup(d->skill_by_id, id)) == i + 1) {
            keys[n] = id;
            vals[n++] = i;
        }
    }
    int rc = gc_strtab_build(&d->tab_ids, keys, vals, n);
    g_free(keys);
    g_free(vals);
    return rc;
}

void gc_data_drop_build_tables(gc_data *d)
{
    if (d->atoms)
        g_hash_table_destroy(d->atoms);
    if (d->names)
        g_hash_table_destroy(d->names);
    if (d->skill_by_id)
        g_hash_table_destroy(d->skill_by_id);
    d->atoms = d->names = d->skill_by_id = NULL;
}

int gc_data_freeze(gc_data *d, gc_err *err)
{
    freeze_skills(d);
    if (freeze_atoms(d) < 0 || freeze_names(d) < 0 || freeze_ids(d) < 0)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    gc_data_drop_build_tables(d);
    return 0;
}
