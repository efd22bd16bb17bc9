/* lcms_cache: with the plug-in installed (as loading poppler does), every
 * colour transform converts every colour exactly as Little CMS's own linker
 * does, in a context without the plug-in; a repeated link comes from the
 * cache; profiles of equal size but other contents never share a pipeline;
 * and eviction past the cache's slots keeps every answer right. */
#include <string.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include <lcms2.h>
#pragma GCC diagnostic pop

#include "harness.h"
#include "lcms_cache.h"
#include "libload.h"

static cmsContext plain;   /* the library's defaults, no plug-in */

/* A profile as poppler opens an ICCBased stream: from its bytes. */
static cmsHPROFILE from_memory(cmsContext ctx, cmsHPROFILE virt)
{
    static unsigned char buf[1 << 16];
    cmsUInt32Number n = sizeof buf;
    cmsHPROFILE p;

    if (!cmsSaveProfileToMem(virt, buf, &n))
        return NULL;
    p = cmsOpenProfileFromMemTHR(ctx, buf, n);
    memset(buf, 0, sizeof buf);   /* the profile keeps its own copy */
    return p;
}

static cmsHPROFILE gray(cmsContext ctx, double gamma)
{
    cmsToneCurve *g = cmsBuildGamma(ctx, gamma);
    cmsHPROFILE p = cmsCreateGrayProfileTHR(ctx, cmsD50_xyY(), g);

    cmsFreeToneCurve(g);
    return p;
}

/* Converts every value of a 1- or 3-channel 8-bit grid into out[]. */
static size_t convert(cmsHPROFILE in, cmsUInt32Number in_fmt, int in_ch, cmsHPROFILE out_p,
                      cmsUInt32Number intent, cmsUInt32Number flags, unsigned char *out)
{
    static unsigned char src[17 * 17 * 17 * 3];
    size_t n = 0;
    cmsHTRANSFORM x = cmsCreateTransform(in, in_fmt, out_p, TYPE_RGB_8, intent, flags);

    if (x == NULL)
        return 0;
    if (in_ch == 1)
        for (int v = 0; v < 256; v++)
            src[n++] = (unsigned char)v;
    else
        for (int r = 0; r < 17; r++)
            for (int g = 0; g < 17; g++)
                for (int b = 0; b < 17; b++, n++) {
                    src[3 * n] = (unsigned char)(r * 255 / 16);
                    src[3 * n + 1] = (unsigned char)(g * 255 / 16);
                    src[3 * n + 2] = (unsigned char)(b * 255 / 16);
                }
    cmsDoTransform(x, src, out, (cmsUInt32Number)n);
    cmsDeleteTransform(x);
    return n * 3;
}

/* The same conversion through the cached linker (global context) and the
 * library's own (plain context); equal bytes, or a failed check. */
static void same_as_plain(cmsHPROFILE (*make)(cmsContext, double), double arg,
                          cmsUInt32Number fmt, int ch, cmsUInt32Number intent,
                          cmsUInt32Number flags)
{
    static unsigned char a[17 * 17 * 17 * 3], b[17 * 17 * 17 * 3];
    cmsHPROFILE vg = make(NULL, arg), vp = make(plain, arg);
    cmsHPROFILE ig = from_memory(NULL, vg), ip = from_memory(plain, vp);
    cmsHPROFILE og = cmsCreate_sRGBProfile(), op = cmsCreate_sRGBProfileTHR(plain);
    size_t na = convert(ig, fmt, ch, og, intent, flags, a);
    size_t nb = convert(ip, fmt, ch, op, intent, flags, b);

    CHECK(na > 0 && na == nb && memcmp(a, b, na) == 0);
    cmsCloseProfile(vg);
    cmsCloseProfile(vp);
    cmsCloseProfile(ig);
    cmsCloseProfile(ip);
    cmsCloseProfile(og);
    cmsCloseProfile(op);
}

static cmsHPROFILE srgb(cmsContext ctx, double unused)
{
    (void)unused;
    return cmsCreate_sRGBProfileTHR(ctx);
}

int main(void)
{
    unsigned long h0, m0, h1, m1;
    static const cmsUInt32Number flags[] = {0, cmsFLAGS_BLACKPOINTCOMPENSATION,
                                            cmsFLAGS_NOOPTIMIZE | cmsFLAGS_BLACKPOINTCOMPENSATION};

    CHECK(gc_pdf_lib(NULL) != NULL);
    CHECK(gc_lcms_cache_install() == 1);   /* loading poppler installed it */
    plain = cmsCreateContext(NULL, NULL);

    /* Every ICC intent and the flags poppler uses: equal to the library's. */
    for (cmsUInt32Number intent = 0; intent < 4; intent++)
        for (size_t f = 0; f < sizeof flags / sizeof flags[0]; f++) {
            same_as_plain(srgb, 0, TYPE_RGB_8, 3, intent, flags[f]);
            same_as_plain(gray, 2.2, TYPE_GRAY_8, 1, intent, flags[f]);
        }

    /* A repeated link (poppler's: the same ICC stream into its one sRGB
     * profile, page after page) is a hit, with the same result.  Profiles
     * built in memory carry their creation time, so the test keeps one. */
    {
        static unsigned char a[256 * 3], b[256 * 3];
        cmsHPROFILE v = gray(NULL, 2.2), in = from_memory(NULL, v), out = cmsCreate_sRGBProfile();
        size_t na, nb;

        na = convert(in, TYPE_GRAY_8, 1, out, INTENT_PERCEPTUAL, 0, a);
        gc_lcms_cache_stats(&h0, &m0);
        nb = convert(in, TYPE_GRAY_8, 1, out, INTENT_PERCEPTUAL, 0, b);
        gc_lcms_cache_stats(&h1, &m1);
        CHECK(h1 > h0);
        CHECK(m1 == m0);
        CHECK(na > 0 && na == nb && memcmp(a, b, na) == 0);
        cmsCloseProfile(v);
        cmsCloseProfile(in);
        cmsCloseProfile(out);
    }

    /* Gamma 1.8 and 2.2 profiles are the same size; each gets its own
     * pipeline, and 40 gammas evict past the 16 slots, all still right. */
    for (int i = 0; i < 40; i++)
        same_as_plain(gray, 1.0 + i * 0.05, TYPE_GRAY_8, 1, INTENT_RELATIVE_COLORIMETRIC, 0);
    same_as_plain(gray, 1.8, TYPE_GRAY_8, 1, INTENT_PERCEPTUAL, 0);
    same_as_plain(gray, 2.2, TYPE_GRAY_8, 1, INTENT_PERCEPTUAL, 0);
    gc_lcms_cache_stats(&h1, &m1);
    CHECK(m1 > m0 + 40);

    cmsDeleteContext(plain);
    return test_summary("test_lcms_cache");
}
