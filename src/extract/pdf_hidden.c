/* pdf_hidden: which characters of a PDF page a reader cannot see: white
 * on white, smaller than 2 pt, or outside the page.  White text on a dark
 * band (sidebars, headers) is visible; poppler-glib does not expose fills,
 * so the part of the page around white text is rendered small and the
 * pixels just above and below each glyph are looked at. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "extract/pdf_hidden.h"
#include "extract/pdf_layout.h"

#define MIN_FONT_PT 2.0       /* smaller text is invisible at any zoom */
#define WHITE_16 62258u       /* 0.95 * 65535: "near-white" fill */
#define BG_SCALE 0.5          /* 36 dpi is enough to tell a dark band from paper */

/* poppler-glib and cairo, set by gc_pdf_mark_hidden. */
static const gc_pdf_api *pdf;

static double dmax(double a, double b) { return a > b ? a : b; }
static double dmin(double a, double b) { return a < b ? a : b; }

static int is_white(const PopplerColor *c)
{
    return c->red >= WHITE_16 && c->green >= WHITE_16 && c->blue >= WHITE_16;
}

/* Marks each character from the attribute runs (colour, size) and from its
 * rectangle (outside the crop box, whose size get_size reports). */
static void mark_by_attrs(unsigned char *vis, size_t n, GList *attrs,
                          const gc_glyph_box *r, double w, double h)
{
    for (GList *l = attrs; l != NULL; l = l->next) {
        const PopplerTextAttributes *a = l->data;
        size_t s = a->start_index < 0 ? 0 : (size_t)a->start_index;
        unsigned char m = a->font_size < MIN_FONT_PT ? GC_GLYPH_HIDDEN
                          : is_white(&a->color)     ? GC_GLYPH_WHITE : GC_GLYPH_VISIBLE;

        for (size_t i = s; i < n && a->end_index >= 0 && i <= (size_t)a->end_index; i++)
            vis[i] = m;
    }
    for (size_t i = 0; i < n; i++) {
        double cx = (r[i].x1 + r[i].x2) / 2, cy = (r[i].y1 + r[i].y2) / 2;
        if (cx < 0 || cy < 0 || cx > w || cy > h)
            vis[i] = GC_GLYPH_HIDDEN;
    }
}

/* The small render of the part of a page around its white text: `scale`
 * pixels per point, its top left corner at page point (x0, y0). */
typedef struct bg_render {
    cairo_surface_t *s;
    double x0, y0, scale;
} bg_render;

/* Luma (0..1) of the rendered pixel at page point (x, y); paper if outside. */
static double luma_at(const bg_render *bg, double x, double y)
{
    int px = (int)floor((x - bg->x0) * bg->scale), py = (int)floor((y - bg->y0) * bg->scale);
    int sw = pdf->cairo_image_surface_get_width(bg->s);
    int sh = pdf->cairo_image_surface_get_height(bg->s);
    const unsigned char *d = pdf->cairo_image_surface_get_data(bg->s);
    uint32_t v;
    size_t stride = (size_t)pdf->cairo_image_surface_get_stride(bg->s);

    if (px < 0 || py < 0 || px >= sw || py >= sh || d == NULL)
        return 1.0;
    memcpy(&v, d + (size_t)py * stride + (size_t)px * 4, 4);
    return (0.299 * ((v >> 16) & 255) + 0.587 * ((v >> 8) & 255) + 0.114 * (v & 255)) / 255.0;
}

/* White text is visible on a dark band (sidebars, headers in the corpus).
 * poppler-glib does not expose fills, so render the page small and look just
 * above and below the glyph box, where the glyph itself does not reach. */
static int on_dark_background(const bg_render *s, const gc_glyph_box *r)
{
    double xs[3] = {r->x1 + 0.5, (r->x1 + r->x2) / 2, r->x2 - 0.5};
    int dark = 0;

    for (int i = 0; i < 3; i++) {
        dark += luma_at(s, xs[i], r->y1 - 1.5) < 0.7;
        dark += luma_at(s, xs[i], r->y2 + 1.5) < 0.7;
    }
    return dark >= 3;
}

/* Renders the part of the page inside `clip` (page points), small: only
 * the pixels around white text are ever read.  The surface covers the clip
 * alone, never the whole page, and holds at most GC_PDF_BG_PIXELS pixels
 * (the scale drops for a huge box): a 700-byte PDF with a 26,000 pt page
 * and white text once drove a child to 835 MB here (issue 18.6). */
static void render_small(bg_render *bg, PopplerPage *page, const gc_glyph_box *clip)
{
    double bw = clip->x2 - clip->x1, bh = clip->y2 - clip->y1;
    double scale = BG_SCALE;
    cairo_t *cr;

    if (bw * bh * scale * scale > GC_PDF_BG_PIXELS)
        scale = sqrt(GC_PDF_BG_PIXELS / (bw * bh));
    bg->x0 = clip->x1;
    bg->y0 = clip->y1;
    bg->scale = scale;
    bg->s = pdf->cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(bw * scale) + 1,
                                            (int)(bh * scale) + 1);
    cr = pdf->cairo_create(bg->s);
    pdf->cairo_set_source_rgb(cr, 1, 1, 1);   /* PDF pages are white paper */
    pdf->cairo_paint(cr);
    pdf->cairo_scale(cr, scale, scale);
    pdf->cairo_translate(cr, -clip->x1, -clip->y1);
    pdf->cairo_rectangle(cr, clip->x1, clip->y1, bw, bh);
    pdf->cairo_clip(cr);
    pdf->poppler_page_render(page, cr);
    pdf->cairo_destroy(cr);
    pdf->cairo_surface_flush(bg->s);
}

/* The box around every white, non-space glyph, with the margin that
 * on_dark_background samples; 0 when there is none (spaces are visible). */
static int white_box(gc_glyph_box *box, unsigned char *vis, const gunichar *u, size_t n,
                     const gc_glyph_box *r)
{
    int any = 0;

    for (size_t i = 0; i < n; i++) {
        if (vis[i] != GC_GLYPH_WHITE)
            continue;
        if (gc_is_space_u(u[i])) {
            vis[i] = GC_GLYPH_VISIBLE;
            continue;
        }
        if (!any || r[i].x1 < box->x1) box->x1 = r[i].x1;
        if (!any || r[i].y1 < box->y1) box->y1 = r[i].y1;
        if (!any || r[i].x2 > box->x2) box->x2 = r[i].x2;
        if (!any || r[i].y2 > box->y2) box->y2 = r[i].y2;
        any = 1;
    }
    box->x1 -= 4, box->y1 -= 4, box->x2 += 4, box->y2 += 4;
    return any;
}

/* Resolves GC_GLYPH_WHITE marks; renders only when a page has white, non-space text,
 * which keeps the cost away from ordinary pages. */
static void resolve_white(unsigned char *vis, const gunichar *u, size_t n,
                          const gc_glyph_box *r, PopplerPage *page, double w, double h)
{
    gc_glyph_box box = {0, 0, 0, 0};
    bg_render bg;
    int ok;

    if (!white_box(&box, vis, u, n, r))
        return;
    /* glyphs off the page are hidden already: render no more than the page */
    box.x1 = dmax(box.x1, 0), box.y1 = dmax(box.y1, 0);
    box.x2 = dmin(box.x2, w), box.y2 = dmin(box.y2, h);
    if (box.x2 <= box.x1 || box.y2 <= box.y1) {
        for (size_t i = 0; i < n; i++)
            if (vis[i] == GC_GLYPH_WHITE)
                vis[i] = GC_GLYPH_HIDDEN;
        return;
    }
    render_small(&bg, page, &box);
    ok = pdf->cairo_surface_status(bg.s) == CAIRO_STATUS_SUCCESS;
    for (size_t i = 0; i < n; i++)
        if (vis[i] == GC_GLYPH_WHITE)
            vis[i] = ok && on_dark_background(&bg, &r[i]) ? GC_GLYPH_VISIBLE : GC_GLYPH_HIDDEN;
    pdf->cairo_surface_destroy(bg.s);
}

void gc_pdf_mark_hidden(unsigned char *vis, const gunichar *u, const gc_glyph_box *r, size_t n,
                        PopplerPage *page, int geometry)
{
    GList *attrs;
    double w = G_MAXDOUBLE, h = G_MAXDOUBLE;

    if ((pdf = gc_pdf_lib(NULL)) == NULL)
        return;
    attrs = pdf->poppler_page_get_text_attributes(page);
    if (geometry)
        pdf->poppler_page_get_size(page, &w, &h);
    mark_by_attrs(vis, n, attrs, r, w, h);
    if (geometry)
        resolve_white(vis, u, n, r, page, w, h);
    pdf->poppler_page_free_text_attributes(attrs);
}
