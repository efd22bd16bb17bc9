/* postings: the `alternatives:` and `years:` blocks of the lexicon
 * (lexicon/jobs.yaml) — the words with which a job posting joins skills
 * into alternatives ("FastAPI or Flask", "one of") and asks for years of
 * experience ("4+ years", "drei Jahre", "au moins un an").  Each word or
 * phrase becomes a gc_pword: a kind, a value (a number word's number) and
 * its atoms, which the posting reader (src/match/posting.c) compares with
 * the text's tokens.  Every word is data, in any language; none is in C. */
#include <string.h>

#include <glib.h>

#include "data/data_int.h"
#include "data/yaml_load.h"

static int add_phrases(gc_data *d, const gc_ynode *seq, const char *what, uint32_t kind,
                       uint32_t value, const char *file, gc_err *err)
{
    if (gc_yexpect(seq, GC_Y_SEQ, what, file, err) < 0)
        return GC_EDATA;
    for (size_t i = 0; i < seq->n; i++) {
        const gc_ynode *w = seq->items[i];
        gc_pword pw = {kind, value, {0, 0}};
        if (gc_yexpect(w, GC_Y_SCALAR, "phrase", file, err) < 0)
            return GC_EDATA;
        if (gc_data_phrase(d, &pw.phrase, w->str, 8) < 0)
            return gc_err_set(err, GC_EDATA, file, w->line, w->col,
                              "'%s': a phrase needs 1 to 8 words", w->str);
        g_array_append_val(d->pwords, pw);
    }
    return 0;
}

static int parse_alternatives(gc_data *d, const gc_ynode *map, const char *file, gc_err *err)
{
    static const char *const keys[] = {"or", "lead", NULL};
    const gc_ynode *v;

    if (gc_yexpect(map, GC_Y_MAP, "alternatives", file, err) < 0 ||
        gc_ymap_check(map, keys, NULL, file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(map, "or")) && add_phrases(d, v, "or", GC_PW_OR, 0, file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(map, "lead")) && add_phrases(d, v, "lead", GC_PW_LEAD, 0, file, err) < 0)
        return GC_EDATA;
    return 0;
}

static int parse_numbers(gc_data *d, const gc_ynode *seq, const char *file, gc_err *err)
{
    static const char *const keys[] = {"value", "words", NULL};

    if (gc_yexpect(seq, GC_Y_SEQ, "numbers", file, err) < 0)
        return GC_EDATA;
    for (size_t i = 0; i < seq->n; i++) {
        const gc_ynode *e = seq->items[i];
        double v;
        if (gc_yexpect(e, GC_Y_MAP, "number", file, err) < 0 ||
            gc_ymap_check(e, keys, keys, file, err) < 0 ||
            gc_ynumber(&v, gc_ymap_get(e, "value"), 1, GC_PW_YEARS_MAX, "value", file, err) < 0)
            return GC_EDATA;
        if (v != (double)(uint32_t)v)
            return gc_err_set(err, GC_EDATA, file, e->line, e->col,
                              "a number word's value is a whole number");
        if (add_phrases(d, gc_ymap_get(e, "words"), "words", GC_PW_NUMBER, (uint32_t)v, file,
                        err) < 0)
            return GC_EDATA;
    }
    return 0;
}

static int parse_years(gc_data *d, const gc_ynode *map, const char *file, gc_err *err)
{
    static const char *const keys[] = {"units", "to", "at_most", "experience", "numbers", NULL};
    static const uint32_t kinds[] = {GC_PW_UNIT, GC_PW_TO, GC_PW_AT_MOST, GC_PW_EXPERIENCE};
    const gc_ynode *v;

    if (gc_yexpect(map, GC_Y_MAP, "years", file, err) < 0 ||
        gc_ymap_check(map, keys, NULL, file, err) < 0)
        return GC_EDATA;
    for (size_t k = 0; k < G_N_ELEMENTS(kinds); k++)
        if ((v = gc_ymap_get(map, keys[k])) &&
            add_phrases(d, v, keys[k], kinds[k], 0, file, err) < 0)
            return GC_EDATA;
    if ((v = gc_ymap_get(map, "numbers")) && parse_numbers(d, v, file, err) < 0)
        return GC_EDATA;
    return 0;
}

int gc_postings_parse(gc_data *d, const gc_ynode *root, const char *file, gc_err *err)
{
    const gc_ynode *v;

    if ((v = gc_ymap_get(root, "alternatives")) && parse_alternatives(d, v, file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(root, "years")) && parse_years(d, v, file, err) < 0)
        return GC_EDATA;
    return 0;
}
