/* OCR with libtesseract; see ocr.h.
 *
 * Settings, measured on the corpus's scans (README, "OCR"): the LSTM
 * engine (the only one Debian's data has), automatic page segmentation
 * (two-column résumés keep their reading order; single-block mode mixed
 * the columns), inverted-text detection left on (white on a dark sidebar:
 * turning it off saved 25% and lost a fifth of the words on one scan).
 * Parallelism is by processes: the command line sets OMP_THREAD_LIMIT=1
 * before anything loads libgomp, since tesseract's OpenMP threads made
 * one page 4-5 times slower on two shared cores. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "extract/ocr.h"
#include "extract/ocr_lib.h"

static const gc_ocr_api *tess;
static TessBaseAPI *engine;
static char engine_lang[GC_OCR_LANG_MAX];   /* the languages engine was set up for */
static char failed_lang[GC_OCR_LANG_MAX];   /* ... or failed for */
static int registered;                      /* end_engine runs at exit */

long long gc_ocr_now_us(void)
{
    return (long long)g_get_monotonic_time();
}

int gc_ocr_lang_valid(const char *lang)
{
    unsigned names = 0, n = 0;

    for (const char *p = lang;; p++) {
        if (*p == '+' || *p == '\0') {
            if (n < 3 || n > 16 || ++names > 4)
                return 0;
            if (*p == '\0')
                return 1;
            n = 0;
        } else if ((*p >= 'a' && *p <= 'z') || *p == '_') {
            n++;
        } else {
            return 0;
        }
    }
}

static int lang_error(const char *lang, gc_err *err)
{
    gc_err_set(err, GC_EFORMAT, NULL, 0, 0,
               "OCR support is not available: the language data for '%s' is not installed "
               "(Debian: tesseract-ocr-LANG)", lang);
    gc_err_detail(err, "ocr_language");
    return GC_EFORMAT;
}

/* Ends the engine before exit: tesseract's caches otherwise complain on
 * stderr, from their static destructors, that it still holds them.  It
 * runs before them: atexit handlers and those destructors run in reverse
 * order of registration, and theirs are registered when the first engine
 * is set up. */
static void end_engine(void)
{
    if (engine != NULL) {
        tess->TessBaseAPIEnd(engine);
        tess->TessBaseAPIDelete(engine);
        engine = NULL;
    }
}

int gc_ocr_ready(const gc_limits *lim, gc_err *err)
{
    const char *lang = lim->ocr_lang;
    TessBaseAPI *h;

    if (!gc_ocr_lang_valid(lang))
        return lang_error(lang, err);
    if (engine != NULL && strcmp(engine_lang, lang) == 0)
        return 0;
    if (strcmp(failed_lang, lang) == 0)
        return lang_error(lang, err);
    if ((tess = gc_ocr_lib(err)) == NULL)
        return err ? err->code : GC_EFORMAT;
    if (engine != NULL)   /* another language: a new engine */
        end_engine();
    h = tess->TessBaseAPICreate();
    /* NULL data path: the packaged tessdata (or TESSDATA_PREFIX, which
     * tesseract reads itself). */
    if (h == NULL || tess->TessBaseAPIInit2(h, NULL, lang, OEM_LSTM_ONLY) != 0) {
        if (h != NULL)
            tess->TessBaseAPIDelete(h);
        snprintf(failed_lang, sizeof failed_lang, "%s", lang);
        return lang_error(lang, err);
    }
    tess->TessBaseAPISetPageSegMode(h, PSM_AUTO);
    if (!registered)   /* after Init2, which builds the caches lazily */
        registered = atexit(end_engine) == 0;
    engine = h;
    snprintf(engine_lang, sizeof engine_lang, "%s", lang);
    return 0;
}

/* Appends one recognised word: valid UTF-8 only, controls as spaces. */
static int put_word(gc_text *out, const char *w, gc_err *err)
{
    char *clean = g_utf8_make_valid(w, -1);
    int rc;

    for (char *p = clean; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7F)
            *p = ' ';
    rc = gc_text_puts(out, clean, err);
    g_free(clean);
    return rc;
}

/* Walks the words in reading order: a line of text per line found, words
 * under the confidence floor left out. */
static int collect(gc_text *out, gc_ocr_page *res, double *conf_sum, gc_err *err)
{
    TessResultIterator *it = tess->TessBaseAPIGetIterator(engine);
    const TessPageIterator *pi;
    int rc = 0, line_open = 0;

    if (it == NULL)
        return 0;
    pi = tess->TessResultIteratorGetPageIteratorConst(it);
    do {
        char *w = tess->TessResultIteratorGetUTF8Text(it, RIL_WORD);
        float conf = tess->TessResultIteratorConfidence(it, RIL_WORD);
        int new_line = tess->TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE);

        if (w == NULL)
            continue;
        if (new_line && line_open) {
            rc = gc_text_putc(out, '\n', err);
            line_open = 0;
        }
        if (rc == 0 && conf < GC_OCR_MIN_CONF) {
            res->dropped++;
        } else if (rc == 0 && w[strspn(w, " \t\r\n")] != '\0') {
            if (line_open)
                rc = gc_text_putc(out, ' ', err);
            if (rc == 0)
                rc = put_word(out, w, err);
            line_open = 1;
            res->words++;
            *conf_sum += conf;
        }
        tess->TessDeleteText(w);
    } while (rc == 0 && tess->TessResultIteratorNext(it, RIL_WORD));
    if (rc == 0 && line_open)
        rc = gc_text_putc(out, '\n', err);
    tess->TessResultIteratorDelete(it);
    return rc;
}

int gc_ocr_grey(gc_text *out, gc_ocr_page *res, unsigned page_no, const unsigned char *px, int w,
                int h, int stride, int dpi, unsigned budget_ms, gc_err *err)
{
    ETEXT_DESC *monitor;
    unsigned first, last;
    long long t0 = gc_ocr_now_us();
    int rc;

    memset(res, 0, sizeof *res);
    if (engine == NULL)
        return gc_err_set(err, GC_EFORMAT, NULL, 0, 0, "OCR support is not available");
    if (out->len > 0 && out->buf[out->len - 1] != '\f' && (rc = gc_text_endline(out, err)) < 0)
        return rc;
    first = gc_text_next_line(out);
    tess->TessBaseAPISetImage(engine, px, w, h, 1, stride);
    tess->TessBaseAPISetSourceResolution(engine, dpi);
    monitor = tess->TessMonitorCreate();
    if (monitor != NULL)
        tess->TessMonitorSetDeadlineMSecs(monitor, budget_ms > 0 ? (int)budget_ms : 1);
    /* A deadline stops recognition; the words read until then are kept. */
    if (tess->TessBaseAPIRecognize(engine, monitor) != 0 ||
        gc_ocr_now_us() - t0 >= (long long)budget_ms * 1000)
        res->timed_out = 1;
    rc = collect(out, res, &out->ocr.conf_sum, err);
    if (monitor != NULL)
        tess->TessMonitorDelete(monitor);
    tess->TessBaseAPIClear(engine);   /* drops the page's results and its copy of px */
    if (rc < 0)
        return rc;
    last = gc_text_next_line(out) - 1;
    out->ocr.words += res->words;
    out->ocr.dropped += res->dropped;
    snprintf(out->ocr.lang, sizeof out->ocr.lang, "%s", engine_lang);
    return gc_text_ocr_page(out, page_no, first, last, err);
}
