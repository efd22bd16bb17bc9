/* ocr_pictures: pictures of DOCX/ODT documents read with OCR; see
 * ocr_pictures.h.  Each picture is one zip part, read under the file's zip
 * budget, decoded by image.c under the pixel cap and handed to ocr.c. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "extract/image.h"
#include "extract/ocr.h"
#include "extract/ocr_pictures.h"

void gc_picture_list_init(gc_picture_list *l)
{
    memset(l, 0, sizeof *l);
}

void gc_picture_list_free(gc_picture_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].ref);
        free(l->v[i].part);
    }
    l->n = 0;
}

void gc_picture_list_add(gc_picture_list *l, const char *ref)
{
    double w = l->next_width_in;

    l->next_width_in = 0;
    if (ref == NULL || ref[0] == '\0' || l->n >= GC_OCR_PICTURES)
        return;
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].ref, ref) == 0)
            return;
    if ((l->v[l->n].ref = strdup(ref)) == NULL)
        return;
    l->v[l->n].part = NULL;
    l->v[l->n].width_in = w;
    l->n++;
}

int gc_pictures_wanted(const gc_text *t, const gc_limits *lim)
{
    size_t ink = 0;

    if (lim->ocr == GC_OCR_ALWAYS)
        return 1;
    for (size_t i = 0; i < t->len && ink < GC_OCR_DOC_TEXT; i++) {
        unsigned char c = (unsigned char)t->buf[i];
        ink += c != ' ' && c != '\t' && c != '\n' && c != '\f' && (c < 0x80 || c >= 0xC0);
    }
    return ink < GC_OCR_DOC_TEXT;
}

double gc_length_inches(const char *s)
{
    char *end;
    double v = s ? g_ascii_strtod(s, &end) : 0;

    if (s == NULL || end == s || !(v > 0 && v < 1000))
        return 0;
    if (strcmp(end, "in") == 0)
        return v;
    if (strcmp(end, "cm") == 0)
        return v / 2.54;
    if (strcmp(end, "mm") == 0)
        return v / 25.4;
    if (strcmp(end, "pt") == 0)
        return v / 72;
    if (strcmp(end, "pc") == 0)
        return v / 6;
    return 0;
}

static int has_ink(const gc_text *t)
{
    for (size_t i = 0; i < t->len; i++)
        if (t->buf[i] != ' ' && t->buf[i] != '\t' && t->buf[i] != '\n' && t->buf[i] != '\f')
            return 1;
    return 0;
}

/* Pictures in résumés are often screenshots or exports at 100-200 dpi of
 * small print, which tesseract reads poorly (its models want capitals of
 * 20-30 pixels): one at under GC_OCR_PICTURE_DPI is enlarged (bilinear,
 * at most 3 times, within the pixel cap).  On the corpus's picture-only
 * DOCX (206 dpi, 7-pixel capitals) this took recall from 0.50 to 0.9. */
#define GC_OCR_PICTURE_DPI 300

static unsigned scale_for(unsigned w, unsigned h, int dpi, size_t max_pixels)
{
    unsigned s;

    if (dpi > 0)
        s = dpi >= GC_OCR_PICTURE_DPI ? 1 : (GC_OCR_PICTURE_DPI + dpi - 1) / (unsigned)dpi;
    else
        s = w < 1600 ? 2 : 1;   /* size unknown: a page-wide picture of under 200 dpi */
    if (s > 3)
        s = 3;
    while (s > 1 && (uint64_t)w * h * s * s > max_pixels)
        s--;
    return s;
}

/* px enlarged s times, bilinear; NULL when out of memory. */
static unsigned char *enlarge(const unsigned char *px, unsigned w, unsigned h, unsigned s)
{
    unsigned W = w * s, H = h * s;
    unsigned char *out = malloc((size_t)W * H);

    if (out == NULL)
        return NULL;
    for (unsigned y = 0; y < H; y++) {
        /* source coordinates in 1/256 pixels, pixel centres aligned */
        long sy = ((long)y * 256 + 128) / s - 128;
        unsigned y0 = sy < 0 ? 0 : (unsigned)(sy >> 8), fy = sy < 0 ? 0 : (unsigned)(sy & 255);
        unsigned y1 = y0 + 1 < h ? y0 + 1 : y0;
        for (unsigned x = 0; x < W; x++) {
            long sx = ((long)x * 256 + 128) / s - 128;
            unsigned x0 = sx < 0 ? 0 : (unsigned)(sx >> 8), fx = sx < 0 ? 0 : (unsigned)(sx & 255);
            unsigned x1 = x0 + 1 < w ? x0 + 1 : x0;
            unsigned a = px[(size_t)y0 * w + x0], b = px[(size_t)y0 * w + x1];
            unsigned c = px[(size_t)y1 * w + x0], d = px[(size_t)y1 * w + x1];
            unsigned top = a * (256 - fx) + b * fx, bot = c * (256 - fx) + d * fx;
            out[(size_t)y * W + x] = (unsigned char)((top * (256 - fy) + bot * fy) >> 16);
        }
    }
    return out;
}

/* One picture: 1 read, 0 skipped (flagged), < 0 an error for the file. */
static int one(gc_text *out, gc_zip *z, const char *part, double width_in, unsigned no,
               long long deadline_us, const gc_limits *lim, gc_err *err)
{
    unsigned char *data = NULL, *px = NULL;
    size_t len = 0;
    unsigned w = 0, h = 0, budget = lim->ocr_page_ms, scale;
    long long left_us = deadline_us - gc_ocr_now_us();
    gc_err local = GC_ERR_INIT;
    gc_ocr_page res;
    int dpi = 0, rc;

    if (left_us <= 0 || gc_zip_read(z, part, &data, &len, &local) < 0)
        return 0;
    gc_image_probe(data, len, &w, &h);
    if (w > 0 && h > 0 && (w < GC_OCR_PICTURE_MIN || h < GC_OCR_PICTURE_MIN)) {
        free(data);
        return 2;   /* an icon: nothing to read, nothing missed */
    }
    rc = gc_image_grey(&px, &w, &h, data, len, lim->ocr_pixels, &local);
    free(data);
    if (rc < 0)
        return 0;
    if (width_in > 0) {   /* tesseract estimates it from the text when 0 */
        double d = w / width_in;
        dpi = d < 70 ? 70 : d > 1200 ? 1200 : (int)d;
    }
    if ((scale = scale_for(w, h, dpi, lim->ocr_pixels)) > 1) {
        unsigned char *big = enlarge(px, w, h, scale);
        if (big != NULL) {
            free(px);
            px = big;
            w *= scale;
            h *= scale;
            dpi *= (int)scale;
        }
    }
    if ((long long)budget * 1000 > left_us)
        budget = (unsigned)(left_us / 1000) + 1;
    rc = gc_ocr_grey(out, &res, no, px, (int)w, (int)h, (int)w, dpi, budget, err);
    free(px);
    if (rc < 0)
        return rc;
    if (res.timed_out)
        out->warnings |= GC_WARN_OCR_INCOMPLETE;
    return 1;
}

int gc_ocr_pictures(gc_text *out, gc_zip *z, const gc_picture_list *l, const gc_limits *lim,
                    gc_err *err)
{
    long long deadline_us;
    gc_err why = GC_ERR_INIT;
    unsigned no = 0, skipped = 0, read = 0;
    int rc = 0;

    if (l->n == 0)
        return 0;
    if (lim->ocr == GC_OCR_NEVER || gc_ocr_ready(lim, &why) < 0) {
        out->warnings |= GC_WARN_OCR_INCOMPLETE;
        if (has_ink(out))
            return 0;
        gc_err_set(err, GC_ENOTEXT, NULL, 0, 0, "no extractable text: the document is %s",
                   lim->ocr == GC_OCR_NEVER ? "pictures only (--ocr never)" : "pictures only, and ");
        if (lim->ocr != GC_OCR_NEVER && err != NULL)
            g_strlcat(err->msg, why.msg, sizeof err->msg);
        gc_err_detail(err, "no_text");
        return GC_ENOTEXT;
    }
    deadline_us = gc_ocr_now_us() + (long long)(lim->timeout_ms * GC_OCR_DOC_SHARE) * 1000;
    for (size_t i = 0; i < l->n && rc >= 0; i++) {
        if (l->v[i].part == NULL)
            continue;   /* an external or missing target: never followed */
        rc = one(out, z, l->v[i].part, l->v[i].width_in, ++no, deadline_us, lim, err);
        if (rc == 0) {
            out->warnings |= GC_WARN_OCR_INCOMPLETE;
            skipped++;
        }
        read += rc == 1;
    }
    if (rc >= 0 && skipped > 0 && !has_ink(out)) {
        gc_err_set(err, GC_ENOTEXT, NULL, 0, 0, "no extractable text: the document is pictures "
                   "only, and %u could not be read with OCR (too large, damaged or out of time)",
                   skipped);
        gc_err_detail(err, "no_text");
        return GC_ENOTEXT;
    }
    if (rc >= 0 && read > 0 && !has_ink(out)) {
        gc_err_set(err, GC_ENOTEXT, NULL, 0, 0, "no extractable text: OCR found no words on %u "
                   "picture%s", read, read == 1 ? "" : "s");
        gc_err_detail(err, "no_text");
        return GC_ENOTEXT;
    }
    return rc < 0 ? rc : 0;
}
