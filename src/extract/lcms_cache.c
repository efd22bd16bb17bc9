/* Little CMS profile links, made once per process; see lcms_cache.h. */
#include <dlfcn.h>
#include <string.h>

#include <glib.h>
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include <lcms2.h>
#include <lcms2_plugin.h>
#pragma GCC diagnostic pop

#include "extract/lcms_cache.h"

#ifndef GC_LCMS_SONAME
#define GC_LCMS_SONAME "liblcms2.so.2"
#endif

enum {
    SLOTS = 16,                  /* a document uses a handful of profile pairs */
    MAX_PROFILE = 1 << 20,       /* bytes hashed at most; larger ones link afresh */
    KEY = 32                     /* SHA-256 */
};

#define GC_LCMS_FUNCS(X)                                                      \
    X(cmsPlugin) X(_cmsDefaultICCintents) X(cmsPipelineDup) X(cmsPipelineFree) \
    X(cmsGetProfileIOhandler) X(cmsSaveProfileToMem)
#define GC_LIB_FIELD(f) __typeof__(f) *f;
static struct {
    GC_LCMS_FUNCS(GC_LIB_FIELD)
} lc;
#undef GC_LIB_FIELD

typedef struct slot {
    unsigned char key[KEY];
    cmsPipeline *pipeline;       /* NULL: empty */
} slot;

static slot cache[SLOTS];
static unsigned next_slot;
static unsigned long hits, misses;
static int installed;

/* Feeds the profile's bytes to sum: those it was read from, through its
 * own I/O handler (poppler opens ICCBased streams from memory), or, for a
 * profile built in memory (poppler's sRGB, XYZ and Lab), its serialisation,
 * cheap for those because their tags are objects already.  The bytes read
 * back are the profile's content because poppler never edits a profile it
 * opened.  -1 when neither is available or the profile is over
 * MAX_PROFILE. */
static int hash_profile(GChecksum *sum, cmsHPROFILE p)
{
    cmsIOHANDLER *io = lc.cmsGetProfileIOhandler(p);
    unsigned char chunk[4096];
    cmsUInt32Number n, done, at;
    void *mem;
    int ok = 1;

    if (io != NULL && io->ReportedSize > 0) {
        n = io->ReportedSize;
        if (n > MAX_PROFILE || io->Read == NULL || io->Seek == NULL || io->Tell == NULL)
            return -1;
        at = io->Tell(io);
        ok = io->Seek(io, 0);
        for (done = 0; ok && done < n; done += (cmsUInt32Number)sizeof chunk) {
            cmsUInt32Number k = n - done < sizeof chunk ? n - done : (cmsUInt32Number)sizeof chunk;
            ok = io->Read(io, chunk, k, 1) == 1;
            if (ok)
                g_checksum_update(sum, chunk, k);
        }
        (void)io->Seek(io, at);   /* Little CMS seeks before every read anyway */
    } else {
        if (!lc.cmsSaveProfileToMem(p, NULL, &n) || n == 0 || n > MAX_PROFILE)
            return -1;
        mem = g_malloc(n);
        ok = lc.cmsSaveProfileToMem(p, mem, &n);
        if (ok)
            g_checksum_update(sum, mem, n);
        g_free(mem);
    }
    g_checksum_update(sum, (const guchar *)&n, sizeof n);   /* profile boundary */
    return ok ? 0 : -1;
}

/* Everything the default linker reads, so equal keys mean equal links. */
static int link_key(unsigned char key[KEY], cmsContext ctx, cmsUInt32Number n,
                    const cmsUInt32Number intents[], cmsHPROFILE profiles[], const cmsBool bpc[],
                    const cmsFloat64Number adapt[], cmsUInt32Number flags)
{
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    gsize len = KEY;
    int ok = 1;

    g_checksum_update(sum, (const guchar *)&ctx, sizeof ctx);
    g_checksum_update(sum, (const guchar *)&n, sizeof n);
    g_checksum_update(sum, (const guchar *)&flags, sizeof flags);
    g_checksum_update(sum, (const guchar *)intents, n * sizeof *intents);
    g_checksum_update(sum, (const guchar *)bpc, n * sizeof *bpc);
    g_checksum_update(sum, (const guchar *)adapt, n * sizeof *adapt);
    for (cmsUInt32Number i = 0; ok && i < n; i++)
        ok = hash_profile(sum, profiles[i]) == 0;
    if (ok)
        g_checksum_get_digest(sum, key, &len);
    g_checksum_free(sum);
    return ok && len == KEY ? 0 : -1;
}

static void remember(const unsigned char key[KEY], const cmsPipeline *p)
{
    slot *s = &cache[next_slot];
    cmsPipeline *copy = lc.cmsPipelineDup(p);

    if (copy == NULL)
        return;
    if (s->pipeline != NULL)
        lc.cmsPipelineFree(s->pipeline);
    memcpy(s->key, key, KEY);
    s->pipeline = copy;
    next_slot = (next_slot + 1) % SLOTS;
}

/* The plug-in's linker: a copy of the cached pipeline, or the library's. */
static cmsPipeline *link_cached(cmsContext ctx, cmsUInt32Number n, cmsUInt32Number intents[],
                                cmsHPROFILE profiles[], cmsBool bpc[], cmsFloat64Number adapt[],
                                cmsUInt32Number flags)
{
    unsigned char key[KEY];
    cmsPipeline *p;
    int keyed = link_key(key, ctx, n, intents, profiles, bpc, adapt, flags) == 0;

    for (unsigned i = 0; keyed && i < SLOTS; i++)
        if (cache[i].pipeline != NULL && memcmp(cache[i].key, key, KEY) == 0) {
            hits++;
            return lc.cmsPipelineDup(cache[i].pipeline);
        }
    misses++;
    p = lc._cmsDefaultICCintents(ctx, n, intents, profiles, bpc, adapt, flags);
    if (p != NULL && keyed)
        remember(key, p);
    return p;
}

/* The four ICC intents, all of which the default linker serves (so does
 * this one: Little CMS picks the linker by a chain's first intent); the
 * black-preserving ones keep their own linkers. */
#define GC_INTENT(i)                                                          \
    {{cmsPluginMagicNumber, LCMS_VERSION, cmsPluginRenderingIntentSig, NULL}, \
     (i), link_cached, "gapcheck: memoized ICC links"}
static cmsPluginRenderingIntent plugins[] = {
    GC_INTENT(INTENT_PERCEPTUAL), GC_INTENT(INTENT_RELATIVE_COLORIMETRIC),
    GC_INTENT(INTENT_SATURATION), GC_INTENT(INTENT_ABSOLUTE_COLORIMETRIC),
};
#undef GC_INTENT

#define GC_RESOLVE(f)                                                         \
    if ((p = dlsym(h, #f)) == NULL)                                           \
        return 0;                                                             \
    memcpy(&lc.f, &p, sizeof p);

/* dlsym's void * reaches a function pointer through memcpy, as in libload. */
static int resolve(void *h)
{
    void *p;
    GC_LCMS_FUNCS(GC_RESOLVE)
    return 1;
}
#undef GC_RESOLVE

int gc_lcms_cache_install(void)
{
    static int tried;
    void *h;
    size_t n = sizeof plugins / sizeof plugins[0];

    if (tried)
        return installed;
    tried = 1;
    /* Only the copy poppler already uses: RTLD_NOLOAD never loads one. */
    h = dlopen(GC_LCMS_SONAME, RTLD_NOW | RTLD_NOLOAD);
    if (h == NULL || !resolve(h))
        return 0;
    for (size_t i = 0; i + 1 < n; i++)
        plugins[i].base.Next = &plugins[i + 1].base;
    installed = lc.cmsPlugin(&plugins[0]) != 0;
    return installed;
}

void gc_lcms_cache_stats(unsigned long *h, unsigned long *m)
{
    *h = hits;
    *m = misses;
}
