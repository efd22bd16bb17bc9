/* lcms_cache: with the plug-in installed (as loading poppler does), every
 * colour transform converts every colour exactly as Little CMS's own linker
 * does, in a context without the plug-in; a repeated link comes from the
 * cache; profiles of equal size but other contents never share a pipeline;
 * eviction past the cache's slots keeps every answer right; and through
 * poppler, a PDF whose pages share an ICCBased colour space links it once,
 * with white text still told apart on a dark ICC band and on paper. */
#include <string.h>

#include <glib.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include <lcms2.h>
#pragma GCC diagnostic pop

#include "extract/extract.h"
#include "harness.h"
#include "extract/lcms_cache.h"
#include "extract/pdf_lib.h"
#include "pdfgen.h"

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

/* A PDF of n pages sharing one ICCBased (sRGB) colour space: on each, a
 * dark band with white text on it, and white text on the paper. */
static char *icc_pdf(size_t *len, int n)
{
    static unsigned char icc[1 << 14];
    static char pages[8][400];
    const char *p[8];
    cmsUInt32Number n_icc = sizeof icc;
    cmsHPROFILE srgb_p = cmsCreate_sRGBProfile();
    pdf_stream profile;
    char *pdf;

    CHECK(n <= 8 && cmsSaveProfileToMem(srgb_p, icc, &n_icc));
    cmsCloseProfile(srgb_p);
    profile = (pdf_stream){"/N 3 /Alternate /DeviceRGB", icc, n_icc};
    for (int i = 0; i < n; i++) {
        snprintf(pages[i], sizeof pages[i],
                 "/CS0 cs 0.1 0.2 0.4 sc 50 680 300 60 re f "
                 "BT /CS0 cs 1 1 1 sc /F1 14 Tf 72 705 Td (Sidebar Heading %d) Tj ET "
                 "BT /CS0 cs 1 1 1 sc /F1 14 Tf 72 300 Td (Unseen Note %d) Tj ET "
                 "BT /CS0 cs 0 0 0 sc /F1 11 Tf 72 600 Td (Body text %d) Tj ET",
                 i + 1, i + 1, i + 1);
        p[i] = pages[i];
    }
    *len = pdfgen(&pdf, p, n, "/Font << /F1 3 0 R >> /ColorSpace << /CS0 [/ICCBased 4 0 R] >>",
                  &profile, 1);
    return pdf;
}

static void through_poppler(void)
{
    gc_limits lim = GC_LIMITS_INIT;
    gc_err err = GC_ERR_INIT;
    gc_text t;
    size_t len;
    char *pdf = icc_pdf(&len, 4), want[32];
    unsigned long h0, m0, h1, m1;

    gc_text_init(&t, lim.text_bytes);
    gc_lcms_cache_stats(&h0, &m0);
    CHECK(gc_extract_pdf(&t, (const unsigned char *)pdf, len, &lim, &err) == 0);
    gc_lcms_cache_stats(&h1, &m1);
    for (int i = 1; i <= 4; i++) {
        snprintf(want, sizeof want, "Sidebar Heading %d", i);
        CHECK(t.buf != NULL && strstr(t.buf, want) != NULL);   /* white on the dark band */
        snprintf(want, sizeof want, "Body text %d", i);
        CHECK(t.buf != NULL && strstr(t.buf, want) != NULL);
    }
    CHECK(t.buf != NULL && strstr(t.buf, "Unseen Note") == NULL);   /* white on paper */
    CHECK(t.n_hidden > 0);
    /* pages 2 to 4 (and each page's render) reuse page 1's links */
    CHECK(m1 > m0);
    CHECK(h1 - h0 >= 3);
    gc_text_free(&t);
    g_free(pdf);
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

    through_poppler();
    cmsDeleteContext(plain);
    return test_summary("test_lcms_cache");
}
