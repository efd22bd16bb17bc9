/* libFuzzer target: the whole extractor dispatch (sniff, then zip → DOCX or
 * ODT, flat ODT, CFB detection ...).  Seeds are DOCX/ODT/FODT packages. */
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
    gc_format fmt;
    gc_text t;

    gc_text_init(&t, lim.text_bytes);
    (void)gc_extract(&t, &fmt, data, size, &lim, &err);
    gc_text_free(&t);
    return 0;
}
