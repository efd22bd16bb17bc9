/* matcher_build: turns the lexicon's aliases into the matcher's tables,
 * once per data set: literal aliases become sequences of interned words
 * grouped by first word (longest first); real regex aliases are compiled
 * with PCRE2 under the limits in gc_limits.  Two skills may not share an
 * alias.  See match.c for how the tables are used. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <glib.h>
#include <pcre2.h>

#include "data/data_int.h"
#include "base/tokenize.h"

static int add_literal(gc_data *d, gc_alias *a, const char *lit, gc_err *err)
{
    gc_tokens t = {0};
    char folded[512];
    int rc = gc_tokenize(&t, lit, strlen(lit), GC_ALIAS_WORDS + 1, err);

    if (rc < 0 || t.n == 0 || t.n > GC_ALIAS_WORDS) {
        gc_tokens_free(&t);
        gc_err_clear(err);
        return gc_err_set(err, GC_EDATA, a->pos.file, a->pos.line, a->pos.col,
                          "pattern '%s' must have 1 to %d words", a->pattern, GC_ALIAS_WORDS);
    }
    a->tok0 = d->alias_atoms->len;
    a->n_toks = (uint32_t)t.n;
    a->exact0 = d->exact_words->len;
    for (size_t i = 0; i < t.n; i++) {
        const char *w = lit + t.v[i].start;
        if (gc_fold(folded, sizeof folded, w, t.v[i].len) == (size_t)-1)
            folded[0] = '\0';
        int32_t atom = gc_data_atom(d, folded, 1);
        g_array_append_val(d->alias_atoms, atom);
        if (a->case_exact) {
            char *orig = g_strndup(w, t.v[i].len);
            g_ptr_array_add(d->exact_words, GC_UNCONST(gc_data_intern(d, orig)));
            g_free(orig);
        }
    }
    gc_tokens_free(&t);
    return 0;
}

/* A space in a regex alias means "white space or a hyphen", as it does for
 * literal aliases. */
static char *widen_spaces(const char *pattern)
{
    GString *s = g_string_new(NULL);

    for (const char *p = pattern; *p; p++) {
        if (*p == '\\' && p[1]) {
            g_string_append_len(s, p, 2);
            p++;
        } else if (*p == ' ') {
            g_string_append(s, "(?:\\s+|-)");
        } else {
            g_string_append_c(s, *p);
        }
    }
    return g_string_free(s, FALSE);
}

static int compile_pattern(pcre2_code **out, const gc_data *d, const gc_alias *a, gc_err *err)
{
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C;
    int ecode;
    PCRE2_SIZE eoff;
    char msg[128];

    if (strncmp(a->pattern, "(*", 2) == 0)
        return gc_err_set(err, GC_EDATA, a->pos.file, a->pos.line, a->pos.col,
                          "pattern '%s' starts with a (*VERB), which is not allowed", a->pattern);
    if (!a->case_exact)
        opts |= PCRE2_CASELESS;
    pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
    pcre2_set_max_pattern_length(cc, d->lim.regex_bytes);
    pcre2_set_parens_nest_limit(cc, d->lim.regex_nest);
    char *wide = widen_spaces(a->pattern);
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)wide, PCRE2_ZERO_TERMINATED, opts, &ecode, &eoff, cc);
    g_free(wide);
    pcre2_compile_context_free(cc);
    if (re == NULL) {
        pcre2_get_error_message(ecode, (PCRE2_UCHAR *)msg, sizeof msg);
        return gc_err_set(err, GC_EDATA, a->pos.file, a->pos.line, a->pos.col,
                          "bad pattern '%s': %s at offset %zu", a->pattern, msg, (size_t)eoff);
    }
    uint32_t minlen = 0;
    pcre2_pattern_info(re, PCRE2_INFO_MINLENGTH, &minlen);
    if (minlen == 0) {
        pcre2_code_free(re);
        return gc_err_set(err, GC_EDATA, a->pos.file, a->pos.line, a->pos.col,
                          "pattern '%s' can match empty text", a->pattern);
    }
    *out = re;
    return 0;
}

static int compile_regex(gc_data *d, gc_alias *a, gc_err *err)
{
    pcre2_code *re;

    if (compile_pattern(&re, d, a, err) < 0)
        return GC_EDATA;
    a->regex = d->regexes->len;
    g_ptr_array_add(d->regexes, re);
    uint32_t ai = (uint32_t)(a - &g_array_index(d->aliases, gc_alias, 0));
    g_array_append_val(d->regex_alias, ai);
    return 0;
}

int gc_matcher_compile_regexes(gc_data *d, gc_err *err)
{
    d->regexes = g_ptr_array_new();
    for (guint r = 0; r < d->regex_alias->len; r++) {
        pcre2_code *re;
        const gc_alias *a = &g_array_index(d->aliases, gc_alias,
                                           g_array_index(d->regex_alias, uint32_t, r));
        if (compile_pattern(&re, d, a, err) < 0)
            return GC_EDATA;
        g_ptr_array_add(d->regexes, re);
    }
    return 0;
}

/* Folded words for ordinary aliases; the exact words for case-exact ones,
 * so 'Excel' and 'EXCEL' may both be listed. */
static void key_of(GString *key, const gc_data *d, const gc_alias *a)
{
    char num[16];

    /* the context is part of the key: two skills may share a name when
     * their contexts tell them apart ('IAM' near AWS words is AWS IAM) */
    g_string_assign(key, a->case_exact ? "E" : "F");
    g_string_append_c(key, (char)('0' + a->context));
    for (uint32_t k = 0; k < a->n_toks; k++) {
        g_string_append_c(key, ' ');
        if (a->case_exact) {
            g_string_append(key, d->exact_words->pdata[a->exact0 + k]);
            continue;
        }
        /* by hand: printf was a sixth of the whole YAML load */
        uint32_t v = (uint32_t)g_array_index(d->alias_atoms, int32_t, a->tok0 + k);
        size_t n = 0;
        do
            num[n++] = (char)('0' + v % 10);
        while ((v /= 10) != 0);
        while (n > 0)
            g_string_append_c(key, num[--n]);
    }
}

/* Two skills may not share an alias: the match would be a coin toss. */
static int check_unique(gc_data *d, GHashTable *seen, uint32_t ai, gc_err *err)
{
    gc_alias *a = &g_array_index(d->aliases, gc_alias, ai);
    GString *key = g_string_new(NULL);
    int rc = 0;

    key_of(key, d, a);
    gpointer old = g_hash_table_lookup(seen, key->str);
    if (old != NULL) {
        gc_alias *o = &g_array_index(d->aliases, gc_alias, GPOINTER_TO_UINT(old) - 1);
        rc = gc_err_set(err, GC_EDATA, a->pos.file, a->pos.line, a->pos.col,
                            "alias '%s' is already an alias of '%s' (%s:%u:%u)", a->pattern,
                            g_array_index(d->skills, gc_skill, o->skill).id, o->pos.file,
                            o->pos.line, o->pos.col);
        g_string_free(key, TRUE);
    } else {
        g_hash_table_insert(seen, g_string_free(key, FALSE), GUINT_TO_POINTER(ai + 1));
    }
    return rc;
}

static int prepare_alias(gc_data *d, uint32_t ai, GHashTable *seen, gc_err *err)
{
    gc_alias *a = &g_array_index(d->aliases, gc_alias, ai);
    char lit[512];
    int kind = gc_pattern_literal(a->pattern, lit, sizeof lit);

    if (kind < 0)
        return gc_err_set(err, GC_EDATA, a->pos.file, a->pos.line, a->pos.col,
                          "pattern is too long");
    if (kind == 0) {
        if (a->is_not)
            return gc_err_set(err, GC_EDATA, a->pos.file, a->pos.line, a->pos.col,
                              "a 'not' phrase must be literal text: '%s'", a->pattern);
        return compile_regex(d, a, err);
    }
    if (add_literal(d, a, lit, err) < 0)
        return GC_EDATA;
    if (a->is_not)
        return 0;
    char folded[512];
    if (gc_fold(folded, sizeof folded, lit, strlen(lit)) != (size_t)-1 &&
        !g_hash_table_contains(d->names, folded))
        g_hash_table_insert(d->names, GC_UNCONST(gc_data_intern(d, folded)),
                            GUINT_TO_POINTER(a->skill + 1));
    return check_unique(d, seen, ai, err);
}

static int cmp_longest(const void *x, const void *y, void *data)
{
    const gc_data *d = data;
    const gc_alias *a = &g_array_index(d->aliases, gc_alias, *(const uint32_t *)x);
    const gc_alias *b = &g_array_index(d->aliases, gc_alias, *(const uint32_t *)y);

    if (a->n_toks != b->n_toks)
        return a->n_toks > b->n_toks ? -1 : 1;
    return *(const uint32_t *)x < *(const uint32_t *)y ? -1 : 1;
}

/* Groups literal aliases by their first word, longest first within a group,
 * so matching at a word tries only aliases that can start there. */
static void build_buckets(gc_data *d)
{
    guint n_atoms = g_hash_table_size(d->atoms);
    uint32_t *count = g_new0(uint32_t, n_atoms + 1);

    for (uint32_t i = 0; i < d->aliases->len; i++) {
        gc_alias *a = &g_array_index(d->aliases, gc_alias, i);
        if (a->n_toks && !a->is_not && gc_skill_live(d, a->skill))
            count[g_array_index(d->alias_atoms, int32_t, a->tok0) + 1]++;
    }
    for (guint i = 0; i < n_atoms; i++)
        count[i + 1] += count[i];
    d->first_index = g_array_sized_new(FALSE, FALSE, sizeof(uint32_t), n_atoms + 1);
    g_array_append_vals(d->first_index, count, n_atoms + 1);
    d->by_first = g_array_sized_new(FALSE, TRUE, sizeof(uint32_t), count[n_atoms]);
    g_array_set_size(d->by_first, count[n_atoms]);
    for (uint32_t i = 0; i < d->aliases->len; i++) {
        gc_alias *a = &g_array_index(d->aliases, gc_alias, i);
        if (a->n_toks && !a->is_not && gc_skill_live(d, a->skill))
            g_array_index(d->by_first, uint32_t,
                          count[g_array_index(d->alias_atoms, int32_t, a->tok0)]++) = i;
    }
    for (guint i = 0; i < n_atoms; i++) {
        uint32_t lo = g_array_index(d->first_index, uint32_t, i);
        uint32_t hi = g_array_index(d->first_index, uint32_t, i + 1);
        if (hi - lo > 1)
            g_qsort_with_data(&g_array_index(d->by_first, uint32_t, lo), (gint)(hi - lo),
                              sizeof(uint32_t), cmp_longest, d);
    }
    g_free(count);
}

int gc_matcher_build(gc_data *d, gc_err *err)
{
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    int rc = 0;

    d->regexes = g_ptr_array_new();
    d->regex_alias = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    for (uint32_t i = 0; i < d->skills->len && rc == 0; i++) {
        const gc_skill *s = &g_array_index(d->skills, gc_skill, i);
        char folded[256];
        if (s->dead)
            continue;
        if (gc_fold(folded, sizeof folded, s->name, strlen(s->name)) != (size_t)-1)
            g_hash_table_replace(d->names, GC_UNCONST(gc_data_intern(d, folded)),
                                 GUINT_TO_POINTER(i + 1));
        for (uint32_t k = 0; k < s->aliases->len && rc == 0; k++)
            rc = prepare_alias(d, g_array_index(s->aliases, uint32_t, k), seen, err);
        for (uint32_t k = 0; k < s->nots->len && rc == 0; k++)
            rc = prepare_alias(d, g_array_index(s->nots, uint32_t, k), seen, err);
    }
    g_hash_table_destroy(seen);
    if (rc == 0)
        build_buckets(d);
    return rc;
}

void gc_matcher_free(gc_data *d)
{
    if (d->regexes != NULL) {
        for (size_t i = 0; i < d->regexes->len; i++)
            pcre2_code_free(d->regexes->pdata[i]);
        g_ptr_array_free(d->regexes, TRUE);
    }
    if (d->regex_alias)
        g_array_free(d->regex_alias, TRUE);
    if (d->first_index)
        g_array_free(d->first_index, TRUE);
    if (d->by_first)
        g_array_free(d->by_first, TRUE);
}
