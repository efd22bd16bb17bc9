/* libFuzzer target: normalisation, sections and the matcher over arbitrary
 * text, with the bundled lexicon and roles loaded once.  Run it from the
 * repository root, or set GAPCHECK_DATA to the directory holding lexicon/
 * and roles/. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_common.h"

static gc_data *data;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    gc_limits lim = fuzz_limits();
    gc_err err = GC_ERR_INIT;
    const char *root = getenv("GAPCHECK_DATA");
    char lex[4096], roles[4096];
    gc_data_builder *b;

    (void)argc;
    (void)argv;
    fuzz_init_libs();
    if (root == NULL)
        root = ".";
    snprintf(lex, sizeof lex, "%s/lexicon", root);
    snprintf(roles, sizeof roles, "%s/roles", root);
    b = gc_data_builder_new(&lim);
    if (b == NULL || gc_data_add_dir(b, GC_DATA_LEXICON, lex, 0, &err) < 0 ||
        gc_data_add_dir(b, GC_DATA_ROLES, roles, 0, &err) < 0 ||
        gc_data_build(&data, b, &err) < 0) {
        fprintf(stderr, "fuzz_match: cannot load %s: %s\n", lex, err.msg);
        exit(1);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *buf, size_t size)
{
    gc_limits lim = fuzz_limits();
    gc_err err = GC_ERR_INIT;
    gc_analyze_opts opts = {"python", 0, (int)(size & 1)};
    gc_doc *doc = NULL;

    if (gc_analyze_text(&doc, data, (const char *)buf, size, &lim, &opts, &err) == 0)
        gc_doc_free(doc);
    return 0;
}
