/* image_lib: libpng's and libjpeg's tables, loaded on first use; see
 * image_lib.h.  Neither needs more than libz and libc, which the program
 * or tesseract has mapped already: no dependency list. */
#include <string.h>

#include "extract/image_lib.h"

#ifndef GC_PNG_SONAME
#define GC_PNG_SONAME "libpng16.so.16"
#endif
#ifndef GC_JPEG_SONAME
#define GC_JPEG_SONAME "libjpeg.so.62"
#endif

static const char *const no_deps[] = {NULL};
static gc_lib png_lib = {GC_PNG_SONAME, "png_library", "PNG picture", no_deps, 0, ""};
static gc_lib jpeg_lib = {GC_JPEG_SONAME, "jpeg_library", "JPEG picture", no_deps, 0, ""};
static gc_png_api png_api;
static gc_jpeg_api jpeg_api;

static int resolve_png(gc_lib *l, void *h, void *table)
{
    gc_png_api *api = table;
    GC_PNG_FUNCS(GC_LIB_RESOLVE)
    return 0;
}

static int resolve_jpeg(gc_lib *l, void *h, void *table)
{
    gc_jpeg_api *api = table;
    GC_JPEG_FUNCS(GC_LIB_RESOLVE)
    return 0;
}

const gc_png_api *gc_png_lib(gc_err *err)
{
    return gc_lib_load(&png_lib, resolve_png, &png_api, err);
}

const gc_jpeg_api *gc_jpeg_lib(gc_err *err)
{
    return gc_lib_load(&jpeg_lib, resolve_jpeg, &jpeg_api, err);
}
