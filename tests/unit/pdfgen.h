/* Small PDFs written by the unit tests: one page per content stream, all
 * pages sharing one resource dictionary.  Object 3 is base-14 Helvetica
 * (resource /F1, with code 0255 mapped to uni00AD); objects 4, 5 ... are
 * the caller's extra streams, in order, for the resources to point at. */
#ifndef GC_PDFGEN_H
#define GC_PDFGEN_H

#include <stdlib.h>
#include <string.h>

#include <glib.h>

typedef struct pdf_stream {
    const char *dict;            /* entries besides /Length, e.g. "/N 3" */
    const void *data;
    size_t len;
} pdf_stream;

/* The PDF in *out (g_free it); returns its length.  `resources` is the
 * inside of the pages' resource dictionary, NULL for just the font. */
static inline size_t pdfgen(char **out, const char *const *pages, int n_pages,
                            const char *resources, const pdf_stream *extra, int n_extra)
{
    GString *s = g_string_new("%PDF-1.4\n");
    int first_page = 4 + n_extra, n_obj = first_page + 2 * n_pages;
    size_t *off = calloc((size_t)n_obj, sizeof *off), xref;

    off[1] = s->len;
    g_string_append(s, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
    off[2] = s->len;
    g_string_append(s, "2 0 obj << /Type /Pages /Kids [");
    for (int i = 0; i < n_pages; i++)
        g_string_append_printf(s, " %d 0 R", first_page + 2 * i);
    g_string_append_printf(s, " ] /Count %d >> endobj\n", n_pages);
    off[3] = s->len;
    g_string_append(s, "3 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                    "/Encoding << /Differences [173 /uni00AD] >> >> endobj\n");
    for (int i = 0; i < n_extra; i++) {
        off[4 + i] = s->len;
        g_string_append_printf(s, "%d 0 obj << %s /Length %zu >> stream\n", 4 + i,
                               extra[i].dict, extra[i].len);
        g_string_append_len(s, extra[i].data, (gssize)extra[i].len);
        g_string_append(s, "\nendstream endobj\n");
    }
    for (int i = 0; i < n_pages; i++) {
        int page = first_page + 2 * i;
        off[page] = s->len;
        g_string_append_printf(s, "%d 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                               "/Resources << %s >> /Contents %d 0 R >> endobj\n",
                               page, resources ? resources : "/Font << /F1 3 0 R >>", page + 1);
        off[page + 1] = s->len;
        g_string_append_printf(s, "%d 0 obj << /Length %zu >> stream\n%s\nendstream endobj\n",
                               page + 1, strlen(pages[i]), pages[i]);
    }
    xref = s->len;
    g_string_append_printf(s, "xref\n0 %d\n0000000000 65535 f \n", n_obj);
    for (int i = 1; i < n_obj; i++)
        g_string_append_printf(s, "%010zu 00000 n \n", off[i]);
    g_string_append_printf(s, "trailer << /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                           n_obj, xref);
    free(off);
    xref = s->len;
    *out = g_string_free(s, FALSE);
    return xref;
}

#endif
