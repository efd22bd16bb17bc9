/* libFuzzer target: JSON Resume (extract_json.c): the sniffer, then the
 * iterative parser and text writer, on every input whatever the sniffer
 * says, as gc_extract would call them.  A small text budget and depth as
 * well as the defaults, so the limit paths run too. */
#include "extract/extract.h"
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_init_libs();
    return 0;
}

static void extract(const uint8_t *data, size_t size, const gc_limits *lim)
{
    gc_err err = GC_ERR_INIT;
    gc_text t;

    gc_text_init(&t, lim->text_bytes);
    (void)gc_extract_jsonresume(&t, data, size, lim, &err);
    gc_text_free(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gc_limits lim = fuzz_limits();

    (void)gc_sniff_jsonresume(data, size);
    extract(data, size, &lim);
    lim.text_bytes = 64;
    lim.xml_depth = 4;
    extract(data, size, &lim);
    return 0;
}
