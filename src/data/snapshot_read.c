/* snapshot_read: builds a gc_data from a snapshot (see snapshot.h) with as
 * little work as possible: flat arrays are copied, strings and string
 * tables are used in place (the blob must outlive the data), and only the
 * small hash tables (roles, categories, headings) are built.  Every offset,
 * range and index is checked against what it refers to before use, so a
 * damaged blob gives GC_EDATA, never a crash. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "data/headings.h"
#include "data/snapshot.h"

typedef struct reader {
    const unsigned char *base;
    const char *pool;
    uint32_t pool_len;
    const snap_hdr *h;
    int bad;                  /* something was out of bounds */
} reader;

/* Four independent lanes over interleaved words, folded at the end: the
 * multiply chain of one lane was a quarter of a whole `gapcheck roles` run
 * (0.5 ms for 0.9 MB); four let the CPU overlap them. */
uint64_t snap_checksum(const unsigned char *p, size_t n)
{
    uint64_t h[4] = {0x9E3779B97F4A7C15u, 0xC2B2AE3D27D4EB4Fu, 0x165667B19E3779F9u,
                     0x27D4EB2F165667C5u}, w;
    size_t i = 0;

    for (; i + 32 <= n; i += 32)
        for (int k = 0; k < 4; k++) {
            memcpy(&w, p + i + 8 * (size_t)k, 8);
            h[k] = (h[k] ^ w) * 0x100000001B3u;
            h[k] ^= h[k] >> 29;
        }
    for (; i < n; i++)
        h[0] = (h[0] ^ p[i]) * 0x100000001B3u;
    for (int k = 1; k < 4; k++) {
        h[0] = (h[0] ^ h[k]) * 0x100000001B3u;
        h[0] ^= h[0] >> 29;
    }
    return h[0];
}

/* Section s as an array of records of `rec` bytes; *n_out records. */
static const void *sect(reader *r, int s, size_t rec, uint32_t *n_out)
{
    snap_sect x = r->h->s[s];

    *n_out = 0;
    if (x.off % 8 != 0 || (uint64_t)x.off + x.len > r->h->size || x.len % rec != 0) {
        r->bad = 1;
        return r->base;
    }
    *n_out = (uint32_t)(x.len / rec);
    return r->base + x.off;
}

static const char *str(reader *r, uint32_t off)
{
    if (off >= r->pool_len) {
        r->bad = 1;
        return "";
    }
    return r->pool + off;
}

static uint32_t idx(reader *r, uint32_t v, uint32_t n)
{
    if (v >= n) {
        r->bad = 1;
        return 0;
    }
    return v;
}

static gc_range range(reader *r, gc_range x, uint32_t n)
{
    if ((uint64_t)x.off + x.n > n) {
        r->bad = 1;
        return (gc_range){0, 0};
    }
    return x;
}

/* A number the YAML loader would have accepted: finite, in [lo, hi]. */
static double num(reader *r, double v, double lo, double hi)
{
    if (!(v >= lo && v <= hi)) {   /* NaN fails too */
        r->bad = 1;
        return lo;
    }
    return v;
}

static gc_pos pos(reader *r, s_pos p)
{
    return (gc_pos){str(r, p.file), p.line, p.col};
}

/* The YAML loader refuses control characters in data; a snapshot from the
 * cache must not bring them either.  NUL separates the pool's strings. */
static int has_control(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c && c < 0x20 && c != '\t' && c != '\n') || c == 0x7F ||
            (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
             (unsigned char)s[i + 1] < 0xA0))
            return 1;
    }
    return 0;
}

static int check_header(reader *r, const void *buf, size_t len, int sum)
{
    const snap_hdr *h = buf;

    if (len < sizeof *h || ((uintptr_t)buf & 7) != 0 || memcmp(h->magic, SNAP_MAGIC, 8) != 0 ||
        h->version != SNAP_VERSION || h->n_sect != N_SECT || h->size != len)
        return -1;
    if (sum && snap_checksum(r->base + sizeof *h, len - sizeof *h) != h->sum)
        return -1;
    r->h = h;
    r->pool = sect(r, S_STR, 1, &r->pool_len);
    if (r->pool_len == 0 || r->pool[r->pool_len - 1] != '\0')
        return -1;
    if (sum && has_control(r->pool, r->pool_len))
        return -1;   /* names the YAML loader refuses (escape sequences) */
    return r->bad ? -1 : 0;
}

/* A flat section copied into a new GArray of `rec`-byte elements. */
static GArray *copy_array(reader *r, int s, size_t rec)
{
    uint32_t n;
    const void *p = sect(r, s, rec, &n);
    GArray *a = g_array_sized_new(FALSE, FALSE, (guint)rec, n);

    g_array_append_vals(a, p, n);
    return a;
}

static int read_tab(reader *r, gc_strtab *t, int s, uint32_t max_val)
{
    uint32_t n_words;
    const uint32_t *w = sect(r, s, 4, &n_words);

    if (n_words < 2 || (uint64_t)2 * w[0] + w[1] + 2 != n_words || w[1] == 0 ||
        (w[1] & (w[1] - 1)) != 0)
        return r->bad = 1, -1;
    *t = (gc_strtab){r->pool, w + 2, w + 2 + w[0], w + 2 + 2 * (size_t)w[0], w[0], w[1], NULL};
    for (uint32_t i = 0; i < t->n; i++) {
        str(r, t->key[i]);
        idx(r, t->val[i], max_val);
    }
    for (uint32_t i = 0; i < t->n_slots; i++)
        idx(r, t->slot[i], t->n + 1);
    return r->bad ? -1 : 0;
}

static void check_refs(reader *r, const gc_data *d, gc_range x, uint32_t max)
{
    for (uint32_t k = 0; k < x.n; k++)
        idx(r, gc_refs(d, x)[k], max);
}

static void read_skills(reader *r, gc_data *d, uint32_t n_aliases)
{
    uint32_t n, n_refs;
    const s_skill *v = sect(r, S_SKILLS, sizeof *v, &n);
    const uint32_t *refs = sect(r, S_REFS, 4, &n_refs);

    d->refs = g_new(uint32_t, (gsize)n_refs + 1);
    memcpy(d->refs, refs, (size_t)n_refs * 4);
    d->n_refs = n_refs;
    g_array_set_size(d->skills, n);
    for (uint32_t i = 0; i < n; i++) {
        gc_skill *s = &g_array_index(d->skills, gc_skill, i);
        memset(s, 0, sizeof *s);
        *s = (gc_skill){.id = str(r, v[i].id), .name = str(r, v[i].name),
                        .category = str(r, v[i].category), .pos = pos(r, v[i].pos),
                        .category_pos = pos(r, v[i].category_pos), .user = v[i].user != 0,
                        .dead = v[i].dead != 0, .r_aliases = range(r, v[i].aliases, n_refs),
                        .r_nots = range(r, v[i].nots, n_refs),
                        .r_implies = range(r, v[i].implies, n_refs),
                        .r_requires = range(r, v[i].requires, n_refs)};
        check_refs(r, d, s->r_aliases, n_aliases);
        check_refs(r, d, s->r_nots, n_aliases);
        check_refs(r, d, s->r_implies, n);
        check_refs(r, d, s->r_requires, n);
    }
}

static void read_aliases(reader *r, gc_data *d, uint32_t n_exact)
{
    uint32_t n, n_skills = d->skills->len, n_atoms = d->alias_atoms->len;
    const s_alias *v = sect(r, S_ALIASES, sizeof *v, &n);

    g_array_set_size(d->aliases, n);
    for (uint32_t i = 0; i < n; i++) {
        const s_alias *x = &v[i];
        gc_alias *a = &g_array_index(d->aliases, gc_alias, i);
        memset(a, 0, sizeof *a);
        *a = (gc_alias){idx(r, x->skill, n_skills), x->tok0, x->n_toks, x->exact0, x->near0,
                        x->n_near, x->case_exact, x->context, x->is_not, x->regex,
                        str(r, x->pattern), pos(r, x->pos)};
        range(r, (gc_range){x->tok0, x->n_toks}, n_atoms);
        range(r, (gc_range){x->near0, x->n_near}, d->near_phrases->len);
        if (x->case_exact)
            range(r, (gc_range){x->exact0, x->n_toks}, n_exact);
        if (x->n_toks == 0 && !x->is_not)  /* lint indexes the compiled regexes with it */
            idx(r, x->regex, d->regex_alias->len);
        idx(r, x->context, GC_CTX_NEAR + 1);
    }
}

/* Phrases and buckets must point at real atoms and aliases: matching
 * indexes with them without further checks. */
static void check_matcher(reader *r, const gc_data *d)
{
    uint32_t n_atoms = d->tab_atoms.n, n_alias_atoms = d->alias_atoms->len;
    const uint32_t *first = (const uint32_t *)(void *)d->first_index->data;

    for (guint i = 0; i < n_alias_atoms; i++)
        idx(r, (uint32_t)g_array_index(d->alias_atoms, int32_t, i), n_atoms);
    for (guint i = 0; i < d->near_phrases->len; i++) {
        gc_phrase p = g_array_index(d->near_phrases, gc_phrase, i);
        idx(r, p.n_toks - 1, 16);
        range(r, (gc_range){p.tok0, p.n_toks}, n_alias_atoms);
    }
    for (guint i = 0; i < d->cues->len; i++) {
        gc_cue c = g_array_index(d->cues, gc_cue, i);
        idx(r, c.section, d->sections->len);
        idx(r, c.phrase.n_toks - 1, 16);
        range(r, (gc_range){c.phrase.tok0, c.phrase.n_toks}, n_alias_atoms);
    }
    for (guint i = 0; i < d->pwords->len; i++) {
        gc_pword p = g_array_index(d->pwords, gc_pword, i);
        idx(r, p.kind - 1, GC_PW_KINDS - 1);
        idx(r, p.value, GC_PW_YEARS_MAX + 1);
        idx(r, p.phrase.n_toks - 1, 16);
        range(r, (gc_range){p.phrase.tok0, p.phrase.n_toks}, n_alias_atoms);
    }
    if (d->first_index->len != n_atoms + 1 || first[n_atoms] != d->by_first->len)
        r->bad = 1;
    for (uint32_t i = 0; !r->bad && i < n_atoms; i++)
        if (first[i] > first[i + 1])
            r->bad = 1;
    for (guint i = 0; i < d->by_first->len; i++) {
        uint32_t a = idx(r, g_array_index(d->by_first, uint32_t, i), d->aliases->len);
        idx(r, g_array_index(d->aliases, gc_alias, a).n_toks - 1, 16);
    }
    for (guint i = 0; i < d->regex_alias->len; i++) {
        uint32_t a = idx(r, g_array_index(d->regex_alias, uint32_t, i), d->aliases->len);
        if (g_array_index(d->aliases, gc_alias, a).n_toks != 0)
            r->bad = 1;
    }
}

static uint32_t calendar_code(reader *r, uint32_t code);

static void read_segments(reader *r, gc_data *d)
{
    uint32_t n;
    const uint32_t *ids = sect(r, S_SECTIONS, 4, &n);
    const s_pair *p;

    if (n >= 0xFFFF)  /* a line's section is a uint16 */
        r->bad = 1;
    for (uint32_t i = 0; i < n && !r->bad; i++) {
        gc_section s = {str(r, ids[i])};
        g_array_append_val(d->sections, s);
    }
    p = sect(r, S_CATEGORIES, sizeof *p, &n);
    for (uint32_t i = 0; i < n; i++) {
        const char *id = str(r, p[i].key);
        g_ptr_array_add(d->categories, GC_UNCONST(id));
        g_hash_table_insert(d->category_names, GC_UNCONST(id), GC_UNCONST(str(r, p[i].val)));
    }
    p = sect(r, S_HEADINGS, sizeof *p, &n);
    for (uint32_t i = 0; i < n; i++)
        gc_heading_add(d, str(r, p[i].key), idx(r, p[i].val - 1, d->sections->len) + 1);
    p = sect(r, S_DATEWORDS, sizeof *p, &n);
    for (uint32_t i = 0; i < n; i++)
        gc_calendar_insert(d, str(r, p[i].key), calendar_code(r, p[i].val) + 1);
}

/* A calendar code the loader can make: a known kind, a month 1-12, a
 * season of ordered months (calendar.c). */
static uint32_t calendar_code(reader *r, uint32_t code)
{
    uint32_t kind = GC_CAL_KIND(code), v = GC_CAL_VALUE(code);
    int ok = kind >= GC_CAL_MONTH && kind <= GC_CAL_TITLE && code < (1u << 16);

    if (kind == GC_CAL_MONTH)
        ok = ok && v >= 1 && v <= 12;
    else if (kind == GC_CAL_SEASON)
        ok = ok && (v & 15) >= 1 && (v >> 4) <= 12 && (v & 15) <= (v >> 4);
    else
        ok = ok && v == 0;
    if (!ok)
        r->bad = 1;
    return ok ? code : GC_CAL_CODE(GC_CAL_TITLE, 0);
}

static void read_model(reader *r, gc_data *d)
{
    uint32_t n;
    const gc_model *m = sect(r, S_MODEL, sizeof *m, &n);

    if (n != 1 || !gc_model_complete(m)) {
        r->bad = 1;
        return;
    }
    d->model = *m;
    d->model_set = GC_MODEL_ALL;
}

static void read_strlist(reader *r, GPtrArray *out, gc_range x)
{
    uint32_t n;
    const uint32_t *v = sect(r, S_STRLIST, 4, &n);

    x = range(r, x, n);
    for (uint32_t i = 0; i < x.n; i++)
        g_ptr_array_add(out, GC_UNCONST(str(r, v[x.off + i])));
}

static void read_phase(reader *r, gc_data *d, gc_role *ro, const s_phase *x)
{
    uint32_t n;
    const s_pskill *ps = sect(r, S_PSKILLS, sizeof *ps, &n);
    gc_phase *ph = gc_role_add_phase(ro);
    gc_range sk = range(r, x->skills, n);

    ph->id = str(r, x->id);
    ph->title = str(r, x->title);
    ph->months = num(r, x->months, 0, GC_PHASE_MONTHS_MAX);
    for (uint32_t k = 0; k < sk.n; k++) {
        uint32_t s = idx(r, ps[sk.off + k].skill, d->skills->len);
        g_array_append_val(ph->skills, s);
        double w = num(r, ps[sk.off + k].weight, GC_WEIGHT_MIN, GC_WEIGHT_MAX);
        g_array_append_val(ph->weights, w);
    }
    read_strlist(r, ph->milestones, x->milestones);
}

/* A role's months are the sum of its phases', as roles.c makes them. */
static double months_of(reader *r, const gc_role *ro, double stated)
{
    double sum = 0;

    for (guint k = 0; k < ro->phases->len; k++)
        sum += ((const gc_phase *)ro->phases->pdata[k])->months;
    if (!(fabs(stated - sum) <= 1e-6))
        r->bad = 1;
    return sum;
}

static void read_roles(reader *r, gc_data *d)
{
    uint32_t n, n_phases;
    const s_role *v = sect(r, S_ROLES, sizeof *v, &n);
    const s_phase *ph = sect(r, S_PHASES, sizeof *ph, &n_phases);

    for (uint32_t i = 0; i < n && !r->bad; i++) {
        gc_role *ro = gc_role_new_internal();
        g_ptr_array_add(d->roles, ro);
        ro->id = str(r, v[i].id);
        ro->title = str(r, v[i].title);
        ro->summary = v[i].summary == SNAP_NO_STR ? NULL : str(r, v[i].summary);
        ro->hours_per_week = num(r, v[i].hours_per_week, GC_ROLE_HOURS_MIN, GC_ROLE_HOURS_MAX);
        ro->implied_credit = num(r, v[i].implied_credit, 0, 1);
        ro->pos = pos(r, v[i].pos);
        gc_range p = range(r, v[i].phases, n_phases);
        for (uint32_t k = 0; k < p.n; k++)
            read_phase(r, d, ro, &ph[p.off + k]);
        ro->months = months_of(r, ro, v[i].months);
        read_strlist(r, ro->codes, v[i].codes);
        read_strlist(r, ro->titles, v[i].titles);
        read_strlist(r, ro->aliases, v[i].aliases);
        for (guint k = 0; k < ro->aliases->len; k++)
            g_hash_table_insert(d->role_by_alias, ro->aliases->pdata[k], ro);
        if (!gc_model_complete(&v[i].model))
            r->bad = 1;
        ro->model = v[i].model;
        g_hash_table_insert(d->role_by_id, GC_UNCONST(ro->id), ro);
    }
}

static void read_exact(reader *r, gc_data *d)
{
    uint32_t n;
    const uint32_t *v = sect(r, S_EXACT, 4, &n);

    for (uint32_t i = 0; i < n; i++)
        g_ptr_array_add(d->exact_words, GC_UNCONST(str(r, v[i])));
}

static void read_all(reader *r, gc_data *d)
{
    uint32_t n_aliases;

    sect(r, S_ALIASES, sizeof(s_alias), &n_aliases);
    g_array_free(d->alias_atoms, TRUE);
    d->alias_atoms = copy_array(r, S_ALIAS_ATOMS, sizeof(int32_t));
    g_array_free(d->near_phrases, TRUE);
    d->near_phrases = copy_array(r, S_NEAR, sizeof(gc_phrase));
    d->first_index = copy_array(r, S_FIRST, sizeof(uint32_t));
    d->by_first = copy_array(r, S_BYFIRST, sizeof(uint32_t));
    d->regex_alias = copy_array(r, S_REGEX, sizeof(uint32_t));
    read_skills(r, d, n_aliases);
    read_exact(r, d);
    read_aliases(r, d, d->exact_words->len);
    read_segments(r, d);
    read_model(r, d);
    g_array_free(d->cues, TRUE);
    d->cues = copy_array(r, S_CUES, sizeof(gc_cue));
    g_array_free(d->pwords, TRUE);
    d->pwords = copy_array(r, S_PWORDS, sizeof(gc_pword));
    read_roles(r, d);
    if (read_tab(r, &d->tab_atoms, S_TAB_ATOMS, UINT32_MAX) == 0 &&
        read_tab(r, &d->tab_names, S_TAB_NAMES, d->skills->len) == 0 &&
        read_tab(r, &d->tab_ids, S_TAB_IDS, d->skills->len) == 0)
        check_matcher(r, d);
}

static int load(gc_data **out, const void *buf, size_t len, const gc_limits *lim, int sum,
                gc_err *err)
{
    reader r = {buf, NULL, 0, NULL, 0};
    gc_data *d;

    *out = NULL;
    if (check_header(&r, buf, len, sum) < 0)
        return gc_err_set(err, GC_EDATA, NULL, 0, 0, "damaged data snapshot");
    d = gc_data_new_internal(lim);
    gc_data_drop_build_tables(d);
    read_all(&r, d);
    if (r.bad) {
        gc_data_free(d);
        return gc_err_set(err, GC_EDATA, NULL, 0, 0, "damaged data snapshot");
    }
    if (gc_matcher_compile_regexes(d, err) < 0) {
        gc_data_free(d);
        return GC_EDATA;
    }
    d->built = 1;
    *out = d;
    return 0;
}

int gc_data_from_snapshot(gc_data **out, const void *buf, size_t len, const gc_limits *lim,
                          gc_err *err)
{
    return load(out, buf, len, lim, 1, err);
}

int gc_data_from_embedded_snapshot(gc_data **out, const void *buf, size_t len,
                                   const gc_limits *lim, gc_err *err)
{
    return load(out, buf, len, lim, 0, err);
}
