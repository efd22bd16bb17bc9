/* libFuzzer target: plain-text decoding (UTF-8/16, CP1252) then
 * normalisation, as the pipeline chains them. */
#include <stdlib.h>

#include "extract/extract.h"
#include "fuzz_common.h"
#include "match/normalize.h"

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
    char *norm = NULL;
    size_t nlen = 0;

    gc_text_init(&t, lim.text_bytes);
    if (gc_extract_plain(&t, data, size, &lim, &err) == 0 &&
        gc_normalize(&norm, &nlen, t.buf ? t.buf : "", t.len, &err) == 0)
        free(norm);
    gc_text_free(&t);
    return 0;
}
