/* pdf_ocr: OCR of PDF pages.  A page is read with OCR when it has almost
 * no text (fewer than GC_OCR_PAGE_TEXT visible characters) and pictures
 * cover at least GC_OCR_IMAGE_SHARE of it (poppler's image mapping: the
 * page's content is interpreted, no pixel is drawn), when its text layer
 * is garbled (garbled.c), or always with --ocr always.  It is rendered with
 * poppler + cairo at GC_OCR_DPI (lower for a huge page, down to
 * GC_OCR_DPI_MIN, so it stays under lim->ocr_pixels; skipped below), turned
 * into 8-bit grey in place and handed to ocr.c as raw pixels. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "extract/garbled.h"
#include "extract/ocr.h"
#include "extract/pdf_layout.h"
#include "extract/pdf_ocr.h"

static const gc_pdf_api *pdf;

void gc_pdf_ocr_init(gc_pdf_ocr *o, const gc_limits *lim)
{
    memset(o, 0, sizeof *o);
    o->lim = lim;
    o->deadline_us = gc_ocr_now_us() + (long long)(lim->timeout_ms * GC_OCR_DOC_SHARE) * 1000;
    o->why = (gc_err)GC_ERR_INIT;
}

static size_t visible_chars(const char *s, size_t len)
{
    size_t n = 0;

    /* only whether there are GC_OCR_PAGE_TEXT matters: stop there */
    for (const char *p = s, *end = s + len; p < end && n < GC_OCR_PAGE_TEXT;
         p += g_utf8_skip[*(const unsigned char *)p])
        n += !gc_is_space_u(g_utf8_get_char(p));
    return n;
}

/* The share of the page that pictures cover (overlaps counted twice,
 * capped at 1). */
static double image_share(PopplerPage *page)
{
    double w = 0, h = 0, sum = 0;
    GList *maps = pdf->poppler_page_get_image_mapping(page);

    pdf->poppler_page_get_size(page, &w, &h);
    for (GList *l = maps; l != NULL; l = l->next) {
        const PopplerImageMapping *m = l->data;
        double x1 = fmax(fmin(m->area.x1, m->area.x2), 0), x2 = fmin(fmax(m->area.x1, m->area.x2), w);
        double y1 = fmax(fmin(m->area.y1, m->area.y2), 0), y2 = fmin(fmax(m->area.y1, m->area.y2), h);
        if (x2 > x1 && y2 > y1)
            sum += (x2 - x1) * (y2 - y1);
    }
    pdf->poppler_page_free_image_mapping(maps);
    return w > 0 && h > 0 && isfinite(w * h) ? fmin(sum / (w * h), 1.0) : 0;
}

int gc_pdf_ocr_need(PopplerPage *page, const char *text, size_t len, const gc_limits *lim)
{
    size_t n_tokens;
    double share;

    if ((pdf = gc_pdf_lib(NULL)) == NULL)
        return GC_PDF_OCR_NO;
    if (lim->ocr == GC_OCR_ALWAYS)
        return GC_PDF_OCR_ALWAYS;
    if (visible_chars(text, len) < GC_OCR_PAGE_TEXT)
        return image_share(page) >= GC_OCR_IMAGE_SHARE ? GC_PDF_OCR_IMAGE : GC_PDF_OCR_NO;
    share = gc_wordlike_share(text, len, &n_tokens);
    return gc_is_garbled(share, n_tokens) ? GC_PDF_OCR_GARBLED : GC_PDF_OCR_NO;
}

/* The resolution to render a w × h point page at: GC_OCR_DPI, less when
 * that would exceed the pixel cap, 0 when even GC_OCR_DPI_MIN would (or
 * the size is nonsense). */
static int choose_dpi(double w, double h, size_t max_pixels)
{
    double dpi = GC_OCR_DPI, area = w * h / (72.0 * 72.0);   /* square inches */

    if (!(w > 0 && h > 0) || !isfinite(area))
        return 0;
    if (area * dpi * dpi > (double)max_pixels)
        dpi = floor(sqrt((double)max_pixels / area));
    /* cairo's largest surface side is 32767 pixels */
    if (w / 72.0 * dpi > 32767 || h / 72.0 * dpi > 32767)
        dpi = floor(32767 * 72.0 / fmax(w, h));
    return dpi >= GC_OCR_DPI_MIN ? (int)dpi : 0;
}

/* Renders the page on white at dpi and turns the RGB24 surface into 8-bit
 * grey in place (row y of the grey image starts at y * width, never past
 * the pixels still to be read).  Returns the surface, or NULL. */
static cairo_surface_t *render_grey(PopplerPage *page, int dpi, int *w_out, int *h_out)
{
    double w = 0, h = 0;
    int pw, ph, stride;
    unsigned char *d;
    cairo_surface_t *s;
    cairo_t *cr;

    pdf->poppler_page_get_size(page, &w, &h);
    pw = (int)ceil(w * dpi / 72.0);
    ph = (int)ceil(h * dpi / 72.0);
    s = pdf->cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
    if (pdf->cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        pdf->cairo_surface_destroy(s);
        return NULL;
    }
    cr = pdf->cairo_create(s);
    pdf->cairo_set_source_rgb(cr, 1, 1, 1);
    pdf->cairo_paint(cr);
    pdf->cairo_scale(cr, dpi / 72.0, dpi / 72.0);
    pdf->poppler_page_render(page, cr);
    pdf->cairo_destroy(cr);
    pdf->cairo_surface_flush(s);
    d = pdf->cairo_image_surface_get_data(s);
    stride = pdf->cairo_image_surface_get_stride(s);
    for (int y = 0; y < ph; y++) {
        const unsigned char *row = d + (size_t)y * (size_t)stride;
        unsigned char *g = d + (size_t)y * (size_t)pw;
        for (int x = 0; x < pw; x++) {
            uint32_t v;
            memcpy(&v, row + 4 * (size_t)x, 4);
            g[x] = (unsigned char)((((v >> 16) & 255) * 77 + ((v >> 8) & 255) * 150 +
                                    (v & 255) * 29) >> 8);
        }
    }
    *w_out = pw;
    *h_out = ph;
    return s;
}

int gc_pdf_ocr_page(gc_pdf_ocr *o, gc_text *out, PopplerPage *page, unsigned page_no,
                    gc_err *err)
{
    double w = 0, h = 0;
    long long left_us = o->deadline_us - gc_ocr_now_us();
    unsigned budget;
    int dpi, pw = 0, ph = 0, rc;
    gc_ocr_page res;
    cairo_surface_t *s;

    o->wanted++;
    if (o->lim->ocr == GC_OCR_NEVER || (pdf = gc_pdf_lib(NULL)) == NULL)
        return 0;
    pdf->poppler_page_get_size(page, &w, &h);
    if ((dpi = choose_dpi(w, h, o->lim->ocr_pixels)) == 0) {
        o->too_big++;
        return 0;
    }
    if (o->ready == 0)
        o->ready = gc_ocr_ready(o->lim, &o->why) == 0 ? 1 : -1;
    if (o->ready < 0 || left_us <= 0)
        return 0;
    if ((s = render_grey(page, dpi, &pw, &ph)) == NULL)
        return 0;
    budget = o->lim->ocr_page_ms;
    if ((long long)budget * 1000 > left_us)
        budget = (unsigned)(left_us / 1000) + 1;
    rc = gc_ocr_grey(out, &res, page_no, pdf->cairo_image_surface_get_data(s), pw, ph, pw, dpi,
                     budget, err);
    pdf->cairo_surface_destroy(s);
    if (rc < 0)
        return rc;
    if (res.timed_out)
        out->warnings |= GC_WARN_OCR_INCOMPLETE;
    o->done++;
    return 1;
}
