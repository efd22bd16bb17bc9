/* libFuzzer target: the pictures OCR reads (DOCX/ODT media): the header
 * probe (PNG IHDR, JPEG SOFn) that bounds the size before anything is
 * decoded, then the decode to grey through libpng/libjpeg (uninstrumented)
 * under a 4-megapixel cap.  Seeds: small PNG and JPEG pictures. */
#include <stdlib.h>

#include "extract/image.h"
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
    gc_err err = GC_ERR_INIT;
    unsigned char *px = NULL;
    unsigned w = 0, h = 0, pw = 0, ph = 0;
    gc_image_kind k = gc_image_probe(data, size, &pw, &ph);

    if (gc_image_grey(&px, &w, &h, data, size, 4u << 20, &err) == 0) {
        /* what the probe declared is what was decoded, and within the cap */
        if (k == GC_IMAGE_OTHER || w != pw || h != ph || (size_t)w * h > (4u << 20))
            abort();
        volatile unsigned char sum = 0;
        for (size_t i = 0; i < (size_t)w * h; i += 4093)
            sum ^= px[i];
        (void)sum;
    }
    free(px);
    return 0;
}
