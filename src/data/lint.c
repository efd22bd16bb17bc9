/* lint: checks on a loaded data set that are too slow or too picky for
 * every start-up (gapcheck lint runs them; make check lints the shipped
 * data).  Loading already rejects schema errors, unknown keys, duplicate
 * ids, shared aliases, bad references, cycles and patterns that do not
 * compile; here: patterns that look literal but are not, patterns that are
 * slow on hostile text, and literal aliases that are not valid PCRE2. */
#include <stdio.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <glib.h>
#include <pcre2.h>

#include "data/data_int.h"

/* 'c++' or 'node.js' written without escapes: PCRE2 accepts them, but they
 * do not mean what the author meant. */
static int looks_unescaped(const char *p)
{
    int meta = 0;

    for (; *p; p++) {
        if (*p == '\\')
            return 0;
        if (strchr("([{|?*^$", *p))
            return 0;
        meta |= *p == '+' || *p == '.';
    }
    return meta;
}

static void problem(gc_lint_fn cb, void *ctx, const gc_alias *a, const char *what,
                    const char *x)
{
    gc_err e = GC_ERR_INIT;

    gc_err_set(&e, GC_EDATA, a->pos.file, a->pos.line, a->pos.col, "pattern '%s' %s",
               a->pattern, x ? x : what);
    cb(&e, ctx);
}

static GPtrArray *hostile_subjects(void)
{
    GPtrArray *v = g_ptr_array_new_with_free_func(g_free);
    GString *s[4];

    for (int i = 0; i < 4; i++)
        s[i] = g_string_new(NULL);
    for (int i = 0; i < 16384; i++) {
        g_string_append_c(s[0], 'a');
        g_string_append_c(s[1], i % 2 ? ' ' : 'x');
        g_string_append_c(s[2], "python c++ node.js k8s, "[i % 24]);
        g_string_append_c(s[3], "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"[i % 30]);
    }
    /* every printable character at the end, so a pattern's "required
     * character" shortcut cannot skip the backtracking */
    for (int i = 0; i < 4; i++) {
        for (char c = ' '; c <= '~'; c++)
            g_string_append_c(s[i], c);
        g_ptr_array_add(v, g_string_free(s[i], FALSE));
    }
    return v;
}

/* Runs a regex alias over hostile subjects under the run-time limits; too
 * slow (or hitting a limit) is an error, since it would be on every résumé. */
static int too_slow(const gc_data *d, const pcre2_code *re, GPtrArray *subjects)
{
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    int slow = 0;

    pcre2_set_match_limit(mc, d->lim.match_limit);
    pcre2_set_heap_limit(mc, d->lim.heap_kib);
    for (guint i = 0; i < subjects->len && !slow; i++) {
        const char *s = subjects->pdata[i];
        size_t len = strlen(s), off = 0;
        gint64 t0 = g_get_monotonic_time();
        while (off < len && !slow) {
            int rc = pcre2_match(re, (PCRE2_SPTR)s, len, off, PCRE2_NO_UTF_CHECK, md, mc);
            if (rc == PCRE2_ERROR_NOMATCH)
                break;
            if (rc < 0)
                slow = 1;
            else
                off = pcre2_get_ovector_pointer(md)[1] + 1;
        }
        slow |= g_get_monotonic_time() - t0 > GC_LINT_SLOW_US;
    }
    pcre2_match_data_free(md);
    pcre2_match_context_free(mc);
    return slow;
}

static int literal_compiles(const gc_alias *a, char *msg, size_t cap)
{
    int ecode;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)a->pattern, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_CASELESS, &ecode, &off, NULL);
    if (re != NULL) {
        pcre2_code_free(re);
        return 1;
    }
    pcre2_get_error_message(ecode, (PCRE2_UCHAR *)msg, cap);
    return 0;
}

int gc_data_lint(const gc_data *d, gc_lint_fn cb, void *ctx)
{
    GPtrArray *subjects = hostile_subjects();
    int n = 0;
    char msg[128];

    for (guint i = 0; i < d->aliases->len; i++) {
        const gc_alias *a = &g_array_index(d->aliases, gc_alias, i);
        if (!gc_skill_live(d, a->skill))
            continue;
        if (a->n_toks == 0 && looks_unescaped(a->pattern)) {
            problem(cb, ctx, a, "has unescaped '+' or '.'; write '\\+' or '\\.' to match "
                    "them literally", NULL);
            n++;
        } else if (a->n_toks == 0 && too_slow(d, d->regexes->pdata[a->regex], subjects)) {
            problem(cb, ctx, a, "is too slow on long or repetitive text", NULL);
            n++;
        } else if (a->n_toks > 0 && !literal_compiles(a, msg + 18, sizeof msg - 18)) {
            memcpy(msg, "does not compile: ", 18);
            problem(cb, ctx, a, "", msg);
            n++;
        }
    }
    g_ptr_array_free(subjects, TRUE);
    return n;
}
