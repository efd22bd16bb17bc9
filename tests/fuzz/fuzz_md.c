/* libFuzzer target: Markdown (decoding as plain text, md4c, which is
 * uninstrumented, and our callbacks: cells, entities, HTML blocks) and the
 * Markdown sniffing rule.  Seeds: the Markdown fixtures. */
#include "extract/extract.h"
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_init_libs();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gc_limits lim = fuzz_limits();
    gc_err err = GC_ERR_INIT;
    gc_text t;

    gc_text_init(&t, lim.text_bytes);
    (void)gc_sniff_markdown(data, size);
    (void)gc_extract_markdown(&t, data, size, &lim, &err);
    gc_text_free(&t);
    return 0;
}
