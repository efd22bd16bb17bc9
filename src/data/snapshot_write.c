/* snapshot_write: serialises a built (frozen) data set; see snapshot.h.
 * Used at build time by tools/snapshot.c; output is byte-for-byte the same
 * for the same data, so the embedded blob only changes when the data does. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "data/snapshot.h"

typedef struct writer {
    const gc_data *d;
    GByteArray *sect[N_SECT];
    GHashTable *str_off;      /* string → offset + 1 in S_STR */
} writer;

static void put(writer *w, int s, const void *p, size_t n)
{
    g_byte_array_append(w->sect[s], p, (guint)n);
}

static void put_u32(writer *w, int s, uint32_t v)
{
    put(w, s, &v, sizeof v);
}

static uint32_t str(writer *w, const char *s)
{
    if (s == NULL)
        return SNAP_NO_STR;
    gpointer v = g_hash_table_lookup(w->str_off, s);
    if (v != NULL)
        return GPOINTER_TO_UINT(v) - 1;
    uint32_t off = w->sect[S_STR]->len;
    put(w, S_STR, s, strlen(s) + 1);
    g_hash_table_insert(w->str_off, GC_UNCONST(s), GUINT_TO_POINTER(off + 1));
    return off;
}

static s_pos pos(writer *w, gc_pos p)
{
    return (s_pos){str(w, p.file), p.line, p.col};
}

static void put_skills(writer *w)
{
    for (guint i = 0; i < w->d->skills->len; i++) {
        const gc_skill *s = &g_array_index(w->d->skills, gc_skill, i);
        s_skill r = {str(w, s->id), str(w, s->name), str(w, s->category), (uint32_t)s->user,
                     (uint32_t)s->dead, pos(w, s->pos), pos(w, s->category_pos),
                     s->r_aliases, s->r_nots, s->r_implies, s->r_requires};
        put(w, S_SKILLS, &r, sizeof r);
    }
    put(w, S_REFS, w->d->refs, w->d->n_refs * sizeof(uint32_t));
}

static void put_aliases(writer *w)
{
    for (guint i = 0; i < w->d->aliases->len; i++) {
        const gc_alias *a = &g_array_index(w->d->aliases, gc_alias, i);
        s_alias r;
        memset(&r, 0, sizeof r);  /* padding too: the blob must be reproducible */
        r = (s_alias){a->skill, a->tok0, a->n_toks, a->exact0, a->near0, a->n_near, a->regex,
                      str(w, a->pattern), a->case_exact, a->context, a->is_not, 0,
                      pos(w, a->pos)};
        put(w, S_ALIASES, &r, sizeof r);
    }
    for (guint i = 0; i < w->d->exact_words->len; i++)
        put_u32(w, S_EXACT, str(w, w->d->exact_words->pdata[i]));
}

static void put_garray(writer *w, int s, const GArray *a)
{
    put(w, s, a->data, (size_t)a->len * g_array_get_element_size((GArray *)(uintptr_t)a));
}

static void put_matcher(writer *w)
{
    const gc_data *d = w->d;

    put_garray(w, S_ALIAS_ATOMS, d->alias_atoms);
    put_garray(w, S_NEAR, d->near_phrases);
    put_garray(w, S_FIRST, d->first_index);
    put_garray(w, S_BYFIRST, d->by_first);
    put_garray(w, S_REGEX, d->regex_alias);
    put_garray(w, S_CUES, d->cues);
    put_garray(w, S_PWORDS, d->pwords);
}

static int cmp_key(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sections, categories and headings (sorted, for a reproducible blob). */
static void put_segments(writer *w)
{
    const gc_data *d = w->d;
    guint n = 0;

    for (guint i = 0; i < d->sections->len; i++)
        put_u32(w, S_SECTIONS, str(w, g_array_index(d->sections, gc_section, i).id));
    for (guint i = 0; i < d->categories->len; i++) {
        const char *id = d->categories->pdata[i];
        s_pair p = {str(w, id), str(w, g_hash_table_lookup(d->category_names, id))};
        put(w, S_CATEGORIES, &p, sizeof p);
    }
    const char **keys = (const char **)g_hash_table_get_keys_as_array(d->heading_to_section, &n);
    qsort(keys, n, sizeof *keys, cmp_key);
    for (guint i = 0; i < n; i++) {
        s_pair p = {str(w, keys[i]),
                    GPOINTER_TO_UINT(g_hash_table_lookup(d->heading_to_section, keys[i]))};
        put(w, S_HEADINGS, &p, sizeof p);
    }
    g_free(keys);
    keys = (const char **)g_hash_table_get_keys_as_array(d->date_words, &n);
    qsort(keys, n, sizeof *keys, cmp_key);
    for (guint i = 0; i < n; i++) {
        s_pair p = {str(w, keys[i]), gc_calendar_word(d, keys[i])};
        put(w, S_DATEWORDS, &p, sizeof p);
    }
    g_free(keys);
    put(w, S_MODEL, &d->model, sizeof d->model);
}

static gc_range put_strlist(writer *w, const GPtrArray *v)
{
    gc_range r = {w->sect[S_STRLIST]->len / 4, v->len};

    for (guint i = 0; i < v->len; i++)
        put_u32(w, S_STRLIST, str(w, v->pdata[i]));
    return r;
}

static void put_phase(writer *w, const gc_phase *ph)
{
    s_phase r;

    memset(&r, 0, sizeof r);
    r.months = ph->months;
    r.id = str(w, ph->id);
    r.title = str(w, ph->title);
    r.skills = (gc_range){w->sect[S_PSKILLS]->len / sizeof(s_pskill), ph->skills->len};
    for (guint k = 0; k < ph->skills->len; k++) {
        s_pskill ps = {g_array_index(ph->weights, double, k),
                       g_array_index(ph->skills, uint32_t, k), 0};
        put(w, S_PSKILLS, &ps, sizeof ps);
    }
    r.milestones = put_strlist(w, ph->milestones);
    put(w, S_PHASES, &r, sizeof r);
}

static void put_roles(writer *w)
{
    for (guint i = 0; i < w->d->roles->len; i++) {
        const gc_role *ro = w->d->roles->pdata[i];
        s_role r;
        memset(&r, 0, sizeof r);
        r.hours_per_week = ro->hours_per_week;
        r.months = ro->months;
        r.implied_credit = ro->implied_credit;
        r.id = str(w, ro->id);
        r.title = str(w, ro->title);
        r.summary = str(w, ro->summary);
        r.phases = (gc_range){w->sect[S_PHASES]->len / sizeof(s_phase), ro->phases->len};
        for (guint p = 0; p < ro->phases->len; p++)
            put_phase(w, ro->phases->pdata[p]);
        r.codes = put_strlist(w, ro->codes);
        r.titles = put_strlist(w, ro->titles);
        r.aliases = put_strlist(w, ro->aliases);
        r.model = ro->model;
        r.pos = pos(w, ro->pos);
        put(w, S_ROLES, &r, sizeof r);
    }
}

static void put_tab(writer *w, int s, const gc_strtab *t)
{
    put_u32(w, s, t->n);
    put_u32(w, s, t->n_slots);
    for (uint32_t i = 0; i < t->n; i++)
        put_u32(w, s, str(w, gc_strtab_key(t, i)));
    put(w, s, t->val, t->n * sizeof(uint32_t));
    put(w, s, t->slot, t->n_slots * sizeof(uint32_t));
}

/* Header, then the sections in order, each padded to 8 bytes. */
static GByteArray *assemble(writer *w)
{
    snap_hdr h;
    GByteArray *out = g_byte_array_new();
    static const unsigned char zero[8];

    memset(&h, 0, sizeof h);
    memcpy(h.magic, SNAP_MAGIC, 8);
    h.version = SNAP_VERSION;
    h.n_sect = N_SECT;
    g_byte_array_append(out, (const guint8 *)&h, sizeof h);
    for (int s = 0; s < N_SECT; s++) {
        h.s[s] = (snap_sect){out->len, w->sect[s]->len};
        g_byte_array_append(out, w->sect[s]->data, w->sect[s]->len);
        g_byte_array_append(out, zero, (8 - out->len % 8) % 8);
    }
    h.size = out->len;
    h.sum = snap_checksum(out->data + sizeof h, out->len - sizeof h);
    memcpy(out->data, &h, sizeof h);
    return out;
}

int gc_data_snapshot(char **buf_out, size_t *len_out, const gc_data *d, gc_err *err)
{
    writer w = {d, {0}, g_hash_table_new(g_str_hash, g_str_equal)};

    *buf_out = NULL;
    *len_out = 0;
    if (!d->built || d->atoms != NULL)
        return gc_err_set(err, GC_EDATA, NULL, 0, 0, "snapshot of a data set not built");
    for (int s = 0; s < N_SECT; s++)
        w.sect[s] = g_byte_array_new();
    put_u32(&w, S_STR, 0);  /* offset 0 is "" and never a valid string of ours */
    put_skills(&w);
    put_aliases(&w);
    put_matcher(&w);
    put_segments(&w);
    put_roles(&w);
    put_tab(&w, S_TAB_ATOMS, &d->tab_atoms);
    put_tab(&w, S_TAB_NAMES, &d->tab_names);
    put_tab(&w, S_TAB_IDS, &d->tab_ids);
    GByteArray *out = assemble(&w);
    for (int s = 0; s < N_SECT; s++)
        g_byte_array_free(w.sect[s], TRUE);
    g_hash_table_destroy(w.str_off);
    *len_out = out->len;
    *buf_out = (char *)g_byte_array_free(out, FALSE);
    return 0;
}
