/* libFuzzer target: the bounded YAML loader (libyaml event API). */
#include "fuzz_common.h"
#include "data/yaml_load.h"

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
    gc_ydoc *doc = NULL;

    if (gc_yaml_parse(&doc, "fuzz.yaml", (const char *)data, size, &lim, &err) == 0)
        gc_ydoc_free(doc);
    return 0;
}
