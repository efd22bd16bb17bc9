/* libFuzzer target: the snapshot reader and every report writer.  A
 * snapshot of the bundled data is built once; each input is a list of
 * patches (4-byte offset, 1-byte length, bytes) applied to a copy, which
 * is resealed (the checksum fixed, as a planted cache file would be) and
 * loaded.  What loads is used for real: a résumé is analysed, scored
 * against every role and rendered in every format, so a number or offset
 * the reader lets through cannot hang or crash a report (issue 18.2).
 * Run from the repository root, or set GAPCHECK_DATA. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "data/snapshot.h"

static char *base;
static size_t base_len;

static const char resume[] =
    "SUMMARY\nML engineer: Python, PyTorch, Docker, AWS, REST APIs, MLflow.\n"
    "SKILLS\nSQL, Kubernetes, TensorFlow, Spark\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    gc_limits lim = fuzz_limits();
    gc_err err = GC_ERR_INIT;
    const char *root = getenv("GAPCHECK_DATA");
    char lex[4096], roles[4096];
    gc_data_builder *b;
    gc_data *d = NULL;

    (void)argc;
    (void)argv;
    fuzz_init_libs();
    snprintf(lex, sizeof lex, "%s/lexicon", root ? root : ".");
    snprintf(roles, sizeof roles, "%s/roles", root ? root : ".");
    b = gc_data_builder_new(&lim);
    if (gc_data_add_dir(b, GC_DATA_LEXICON, lex, 0, &err) < 0 ||
        gc_data_add_dir(b, GC_DATA_ROLES, roles, 0, &err) < 0 || gc_data_build(&d, b, &err) < 0 ||
        gc_data_snapshot(&base, &base_len, d, &err) < 0) {
        fprintf(stderr, "fuzz_snapshot: cannot build the data: %s\n", err.msg);
        exit(1);
    }
    gc_data_free(d);
    return 0;
}

static void patch(char *blob, size_t len, const uint8_t *in, size_t n)
{
    while (n >= 5) {
        uint32_t off;
        memcpy(&off, in, 4);
        size_t k = in[4] < n - 5 ? in[4] : n - 5;
        off %= (uint32_t)len;
        if (k > len - off)
            k = len - off;
        memcpy(blob + off, in + 5, k);
        in += 5 + k;
        n -= 5 + k;
    }
}

static void render_all(const gc_data *d)
{
    gc_limits lim = fuzz_limits();
    gc_err err = GC_ERR_INIT;
    gc_report_opts o = {1, 1, 1, 60, "2026-12-01"};
    gc_doc *doc = NULL, *posting = NULL;
    gc_buf b = {0};

    if (gc_analyze_text(&doc, d, resume, sizeof resume - 1, &lim, NULL, &err) < 0)
        return;
    if (gc_analyze_text(&posting, d, resume, sizeof resume - 1, &lim, NULL, &err) < 0) {
        gc_doc_free(doc);
        return;
    }
    for (size_t i = 0; i < gc_data_n_roles(d); i++) {
        gc_request q = {gc_data_role(d, i), 1, posting, "job.txt", 0, GC_MONTH(2026, 12), 1};
        gc_result *r = NULL;
        gc_doc *copy = NULL;
        if (gc_analyze_text(&copy, d, resume, sizeof resume - 1, &lim, NULL, &err) < 0 ||
            gc_result_new(&r, d, "cv.txt", copy, &q, &err) < 0)
            continue;
        for (size_t f = 0; gc_report_format_at(f); f++) {
            const gc_report_format *fmt = gc_report_format_at(f);
            gc_index_row row;
            if (fmt->header)
                fmt->header(&b, d, &q, &o);
            fmt->document(&b, r, &o);
            gc_index_row_set(&row, r, "cv.txt", "cv.html");
            gc_index ix = {&row, 1, "reports", &q};
            if (fmt->index)
                fmt->index(&b, &ix, &o);
            gc_buf_free(&b);
            b = (gc_buf){0};
        }
        gc_result_free(r);
    }
    gc_doc_free(posting);
    gc_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *in, size_t n)
{
    gc_limits lim = fuzz_limits();
    gc_err err = GC_ERR_INIT;
    gc_data *d = NULL;
    char *blob = aligned_alloc(8, (base_len + 7) / 8 * 8);

    if (blob == NULL)
        return 0;
    memcpy(blob, base, base_len);
    patch(blob, base_len, in, n);
    snap_hdr *h = (snap_hdr *)(void *)blob;
    h->sum = snap_checksum((unsigned char *)blob + sizeof *h, base_len - sizeof *h);
    if (gc_data_from_snapshot(&d, blob, base_len, &lim, &err) == 0) {
        render_all(d);
        gc_data_free(d);
    }
    free(blob);
    return 0;
}
