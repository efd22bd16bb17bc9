/* store: the gc_data itself — the string and word tables that lexicon.c,
 * roles.c and matcher_build.c intern into while a data set is built, and
 * the small public getters over skills and roles.  No parsing here: the
 * builder (build.c) drives the parsers, which call into this file. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/tokenize.h"
#include "data/data_int.h"
#include "gapcheck.h"

const char *gc_data_intern(gc_data *d, const char *s)
{
    return g_string_chunk_insert_const(d->strings, s);
}

int32_t gc_data_atom_lookup(const gc_data *d, const char *folded)
{
    if (d->atoms == NULL)  /* frozen */
        return (int32_t)gc_strtab_get(&d->tab_atoms, folded);
    gpointer v = g_hash_table_lookup(d->atoms, folded);
    return v ? (int32_t)GPOINTER_TO_UINT(v) - 1 : -1;
}

int32_t gc_data_atom(gc_data *d, const char *folded, int add)
{
    int32_t a = gc_data_atom_lookup(d, folded);

    if (a >= 0 || !add)
        return a;
    a = (int32_t)g_hash_table_size(d->atoms);
    g_hash_table_insert(d->atoms, GC_UNCONST(gc_data_intern(d, folded)),
                        GUINT_TO_POINTER((guint)a + 1));
    return a;
}

int gc_data_phrase(gc_data *d, gc_phrase *out, const char *text, size_t max_words)
{
    gc_tokens t = {0};
    char folded[512];
    gc_err scratch = GC_ERR_INIT;
    int rc = gc_tokenize(&t, text, strlen(text), max_words + 1, &scratch);

    if (rc < 0 || t.n == 0 || t.n > max_words) {
        gc_tokens_free(&t);
        return -1;
    }
    out->tok0 = d->alias_atoms->len;
    out->n_toks = (uint32_t)t.n;
    for (size_t i = 0; i < t.n; i++) {
        if (gc_fold(folded, sizeof folded, text + t.v[i].start, t.v[i].len) == (size_t)-1)
            folded[0] = '\0';
        int32_t atom = gc_data_atom(d, folded, 1);
        g_array_append_val(d->alias_atoms, atom);
    }
    gc_tokens_free(&t);
    return 0;
}


static const gc_skill *skill(const gc_data *d, size_t i)
{
    return &g_array_index(d->skills, gc_skill, i);
}

size_t gc_data_n_skills(const gc_data *d) { return d->skills->len; }
size_t gc_data_n_aliases(const gc_data *d) { return d->aliases->len; }
size_t gc_data_n_roles(const gc_data *d) { return d->roles->len; }
const gc_role *gc_data_role(const gc_data *d, size_t i) { return d->roles->pdata[i]; }
const char *gc_skill_id(const gc_data *d, size_t i) { return skill(d, i)->id; }
const char *gc_skill_name(const gc_data *d, size_t i) { return skill(d, i)->name; }
const char *gc_skill_category(const gc_data *d, size_t i) { return skill(d, i)->category; }
int gc_skill_live(const gc_data *d, size_t i) { return !skill(d, i)->dead; }

const gc_role *gc_data_find_role(const gc_data *d, const char *id)
{
    return g_hash_table_lookup(d->role_by_id, id);
}

long gc_data_find_skill(const gc_data *d, const char *id)
{
    return gc_strtab_get(&d->tab_ids, id);
}

long gc_data_lookup_skill(const gc_data *d, const char *word)
{
    char folded[256];
    long s = gc_data_find_skill(d, word);

    if (s >= 0)
        return s;
    if (gc_fold(folded, sizeof folded, word, strlen(word)) == (size_t)-1)
        return -1;
    return gc_strtab_get(&d->tab_names, folded);
}
