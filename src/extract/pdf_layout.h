/* pdf_layout: a PDF page's characters, with their boxes, turned into
 * text in reading order.  Pure geometry on plain arrays: no poppler, so it
 * is unit-tested on made-up pages (tests/unit/test_pdf_layout.c).
 *
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
#ifndef GC_PDF_LAYOUT_H
#define GC_PDF_LAYOUT_H

#include <stddef.h>

#include <glib.h>

/* A character's box in page points, y down (poppler's PopplerRectangle). */
typedef struct gc_glyph_box {
    double x1, y1, x2, y2;
} gc_glyph_box;

/* What the hidden-text checks made of a character (pdf_hidden.c). */
enum { GC_GLYPH_VISIBLE = 0, GC_GLYPH_HIDDEN = 1, GC_GLYPH_WHITE = 2 };

/* Per-character GLib calls with an ASCII fast path: most characters of a
 * résumé are ASCII, and these run several times per character. */
static inline int gc_is_space_u(gunichar c)
{
    return c < 0x80 ? c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
                    : g_unichar_isspace(c) != 0;
}

/* Decodes UTF-8 into one code point per character, so index i matches
 * layout rectangle i; *n_out characters (g_free the result). */
gunichar *gc_pdf_decode_chars(const char *text, size_t *n_out);

/* Appends to `out` the characters whose vis[i] is GC_GLYPH_VISIBLE, in
 * reading order: line fragments, ordered by a recursive XY cut (columns
 * one after the other; a sparse label column read row by row, cells joined
 * by '\t').  Returns how many non-space characters were hidden. */
unsigned gc_pdf_layout_page(GString *out, const gunichar *u, const gc_glyph_box *r,
                            const unsigned char *vis, size_t n);

/* The page text with words split at a line end rejoined ("deploy-\nment"
 * → "deployment"; "e-\nCommerce" keeps its hyphen; a soft hyphen always
 * joins), NUL and C0 controls but tab and newline dropped. */
GString *gc_pdf_dehyphenate(const GString *in);

/* When poppler's rectangles do not match its text (never seen on the
 * corpus): a synthetic box per line, so lines keep poppler's order. */
gc_glyph_box *gc_pdf_synth_boxes(const gunichar *u, size_t n);

#endif
