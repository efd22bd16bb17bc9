/* libFuzzer target: the Word 97-2003 reader: libgsf's OLE2 container
 * (uninstrumented), then our FIB, Clx and piece-table checks and the text
 * pass.  An input starting with "WDS" skips the container: then a 4-byte
 * little-endian length, the WordDocument stream and the table stream
 * follow, straight to gc_doc_from_streams, so mutations reach our FIB and
 * piece-table checks without first breaking the OLE2 file.  Seeds: the
 * .doc fixture, damaged variants of it, and the same as raw streams. */
#include <string.h>

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
    if (size >= 7 && memcmp(data, "WDS", 3) == 0) {
        size_t wd_len = (size_t)data[3] | (size_t)data[4] << 8 | (size_t)data[5] << 16 |
                        (size_t)data[6] << 24;
        if (wd_len > size - 7)
            wd_len = size - 7;
        (void)gc_doc_from_streams(&t, data + 7, wd_len, data + 7 + wd_len, size - 7 - wd_len,
                                  &err);
    } else {
        (void)gc_extract_doc(&t, data, size, &lim, &err);
    }
    gc_text_free(&t);
    return 0;
}
