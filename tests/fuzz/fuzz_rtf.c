/* libFuzzer target: the RTF reader (groups, control words, \uN and \ucN,
 * code pages through GLib's iconv, skipped destinations, \binN).  Seeds:
 * the RTF fixture and small hand-made files. */
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
    (void)gc_extract_rtf(&t, data, size, &lim, &err);
    gc_text_free(&t);
    return 0;
}
