/* PDF → UTF-8 text with poppler-glib, one page at a time, in reading order.
 * It drops text a reader cannot see (white on white, < 2 pt, off the page),
 * rejoins words hyphenated at a line end, and reports scanned or garbled
 * files as GC_ENOTEXT.  It does no Unicode normalisation (normalize.c does).
 * It never prints: poppler's diagnostics go through g_log, which the CLI
 * silences once at start-up.  Not thread-safe on a shared document (P6). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/pdf_lib.h"

/* poppler-glib and cairo, loaded by gc_extract_pdf on first use. */
static const gc_pdf_api *pdf;

/* Reading order.  poppler_page_get_text() interleaves columns: measured on
 * the corpus, awesome-cv-twocolumn, rm-chromium-modern-two-column,
 * altacv-sample, deedy-resume-openfont, soupboss-chromium-devops and
 * wkhtmltopdf-data-scientist mix sidebar and main-column blocks (pdftotext's
 * non-layout mode does the same), and it even glues the last word of one
 * block to the first of the next ("SummaryShitOne Corp.").  So we rebuild
 * line fragments from poppler_page_get_text_layout() (one rectangle per
 * character of get_text) and order them with a recursive XY cut that prefers
 * vertical gutters, emitting column by column.  A gutter whose narrow side is
 * sparse (a label or date column beside the content) is not a column: such a
 * region is read row by row, cells joined by '\t'.
 * Cost, measured on the 169 corpus pages (best of 5, in-process): get_text
 * alone 2.38 ms/page; + layout + attributes 2.50 (+5 %); this whole file
 * 3.13 (+31 %), or 2.72 (+19 %) without the 9 pages holding white text,
 * which pay ~10 ms for the small background render (resolve_white). */

#define MIN_FONT_PT 2.0       /* smaller text is invisible at any zoom */
#define WHITE_16 62258u       /* 0.95 * 65535: "near-white" fill */
#define MAX_PAGE_FRAGS 20000  /* above this, skip layout and keep poppler's order */
#define MAX_CUT_DEPTH 48
#define MAX_BANDS 400         /* bounds the quadratic search for column runs */
#define BG_SCALE 0.5          /* 36 dpi is enough to tell a dark band from paper */

/* Not g_new: under -O2 it expands to ULONG_MAX, and with -Isrc the system
 * <limits.h> that glib includes is shadowed by our src/limits.h. */
#define NEW(type, n) ((type *)g_malloc_n((n), sizeof(type)))

/* Per-character GLib calls with an ASCII fast path: most characters of a
 * résumé are ASCII, and these run several times per character. */
static inline int is_space_u(gunichar c)
{
    return c < 0x80 ? c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
                    : g_unichar_isspace(c) != 0;
}

static inline void append_u(GString *s, gunichar c)
{
    if (c < 0x80)
        g_string_append_c(s, (char)c);
    else
        g_string_append_unichar(s, c);
}

typedef struct pchar {
    gunichar u;
    double x0, y0, x1, y1;
} pchar;

typedef struct frag {
    size_t first, n;          /* visible characters [first, first + n) */
    double x0, y0, x1, y1;    /* box of its non-space characters */
} frag;

typedef struct page_ctx {
    pchar *ch;
    size_t n_ch;
    frag *fr;
    size_t n_fr;
    GString *out;             /* the page in reading order, before dehyphenation */
    double med_h;             /* median fragment height: the unit for all gaps */
} page_ctx;

static double dmax(double a, double b) { return a > b ? a : b; }
static double dmin(double a, double b) { return a < b ? a : b; }
static double fh(const frag *f) { return dmax(f->y1 - f->y0, 1.0); }
static double fcy(const frag *f) { return (f->y0 + f->y1) / 2; }

/* ---- hidden text ---------------------------------------------------- */

enum { VIS = 0, HIDDEN = 1, WHITE = 2 };

static int is_white(const PopplerColor *c)
{
    return c->red >= WHITE_16 && c->green >= WHITE_16 && c->blue >= WHITE_16;
}

/* Marks each character from the attribute runs (colour, size) and from its
 * rectangle (outside the crop box, whose size get_size reports). */
static void mark_by_attrs(unsigned char *vis, size_t n, GList *attrs,
                          const PopplerRectangle *r, double w, double h)
{
    for (GList *l = attrs; l != NULL; l = l->next) {
        const PopplerTextAttributes *a = l->data;
        size_t s = a->start_index < 0 ? 0 : (size_t)a->start_index;
        unsigned char m = a->font_size < MIN_FONT_PT ? HIDDEN
                          : is_white(&a->color)     ? WHITE : VIS;

        for (size_t i = s; i < n && a->end_index >= 0 && i <= (size_t)a->end_index; i++)
            vis[i] = m;
    }
    for (size_t i = 0; i < n; i++) {
        double cx = (r[i].x1 + r[i].x2) / 2, cy = (r[i].y1 + r[i].y2) / 2;
        if (cx < 0 || cy < 0 || cx > w || cy > h)
            vis[i] = HIDDEN;
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
static int on_dark_background(const bg_render *s, const PopplerRectangle *r)
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
static void render_small(bg_render *bg, PopplerPage *page, const PopplerRectangle *clip)
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
static int white_box(PopplerRectangle *box, unsigned char *vis, const gunichar *u, size_t n,
                     const PopplerRectangle *r)
{
    int any = 0;

    for (size_t i = 0; i < n; i++) {
        if (vis[i] != WHITE)
            continue;
        if (is_space_u(u[i])) {
            vis[i] = VIS;
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

/* Resolves WHITE marks; renders only when a page has white, non-space text,
 * which keeps the cost away from ordinary pages. */
static void resolve_white(unsigned char *vis, const gunichar *u, size_t n,
                          const PopplerRectangle *r, PopplerPage *page, double w, double h)
{
    PopplerRectangle box = {0, 0, 0, 0};
    bg_render bg;
    int ok;

    if (!white_box(&box, vis, u, n, r))
        return;
    /* glyphs off the page are hidden already: render no more than the page */
    box.x1 = dmax(box.x1, 0), box.y1 = dmax(box.y1, 0);
    box.x2 = dmin(box.x2, w), box.y2 = dmin(box.y2, h);
    if (box.x2 <= box.x1 || box.y2 <= box.y1) {
        for (size_t i = 0; i < n; i++)
            if (vis[i] == WHITE)
                vis[i] = HIDDEN;
        return;
    }
    render_small(&bg, page, &box);
    ok = pdf->cairo_surface_status(bg.s) == CAIRO_STATUS_SUCCESS;
    for (size_t i = 0; i < n; i++)
        if (vis[i] == WHITE)
            vis[i] = ok && on_dark_background(&bg, &r[i]) ? VIS : HIDDEN;
    pdf->cairo_surface_destroy(bg.s);
}

/* ---- characters and line fragments ----------------------------------- */

/* Decodes poppler's UTF-8 into one code point per character, so index i
 * matches layout rectangle i.  Poppler may encode a lone surrogate; each
 * malformed sequence becomes one U+FFFD, which keeps the indices aligned. */
static gunichar *decode_chars(const char *t, size_t *n_out)
{
    size_t len = strlen(t), n = 0;
    gunichar *u = NEW(gunichar, len + 1);
    const char *end = t + len;

    while (t < end) {
        gunichar c = g_utf8_get_char_validated(t, end - t);
        size_t step = (size_t)g_utf8_skip[*(const unsigned char *)t];

        u[n++] = c >= 0x110000 ? 0xFFFD : c;
        t += step <= (size_t)(end - t) ? step : (size_t)(end - t);
    }
    *n_out = n;
    return u;
}

/* A new fragment starts where the next character does not continue the
 * previous one on the same baseline: a jump back, a wide gap, or a move to
 * another line.  Poppler's own line breaks split fragments too. */
static int breaks_line(const pchar *p, const pchar *c)
{
    double hp = p->y1 - p->y0, hc = c->y1 - c->y0;
    double h = dmax(dmax(hp, hc), 1.0);
    double overlap = dmin(p->y1, c->y1) - dmax(p->y0, c->y0);

    if (overlap < 0.5 * dmin(hp, hc))
        return 1;
    return c->x0 < p->x1 - 0.5 * h || c->x0 > p->x1 + 1.2 * h;
}

static void close_frag(page_ctx *pc, frag *f)
{
    while (f->n > 0 && is_space_u(pc->ch[f->first + f->n - 1].u))
        f->n--;
    if (f->n == 0)
        return;
    f->x0 = f->y0 = G_MAXDOUBLE;
    f->x1 = f->y1 = -G_MAXDOUBLE;
    for (size_t i = f->first; i < f->first + f->n; i++) {
        const pchar *c = &pc->ch[i];
        if (is_space_u(c->u))
            continue;   /* a space's box spans the gap it stands for */
        f->x0 = dmin(f->x0, c->x0), f->y0 = dmin(f->y0, c->y0);
        f->x1 = dmax(f->x1, c->x1), f->y1 = dmax(f->y1, c->y1);
    }
    pc->fr[pc->n_fr++] = *f;
}

static pchar make_pchar(gunichar u, const PopplerRectangle *r)
{
    pchar c = {u, dmin(r->x1, r->x2), dmin(r->y1, r->y2), dmax(r->x1, r->x2),
               dmax(r->y1, r->y2)};
    return c;
}

/* Visible characters into fragments; returns the hidden non-space count. */
static unsigned build_frags(page_ctx *pc, const gunichar *u, const PopplerRectangle *r,
                            const unsigned char *vis, size_t n)
{
    frag f = {0, 0, 0, 0, 0, 0};
    unsigned hidden = 0;

    for (size_t i = 0; i < n; i++) {
        pchar c = make_pchar(u[i], &r[i]);
        int space = is_space_u(u[i]);

        if (vis[i] == HIDDEN || u[i] == '\n') {
            hidden += vis[i] == HIDDEN && !space;
            if (u[i] == '\n')
                close_frag(pc, &f), f.n = 0;
            continue;
        }
        if (f.n > 0 && (breaks_line(&pc->ch[pc->n_ch - 1], &c) ||
                        (space && c.x1 - c.x0 > 1.2 * dmax(c.y1 - c.y0, 1.0))))
            close_frag(pc, &f), f.n = 0;
        if (f.n == 0 && space)
            continue;
        if (f.n == 0)
            f.first = pc->n_ch;
        pc->ch[pc->n_ch++] = c;
        f.n++;
    }
    close_frag(pc, &f);
    return hidden;
}

/* ---- reading order: recursive XY cut ---------------------------------- */

static int cmp_x0(const void *a, const void *b)
{
    const frag *p = *(const frag *const *)a, *q = *(const frag *const *)b;
    return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static int cmp_y0(const void *a, const void *b)
{
    const frag *p = *(const frag *const *)a, *q = *(const frag *const *)b;
    return (p->y0 > q->y0) - (p->y0 < q->y0);
}

static int cmp_cy(const void *a, const void *b)
{
    double p = fcy(*(const frag *const *)a), q = fcy(*(const frag *const *)b);
    return (p > q) - (p < q);
}

/* The x-extents of a set of fragments, merged when closer than `gap`:
 * two or more intervals mean a vertical gutter runs through the set. */
typedef struct ivset {
    double *lo, *hi;
    size_t n;
} ivset;

static void iv_add(ivset *s, double lo, double hi, double gap)
{
    size_t i = 0, j;

    while (i < s->n && s->hi[i] + gap < lo)
        i++;
    for (j = i; j < s->n && s->lo[j] <= hi + gap; j++) {
        lo = dmin(lo, s->lo[j]);
        hi = dmax(hi, s->hi[j]);
    }
    if (j == i) {   /* no overlap: open a slot at i */
        memmove(s->lo + i + 1, s->lo + i, (s->n - i) * sizeof *s->lo);
        memmove(s->hi + i + 1, s->hi + i, (s->n - i) * sizeof *s->hi);
        s->n++, j = i + 1;
    }
    s->lo[i] = lo, s->hi[i] = hi;
    memmove(s->lo + i + 1, s->lo + j, (s->n - j) * sizeof *s->lo);
    memmove(s->hi + i + 1, s->hi + j, (s->n - j) * sizeof *s->hi);
    s->n -= j - i - 1;
}

static double gutter_min(const page_ctx *pc)
{
    return dmax(3.0, 0.6 * pc->med_h);
}

/* Widest vertical gutter through the set; its x in *cut. */
static int find_gutter(const page_ctx *pc, const frag **ix, size_t n, double *cut)
{
    ivset s = {NEW(double, n + 1), NEW(double, n + 1), 0};
    double best = 0;

    for (size_t i = 0; i < n; i++)
        iv_add(&s, ix[i]->x0, ix[i]->x1, gutter_min(pc));
    for (size_t i = 1; i < s.n; i++)
        if (s.lo[i] - s.hi[i - 1] > best) {
            best = s.lo[i] - s.hi[i - 1];
            *cut = (s.lo[i] + s.hi[i - 1]) / 2;
        }
    g_free(s.lo);
    g_free(s.hi);
    return best > 0;
}

/* Total height covered by a set (union of y-intervals); sorts it by y0. */
static double y_coverage(const frag **ix, size_t n)
{
    double cov = 0, top = -G_MAXDOUBLE, bot = -G_MAXDOUBLE;

    qsort(ix, n, sizeof *ix, cmp_y0);
    for (size_t i = 0; i < n; i++) {
        if (ix[i]->y0 > bot) {
            cov += bot - top;
            top = ix[i]->y0;
        }
        bot = dmax(bot, ix[i]->y1);
    }
    return n ? cov + bot - top : 0;
}

/* Share of the narrow side's fragments that sit on a row of the other side. */
static double row_alignment(const frag **nar, size_t nn, const frag **wid, size_t nw)
{
    size_t hits = 0;

    for (size_t i = 0; i < nn; i++)
        for (size_t j = 0; j < nw; j++)
            if (ABS(fcy(nar[i]) - fcy(wid[j])) < 0.25 * dmin(fh(nar[i]), fh(wid[j]))) {
                hits++;
                break;
            }
    return nn ? (double)hits / (double)nn : 0;
}

/* A gutter separates columns when both sides hold running text.  A label or
 * date column beside the content is sparse (covers little of the height the
 * content covers) and sits on the content's rows: read such a region row by
 * row instead, so "Skills" stays next to "Python, SQL". */
static int is_column_cut(const frag **ix, size_t n, size_t k)
{
    double cl = y_coverage(ix, k), cr = y_coverage(ix + k, n - k);
    int left_narrow = cl < cr;
    const frag **nar = left_narrow ? ix : ix + k, **wid = left_narrow ? ix + k : ix;
    size_t nn = left_narrow ? k : n - k, nw = n - nn;
    double ratio = dmin(cl, cr) / dmax(dmax(cl, cr), 1.0);
    double align = row_alignment(nar, nn, wid, nw);

    if (nn < 3)
        return 0;
    return ratio >= 0.5 || (ratio >= 0.3 && align < 0.6);
}

/* Joins a row's fragments left to right: a tab for a wide gap (a cell or tab
 * stop), else a space. */
static void emit_row(page_ctx *pc, const frag **row, size_t n)
{
    qsort(row, n, sizeof *row, cmp_x0);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            g_string_append_c(pc->out, row[i]->x0 - row[i - 1]->x1 > 0.8 * fh(row[i]) ? '\t' : ' ');
        for (size_t j = row[i]->first; j < row[i]->first + row[i]->n; j++)
            append_u(pc->out, pc->ch[j].u);
    }
    g_string_append_c(pc->out, '\n');
}

/* A region without columns: rows top to bottom, a row being fragments whose
 * box holds the first one's vertical centre and the other way round. */
static void emit_rows(page_ctx *pc, const frag **ix, size_t n)
{
    size_t i = 0;

    qsort(ix, n, sizeof *ix, cmp_cy);
    while (i < n) {
        size_t j = i + 1;
        while (j < n && fcy(ix[j]) <= ix[i]->y1 && fcy(ix[i]) >= ix[j]->y0)
            j++;
        emit_row(pc, ix + i, j - i);
        i = j;
    }
}

static void order_region(page_ctx *pc, const frag **ix, size_t n, int depth);

/* End of the horizontal band starting at i: fragments sorted by y0 that
 * overlap vertically, with no full-width white space between them. */
static size_t band_end(const frag **ix, size_t n, size_t i)
{
    double bot = ix[i]->y1;

    for (i++; i < n && ix[i]->y0 <= bot; i++)
        bot = dmax(bot, ix[i]->y1);
    return i;
}

/* Fragments of bands [a, b) as x-intervals; how many stay apart. */
static size_t run_columns(const page_ctx *pc, const frag **ix, const size_t *bs,
                          size_t a, size_t b, ivset *s)
{
    s->n = 0;
    for (size_t k = bs[a]; k < bs[b]; k++)
        iv_add(s, ix[k]->x0, ix[k]->x1, gutter_min(pc));
    return s->n;
}

/* The run of consecutive bands holding the most fragments that one gutter
 * still crosses; 0 if none spans two bands.  A run stops at the first band
 * that bridges the gutter (a full-width header, rule text or footer). */
static int best_run(const page_ctx *pc, const frag **ix, const size_t *bs, size_t n_b,
                    size_t *a_out, size_t *b_out)
{
    ivset s = {NEW(double, bs[n_b] + 1), NEW(double, bs[n_b] + 1), 0};
    size_t best = 0;

    for (size_t a = 0; a + 1 < n_b; a++) {
        size_t b = a + 1;
        while (b < n_b && run_columns(pc, ix, bs, a, b + 1, &s) >= 2)
            b++;
        if (b - a >= 2 && bs[b] - bs[a] > best) {
            best = bs[b] - bs[a];
            *a_out = a, *b_out = b;
        }
    }
    g_free(s.lo), g_free(s.hi);
    return best > 0;
}

/* No gutter runs through the whole region: a full-width header, quote or
 * footer crosses it.  Cut the region into bands at full-width white space,
 * find the largest run of bands a gutter crosses, and order what is above
 * it, the run, and what is below it separately, so a header peels off and
 * the two columns below stay whole.  Returns 0 when there is no such run
 * smaller than the region (the region is then read by rows). */
static int split_bands(page_ctx *pc, const frag **ix, size_t n, int depth)
{
    size_t *bs = NEW(size_t, n + 1), n_b = 0, a = 0, b = 0;
    int found;

    qsort(ix, n, sizeof *ix, cmp_y0);
    for (size_t i = 0; i < n; i = band_end(ix, n, i))
        bs[n_b++] = i;
    bs[n_b] = n;
    found = n_b <= MAX_BANDS && best_run(pc, ix, bs, n_b, &a, &b) && (a > 0 || b < n_b);
    if (found) {
        if (a > 0)
            order_region(pc, ix, bs[a], depth + 1);
        order_region(pc, ix + bs[a], bs[b] - bs[a], depth + 1);
        if (b < n_b)
            order_region(pc, ix + bs[b], n - bs[b], depth + 1);
    }
    g_free(bs);
    return found;
}

static void order_region(page_ctx *pc, const frag **ix, size_t n, int depth)
{
    double cut;

    if (n > 1 && depth < MAX_CUT_DEPTH && find_gutter(pc, ix, n, &cut)) {
        size_t k = 0;
        qsort(ix, n, sizeof *ix, cmp_x0);
        while (k < n && ix[k]->x1 <= cut)
            k++;
        if (is_column_cut(ix, n, k)) {
            order_region(pc, ix, k, depth + 1);
            order_region(pc, ix + k, n - k, depth + 1);
            return;
        }
    }
    if (n > 1 && depth < MAX_CUT_DEPTH && split_bands(pc, ix, n, depth))
        return;
    emit_rows(pc, ix, n);
}

static int cmp_double(const void *a, const void *b)
{
    double p = *(const double *)a, q = *(const double *)b;
    return (p > q) - (p < q);
}

/* Orders the page's fragments into pc->out. */
static void order_page(page_ctx *pc)
{
    const frag **ix = NEW(const frag *, pc->n_fr + 1);
    double *h = NEW(double, pc->n_fr + 1);

    for (size_t i = 0; i < pc->n_fr; i++) {
        ix[i] = &pc->fr[i];
        h[i] = fh(&pc->fr[i]);
    }
    qsort(h, pc->n_fr, sizeof *h, cmp_double);
    pc->med_h = pc->n_fr ? h[pc->n_fr / 2] : 10.0;
    if (pc->n_fr <= MAX_PAGE_FRAGS)
        order_region(pc, ix, pc->n_fr, 0);
    else   /* pathological page: poppler's order, one fragment a line */
        for (size_t i = 0; i < pc->n_fr; i++)
            emit_row(pc, ix + i, 1);
    g_free(h);
    g_free(ix);
}

/* ---- dehyphenation and clean-up --------------------------------------- */

/* g_utf8_next_char without its cast that drops const. */
static const char *next_char(const char *p)
{
    return p + g_utf8_skip[*(const unsigned char *)p];
}

static gunichar last_char(const GString *s)
{
    const char *p = s->len ? g_utf8_find_prev_char(s->str, s->str + s->len) : NULL;
    return p ? g_utf8_get_char(p) : 0;
}

/* Copies the page text, rejoining words split at a line end as pdftotext
 * does: "deploy-\nment" -> "deployment"; "e-\nCommerce" keeps its hyphen (a
 * compound: the part after is capitalised); a soft hyphen always joins.
 * Also drops NUL and C0 controls except tab and newline. */
static GString *dehyphenate(const GString *in)
{
    GString *o = g_string_sized_new(in->len + 1);
    const char *p = in->str, *end = in->str + in->len;

    while (p < end) {
        gunichar c = g_utf8_get_char(p);
        const char *q = next_char(p);
        int at_eol = q < end && *q == '\n' && q + 1 < end;
        gunichar next = at_eol ? g_utf8_get_char(q + 1) : 0;
        int hyphen = c == '-' || c == 0x2010;

        p = q;
        if (at_eol && c == 0xAD) {
            p = q + 1;
            continue;
        }
        if (at_eol && hyphen && g_unichar_isalpha(last_char(o)) &&
            (g_unichar_islower(next) || g_unichar_isupper(next))) {
            if (g_unichar_isupper(next))
                g_string_append_c(o, '-');
            p = q + 1;
            continue;
        }
        if (c >= 0x20 ? c != 0x7F : c == '\t' || c == '\n')
            append_u(o, c);
    }
    return o;
}

/* ---- pages and the document ------------------------------------------- */

/* When poppler's rectangles do not match its text (never seen on the
 * corpus), give each line a synthetic box so lines keep poppler's order. */
static PopplerRectangle *synth_rects(const gunichar *u, size_t n)
{
    PopplerRectangle *r = NEW(PopplerRectangle, n + 1);
    double y = 1;

    for (size_t i = 0; i < n; i++) {
        r[i].x1 = 1, r[i].x2 = 2, r[i].y1 = y, r[i].y2 = y + 1;
        if (u[i] == '\n')
            y += 2;
    }
    return r;
}

/* Visible text of one page, in reading order, into pc->out. */
static unsigned page_text(PopplerPage *page, page_ctx *pc)
{
    char *text = pdf->poppler_page_get_text(page);
    size_t n = 0;
    gunichar *u = decode_chars(text ? text : "", &n);
    PopplerRectangle *r = NULL;
    guint n_r = 0;
    int geometry = pdf->poppler_page_get_text_layout(page, &r, &n_r) && n_r == n;
    GList *attrs = pdf->poppler_page_get_text_attributes(page);
    unsigned char *vis = g_malloc0(n + 1);
    double w = 0, h = 0;
    unsigned hidden;

    pdf->poppler_page_get_size(page, &w, &h);
    if (!geometry) {
        g_free(r);
        r = synth_rects(u, n);
        w = h = G_MAXDOUBLE;
    }
    mark_by_attrs(vis, n, attrs, r, w, h);
    if (geometry)
        resolve_white(vis, u, n, r, page, w, h);
    pc->ch = NEW(pchar, n + 1);
    pc->fr = NEW(frag, n + 1);
    hidden = build_frags(pc, u, r, vis, n);
    order_page(pc);
    pdf->poppler_page_free_text_attributes(attrs);
    g_free(vis), g_free(r), g_free(u), g_free(text);
    g_free(pc->ch), g_free(pc->fr);
    return hidden;
}

static int open_error(GError *e, gc_err *err)
{
    int ours = e != NULL && e->domain == pdf->poppler_error_quark();
    int encrypted = ours && e->code == POPPLER_ERROR_ENCRYPTED;
    const char *detail = "pdf_invalid";

    if (ours && e->code == POPPLER_ERROR_DAMAGED)
        detail = "pdf_damaged";
    else if (ours && e->code == POPPLER_ERROR_BAD_CATALOG)
        detail = "pdf_bad_catalog";
    if (e != NULL)
        g_error_free(e);
    if (encrypted) {
        gc_err_set(err, GC_EENCRYPTED, NULL, 0, 0,
                   "document is encrypted: ask for an unprotected copy");
        gc_err_detail(err, "encrypted");
        return GC_EENCRYPTED;
    }
    gc_err_set(err, GC_ECORRUPT, NULL, 0, 0, "damaged or malformed PDF");
    gc_err_detail(err, detail);
    return GC_ECORRUPT;
}

/* Scanned pages, icon fonts and broken ToUnicode maps give text that is
 * empty, or mostly U+FFFD, private-use or control characters. */
static int is_usable_text(const char *s, size_t len, unsigned n_pages)
{
    size_t letters = 0, junk = 0, ink = 0;
    const char *end = s + len;

    for (; s < end; s = next_char(s)) {
        gunichar c = g_utf8_get_char(s);
        if (is_space_u(c))
            continue;
        ink++;
        if (c < 0x80) {   /* ASCII: a letter, or ink that is not junk */
            letters += g_ascii_isalpha((char)c) != 0;
            junk += c < 0x20 || c == 0x7F;
            continue;
        }
        letters += g_unichar_isalpha(c) != 0;
        junk += c == 0xFFFD || g_unichar_iscntrl(c) ||
                g_unichar_type(c) == G_UNICODE_PRIVATE_USE;
    }
    if (letters == 0 || 2 * junk > ink)
        return 0;
    return n_pages < 2 || letters >= 20;
}

/* One page: '\f' before all but the first, then its cleaned text. */
static int append_page(gc_text *out, PopplerDocument *doc, int i, gc_err *err)
{
    PopplerPage *page;
    page_ctx pc = {NULL, 0, NULL, 0, NULL, 10.0};
    GString *clean;
    int rc;

    if (i > 0 && (rc = gc_text_putc(out, '\f', err)) < 0)
        return rc;
    page = pdf->poppler_document_get_page(doc, i);
    pc.out = g_string_new(NULL);
    if (page != NULL) {
        out->n_hidden += page_text(page, &pc);
        pdf->g_object_unref(page);
    }
    clean = dehyphenate(pc.out);
    rc = gc_text_append(out, clean->str, clean->len, err);
    g_string_free(clean, TRUE);
    g_string_free(pc.out, TRUE);
    return rc;
}

int gc_extract_pdf(gc_text *out, const unsigned char *data, size_t len,
                   const gc_limits *lim, gc_err *err)
{
    GBytes *bytes;
    GError *gerr = NULL;
    PopplerDocument *doc;
    int n, rc = 0;

    if ((pdf = gc_pdf_lib(err)) == NULL)
        return err ? err->code : GC_EFORMAT;
    bytes = g_bytes_new_static(data, len);   /* no copy; outlives doc */
    doc = pdf->poppler_document_new_from_bytes(bytes, NULL, &gerr);
    if (doc == NULL) {
        g_bytes_unref(bytes);
        return open_error(gerr, err);
    }
    n = pdf->poppler_document_get_n_pages(doc);
    for (int i = 0; i < n && rc == 0; i++) {
        if ((unsigned)i >= lim->pages) {   /* P4: the rest is not read */
            out->truncated = 1;
            break;
        }
        rc = append_page(out, doc, i, err);
        out->n_pages++;
    }
    pdf->g_object_unref(doc);
    g_bytes_unref(bytes);
    if (rc == 0 && !is_usable_text(out->buf ? out->buf : "", out->len, out->n_pages)) {
        gc_err_set(err, GC_ENOTEXT, NULL, 0, 0, "no extractable text: scanned or image-only?");
        gc_err_detail(err, "no_text");
        rc = GC_ENOTEXT;
    }
    return rc;
}
