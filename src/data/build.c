/* build: the immutable gc_data from lexicon and role files: parse each
 * file (yaml_load, lexicon, roles), then link every reference (skills
 * that imply or require others, role skills) and build the matcher
 * (matcher_build.c).  The tables it fills live in store.c; a gc_data is
 * made and freed here (snapshot_read.c makes one too, without parsing). */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "data/data_int.h"
#include "data/yaml_load.h"
#include "gapcheck.h"

struct gc_data_builder {
    gc_data *d;
};

gc_data *gc_data_new_internal(const gc_limits *lim)
{
    gc_data *d = g_new0(gc_data, 1);

    d->lim = *lim;
    d->strings = g_string_chunk_new(64 * 1024);
    d->skills = g_array_new(FALSE, FALSE, sizeof(gc_skill));
    d->aliases = g_array_new(FALSE, FALSE, sizeof(gc_alias));
    d->roles = g_ptr_array_new();
    d->sections = g_array_new(FALSE, FALSE, sizeof(gc_section));
    d->cues = g_array_new(FALSE, FALSE, sizeof(gc_cue));
    d->pwords = g_array_new(FALSE, FALSE, sizeof(gc_pword));
    d->categories = g_ptr_array_new();
    d->category_names = g_hash_table_new(g_str_hash, g_str_equal);
    d->skill_by_id = g_hash_table_new(g_str_hash, g_str_equal);
    d->role_by_id = g_hash_table_new(g_str_hash, g_str_equal);
    d->role_by_alias = g_hash_table_new(g_str_hash, g_str_equal);
    d->heading_to_section = g_hash_table_new(g_str_hash, g_str_equal);
    d->date_words = g_hash_table_new(g_str_hash, g_str_equal);
    d->atoms = g_hash_table_new(g_str_hash, g_str_equal);
    d->names = g_hash_table_new(g_str_hash, g_str_equal);
    d->alias_atoms = g_array_new(FALSE, FALSE, sizeof(int32_t));
    d->exact_words = g_ptr_array_new();
    d->near_phrases = g_array_new(FALSE, FALSE, sizeof(gc_phrase));
    return d;
}


void gc_data_free(gc_data *d)
{
    if (d == NULL)
        return;
    gc_matcher_free(d);
    for (size_t i = 0; i < d->skills->len; i++)
        gc_skill_free_lists(&g_array_index(d->skills, gc_skill, i));
    for (size_t i = 0; i < d->roles->len; i++)
        gc_role_free_internal(d->roles->pdata[i]);
    g_array_free(d->skills, TRUE);
    g_array_free(d->aliases, TRUE);
    g_ptr_array_free(d->roles, TRUE);
    g_array_free(d->sections, TRUE);
    g_array_free(d->cues, TRUE);
    g_array_free(d->pwords, TRUE);
    g_ptr_array_free(d->categories, TRUE);
    g_hash_table_destroy(d->category_names);
    g_hash_table_destroy(d->role_by_id);
    g_hash_table_destroy(d->role_by_alias);
    g_hash_table_destroy(d->heading_to_section);
    g_hash_table_destroy(d->date_words);
    gc_data_drop_build_tables(d);
    g_array_free(d->alias_atoms, TRUE);
    g_ptr_array_free(d->exact_words, TRUE);
    g_array_free(d->near_phrases, TRUE);
    g_free(d->refs);
    gc_strtab_free(&d->tab_atoms);
    gc_strtab_free(&d->tab_names);
    gc_strtab_free(&d->tab_ids);
    g_string_chunk_free(d->strings);
    g_free(d);
}

gc_data_builder *gc_data_builder_new(const gc_limits *lim)
{
    gc_data_builder *b = g_new0(gc_data_builder, 1);
    b->d = gc_data_new_internal(lim);
    return b;
}

void gc_data_builder_free(gc_data_builder *b)
{
    if (b == NULL)
        return;
    gc_data_free(b->d);
    g_free(b);
}

int gc_data_add(gc_data_builder *b, gc_data_kind kind, const char *name, const char *buf,
                size_t len, int user, gc_err *err)
{
    gc_ydoc *doc = NULL;
    int rc = gc_yaml_parse(&doc, name, buf, len, &b->d->lim, err);

    if (rc < 0)
        return rc;
    if (kind == GC_DATA_LEXICON)
        rc = gc_lexicon_parse(b->d, gc_ydoc_root(doc), name, user, err);
    else
        rc = gc_roles_parse(b->d, gc_ydoc_root(doc), name, user, err);
    gc_ydoc_free(doc);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists dir's *.yaml names, sorted, so load order (and so error order and
 * overrides) never depends on the file system. */
static int list_yaml(GPtrArray *names, const char *dir, gc_err *err)
{
    DIR *dp = opendir(dir);
    struct dirent *e;

    if (dp == NULL) {
        gc_err_set(err, GC_EIO, dir, 0, 0, "cannot open directory: %s", strerror(errno));
        return GC_EIO;
    }
    while ((e = readdir(dp)) != NULL) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] != '.' && n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0)
            g_ptr_array_add(names, g_build_filename(dir, e->d_name, NULL));
    }
    closedir(dp);
    qsort(names->pdata, names->len, sizeof(gpointer), cmp_str);
    return 0;
}

int gc_data_list_dir(char ***names_out, size_t *n_out, const char *dir, gc_err *err)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    int rc = list_yaml(names, dir, err);

    *names_out = NULL;
    *n_out = 0;
    if (rc != 0) {
        g_ptr_array_free(names, TRUE);
        return rc;
    }
    *n_out = names->len;
    g_ptr_array_add(names, NULL);
    *names_out = (char **)g_ptr_array_free(names, FALSE);
    return 0;
}

void gc_strv_free(char **v)
{
    g_strfreev(v);
}

int gc_data_add_dir(gc_data_builder *b, gc_data_kind kind, const char *dir, int user,
                    gc_err *err)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    int rc = list_yaml(names, dir, err);

    for (size_t i = 0; rc == 0 && i < names->len; i++) {
        char *buf = NULL;
        size_t len = 0;
        const char *path = names->pdata[i];
        rc = gc_read_file(&buf, &len, path, b->d->lim.data_bytes, err);
        if (rc == 0)
            rc = gc_data_add(b, kind, path, buf, len, user, err);
        free(buf);
    }
    g_ptr_array_free(names, TRUE);
    return rc;
}

/* Resolves a list of ids (implies or requires) into skill indexes. */
static int resolve_refs(gc_data *d, GArray *out, GPtrArray *ids, GArray *posv, uint32_t self,
                        gc_err *err)
{
    for (size_t k = 0; k < ids->len; k++) {
        gc_pos p = g_array_index(posv, gc_pos, k);
        gpointer v = g_hash_table_lookup(d->skill_by_id, ids->pdata[k]);
        if (v == NULL)
            return gc_err_set(err, GC_EDATA, p.file, p.line, p.col, "unknown skill '%s'",
                              (const char *)ids->pdata[k]);
        uint32_t si = GPOINTER_TO_UINT(v) - 1;
        if (si == self)
            return gc_err_set(err, GC_EDATA, p.file, p.line, p.col,
                              "a skill cannot refer to itself");
        g_array_append_val(out, si);
    }
    return 0;
}

/* Depth-first search for a cycle through `which` (0 implies, 1 requires). */
static int find_cycle(gc_data *d, uint32_t s, uint8_t *color, int which, gc_err *err)
{
    gc_skill *sk = &g_array_index(d->skills, gc_skill, s);
    GArray *next = which ? sk->requires : sk->implies;

    color[s] = 1;
    for (size_t i = 0; i < next->len; i++) {
        uint32_t t = g_array_index(next, uint32_t, i);
        if (color[t] == 1)
            return gc_err_set(err, GC_EDATA, sk->pos.file, sk->pos.line, sk->pos.col,
                              "'%s' %s '%s', which leads back to it", sk->id,
                              which ? "requires" : "implies",
                              g_array_index(d->skills, gc_skill, t).id);
        if (color[t] == 0 && find_cycle(d, t, color, which, err) < 0)
            return GC_EDATA;
    }
    color[s] = 2;
    return 0;
}

static int link_skills(gc_data *d, gc_err *err)
{
    size_t n = d->skills->len;
    uint8_t *color;
    int rc = 0;

    for (uint32_t i = 0; i < n && rc == 0; i++) {
        gc_skill *s = &g_array_index(d->skills, gc_skill, i);
        if (s->dead)
            continue;
        if (!g_hash_table_contains(d->category_names, s->category))
            return gc_err_set(err, GC_EDATA, s->category_pos.file, s->category_pos.line,
                              s->category_pos.col, "unknown category '%s'", s->category);
        rc = resolve_refs(d, s->implies, s->implies_ids, s->implies_pos, i, err);
        if (rc == 0)
            rc = resolve_refs(d, s->requires, s->requires_ids, s->requires_pos, i, err);
    }
    for (int which = 0; which < 2 && rc == 0; which++) {
        color = g_new0(uint8_t, n + 1);
        for (uint32_t i = 0; i < n && rc == 0; i++)
            if (color[i] == 0)
                rc = find_cycle(d, i, color, which, err);
        g_free(color);
    }
    return rc;
}

/* A user role that replaced a bundled one: the old one goes, so listings,
 * related roles and counts see each id once. */
static void drop_replaced_roles(gc_data *d)
{
    for (guint i = d->roles->len; i-- > 0;) {
        gc_role *r = d->roles->pdata[i];
        if (r->dead) {
            gc_role_free_internal(r);
            g_ptr_array_remove_index(d->roles, i);
        }
    }
}

int gc_data_build(gc_data **out, gc_data_builder *b, gc_err *err)
{
    gc_data *d = b->d;
    int rc;

    *out = NULL;
    g_free(b);
    rc = link_skills(d, err);
    if (rc == 0 && d->model_set != GC_MODEL_ALL)
        rc = gc_err_set(err, GC_EDATA, NULL, 0, 0,
                        "the lexicon has no complete 'model:' block (lexicon/model.yaml)");
    if (rc == 0)
        drop_replaced_roles(d);
    if (rc == 0)
        rc = gc_roles_link(d, err);
    if (rc == 0)
        rc = gc_matcher_build(d, err);
    if (rc == 0)
        rc = gc_data_freeze(d, err);
    if (rc < 0) {
        gc_data_free(d);
        return rc;
    }
    d->built = 1;
    *out = d;
    return 0;
}

/* ---- getters ------------------------------------------------------------- */

