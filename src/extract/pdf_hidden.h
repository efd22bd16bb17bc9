/* pdf_hidden: the characters of a PDF page a reader cannot see (white on
 * white, under 2 pt, off the page); see pdf_hidden.c. */
#ifndef GC_PDF_HIDDEN_H
#define GC_PDF_HIDDEN_H

#include <stddef.h>

#include "extract/pdf_layout.h"
#include "extract/pdf_lib.h"

/* Sets vis[i] to GC_GLYPH_HIDDEN for each character of the page a reader
 * cannot see, and leaves the others GC_GLYPH_VISIBLE (vis starts zeroed).
 * `geometry` 0: the boxes are synthetic (poppler's did not match its
 * text), so only the font size and colour count. */
void gc_pdf_mark_hidden(unsigned char *vis, const gunichar *u, const gc_glyph_box *r, size_t n,
                        PopplerPage *page, int geometry);

#endif
