/* libFuzzer target: the parent's side of isolation.  A parser child's
 * result bytes (gc_doc_encode) are decoded and validated by gc_doc_decode,
 * then rendered as JSON and text reports, as the CLI does: a child that
 * parsed a hostile file must not be able to hurt the parent.  Needs the
 * bundled data (run from the repository root or set GAPCHECK_DATA).
 * With FUZZ_DECODE_SEEDS=DIR, LLVMFuzzerInitialize first writes encoded
 * results of the argument files into DIR (how corpus/decode was made). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static gc_data *data;

static void write_seeds(const char *dir, int argc, char **argv)
{
    gc_limits lim = fuzz_limits();

    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        static unsigned char buf[1 << 22];
        size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
        gc_analyze_opts opts = {"python", 0, 0};
        gc_err err = GC_ERR_INIT;
        gc_doc *doc = NULL;
        char *enc = NULL, path[4096];
        size_t elen = 0;
        const char *base = strrchr(argv[i], '/');

        if (f)
            fclose(f);
        if (gc_analyze(&doc, data, buf, n, &lim, &opts, &err) < 0)
            doc = gc_doc_new_error(data, &err);
        if (gc_doc_encode(&enc, &elen, doc, &err) == 0) {
            snprintf(path, sizeof path, "%s/%s.doc", dir, base ? base + 1 : argv[i]);
            if ((f = fopen(path, "wb")) != NULL) {
                fwrite(enc, 1, elen, f);
                fclose(f);
            }
        }
        free(enc);
        gc_doc_free(doc);
    }
    exit(0);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    gc_limits lim = fuzz_limits();
    gc_err err = GC_ERR_INIT;
    const char *root = getenv("GAPCHECK_DATA");
    char lex[4096], roles[4096];
    gc_data_builder *b;

    fuzz_init_libs();
    if (root == NULL)
        root = ".";
    snprintf(lex, sizeof lex, "%s/lexicon", root);
    snprintf(roles, sizeof roles, "%s/roles", root);
    b = gc_data_builder_new(&lim);
    if (b == NULL || gc_data_add_dir(b, GC_DATA_LEXICON, lex, 0, &err) < 0 ||
        gc_data_add_dir(b, GC_DATA_ROLES, roles, 0, &err) < 0 ||
        gc_data_build(&data, b, &err) < 0) {
        fprintf(stderr, "fuzz_decode: cannot load %s: %s\n", lex, err.msg);
        exit(1);
    }
    if (getenv("FUZZ_DECODE_SEEDS") != NULL)
        write_seeds(getenv("FUZZ_DECODE_SEEDS"), *argc, *argv);
    return 0;
}

/* A decoded doc is what the parent reports on: its result and every
 * format run on whatever the decoder lets through (positions, dates, the
 * name included). */
int LLVMFuzzerTestOneInput(const uint8_t *buf, size_t size)
{
    gc_err err = GC_ERR_INIT;
    gc_doc *doc = NULL;
    gc_result *r = NULL;
    gc_report_opts o = {0, 1, (int)(size & 1), 60, NULL};
    gc_buf out = {0};
    const gc_role *role = gc_data_n_roles(data) ? gc_data_role(data, 0) : NULL;
    gc_request q = {role, 1, NULL, NULL, 10, GC_MONTH(2026, 12), 1};

    if (gc_doc_decode(&doc, data, (const char *)buf, size, &err) < 0)
        return 0;
    if (gc_result_new(&r, data, "fuzz", doc, &q, &err) < 0)
        return 0;
    for (size_t f = 0; gc_report_format_at(f); f++)
        gc_report_format_at(f)->document(&out, r, &o);
    gc_buf_free(&out);
    gc_result_free(r);
    return 0;
}
