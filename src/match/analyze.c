/* analyze: runs the pipeline on one document (extract → normalize →
 * segment → match) and returns a gc_doc.  No printing, no process
 * control: isolation is the caller's job (see the CLI's isolate.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "data/data_int.h"
#include "match/doc_int.h"
#include "extract/extract.h"
#include "match/match.h"
#include "match/normalize.h"

static long explain_index(const gc_data *d, const gc_analyze_opts *opts)
{
    return opts && opts->explain_skill ? gc_data_lookup_skill(d, opts->explain_skill) : -1;
}

static int run_text(gc_doc *doc, const gc_data *d, const char *text, size_t len,
                    const gc_analyze_opts *opts, gc_err *err)
{
    char *norm = NULL;
    size_t nlen = 0;
    int rc = gc_normalize(&norm, &nlen, text, len, err);

    if (rc < 0)
        return rc;
    doc->text_bytes = nlen;
    rc = gc_match(doc, d, norm, nlen, explain_index(d, opts), opts && opts->posting, err);
    if (rc == 0 && opts && opts->keep_text)
        doc->text = norm;
    else
        free(norm);
    return rc;
}

int gc_analyze_text(gc_doc **out, const gc_data *d, const char *text, size_t len,
                    const gc_limits *lim, const gc_analyze_opts *opts, gc_err *err)
{
    gc_doc *doc = gc_doc_new(d);
    int rc;

    *out = NULL;
    if (len > lim->text_bytes)
        len = lim->text_bytes;  /* the same bound extraction applies */
    snprintf(doc->format, sizeof doc->format, "text");
    rc = run_text(doc, d, text, len, opts, err);
    if (rc < 0) {
        gc_doc_free(doc);
        return rc;
    }
    *out = doc;
    return 0;
}

/* What the extractor says about OCR and its warnings, copied into the doc. */
static void ocr_facts(gc_doc *doc, const gc_text *t)
{
    doc->warnings = t->warnings;
    doc->ocr_words = t->ocr.words;
    doc->ocr_dropped = t->ocr.dropped;
    doc->ocr_conf = t->ocr.words ? t->ocr.conf_sum / t->ocr.words : 0;
    if (doc->ocr_conf > 100)
        doc->ocr_conf = 100;
    snprintf(doc->ocr_lang, sizeof doc->ocr_lang, "%s", t->ocr.n_pages ? t->ocr.lang : "");
    g_array_append_vals(doc->ocr_pages, t->ocr.pages, t->ocr.n_pages);
    g_array_append_vals(doc->ocr_lines, t->ocr.lines, 2 * t->ocr.n_lines);
}

int gc_analyze(gc_doc **out, const gc_data *d, const unsigned char *buf, size_t len,
               const gc_limits *lim, const gc_analyze_opts *opts, gc_err *err)
{
    gc_text t;
    gc_format fmt = GC_FMT_UNKNOWN;
    gc_doc *doc = gc_doc_new(d);
    int rc;

    *out = NULL;
    gc_text_init(&t, lim->text_bytes);
    rc = gc_extract(&t, &fmt, buf, len, lim, err);
    snprintf(doc->format, sizeof doc->format, "%s", gc_format_name(fmt));
    doc->pages = t.n_pages;
    doc->hidden = t.n_hidden;
    doc->truncated = t.truncated;
    if (rc == 0)
        ocr_facts(doc, &t);
    if (rc == 0)
        rc = run_text(doc, d, t.buf ? t.buf : "", t.len, opts, err);
    gc_text_free(&t);
    if (rc < 0) {
        gc_doc_free(doc);
        return rc;
    }
    *out = doc;
    return 0;
}
