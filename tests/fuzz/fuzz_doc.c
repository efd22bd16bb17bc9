/* libFuzzer target: the Word 97-2003 reader: libgsf's OLE2 container
 * (uninstrumented), then our FIB, Clx and piece-table checks and the text
 * pass.  Seeds: the .doc fixture and damaged variants of it. */
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
    (void)gc_extract_doc(&t, data, size, &lim, &err);
    gc_text_free(&t);
    return 0;
}
