/* Unit tests for gc_extract_pdf: small PDFs written here (base-14
 * Helvetica), plus the shared corpus when ../shared/corpus is present. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "extract/extract.h"
#include "harness.h"
#include "pdfgen.h"

#define CORPUS "../shared/corpus/pdf/"

/* Runs the extractor on a generated PDF; the text stays in *t. */
static int run_pages(gc_text *t, gc_err *err, const char *const *pages, int n, unsigned max_pages)
{
    gc_limits lim = GC_LIMITS_INIT;
    char *pdf;
    size_t len = pdfgen(&pdf, pages, n, NULL, NULL, 0);
    int rc;

    lim.pages = max_pages;
    gc_text_init(t, lim.text_bytes);
    gc_err_clear(err);
    rc = gc_extract_pdf(t, (const unsigned char *)pdf, len, &lim, err);
    g_free(pdf);
    return rc;
}

static const char *find(const gc_text *t, const char *needle)
{
    return t->buf ? strstr(t->buf, needle) : NULL;
}

/* Two columns on the same baselines: the hardest case for get_text order. */
static void test_two_columns(void)
{
    static const char page[] =
        "BT /F1 11 Tf 72 720 Td (Alpha left one goes here with words) Tj "
        "0 -14 Td (Alpha left two goes here with words) Tj "
        "0 -14 Td (Alpha left three goes here with words) Tj "
        "0 -14 Td (Alpha left four goes here with words) Tj ET "
        "BT /F1 11 Tf 330 720 Td (Beta right one and more words) Tj "
        "0 -14 Td (Beta right two and more words) Tj "
        "0 -14 Td (Beta right three and more words) Tj "
        "0 -14 Td (Beta right four and more words) Tj ET";
    const char *pages[] = {page};
    gc_text t;
    gc_err err = GC_ERR_INIT;

    CHECK(run_pages(&t, &err, pages, 1, 50) == 0);
    CHECK(find(&t, "Alpha left four") != NULL && find(&t, "Beta right one") != NULL);
    CHECK(find(&t, "Alpha left four") < find(&t, "Beta right one"));
    CHECK(find(&t, "words\tBeta") == NULL);
    CHECK(t.n_pages == 1 && t.truncated == 0);
    gc_text_free(&t);
}

/* A label column beside the content is read row by row. */
static void test_label_column(void)
{
    static const char page[] =
        "BT /F1 11 Tf 72 720 Td (SKILLS) Tj ET "
        "BT /F1 11 Tf 180 720 Td (Python, SQL and Docker every day) Tj "
        "0 -14 Td (Kubernetes clusters in production) Tj "
        "0 -14 Td (Terraform for the cloud accounts) Tj "
        "0 -14 Td (Grafana dashboards and alerts) Tj ET "
        "BT /F1 11 Tf 72 650 Td (WORK) Tj ET "
        "BT /F1 11 Tf 180 650 Td (Engineer at a company since 2019) Tj "
        "0 -14 Td (Built the payment service in Go) Tj "
        "0 -14 Td (Ran the on-call rotation for years) Tj "
        "0 -14 Td (Mentored four junior engineers) Tj ET";
    const char *pages[] = {page};
    gc_text t;
    gc_err err = GC_ERR_INIT;

    CHECK(run_pages(&t, &err, pages, 1, 50) == 0);
    CHECK(find(&t, "SKILLS\tPython, SQL") != NULL);
    CHECK(find(&t, "WORK\tEngineer") != NULL);
    gc_text_free(&t);
}

static void test_hidden(void)
{
    static const char page[] =
        "BT /F1 11 Tf 72 720 Td (Visible resume text about Java) Tj ET "
        "BT 1 1 1 rg /F1 11 Tf 72 600 Td (WHITEWORD kubernetes) Tj ET "
        "BT 0 0 0 rg /F1 1 Tf 72 500 Td (TINYWORD terraform) Tj ET "
        "BT /F1 11 Tf 900 400 Td (OFFPAGEWORD) Tj ET";
    const char *pages[] = {page};
    gc_text t;
    gc_err err = GC_ERR_INIT;

    CHECK(run_pages(&t, &err, pages, 1, 50) == 0);
    CHECK(find(&t, "Visible resume text about Java") != NULL);
    CHECK(find(&t, "WHITEWORD") == NULL);
    CHECK(find(&t, "TINYWORD") == NULL);
    CHECK(find(&t, "OFFPAGEWORD") == NULL);
    CHECK(t.n_hidden == strlen("WHITEWORDkubernetesTINYWORDterraform"));
    gc_text_free(&t);
}

/* White text on a dark band is visible and kept. */
static void test_white_on_dark(void)
{
    static const char page[] =
        "0.1 0.2 0.4 rg 50 680 300 60 re f "
        "BT 1 1 1 rg /F1 14 Tf 72 705 Td (Sidebar Heading) Tj ET "
        "BT 0 0 0 rg /F1 11 Tf 72 600 Td (Body text in black) Tj ET";
    const char *pages[] = {page};
    gc_text t;
    gc_err err = GC_ERR_INIT;

    CHECK(run_pages(&t, &err, pages, 1, 50) == 0);
    CHECK(find(&t, "Sidebar Heading") != NULL);
    CHECK(t.n_hidden == 0);
    gc_text_free(&t);
}

static void test_dehyphenation(void)
{
    static const char page[] =
        "BT /F1 11 Tf 72 720 Td (We automated the deploy-) Tj "
        "0 -14 Td (ment of services for e-) Tj "
        "0 -14 Td (Commerce clients in 2020 -) Tj "
        "0 -14 Td (present day) Tj ET";
    const char *pages[] = {page};
    gc_text t;
    gc_err err = GC_ERR_INIT;

    CHECK(run_pages(&t, &err, pages, 1, 50) == 0);
    CHECK(find(&t, "deployment of services") != NULL);
    CHECK(find(&t, "e-Commerce clients") != NULL);
    CHECK(find(&t, "2020 -\npresent") != NULL);
    gc_text_free(&t);
}

static void test_soft_hyphen(void)
{
    /* Code 0255 is mapped to uni00AD by pdfgen's font encoding. */
    static const char page[] = "BT /F1 11 Tf 72 720 Td (Kuber\\255) Tj 0 -14 Td (netes admin) Tj ET";
    const char *pages[] = {page};
    gc_text t;
    gc_err err = GC_ERR_INIT;

    CHECK(run_pages(&t, &err, pages, 1, 50) == 0);
    CHECK(find(&t, "Kubernetes admin") != NULL);
    gc_text_free(&t);
}

static void test_pages_and_limits(void)
{
    static const char p1[] = "BT /F1 11 Tf 72 720 Td (First page of the resume) Tj ET";
    static const char p2[] = "BT /F1 11 Tf 72 720 Td (Second page of the resume) Tj ET";
    static const char p3[] = "BT /F1 11 Tf 72 720 Td (Third page of the resume) Tj ET";
    const char *pages[] = {p1, p2, p3};
    gc_text t;
    gc_err err = GC_ERR_INIT;

    CHECK(run_pages(&t, &err, pages, 3, 2) == 0);
    CHECK(t.n_pages == 2 && t.truncated == 1);
    CHECK_STR(t.buf, "First page of the resume\n\fSecond page of the resume\n");
    gc_text_free(&t);

    gc_limits lim = GC_LIMITS_INIT;
    char *pdf;
    size_t len = pdfgen(&pdf, pages, 3, NULL, NULL, 0);
    gc_text_init(&t, 30);
    gc_err_clear(&err);
    CHECK(gc_extract_pdf(&t, (const unsigned char *)pdf, len, &lim, &err) == GC_ELIMIT);
    CHECK_STR(err.detail, "text_bytes");
    gc_text_free(&t);
    g_free(pdf);
}

static void test_no_text_and_corrupt(void)
{
    static const char blank[] = "0 0 1 rg 100 100 200 200 re f";
    static const char junk[] = "BT /F1 11 Tf 72 720 Td (\\001\\002\\003) Tj ET";
    const char *pages[] = {blank};
    gc_text t;
    gc_err err = GC_ERR_INIT;
    gc_limits lim = GC_LIMITS_INIT;

    CHECK(run_pages(&t, &err, pages, 1, 50) == GC_ENOTEXT);
    CHECK_STR(err.detail, "no_text");
    CHECK_STR(err.msg, "no extractable text: no text layer, and no scanned page to OCR");
    gc_text_free(&t);
    pages[0] = junk;
    CHECK(run_pages(&t, &err, pages, 1, 50) == GC_ENOTEXT);
    CHECK(t.len == 0 || strchr(t.buf, '\001') == NULL);
    gc_text_free(&t);

    static const unsigned char garbage[] = "%PDF-1.4\nthis is not a pdf at all";
    gc_text_init(&t, lim.text_bytes);
    gc_err_clear(&err);
    CHECK(gc_extract_pdf(&t, garbage, sizeof garbage - 1, &lim, &err) == GC_ECORRUPT);
    CHECK(strncmp(err.detail, "pdf_", 4) == 0);
    gc_text_free(&t);
    gc_err_clear(&err);
    CHECK(gc_extract_pdf(&t, NULL, 0, &lim, &err) == GC_ECORRUPT);
    gc_text_free(&t);
}

/* Extracts a corpus file with OCR as `ocr` says; NULL text if it cannot
 * be read. */
static int run_file_ocr(gc_text *t, gc_err *err, const char *name, gc_ocr_mode ocr)
{
    gc_limits lim = GC_LIMITS_INIT;
    char path[512], *data = NULL;
    gsize len = 0;
    int rc;

    lim.ocr = ocr;
    /* What OCR reads must not depend on the machine's speed or load (or a
     * sanitizer's): budgets far beyond a page's second or two. */
    lim.timeout_ms = 600000;
    lim.ocr_page_ms = 300000;
    snprintf(path, sizeof path, CORPUS "%s", name);
    gc_text_init(t, lim.text_bytes);
    gc_err_clear(err);
    if (!g_file_get_contents(path, &data, &len, NULL))
        return 1;
    rc = gc_extract_pdf(t, (const unsigned char *)data, len, &lim, err);
    g_free(data);
    return rc;
}

static int run_file(gc_text *t, gc_err *err, const char *name)
{
    return run_file_ocr(t, err, name, GC_OCR_NEVER);
}

static void test_corpus_expected(void)
{
    gc_text t;
    gc_err err = GC_ERR_INIT;

    CHECK(run_file(&t, &err, "encrypted-userpw-educator.pdf") == GC_EENCRYPTED);
    CHECK_STR(err.detail, "encrypted");
    CHECK_STR(err.msg, "document is encrypted: ask for an unprotected copy");
    gc_text_free(&t);
    CHECK(run_file(&t, &err, "scanned-image-only-two-column.pdf") == GC_ENOTEXT);
    CHECK(t.warnings == GC_WARN_OCR_INCOMPLETE);   /* it wanted OCR */
    gc_text_free(&t);
    CHECK(run_file(&t, &err, "usf-image-only-quartz.pdf") == GC_ENOTEXT);
    gc_text_free(&t);

    /* With OCR: the scan is read, page 1 is recorded, its lines marked. */
    CHECK(run_file_ocr(&t, &err, "usf-image-only-quartz.pdf", GC_OCR_AUTO) == 0);
    CHECK(t.ocr.n_pages == 1 && t.ocr.pages != NULL && t.ocr.pages[0] == 1);
    CHECK(t.ocr.words > 200 && t.ocr.conf_sum / t.ocr.words > 80);
    CHECK(t.ocr.n_lines == 1 && t.ocr.lines[0] == 1 && t.ocr.lines[1] > 20);
    CHECK(find(&t, "MySQL") != NULL && find(&t, "Python") != NULL);
    CHECK_STR(t.ocr.lang, "eng");
    CHECK(t.warnings == 0);
    gc_text_free(&t);

    /* The broken font encoding: garbled, kept and flagged without OCR,
     * read again with it. */
    CHECK(run_file(&t, &err, "usf-xetex-quartz-4p.pdf") == 0);
    CHECK(t.warnings == GC_WARN_GARBLED && t.ocr.n_pages == 0);
    gc_text_free(&t);
    CHECK(run_file_ocr(&t, &err, "usf-xetex-quartz-4p.pdf", GC_OCR_AUTO) == 0);
    CHECK(t.warnings == 0 && t.ocr.n_pages == 4);
    CHECK(find(&t, "Analytics") != NULL);
    gc_text_free(&t);

    /* The keyword block is white 1 pt text: none of it may come through. */
    CHECK(run_file(&t, &err, "adsit-pdfmaker-hidden-keywords.pdf") == 0);
    CHECK(t.n_hidden > 10000);
    CHECK(find(&t, "CipherScruples") == NULL);
    gc_text_free(&t);

    /* Left column, then right: the summary must not be cut by the sidebar. */
    CHECK(run_file(&t, &err, "awesome-cv-twocolumn.pdf") == 0);
    CHECK(find(&t, "accumsan rhoncus.") != NULL && find(&t, "ShitOne Corp.") != NULL);
    CHECK(find(&t, "accumsan rhoncus.") < find(&t, "ShitOne Corp."));
    CHECK(find(&t, "ullamcorper") != NULL);
    gc_text_free(&t);

    CHECK(run_file(&t, &err, "rm-chromium-modern-two-column.pdf") == 0);
    CHECK(find(&t, "PROJECTS") != NULL && find(&t, "SKILLS") != NULL);
    CHECK(find(&t, "PROJECTS") < find(&t, "SKILLS"));
    gc_text_free(&t);
}

/* Every corpus PDF: the expected status, valid UTF-8, no C0 controls. */
static void test_corpus_all(void)
{
    GDir *dir = g_dir_open(CORPUS, 0, NULL);
    const char *name;
    int n = 0;

    while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
        gc_text t;
        gc_err err = GC_ERR_INIT;
        int rc, ok_ctl = 1;

        if (!g_str_has_suffix(name, ".pdf"))
            continue;
        rc = run_file(&t, &err, name);
        n++;
        if (strstr(name, "encrypted-") == name)
            CHECK(rc == GC_EENCRYPTED);
        else if (strstr(name, "image-only") != NULL)
            CHECK(rc == GC_ENOTEXT);
        else if (rc != 0) {
            fprintf(stderr, "%s: %s\n", name, err.msg);
            CHECK(rc == 0);
        }
        /* Only the PDF with a broken font encoding has a garbled text
         * layer (issue 17.4); no normal one is flagged. */
        if (strcmp(name, "usf-xetex-quartz-4p.pdf") == 0)
            CHECK(t.warnings == GC_WARN_GARBLED);
        else if (t.warnings & GC_WARN_GARBLED) {
            fprintf(stderr, "%s: flagged garbled\n", name);
            CHECK(!(t.warnings & GC_WARN_GARBLED));
        }
        CHECK(t.len == 0 || g_utf8_validate(t.buf, (gssize)t.len, NULL));
        for (size_t i = 0; i < t.len; i++)
            if ((unsigned char)t.buf[i] < 0x20 && !strchr("\t\n\f", t.buf[i]))
                ok_ctl = 0;
        CHECK(ok_ctl);
        gc_text_free(&t);
    }
    if (dir != NULL)
        g_dir_close(dir);
    CHECK(n == 47);
}

/* poppler reports syntax warnings through g_log; the CLI silences them, and
 * so does this test, standing in for it. */
static void quiet_log(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data)
{
    (void)domain, (void)level, (void)msg, (void)data;
}

int main(void)
{
    g_log_set_default_handler(quiet_log, NULL);
    setenv("OMP_THREAD_LIMIT", "1", 1);   /* as the command line does */
    test_two_columns();
    test_label_column();
    test_hidden();
    test_white_on_dark();
    test_dehyphenation();
    test_soft_hyphen();
    test_pages_and_limits();
    test_no_text_and_corrupt();
    if (g_file_test(CORPUS, G_FILE_TEST_IS_DIR)) {
        test_corpus_expected();
        test_corpus_all();
    } else {
        printf("test_extract_pdf: skipped: no ../shared/corpus\n");
    }
    return test_summary("test_extract_pdf");
}
