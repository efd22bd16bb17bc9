/* libFuzzer target: the lexicon compiler.  The input is one lexicon YAML
 * file (categories, sections, skills with literal and pattern aliases); it
 * is added, linked and compiled (PCRE2 with our limits and timing screen). */
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
    gc_data_builder *b = gc_data_builder_new(&lim);
    gc_data *d = NULL;

    if (b == NULL)
        return 0;
    /* the model's constants every data set needs, so a build gets past them */
    static const char model[] = "model: {full_depth_months: 12, half_life_months: 11, "
                                "relearn_floor: 0.5, listed_credit: 0.5, title_credit: 0.5, "
                                "related_share: 0.4}\n";
    if (gc_data_add(b, GC_DATA_LEXICON, "model.yaml", model, sizeof model - 1, 0, &err) < 0 ||
        gc_data_add(b, GC_DATA_LEXICON, "fuzz.yaml", (const char *)data, size, 1, &err) < 0) {
        gc_data_builder_free(b);
        return 0;
    }
    if (gc_data_build(&d, b, &err) == 0)
        gc_data_free(d);
    return 0;
}
