/* OCR's pieces that need no engine: the garbled-text measure, picture
 * headers read (and refused) before decoding, and the OCR facts of a
 * gc_doc across the child's pipe (kept, and hostile ones refused). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "extract/garbled.h"
#include "base/text.h"
#include "extract/image.h"
#include "match/doc_int.h"
#include "harness.h"
#include "testdata.h"

static double share(const char *s, size_t *n)
{
    return gc_wordlike_share(s, strlen(s), n);
}

static void test_garbled(void)
{
    size_t n;
    /* what usf-xetex-quartz-4p.pdf extracts as, and the text it stands for */
    const char *bad = "*?M/`b?2F` EQM/ 1/m+iBQM .2;`22 Jbi2`b BM MHviB+b S2`BQ/ CmHv kyR9 "
                      "lMBp2`bBiv Q7 aM 6`M+Bb+Q AM/mbi`BH 1M;BM22`BM; PT2`iBQMb _2b2`+? "
                      "CmHv kyyy CMm`v kyyk AM/BM AMbiBimi2 Q7 h2+?MQHQ;v @ AAh \"QK#v- AM/B "
                      "3Xde Qmi Q7 Ry .2;`22 \"+?2HQ`b BM S`Q/m+iBQM M/ AM/mbi`BH";
    const char *good = "Data analyst with a Master's degree in Analytics from the University "
                       "of San Francisco. Built dashboards in Tableau, wrote SQL and Python "
                       "(pandas, scikit-learn), and presented results to the CEO; e-mail "
                       "me at jane@example.com or see https://example.com/cv, 2019-2023.";

    CHECK(share(bad, &n) < 0.4 && n >= 30 && gc_is_garbled(share(bad, &n), n));
    CHECK(share(good, &n) > 0.8 && !gc_is_garbled(share(good, &n), n));
    /* Scripts without case are words; numbers and symbols are not judged. */
    CHECK(share("简历 题目 教育 背景 工作 经历", &n) == 1.0 && n == 6);
    CHECK(share("2019 - 2023 | +1 555 0100 | © ®", &n) == 1.0 && n == 0);
    /* Too few tokens to tell: never garbled. */
    CHECK(!gc_is_garbled(share("MHviB+b edW", &n), n));
    /* CamelCase product names and German words are words. */
    CHECK(share("JavaScript PyTorch TensorFlow GitHub Straße Übersicht naïve", &n) == 1.0);
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8), p[3] = (unsigned char)v;
}

static void test_image_headers(void)
{
    unsigned char png[33] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                             'I', 'H', 'D', 'R'};
    static const unsigned char jpeg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46,
                                         0xFF, 0xC2, 0x00, 0x11, 0x08, 0x03, 0x20, 0x02, 0x58,
                                         0x03, 0x01, 0x22, 0x00, 0xFF, 0xD9};
    unsigned w, h;
    unsigned char *px = (unsigned char *)1;
    gc_err err = GC_ERR_INIT;

    put32(png + 16, 60000);
    put32(png + 20, 60000);
    CHECK(gc_image_probe(png, sizeof png, &w, &h) == GC_IMAGE_PNG && w == 60000 && h == 60000);
    /* refused from the header: no decoder (and no library) involved */
    CHECK(gc_image_grey(&px, &w, &h, png, sizeof png, 12u << 20, &err) == GC_ELIMIT);
    CHECK_STR(err.detail, "ocr_pixels");
    CHECK(px == NULL);
    /* a progressive frame (SOF2) after an APP0 segment: 600 x 800 */
    CHECK(gc_image_probe(jpeg, sizeof jpeg, &w, &h) == GC_IMAGE_JPEG && w == 600 && h == 800);
    /* a header cut short: no size, refused as damaged */
    gc_err_clear(&err);
    CHECK(gc_image_probe(jpeg, 8, &w, &h) == GC_IMAGE_JPEG && w == 0);
    CHECK(gc_image_grey(&px, &w, &h, jpeg, 8, 12u << 20, &err) == GC_ECORRUPT);
    gc_err_clear(&err);
    CHECK(gc_image_grey(&px, &w, &h, (const unsigned char *)"GIF89a", 6, 100, &err) == GC_EFORMAT);
}

static gc_doc *roundtrip(const gc_data *d, gc_doc *doc)
{
    char *buf = NULL;
    size_t len = 0;
    gc_doc *back = NULL;
    gc_err err = GC_ERR_INIT;

    CHECK(gc_doc_encode(&buf, &len, doc, &err) == 0);
    if (gc_doc_decode(&back, d, buf, len, &err) < 0)
        back = NULL;
    g_free(buf);
    return back;
}

static void test_doc_ocr(void)
{
    gc_data *d = load_mini();
    gc_doc *doc = analyze_str(d, "Skills\nPython, MySQL\nEC2\n"), *back;
    uint32_t pages[] = {1, 3}, lines[] = {2, 2};
    size_t py = (size_t)gc_data_find_skill(d, "python");

    doc->warnings = GC_WARN_OCR_INCOMPLETE;
    doc->ocr_words = 40, doc->ocr_dropped = 2, doc->ocr_conf = 91.5;
    snprintf(doc->ocr_lang, sizeof doc->ocr_lang, "eng+deu");
    g_array_append_vals(doc->ocr_pages, pages, 2);
    g_array_append_vals(doc->ocr_lines, lines, 2);
    back = roundtrip(d, doc);
    CHECK(back != NULL);
    if (back != NULL) {
        CHECK(gc_doc_n_ocr_pages(back) == 2 && gc_doc_ocr_page(back, 1) == 3);
        CHECK(gc_doc_ocr_confidence(back) == 91.5 && gc_doc_ocr_words(back) == 40 &&
              gc_doc_ocr_dropped(back) == 2);
        CHECK_STR(gc_doc_ocr_lang(back), "eng+deu");
        CHECK(gc_doc_n_warnings(back) == 1);
        CHECK_STR(gc_doc_warning(back, 0), "ocr_incomplete");
        CHECK(gc_doc_n_evidence(back, py) == 1 && gc_doc_evidence_ocr(back, py, 0) == 1);
        CHECK(gc_doc_line_ocr(back, 1) == 0 && gc_doc_line_ocr(back, 3) == 0);
        gc_doc_free(back);
    }
    /* What a broken child could send: each is refused, never trusted. */
    g_array_index(doc->ocr_pages, uint32_t, 1) = 1;   /* not ascending */
    CHECK((back = roundtrip(d, doc)) == NULL);
    g_array_index(doc->ocr_pages, uint32_t, 1) = 3;
    doc->ocr_conf = 101;
    CHECK((back = roundtrip(d, doc)) == NULL);
    doc->ocr_conf = 90;
    doc->warnings = 1u << 7;
    CHECK((back = roundtrip(d, doc)) == NULL);
    doc->warnings = 0;
    snprintf(doc->ocr_lang, sizeof doc->ocr_lang, "eng\x1b[2J");
    CHECK((back = roundtrip(d, doc)) == NULL);
    snprintf(doc->ocr_lang, sizeof doc->ocr_lang, "eng");
    g_array_index(doc->ocr_lines, uint32_t, 0) = 5;   /* first > last */
    CHECK((back = roundtrip(d, doc)) == NULL);
    g_array_index(doc->ocr_lines, uint32_t, 0) = 2;
    CHECK((back = roundtrip(d, doc)) != NULL);
    gc_doc_free(back);
    gc_doc_free(doc);
    gc_data_free(d);
}

int main(void)
{
    test_garbled();
    test_image_headers();
    test_doc_ocr();
    return test_summary("test_ocr");
}
