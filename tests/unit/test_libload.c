/* libload's failure path: with sonames that do not exist, every library is
 * refused once and for all, and each extractor turns that into its own
 * GC_EFORMAT record ("pdf_library", "xml_library", "zip_library") instead
 * of crashing.  The real libraries' success path is what every other test
 * and the golden CLI tests run through. */
#include <string.h>

#include "harness.h"

#undef GC_POPPLER_SONAME
#undef GC_XML_SONAME
#undef GC_ZIP_SONAME
#undef GC_GSF_SONAME
#undef GC_MD_SONAME
#define GC_POPPLER_SONAME "libgapcheck-test-missing-poppler.so.0"
#define GC_XML_SONAME "libgapcheck-test-missing-xml.so.0"
#define GC_ZIP_SONAME "libgapcheck-test-missing-zip.so.0"
#define GC_GSF_SONAME "libgapcheck-test-missing-gsf.so.0"
#define GC_MD_SONAME "libgapcheck-test-missing-md.so.0"
#include "../../src/extract/libload.c"
#include "../../src/extract/pdf_lib.c"
#include "../../src/extract/xml_lib.c"
#include "../../src/extract/zip_lib.c"
#include "../../src/extract/gsf_lib.c"
#include "../../src/extract/md_lib.c"

#include "extract/extract.h"
#include "gc_limits.h"
#include "base/text.h"

static void check_refused(gc_err *err, const char *detail, const char *what, const char *soname)
{
    CHECK(err->code == GC_EFORMAT);
    CHECK_STR(err->detail, detail);
    CHECK(strstr(err->msg, what) != NULL);
    CHECK(strstr(err->msg, soname) != NULL);
}

static void check_extract(int (*fn)(gc_text *, const unsigned char *, size_t,
                                    const gc_limits *, gc_err *),
                          const char *data, const char *detail)
{
    gc_limits lim = GC_LIMITS_INIT;
    gc_err err = GC_ERR_INIT;
    gc_text t;

    gc_text_init(&t, lim.text_bytes);
    CHECK(fn(&t, (const unsigned char *)data, strlen(data), &lim, &err) == GC_EFORMAT);
    CHECK_STR(err.detail, detail);
    gc_text_free(&t);
}

/* A dependency whose build-time path is gone is found by its soname.
 * libanl (glibc's, always installed) because nothing this test links, the
 * sanitizer builds included, loads it. */
static void check_dep_fallback(void)
{
    const char *so = "libanl.so.1";

    CHECK(dlopen(so, RTLD_NOW | RTLD_NOLOAD) == NULL);
    open_dep("/gapcheck-test-missing-dir/libanl.so.1");
    CHECK(dlopen(so, RTLD_NOW | RTLD_NOLOAD) != NULL);
    open_dep("/gapcheck-test-missing-dir/libgapcheck-test-missing.so.0");   /* no crash */
}

int main(void)
{
    gc_err err = GC_ERR_INIT;

    check_dep_fallback();

    CHECK(gc_pdf_lib(&err) == NULL);
    check_refused(&err, "pdf_library", "PDF support is not available", GC_POPPLER_SONAME);
    gc_err_clear(&err);
    CHECK(gc_pdf_lib(&err) == NULL);   /* refused once and for all */
    CHECK(pdf_lib.state == -1);
    check_refused(&err, "pdf_library", "PDF", GC_POPPLER_SONAME);
    gc_err_clear(&err);
    CHECK(gc_xml_lib(&err) == NULL);
    check_refused(&err, "xml_library", "DOCX, ODT and HTML", GC_XML_SONAME);
    gc_err_clear(&err);
    CHECK(gc_zip_lib(&err) == NULL);
    check_refused(&err, "zip_library", "DOCX and ODT", GC_ZIP_SONAME);
    CHECK(gc_pdf_lib(NULL) == NULL);   /* a NULL err is allowed */

    check_extract(gc_extract_pdf, "%PDF-1.4\n%%EOF\n", "pdf_library");
    check_extract(gc_extract_docx, "PK\x03\x04", "zip_library");
    check_extract(gc_extract_html, "<html><body>Python</body></html>", "xml_library");
    gc_err_clear(&err);
    CHECK(gc_gsf_lib(&err) == NULL);
    check_refused(&err, "gsf_library", "Word 97-2003 (.doc)", GC_GSF_SONAME);
    gc_err_clear(&err);
    CHECK(gc_md_lib(&err) == NULL);
    check_refused(&err, "md_library", "Markdown", GC_MD_SONAME);
    check_extract(gc_extract_doc, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "gsf_library");
    check_extract(gc_extract_markdown, "# Python\n", "md_library");
    return test_summary("test_libload");
}
