/* pdf_layout: reading order of a PDF page from its characters' boxes;
 * see pdf_layout.h.  No poppler here. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "extract/pdf_layout.h"
#include "gc_limits.h"

#define NEW(type, n) ((type *)g_malloc_n((n), sizeof(type)))

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

/* ---- characters and line fragments ----------------------------------- */

/* Decodes poppler's UTF-8 into one code point per character, so index i
 * matches layout rectangle i.  Poppler may encode a lone surrogate; each
 * malformed sequence becomes one U+FFFD, which keeps the indices aligned. */
gunichar *gc_pdf_decode_chars(const char *t, size_t *n_out)
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
    while (f->n > 0 && gc_is_space_u(pc->ch[f->first + f->n - 1].u))
        f->n--;
    if (f->n == 0)
        return;
    f->x0 = f->y0 = G_MAXDOUBLE;
    f->x1 = f->y1 = -G_MAXDOUBLE;
    for (size_t i = f->first; i < f->first + f->n; i++) {
        const pchar *c = &pc->ch[i];
        if (gc_is_space_u(c->u))
            continue;   /* a space's box spans the gap it stands for */
        f->x0 = dmin(f->x0, c->x0), f->y0 = dmin(f->y0, c->y0);
        f->x1 = dmax(f->x1, c->x1), f->y1 = dmax(f->y1, c->y1);
    }
    pc->fr[pc->n_fr++] = *f;
}

static pchar make_pchar(gunichar u, const gc_glyph_box *r)
{
    pchar c = {u, dmin(r->x1, r->x2), dmin(r->y1, r->y2), dmax(r->x1, r->x2),
               dmax(r->y1, r->y2)};
    return c;
}

/* Visible characters into fragments; returns the hidden non-space count. */
static unsigned build_frags(page_ctx *pc, const gunichar *u, const gc_glyph_box *r,
                            const unsigned char *vis, size_t n)
{
    frag f = {0, 0, 0, 0, 0, 0};
    unsigned hidden = 0;

    for (size_t i = 0; i < n; i++) {
        pchar c = make_pchar(u[i], &r[i]);
        int space = gc_is_space_u(u[i]);

        if (vis[i] == GC_GLYPH_HIDDEN || u[i] == '\n') {
            hidden += vis[i] == GC_GLYPH_HIDDEN && !space;
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
    found = n_b <= GC_PDF_BANDS && best_run(pc, ix, bs, n_b, &a, &b) && (a > 0 || b < n_b);
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

    if (n > 1 && depth < GC_PDF_CUT_DEPTH && find_gutter(pc, ix, n, &cut)) {
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
    if (n > 1 && depth < GC_PDF_CUT_DEPTH && split_bands(pc, ix, n, depth))
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
    if (pc->n_fr <= GC_PDF_PAGE_FRAGS)
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
GString *gc_pdf_dehyphenate(const GString *in)
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

/* When poppler's rectangles do not match its text (never seen on the
 * corpus), give each line a synthetic box so lines keep poppler's order. */
gc_glyph_box *gc_pdf_synth_boxes(const gunichar *u, size_t n)
{
    gc_glyph_box *r = NEW(gc_glyph_box, n + 1);
    double x = 1, y = 1;

    /* side by side, so a line stays one fragment with its spaces */
    for (size_t i = 0; i < n; i++) {
        r[i] = (gc_glyph_box){x, y, x + 1, y + 1};
        x += 1;
        if (u[i] == '\n')
            x = 1, y += 2;
    }
    return r;
}

unsigned gc_pdf_layout_page(GString *out, const gunichar *u, const gc_glyph_box *r,
                            const unsigned char *vis, size_t n)
{
    page_ctx pc = {NULL, 0, NULL, 0, out, 10.0};
    unsigned hidden;

    pc.ch = NEW(pchar, n + 1);
    pc.fr = NEW(frag, n + 1);
    hidden = build_frags(&pc, u, r, vis, n);
    order_page(&pc);
    g_free(pc.ch), g_free(pc.fr);
    return hidden;
}
