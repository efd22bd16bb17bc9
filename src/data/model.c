/* model: the `model:` block — the constants of the time-to-ready model
 * (lexicon/model.yaml gives each one's source) — read from the lexicon and
 * from a role's own `model:` block, which overrides the lexicon's values
 * for that role only.  The formula itself lives in src/model/credit.c.
 * The block also holds related_share, the overlap that makes roles related
 * (roles.c): one value for the whole catalogue, so no role may set it. */
#include <math.h>

#include <glib.h>

#include "data/data_int.h"
#include "data/yaml_load.h"

static const struct {
    const char *key;
    size_t off;
    double min, max;
    int lexicon_only;
} fields[] = {
    {"full_depth_months", offsetof(gc_model, full_depth_months), 1, 240, 0},
    {"half_life_months", offsetof(gc_model, half_life_months), 1, 600, 0},
    {"relearn_floor", offsetof(gc_model, relearn_floor), 0, 1, 0},
    {"listed_credit", offsetof(gc_model, listed_credit), 0, 1, 0},
    {"title_credit", offsetof(gc_model, title_credit), 0, 1, 0},
    /* below 5% nearly every pair of roles would be related; above 95%
     * only near-copies */
    {"related_share", offsetof(gc_model, related_share), 0.05, 0.95, 1},
};

static double *field(gc_model *m, size_t i)
{
    return (double *)(void *)((char *)m + fields[i].off);
}

int gc_model_parse(gc_model *m, unsigned *set, const gc_ynode *map, const char *file,
                   int in_role, gc_err *err)
{
    static const char *const keys[] = {"full_depth_months", "half_life_months",
                                       "relearn_floor", "listed_credit", "title_credit",
                                       "related_share", NULL};

    if (gc_yexpect(map, GC_Y_MAP, "model", file, err) < 0 ||
        gc_ymap_check(map, keys, NULL, file, err) < 0)
        return GC_EDATA;
    for (size_t i = 0; i < G_N_ELEMENTS(fields); i++) {
        const gc_ynode *v = gc_ymap_get(map, fields[i].key);
        if (v == NULL)
            continue;
        if (in_role && fields[i].lexicon_only)
            return gc_err_set(err, GC_EDATA, file, v->line, v->col,
                              "'%s' holds for every role: set it in the lexicon's model block "
                              "(lexicon/model.yaml)", fields[i].key);
        if (gc_ynumber(field(m, i), v, fields[i].min, fields[i].max, fields[i].key, file,
                       err) < 0)
            return GC_EDATA;
        *set |= 1u << i;
    }
    return 0;
}

int gc_model_complete(const gc_model *m)
{
    for (size_t i = 0; i < G_N_ELEMENTS(fields); i++) {
        double v = *field(GC_UNCONST(m), i);
        if (!(v >= fields[i].min && v <= fields[i].max))
            return 0;
    }
    return 1;
}

void gc_model_merge(gc_model *out, const gc_model *base, const gc_model *over, unsigned set)
{
    *out = *base;
    for (size_t i = 0; i < G_N_ELEMENTS(fields); i++)
        if (set & (1u << i))
            *field(out, i) = *field(GC_UNCONST(over), i);
}
