/* image: PNG and JPEG pictures decoded to 8-bit grey for OCR (DOCX/ODT).
 *
 * A picture is hostile input like the rest of the file, so:
 *   - its size is read from the header by this file (PNG's IHDR, JPEG's
 *     first SOFn marker) and a picture declaring more than the pixel cap is
 *     refused before any decoder sees it; the decoder's own idea of the
 *     size is checked again against the same cap before a row is decoded;
 *   - decoding goes straight to one byte a pixel (libpng's simplified API
 *     composites transparency on white; libjpeg converts to grey itself),
 *     so memory is the pixel count, not four times it;
 *   - libjpeg's memory for progressive images is capped, its messages are
 *     dropped, and its fatal errors come back here with longjmp;
 *   - only PNG and JPEG are decoded (libpng, libjpeg-turbo): no image file
 *     reaches leptonica, whose decoders had CVEs, and no GdkPixbuf loader
 *     (a dozen formats) is involved. */
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/image.h"
#include "extract/image_lib.h"

static unsigned be16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }
static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int jpeg_size(const unsigned char *d, size_t len, unsigned *w, unsigned *h)
{
    size_t i = 2;

    while (i + 4 <= len) {
        unsigned m, seg;
        if (d[i] != 0xFF)
            return 0;
        m = d[i + 1];
        if (m == 0xFF) {   /* fill byte */
            i++;
            continue;
        }
        if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {   /* no length */
            i += 2;
            continue;
        }
        if (m == 0xD9 || m == 0xDA)   /* end of image, start of scan: no frame seen */
            return 0;
        seg = be16(d + i + 2);
        if (seg < 2)
            return 0;
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            if (i + 9 > len || seg < 7)
                return 0;
            *h = be16(d + i + 5);
            *w = be16(d + i + 7);
            return 1;
        }
        i += 2 + seg;
    }
    return 0;
}

gc_image_kind gc_image_probe(const unsigned char *d, size_t len, unsigned *w, unsigned *h)
{
    static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    *w = *h = 0;
    if (len >= 24 && memcmp(d, png_sig, 8) == 0) {
        if (memcmp(d + 12, "IHDR", 4) == 0 && be32(d + 16) <= 0x7FFFFFFF &&
            be32(d + 20) <= 0x7FFFFFFF) {
            *w = be32(d + 16);
            *h = be32(d + 20);
        }
        return GC_IMAGE_PNG;
    }
    if (len >= 4 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) {
        if (!jpeg_size(d, len, w, h))
            *w = *h = 0;
        return GC_IMAGE_JPEG;
    }
    return GC_IMAGE_OTHER;
}

static int corrupt(gc_err *err, const char *what)
{
    gc_err_set(err, GC_ECORRUPT, NULL, 0, 0, "damaged %s picture", what);
    gc_err_detail(err, "image");
    return GC_ECORRUPT;
}

static int too_big(gc_err *err, unsigned w, unsigned h, size_t max_pixels)
{
    gc_err_set(err, GC_ELIMIT, NULL, 0, 0, "picture of %u x %u pixels, over the %zu-pixel limit",
               w, h, max_pixels);
    gc_err_detail(err, "ocr_pixels");
    return GC_ELIMIT;
}

static int over(unsigned w, unsigned h, size_t max_pixels)
{
    return w == 0 || h == 0 || (uint64_t)w * h > max_pixels;
}

static int decode_png(unsigned char **px, unsigned w, unsigned h, const unsigned char *data,
                      size_t len, size_t max_pixels, gc_err *err)
{
    const gc_png_api *png = gc_png_lib(err);
    png_image img;
    unsigned char *buf;

    if (png == NULL)
        return err ? err->code : GC_EFORMAT;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png->png_image_begin_read_from_memory(&img, data, len))
        return corrupt(err, "PNG");
    if (img.width != w || img.height != h || over(img.width, img.height, max_pixels)) {
        png->png_image_free(&img);
        return corrupt(err, "PNG");
    }
    img.format = PNG_FORMAT_GRAY;
    if ((buf = malloc((size_t)w * h)) == NULL) {
        png->png_image_free(&img);
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    }
    memset(buf, 255, (size_t)w * h);   /* transparency is composited onto this white */
    if (!png->png_image_finish_read(&img, NULL, buf, (png_int_32)w, NULL)) {
        png->png_image_free(&img);
        free(buf);
        return corrupt(err, "PNG");
    }
    *px = buf;
    return 0;
}

/* libjpeg reports fatal errors through error_exit, which must not return. */
typedef struct jpeg_fail {
    struct jpeg_error_mgr mgr;
    jmp_buf jump;
} jpeg_fail;

static void jpeg_error_exit(j_common_ptr c)
{
    longjmp(((jpeg_fail *)(void *)c->err)->jump, 1);
}

static void jpeg_quiet(j_common_ptr c)
{
    (void)c;   /* warnings and traces would go to stderr */
}

static int decode_jpeg(unsigned char **px, unsigned w, unsigned h, const unsigned char *data,
                       size_t len, size_t max_pixels, gc_err *err)
{
    const gc_jpeg_api *jpg = gc_jpeg_lib(err);
    struct jpeg_decompress_struct c;
    jpeg_fail fail;
    unsigned char *volatile buf = NULL;

    if (jpg == NULL)
        return err ? err->code : GC_EFORMAT;
    memset(&c, 0, sizeof c);
    c.err = jpg->jpeg_std_error(&fail.mgr);
    fail.mgr.error_exit = jpeg_error_exit;
    fail.mgr.output_message = jpeg_quiet;
    if (setjmp(fail.jump)) {
        jpg->jpeg_destroy_decompress(&c);
        free(buf);
        return corrupt(err, "JPEG");
    }
    jpg->jpeg_CreateDecompress(&c, JPEG_LIB_VERSION, sizeof c);
    /* Progressive images keep every coefficient: bounded, never spilled
     * to a temporary file (libjpeg-turbo has no backing store). */
    c.mem->max_memory_to_use = (long)(6 * max_pixels);
    jpg->jpeg_mem_src(&c, data, (unsigned long)len);
    if (jpg->jpeg_read_header(&c, TRUE) != JPEG_HEADER_OK || c.image_width != w ||
        c.image_height != h || over(c.image_width, c.image_height, max_pixels) ||
        c.jpeg_color_space == JCS_CMYK || c.jpeg_color_space == JCS_YCCK) {
        jpg->jpeg_destroy_decompress(&c);
        return corrupt(err, "JPEG");
    }
    c.out_color_space = JCS_GRAYSCALE;
    c.scale_num = c.scale_denom = 1;
    jpg->jpeg_start_decompress(&c);
    if (c.output_width != w || c.output_height != h || c.output_components != 1) {
        jpg->jpeg_destroy_decompress(&c);
        return corrupt(err, "JPEG");
    }
    if ((buf = malloc((size_t)w * h)) == NULL) {
        jpg->jpeg_destroy_decompress(&c);
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    }
    while (c.output_scanline < c.output_height) {
        JSAMPROW row = buf + (size_t)c.output_scanline * w;
        if (jpg->jpeg_read_scanlines(&c, &row, 1) != 1)
            break;   /* cut data: libjpeg pads the rest, a warning only */
    }
    /* jpeg_finish_decompress would read on to the end of the file for
     * nothing: the pixels are all here. */
    jpg->jpeg_destroy_decompress(&c);
    *px = buf;
    return 0;
}

int gc_image_grey(unsigned char **px, unsigned *w, unsigned *h, const unsigned char *data,
                  size_t len, size_t max_pixels, gc_err *err)
{
    gc_image_kind kind = gc_image_probe(data, len, w, h);

    *px = NULL;
    if (kind == GC_IMAGE_OTHER)
        return gc_err_set(err, GC_EFORMAT, NULL, 0, 0, "not a PNG or JPEG picture");
    if (*w == 0 || *h == 0)
        return corrupt(err, kind == GC_IMAGE_PNG ? "PNG" : "JPEG");
    if (over(*w, *h, max_pixels))
        return too_big(err, *w, *h, max_pixels);
    if (kind == GC_IMAGE_PNG)
        return decode_png(px, *w, *h, data, len, max_pixels, err);
    return decode_jpeg(px, *w, *h, data, len, max_pixels, err);
}
