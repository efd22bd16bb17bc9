/* ODT (zipped, built in memory at test time) and flat ODT extraction, plus
 * the corpus's OpenDocument files when ../shared/corpus is present. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "extract/extract.h"
#include "harness.h"

#define ODF_NS                                                             \
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""   \
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""       \
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""     \
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""     \
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""

#define BODY                                                                                 \
    "<office:body><office:text>"                                                             \
    "<text:tracked-changes><text:changed-region><text:deletion><text:p>GONE</text:p>"        \
    "</text:deletion></text:changed-region></text:tracked-changes>"                          \
    "<text:h>Skills</text:h>"                                                                \
    "<text:p><text:span>C</text:span> <text:span>and</text:span>\n  Go<text:s text:c=\"3\"/>" \
    "x<text:tab/>y<text:line-break/>z<office:annotation><text:p>NOTE</text:p>"               \
    "</office:annotation></text:p>"                                                          \
    "<text:p>fn<text:note><text:note-citation>1</text:note-citation><text:note-body>"        \
    "<text:p>foot</text:p></text:note-body></text:note></text:p>"                            \
    "<table:table><table:table-row><table:table-cell><text:p>a</text:p></table:table-cell>"  \
    "<table:table-cell><text:p>b</text:p></table:table-cell></table:table-row>"              \
    "</table:table></office:text></office:body>"

#define MASTER                                                                              \
    "<office:master-styles><style:master-page><style:header><text:p>HEAD</text:p>"         \
    "</style:header><style:footer><text:p>FOOT</text:p></style:footer></style:master-page>" \
    "</office:master-styles>"

#define EXPECTED "HEAD\nSkills\nC and Go   x\ty\nz\nfn\nfoot\na\tb\nFOOT\n"

static unsigned char *make_zip(const char *const *names, const char *const *data, size_t n,
                               size_t *len_out)
{
    zip_error_t ze;
    zip_source_t *buf;
    zip_t *za;
    zip_stat_t st;
    unsigned char *out = NULL;
    size_t i;

    zip_error_init(&ze);
    buf = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_source_keep(buf);
    za = zip_open_from_source(buf, ZIP_TRUNCATE, &ze);
    for (i = 0; i < n; i++) {
        zip_source_t *src = zip_source_buffer_create(data[i], strlen(data[i]), 0, &ze);
        zip_int64_t idx = zip_file_add(za, names[i], src, 0);
        /* ODF wants the mimetype entry first and stored, for sniffers. */
        if (i == 0 && idx >= 0)
            zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
    }
    zip_close(za);
    zip_stat_init(&st);
    if (zip_source_stat(buf, &st) == 0 && zip_source_open(buf) == 0) {
        out = malloc(st.size ? st.size : 1);
        *len_out = (size_t)zip_source_read(buf, out, st.size);
        zip_source_close(buf);
    }
    zip_source_free(buf);
    zip_error_fini(&ze);
    return out;
}

static void test_odt(void)
{
    static const char *const names[] = {"mimetype", "content.xml", "styles.xml"};
    static const char *const data[] = {
        "application/vnd.oasis.opendocument.text",
        "<?xml version=\"1.0\"?><office:document-content" ODF_NS ">" BODY
        "</office:document-content>",
        "<?xml version=\"1.0\"?><office:document-styles" ODF_NS ">"
        "<office:styles><text:p>NO</text:p>"
        "</office:styles>" MASTER "</office:document-styles>",
    };
    gc_limits lim = GC_LIMITS_INIT;
    size_t len = 0;
    unsigned char *zip = make_zip(names, data, 3, &len);
    gc_format fmt;
    gc_text t;
    gc_err e = GC_ERR_INIT;

    CHECK(gc_sniff(zip, len) == GC_FMT_ODT);
    gc_text_init(&t, lim.text_bytes);
    CHECK(gc_extract_odt(&t, zip, len, &lim, &e) == 0);
    CHECK_STR(t.buf, EXPECTED);
    gc_text_free(&t);
    CHECK(gc_extract(&t, &fmt, zip, len, &lim, &e) == 0 && fmt == GC_FMT_ODT);
    CHECK_STR(t.buf, EXPECTED);
    gc_text_free(&t);
    free(zip);
}

static void test_odt_errors(void)
{
    static const char *const names[] = {"mimetype", "content.xml"};
    static const char *const evil[] = {
        "application/vnd.oasis.opendocument.text",
        "<!DOCTYPE x [<!ENTITY a \"b\">]><office:document-content" ODF_NS "/>",
    };
    static const char *const sheet[] = {"application/vnd.oasis.opendocument.spreadsheet", "<x/>"};
    gc_limits lim = GC_LIMITS_INIT;
    size_t len = 0;
    unsigned char *zip = make_zip(names, evil, 2, &len);
    gc_format fmt;
    gc_text t;
    gc_err e = GC_ERR_INIT;

    gc_text_init(&t, lim.text_bytes);
    CHECK(gc_extract_odt(&t, zip, len, &lim, &e) == GC_ECORRUPT);
    CHECK_STR(e.detail, "dtd_forbidden");
    gc_text_free(&t);
    free(zip);
    zip = make_zip(names, sheet, 2, &len);
    gc_err_clear(&e);
    CHECK(gc_extract(&t, &fmt, zip, len, &lim, &e) == GC_EFORMAT && fmt == GC_FMT_ZIP);
    gc_text_free(&t);
    free(zip);
}

static void test_fodt(void)
{
    static const char fodt[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<office:document" ODF_NS " office:mimetype=\"application/vnd.oasis.opendocument.text\">\n"
        " <office:meta><dc:title>META</dc:title></office:meta>\n"
        " <office:styles><text:p>NO</text:p></office:styles>\n " MASTER "\n " BODY "\n"
        "</office:document>\n";
    const unsigned char *b = (const unsigned char *)fodt;
    gc_limits lim = GC_LIMITS_INIT;
    gc_format fmt;
    gc_text t;
    gc_err e = GC_ERR_INIT;

    CHECK(gc_sniff(b, strlen(fodt)) == GC_FMT_FODT);
    gc_text_init(&t, lim.text_bytes);
    CHECK(gc_extract(&t, &fmt, b, strlen(fodt), &lim, &e) == 0 && fmt == GC_FMT_FODT);
    CHECK_STR(t.buf, EXPECTED);
    gc_text_free(&t);
}

static void test_corpus(void)
{
    static const char *const files[] = {
        "libreoffice74-fullstack-dev.fodt", "openoffice32-software-eng.odt",
        "tomasino-pandoc-tech-director.odt",
    };
    gc_limits lim = GC_LIMITS_INIT;
    size_t i;

    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[256];
        FILE *f;
        unsigned char *b;
        size_t len;
        gc_text t;
        gc_err e = GC_ERR_INIT;

        snprintf(path, sizeof path, "../shared/corpus/other/%s", files[i]);
        if ((f = fopen(path, "rb")) == NULL) {
            printf("corpus: skipped (%s absent)\n", path);
            return;
        }
        b = malloc(4u << 20);
        len = fread(b, 1, 4u << 20, f);
        fclose(f);
        gc_text_init(&t, lim.text_bytes);
        CHECK(gc_extract(&t, NULL, b, len, &lim, &e) == 0 && t.len > 1000);
        gc_text_free(&t);
        free(b);
    }
}

int main(void)
{
    test_odt();
    test_odt_errors();
    test_fodt();
    test_corpus();
    return test_summary("test_extract_odt");
}
