/* PDF → UTF-8 text with poppler-glib, one page at a time, in reading order.
 * It drops text a reader cannot see (white on white, < 2 pt, off the page),
 * rejoins words hyphenated at a line end, reads image-only pages and
 * garbled text layers with OCR (pdf_ocr.c) where it can, marks a garbled
 * layer it had to keep (GC_WARN_GARBLED), and reports files without
 * usable text as GC_ENOTEXT.  It does no Unicode normalisation (normalize.c does).
 * It never prints: poppler's diagnostics go through g_log, which the CLI
 * silences once at start-up.  Not thread-safe on a shared document (P6). */
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/pdf_hidden.h"
#include "extract/pdf_layout.h"
#include "extract/pdf_lib.h"
#include "extract/pdf_ocr.h"

/* poppler-glib and cairo, loaded by gc_extract_pdf on first use. */
static const gc_pdf_api *pdf;
/* The page's characters and their boxes (poppler's, or synthetic ones
 * where they do not match its text), hidden ones marked, then laid out in
 * reading order into `out`; returns the hidden non-space count. */
static unsigned page_text(PopplerPage *page, GString *out)
{
    char *text = pdf->poppler_page_get_text(page);
    size_t n = 0;
    gunichar *u = gc_pdf_decode_chars(text ? text : "", &n);
    PopplerRectangle *pr = NULL;
    guint n_r = 0;
    int geometry = pdf->poppler_page_get_text_layout(page, &pr, &n_r) && n_r == n;
    unsigned char *vis = g_malloc0(n + 1);
    gc_glyph_box *r;
    unsigned hidden;

    if (geometry) {
        r = g_new(gc_glyph_box, n + 1);
        for (size_t i = 0; i < n; i++)
            r[i] = (gc_glyph_box){pr[i].x1, pr[i].y1, pr[i].x2, pr[i].y2};
    } else {
        r = gc_pdf_synth_boxes(u, n);
    }
    gc_pdf_mark_hidden(vis, u, r, n, page, geometry);
    hidden = gc_pdf_layout_page(out, u, r, vis, n);
    g_free(vis), g_free(r), g_free(pr), g_free(u), g_free(text);
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

    for (; s < end; s += g_utf8_skip[*(const unsigned char *)s]) {
        gunichar c = g_utf8_get_char(s);
        if (gc_is_space_u(c))
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

/* One page: '\f' before all but the first, then its cleaned text, or
 * what OCR reads on it when it needs OCR and the engine can. */
static int append_page(gc_text *out, PopplerDocument *doc, int i, gc_pdf_ocr *ocr, gc_err *err)
{
    PopplerPage *page;
    GString *text, *clean;
    int rc, need = GC_PDF_OCR_NO;

    if (i > 0 && (rc = gc_text_putc(out, '\f', err)) < 0)
        return rc;
    page = pdf->poppler_document_get_page(doc, i);
    text = g_string_new(NULL);
    if (page != NULL)
        out->n_hidden += page_text(page, text);
    clean = gc_pdf_dehyphenate(text);
    if (page != NULL)
        need = gc_pdf_ocr_need(page, clean->str, clean->len, ocr->lim);
    rc = need != GC_PDF_OCR_NO ? gc_pdf_ocr_page(ocr, out, page, (unsigned)i + 1, err) : 0;
    if (rc == 0) {   /* no OCR, or it could not run: the text layer */
        if (need == GC_PDF_OCR_GARBLED)
            out->warnings |= GC_WARN_GARBLED;
        else if (need == GC_PDF_OCR_IMAGE)
            out->warnings |= GC_WARN_OCR_INCOMPLETE;
        rc = gc_text_append(out, clean->str, clean->len, err);
    } else if (rc > 0) {
        rc = 0;
    }
    if (page != NULL)
        pdf->g_object_unref(page);
    g_string_free(clean, TRUE);
    g_string_free(text, TRUE);
    return rc;
}

/* The no-text error, saying why OCR did not help when it was wanted. */
static int no_text(const gc_pdf_ocr *ocr, gc_err *err)
{
    if (ocr->wanted > 0 && ocr->lim->ocr == GC_OCR_NEVER)
        gc_err_set(err, GC_ENOTEXT, NULL, 0, 0,
                   "no extractable text: scanned or image-only (--ocr never)");
    else if (ocr->too_big > 0 && ocr->done == 0)
        gc_err_set(err, GC_ENOTEXT, NULL, 0, 0, "no extractable text: scanned pages too large "
                   "for OCR (over %.0f megapixels at %d dpi)",
                   ocr->lim->ocr_pixels / (1024.0 * 1024.0), GC_OCR_DPI_MIN);
    else if (ocr->wanted > 0 && ocr->ready < 0)
        gc_err_set(err, GC_ENOTEXT, NULL, 0, 0, "no extractable text: scanned or image-only, "
                   "and %s", ocr->why.msg[0] ? ocr->why.msg : "OCR is not available");
    else if (ocr->done > 0)
        gc_err_set(err, GC_ENOTEXT, NULL, 0, 0,
                   "no extractable text: OCR found no words on %u scanned page%s", ocr->done,
                   ocr->done == 1 ? "" : "s");
    else
        gc_err_set(err, GC_ENOTEXT, NULL, 0, 0,
                   "no extractable text: no text layer, and no scanned page to OCR");
    gc_err_detail(err, "no_text");
    return GC_ENOTEXT;
}

int gc_extract_pdf(gc_text *out, const unsigned char *data, size_t len,
                   const gc_limits *lim, gc_err *err)
{
    GBytes *bytes;
    GError *gerr = NULL;
    PopplerDocument *doc;
    gc_pdf_ocr ocr;
    int n, rc = 0;

    if ((pdf = gc_pdf_lib(err)) == NULL)
        return err ? err->code : GC_EFORMAT;
    bytes = g_bytes_new_static(data, len);   /* no copy; outlives doc */
    doc = pdf->poppler_document_new_from_bytes(bytes, NULL, &gerr);
    if (doc == NULL) {
        g_bytes_unref(bytes);
        return open_error(gerr, err);
    }
    gc_pdf_ocr_init(&ocr, lim);
    n = pdf->poppler_document_get_n_pages(doc);
    for (int i = 0; i < n && rc == 0; i++) {
        if ((unsigned)i >= lim->pages) {   /* P4: the rest is not read */
            out->truncated = 1;
            break;
        }
        rc = append_page(out, doc, i, &ocr, err);
        out->n_pages++;
    }
    pdf->g_object_unref(doc);
    g_bytes_unref(bytes);
    if (rc == 0 && !is_usable_text(out->buf ? out->buf : "", out->len, out->n_pages))
        rc = no_text(&ocr, err);
    return rc;
}
