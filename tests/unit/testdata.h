/* Loads the small test data set (tests/fixtures/data/mini) for unit tests.
 * Tests run from the repository root. */
#ifndef GC_TESTDATA_H
#define GC_TESTDATA_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gapcheck.h"

/* Builds a data set from a lexicon and a roles folder, or exits. */
static inline gc_data *load_data(const char *lexicon, const char *roles)
{
    gc_limits lim = GC_LIMITS_INIT;
    gc_err err = GC_ERR_INIT;
    gc_data_builder *b = gc_data_builder_new(&lim);
    gc_data *d = NULL;

    if (gc_data_add_dir(b, GC_DATA_LEXICON, lexicon, 0, &err) < 0 ||
        gc_data_add_dir(b, GC_DATA_ROLES, roles, 0, &err) < 0) {
        gc_data_builder_free(b);
        b = NULL;
    }
    if (b == NULL || gc_data_build(&d, b, &err) < 0) {
        fprintf(stderr, "cannot load test data: %s:%u:%u: %s\n", err.path, err.line, err.col,
                err.msg);
        exit(1);
    }
    return d;
}

static inline gc_data *load_mini(void)
{
    return load_data("tests/fixtures/data/mini/lex", "tests/fixtures/data/mini/roles");
}

/* The data gapcheck ships (lexicon/, roles/). */
static inline gc_data *load_shipped_data(void)
{
    return load_data("lexicon", "roles");
}

/* Analyses a text and returns the doc (caller frees). */
static inline gc_doc *analyze_str(const gc_data *d, const char *text)
{
    gc_limits lim = GC_LIMITS_INIT;
    gc_err err = GC_ERR_INIT;
    gc_doc *doc = NULL;
    gc_analyze_opts o = {NULL, 0, 0};

    if (gc_analyze_text(&doc, d, text, strlen(text), &lim, &o, &err) < 0) {
        fprintf(stderr, "analyze failed: %s\n", err.msg);
        exit(1);
    }
    return doc;
}

/* 2 evidenced, 1 implied, 0 absent. */
static inline int how(const gc_data *d, const char *text, const char *skill)
{
    gc_doc *doc = analyze_str(d, text);
    long s = gc_data_find_skill(d, skill);
    int h = s < 0 ? -1 : (int)gc_doc_how(doc, (size_t)s);
    gc_doc_free(doc);
    return h;
}

#endif
