/* Word 97-2003: the text of the generated fixtures (scripts/make-fixtures-doc,
 * scripts/wordbin.py), the stories' order, fields, tables, refusals, and
 * damage to the FIB and the piece table done here byte by byte. */
#include <stdlib.h>
#include <string.h>

#include "gapcheck.h"
#include "extract/extract.h"
#include "harness.h"

static char *load(const char *path, size_t *len)
{
    gc_err e = GC_ERR_INIT;
    char *buf = NULL;

    if (gc_read_file(&buf, len, path, 1u << 20, &e) < 0) {
        fprintf(stderr, "cannot read %s: %s\n", path, e.msg);
        exit(1);
    }
    return buf;
}

static int doc(const char *data, size_t len, gc_text *t, gc_err *e)
{
    gc_limits lim = GC_LIMITS_INIT;

    gc_text_init(t, lim.text_bytes);
    gc_err_clear(e);
    return gc_extract_doc(t, (const unsigned char *)data, len, &lim, e);
}

static void test_fixture(void)
{
    size_t len;
    char *d = load("tests/fixtures/resumes/word97-sre.doc", &len);
    gc_text t;
    gc_err e;

    CHECK(doc(d, len, &t, &e) == 0);
    CHECK(t.buf && strncmp(t.buf, "Marta Kowalczyk\nSite Reliability Engineer\tKrakow", 48) == 0);
    /* The optional hyphen is gone, the field result kept, its code not. */
    CHECK(t.buf && strstr(t.buf, "Moved 140 services to Kubernetes with Helm") != NULL);
    CHECK(t.buf && strstr(t.buf, "\nStatus: our status page.\n") != NULL);
    CHECK(t.buf && strstr(t.buf, "Haskell") == NULL && strstr(t.buf, "ansible") == NULL);
    CHECK(t.buf && strstr(t.buf, "MERGEFIELD") == NULL && strstr(t.buf, "HYPERLINK") == NULL);
    /* Table rows: cells by tabs, the row-end mark ends the line. */
    CHECK(t.buf && strstr(t.buf, "\nCloud\tAWS, Terraform, Packer\nContainers\t") != NULL);
    /* The UTF-16 piece, then footnotes, then headers. */
    CHECK(t.buf && strstr(t.buf, "Wydzia\xC5\x82 Informatyki \xE2\x80\x93 Computer") != NULL);
    CHECK(t.buf && strstr(t.buf, "(Krak\xC3\xB3w, 2015)\nDatabases at Zbyszko: PostgreSQL") !=
                       NULL);
    CHECK(t.buf && strstr(t.buf, "\xC2\xB7 Linux systems \xC2\xB7 page 1\n") != NULL);
    gc_text_free(&t);
    free(d);
}

static void test_seeds(void)
{
    size_t len;
    char *d = load("tests/fuzz/corpus/doc/stories.doc", &len);
    gc_text t;
    gc_err e;

    /* Main, footnotes, endnotes, text boxes, headers, header text boxes;
     * annotations and macros are not read. */
    CHECK(doc(d, len, &t, &e) == 0);
    CHECK_STR(t.buf, "Main text Python\nFootnote Go\nEndnote Java\nTextbox Redis\n"
                     "Header Linux\nHdrTxbx Bash\n");
    gc_text_free(&t);
    free(d);
    d = load("tests/fuzz/corpus/doc/two-pieces.doc", &len);
    CHECK(doc(d, len, &t, &e) == 0);
    /* Nested fields inside a field code are dropped with it; a surrogate
     * pair in a UTF-16 piece is one character. */
    CHECK_STR(t.buf, "Kubernetes 1 and Docker\nA\tB\nZa\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 "
                     "PostgreSQL \xF0\x9F\x98\x80\n");
    gc_text_free(&t);
    free(d);
    d = load("tests/fuzz/corpus/doc/table0.doc", &len);   /* 0Table */
    CHECK(doc(d, len, &t, &e) == 0);
    CHECK(t.buf && strncmp(t.buf, "Kubernetes 1", 12) == 0);
    gc_text_free(&t);
    free(d);
    d = load("tests/fuzz/corpus/doc/encrypted.doc", &len);
    CHECK(doc(d, len, &t, &e) == GC_EENCRYPTED);
    gc_text_free(&t);
    free(d);
    d = load("tests/fuzz/corpus/doc/word95.doc", &len);
    CHECK(doc(d, len, &t, &e) == GC_EFORMAT);
    CHECK_STR(e.detail, "word95");
    gc_text_free(&t);
    free(d);
}

/* Byte offsets in the files wordbin.py writes: the FIB is at the start of
 * WordDocument (sector 1, the first after the FAT and the directory). */
static char *find_fib(char *d, size_t len)
{
    for (size_t i = 512; i + 2 <= len; i += 512)
        if ((unsigned char)d[i] == 0xEC && (unsigned char)d[i + 1] == 0xA5)
            return d + i;
    return NULL;
}

static void put32(char *p, unsigned v)
{
    p[0] = (char)(v & 0xFF);
    p[1] = (char)(v >> 8 & 0xFF);
    p[2] = (char)(v >> 16 & 0xFF);
    p[3] = (char)(v >> 24 & 0xFF);
}

static void test_damage(void)
{
    size_t len;
    char *d = load("tests/fixtures/resumes/word97-sre.doc", &len), *copy = malloc(len);
    char *fib = find_fib(d, len);
    gc_text t;
    gc_err e;

    CHECK(fib != NULL);
    if (fib == NULL)
        return;
    /* A main text claiming 2^31 characters reads the pieces there are. */
    memcpy(copy, d, len);
    put32(copy + (fib - d) + 0x4C, 0x80000000u);
    CHECK(doc(copy, len, &t, &e) == 0);
    CHECK(t.buf && strstr(t.buf, "Kubernetes") != NULL);
    gc_text_free(&t);
    /* fcClx past the table stream. */
    memcpy(copy, d, len);
    put32(copy + (fib - d) + 0x9A + 33 * 8, 0x7FFFFFF0u);
    CHECK(doc(copy, len, &t, &e) == GC_ECORRUPT);
    CHECK_STR(e.detail, "doc_clx");
    gc_text_free(&t);
    /* cbRgFcLcb too small to hold fcClx. */
    memcpy(copy, d, len);
    copy[(fib - d) + 0x98] = 10;
    copy[(fib - d) + 0x99] = 0;
    CHECK(doc(copy, len, &t, &e) == GC_ECORRUPT);
    CHECK_STR(e.detail, "doc_fib");
    gc_text_free(&t);
    /* Not a FIB at all. */
    memcpy(copy, d, len);
    copy[fib - d] = 0;
    CHECK(doc(copy, len, &t, &e) == GC_ECORRUPT);
    CHECK_STR(e.detail, "doc_fib");
    gc_text_free(&t);
    /* Not an OLE2 file. */
    CHECK(doc("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, &t, &e) == GC_ECORRUPT);
    CHECK_STR(e.detail, "cfb");
    gc_text_free(&t);
    free(copy);
    free(d);
}

int main(void)
{
    test_fixture();
    test_seeds();
    test_damage();
    return test_summary("test_extract_doc");
}
