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

const char *gc_data_category_name(const gc_data *d, const char *category)
{
    return g_hash_table_lookup(d->category_names, category);
}

const gc_role *gc_data_lookup_role(const gc_data *d, const char *name)
{
    char folded[GC_ROLE_ALIAS_MAX + 1];
    const gc_role *r = gc_data_find_role(d, name);
    size_t n = strlen(name);

    if (r != NULL || n > GC_ROLE_ALIAS_MAX)
        return r;
    for (size_t i = 0; i <= n; i++)   /* ids and aliases are lowercase ASCII */
        folded[i] = name[i] >= 'A' && name[i] <= 'Z' ? (char)(name[i] - 'A' + 'a') : name[i];
    if ((r = gc_data_find_role(d, folded)) != NULL)
        return r;
    return g_hash_table_lookup(d->role_by_alias, folded);
}

/* ---- "did you mean": names close to a mistyped one ----------------------- */

#define NEAR_MAX 64   /* longer names are not compared (bytes) */

/* Optimal string alignment distance (Levenshtein plus swaps of two
 * neighbours, the commonest typo), over bytes. */
static size_t edit_distance(const char *a, size_t n, const char *b, size_t m)
{
    size_t d[NEAR_MAX + 1][NEAR_MAX + 1];

    for (size_t i = 0; i <= n; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[n][m];
}

/* How close a name is to what was typed (both folded): 1 when the name
 * starts with it or one of its words is it, 2 when one of its words starts
 * with it, 2 + the edit distance for a typo (one edit in a word of 3 to 7
 * letters, one per four letters in longer ones), else 0 (not close).  Words are split at spaces, hyphens,
 * slashes and dots: "frontend" is close to "frontend-engineer". */
static unsigned closeness(const char *typed, const char *name)
{
    size_t n = strlen(typed), m = strlen(name), dist;
    unsigned best = 0;

    if (n == 0 || n > NEAR_MAX || m > NEAR_MAX)
        return 0;
    if (n >= 2 && strncmp(name, typed, n) == 0)
        return 1;
    for (const char *w = name; *w; w += strcspn(w, " -/.")) {
        w += strspn(w, " -/.");
        if (n >= 2 && strncmp(w, typed, n) == 0) {
            size_t wl = strcspn(w, " -/.");
            if (wl == n)
                return 1;
            best = 2;
        }
    }
    if (best)
        return best;
    if (n < 3)   /* one or two letters are within one edit of too much */
        return 0;
    dist = edit_distance(typed, n, name, m);
    return dist <= (n < 8 ? 1 : n / 4) ? 2 + (unsigned)dist : 0;
}

typedef struct near {
    size_t index;
    unsigned score;
    size_t len;      /* of the name that matched: shorter first on a tie */
} near;

static int cmp_near(const void *x, const void *y)
{
    const near *a = x, *b = y;

    if (a->score != b->score)
        return a->score < b->score ? -1 : 1;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Keeps the closest name of each thing: v[index] holds its best so far. */
static void consider(near *v, size_t index, const char *typed, const char *name)
{
    char folded[NEAR_MAX * 4 + 1];
    unsigned s;

    if (name == NULL || gc_fold(folded, sizeof folded, name, strlen(name)) == (size_t)-1)
        return;
    s = closeness(typed, folded);
    if (s && (v[index].score == 0 || s < v[index].score ||
              (s == v[index].score && strlen(folded) < v[index].len)))
        v[index] = (near){index, s, strlen(folded)};
}

/* Sorts the things that have a score and writes the best `cap` indexes:
 * only those as close as the best one or one step further, so a good
 * guess is not buried under poor ones. */
static size_t best_of(size_t *out, size_t cap, near *v, size_t n)
{
    size_t k = 0, got = 0;

    for (size_t i = 0; i < n; i++)
        if (v[i].score)
            v[k++] = v[i];
    qsort(v, k, sizeof *v, cmp_near);
    for (size_t i = 0; i < k && got < cap && v[i].score <= v[0].score + 1; i++)
        out[got++] = v[i].index;
    return got;
}

size_t gc_data_suggest_skills(size_t *out, size_t cap, const gc_data *d, const char *word)
{
    char typed[NEAR_MAX * 4 + 1];
    size_t n = d->skills->len, got;
    near *v;

    if (gc_fold(typed, sizeof typed, word, strlen(word)) == (size_t)-1 ||
        (v = g_new0(near, n + 1)) == NULL)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (gc_skill_live(d, i)) {
            consider(v, i, typed, skill(d, i)->id);
            consider(v, i, typed, skill(d, i)->name);
        }
    for (uint32_t k = 0; k < d->tab_names.n; k++)   /* names and literal aliases */
        if (d->tab_names.val[k] < n && gc_skill_live(d, d->tab_names.val[k]))
            consider(v, d->tab_names.val[k], typed, gc_strtab_key(&d->tab_names, k));
    got = best_of(out, cap, v, n);
    g_free(v);
    return got;
}

size_t gc_data_suggest_roles(const gc_role **out, size_t cap, const gc_data *d, const char *word)
{
    char typed[NEAR_MAX * 4 + 1];
    size_t n = d->roles->len, got, idx[16];
    near *v;

    if (cap > 16)
        cap = 16;
    if (gc_fold(typed, sizeof typed, word, strlen(word)) == (size_t)-1 ||
        (v = g_new0(near, n + 1)) == NULL)
        return 0;
    for (size_t i = 0; i < n; i++) {
        const gc_role *r = d->roles->pdata[i];
        consider(v, i, typed, r->id);
        consider(v, i, typed, r->title);
        for (guint k = 0; k < r->aliases->len; k++)
            consider(v, i, typed, r->aliases->pdata[k]);
        for (guint k = 0; k < r->titles->len; k++)
            consider(v, i, typed, r->titles->pdata[k]);
    }
    got = best_of(idx, cap, v, n);
    for (size_t i = 0; i < got; i++)
        out[i] = d->roles->pdata[idx[i]];
    g_free(v);
    return got;
}
