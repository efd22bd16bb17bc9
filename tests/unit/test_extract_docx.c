/* DOCX extraction and the zip/XML safety limits, on packages built in memory
 * with libzip at test time (no binary fixtures), plus corpus checks when
 * ../shared/corpus is present. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "extract/extract.h"
#include "harness.h"

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define MC_NS "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
#define DOC_OPEN "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" \
                 "<w:document " W_NS " " MC_NS "><w:body>"
#define DOC_CLOSE "</w:body></w:document>"

struct part {
    const char *name;
    const void *data;
    size_t len;        /* 0: strlen(data) */
    int encrypt;
};

/* Writes the parts into a zip held in memory; the caller frees the result. */
static unsigned char *make_zip(const struct part *parts, size_t n, size_t *len_out)
{
    zip_error_t ze;
    zip_source_t *buf, *src;
    zip_t *za;
    zip_stat_t st;
    unsigned char *out = NULL;
    size_t i;

    zip_error_init(&ze);
    buf = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_source_keep(buf);
    za = zip_open_from_source(buf, ZIP_TRUNCATE, &ze);
    for (i = 0; i < n; i++) {
        size_t len = parts[i].len ? parts[i].len : strlen(parts[i].data);
        zip_int64_t idx;
        src = zip_source_buffer_create(parts[i].data, len, 0, &ze);
        idx = zip_file_add(za, parts[i].name, src, 0);
        if (idx < 0)
            fprintf(stderr, "zip_file_add %s failed\n", parts[i].name);
        if (parts[i].encrypt)
            zip_file_set_encryption(za, (zip_uint64_t)idx, ZIP_EM_TRAD_PKWARE, "secret");
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

/* Runs the DOCX extractor on a one-part package. */
static int docx_of(const char *document_xml, const gc_limits *lim, gc_text *t, gc_err *e)
{
    struct part p[] = {{"word/document.xml", document_xml, 0, 0}};
    size_t len = 0;
    unsigned char *zip = make_zip(p, 1, &len);
    int rc;

    gc_text_init(t, lim->text_bytes);
    gc_err_clear(e);
    rc = gc_extract_docx(t, zip, len, lim, e);
    free(zip);
    return rc;
}

static void test_body_features(void)
{
    static const char doc[] = DOC_OPEN
        "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
        "<w:r><w:t>Skills</w:t><w:tab/><w:t>Python</w:t><w:br/><w:t>Go</w:t></w:r></w:p>"
        "<w:p><w:del><w:r><w:delText>COBOL</w:delText></w:r></w:del>"
        "<w:r><w:instrText> HYPERLINK \"x\" </w:instrText></w:r>"
        "<w:r><w:t xml:space=\"preserve\">Rust </w:t></w:r>"
        "<w:ins><w:r><w:t>Zig</w:t></w:r></w:ins></w:p>"
        "<w:p/><w:p/>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>a2</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>d</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>"
        "<w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        DOC_CLOSE;
    gc_limits lim = GC_LIMITS_INIT;
    gc_text t;
    gc_err e;

    CHECK(docx_of(doc, &lim, &t, &e) == 0);
    CHECK_STR(t.buf, "Skills\tPython\nGo\nRust Zig\na\na2\tb\n\td\nBoxed\n");
    gc_text_free(&t);
}

static void test_parts_order(void)
{
    static const char hdr[] = "<w:hdr " W_NS "><w:p><w:r><w:t>HEAD</w:t></w:r></w:p></w:hdr>";
    static const char hdr2[] = "<w:hdr " W_NS "><w:p><w:r><w:t>HEAD2</w:t></w:r></w:p></w:hdr>";
    static const char ftr[] = "<w:ftr " W_NS "><w:p><w:r><w:t>FOOT</w:t></w:r></w:p></w:ftr>";
    static const char notes[] = "<w:footnotes " W_NS ">"
        "<w:footnote w:type=\"separator\" w:id=\"-1\">"
        "<w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id=\"1\"><w:p><w:r>"
        "<w:t>NOTE</w:t></w:r></w:p></w:footnote></w:footnotes>";
    static const char body[] = DOC_OPEN "<w:p><w:r><w:t>BODY</w:t></w:r></w:p>" DOC_CLOSE;
    struct part p[] = {
        {"word/footer1.xml", ftr, 0, 0},   {"word/header10.xml", hdr2, 0, 0},
        {"word/document.xml", body, 0, 0}, {"word/header2.xml", hdr, 0, 0},
        {"word/header3.xml", hdr, 0, 0},   {"word/footnotes.xml", notes, 0, 0},
    };
    gc_limits lim = GC_LIMITS_INIT;
    size_t len = 0;
    unsigned char *zip = make_zip(p, sizeof p / sizeof p[0], &len);
    gc_text t;
    gc_err e = GC_ERR_INIT;

    gc_text_init(&t, lim.text_bytes);
    CHECK(gc_extract_docx(&t, zip, len, &lim, &e) == 0);
    /* Natural order (header2 before header10); header3 repeats header2. */
    CHECK_STR(t.buf, "HEAD\nHEAD2\nBODY\nNOTE\nFOOT\n");
    gc_text_free(&t);
    free(zip);
}

/* A repeated header is dropped only when its whole text already stands at a
 * line start: not when it ends another line, and also when it is a later
 * line of an earlier header. */
static void test_header_dedupe(void)
{
#define HDR(text) "<w:hdr " W_NS "><w:p><w:r><w:t>" text "</w:t></w:r></w:p></w:hdr>"
    struct part p[] = {
        {"word/header1.xml", HDR("xHEAD"), 0, 0},
        {"word/header2.xml", HDR("HEAD"), 0, 0},
        {"word/header3.xml", "<w:hdr " W_NS "><w:p><w:r><w:t>A</w:t></w:r></w:p>"
                             "<w:p><w:r><w:t>B</w:t></w:r></w:p></w:hdr>", 0, 0},
        {"word/header4.xml", HDR("B"), 0, 0},
        {"word/header5.xml", HDR("xHEAD"), 0, 0},
        {"word/document.xml", DOC_OPEN "<w:p><w:r><w:t>BODY</w:t></w:r></w:p>" DOC_CLOSE, 0, 0},
    };
#undef HDR
    gc_limits lim = GC_LIMITS_INIT;
    size_t len = 0;
    unsigned char *zip = make_zip(p, sizeof p / sizeof p[0], &len);
    gc_text t;
    gc_err e = GC_ERR_INIT;

    gc_text_init(&t, lim.text_bytes);
    CHECK(gc_extract_docx(&t, zip, len, &lim, &e) == 0);
    CHECK_STR(t.buf, "xHEAD\nHEAD\nA\nB\nBODY\n");
    gc_text_free(&t);
    free(zip);
}

static void expect(const char *doc, const gc_limits *lim, int code, const char *detail)
{
    gc_text t;
    gc_err e;

    CHECK(docx_of(doc, lim, &t, &e) == code);
    CHECK_STR(e.detail, detail);
    gc_text_free(&t);
}

static void test_xml_attacks(void)
{
    static const char doctype[] = "<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE w:document>"
        "<w:document " W_NS "><w:body/></w:document>";
    static const char xxe[] = "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        "<w:document " W_NS "><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
    static const char broken[] = DOC_OPEN "<w:p><w:r><w:t>ZZPII-123-45-6789</w:t></w:p>" DOC_CLOSE;
    gc_limits lim = GC_LIMITS_INIT;
    gc_text t;
    gc_err e;

    expect(doctype, &lim, GC_ECORRUPT, "dtd_forbidden");
    expect(xxe, &lim, GC_ECORRUPT, "dtd_forbidden");
    CHECK(docx_of(broken, &lim, &t, &e) == GC_ECORRUPT);
    CHECK_STR(e.detail, "xml");
    CHECK(strstr(e.msg, "ZZPII") == NULL && e.line == 2);
    gc_text_free(&t);
}

/* UTF-16 hides the DOCTYPE from the byte-level prologue scan, so this one
 * must be caught by the reader's DOCUMENT_TYPE node check. */
static void test_doctype_utf16(void)
{
    static const char ascii[] = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE a [<!ENTITY "
        "x \"boom\">]><a>&x;</a>";
    unsigned char u16[2 + 2 * sizeof ascii];
    size_t i, n = strlen(ascii);
    struct part p[] = {{"word/document.xml", u16, 2 + 2 * n, 0}};
    gc_limits lim = GC_LIMITS_INIT;
    size_t len = 0;
    unsigned char *zip;
    gc_text t;
    gc_err e = GC_ERR_INIT;

    u16[0] = 0xFF;
    u16[1] = 0xFE;
    for (i = 0; i < n; i++) {
        u16[2 + 2 * i] = (unsigned char)ascii[i];
        u16[3 + 2 * i] = 0;
    }
    zip = make_zip(p, 1, &len);
    gc_text_init(&t, lim.text_bytes);
    CHECK(gc_extract_docx(&t, zip, len, &lim, &e) == GC_ECORRUPT);
    CHECK_STR(e.detail, "dtd_forbidden");
    CHECK(t.len == 0);
    gc_text_free(&t);
    free(zip);
}

static char *nested(size_t levels)
{
    const char *open = "<w:sdt>", *close = "</w:sdt>";
    size_t n = strlen(DOC_OPEN) + levels * (strlen(open) + strlen(close)) + strlen(DOC_CLOSE) + 1;
    char *s = malloc(n), *w = s;
    size_t i;

    w += sprintf(w, "%s", DOC_OPEN);
    for (i = 0; i < levels; i++)
        w += sprintf(w, "%s", open);
    for (i = 0; i < levels; i++)
        w += sprintf(w, "%s", close);
    sprintf(w, "%s", DOC_CLOSE);
    return s;
}

static void test_depth(void)
{
    gc_limits lim = GC_LIMITS_INIT;
    char *doc = nested(100);

    lim.xml_depth = 50;
    expect(doc, &lim, GC_ELIMIT, "xml_depth");
    lim.xml_depth = 256;
    gc_text t;
    gc_err e;
    CHECK(docx_of(doc, &lim, &t, &e) == 0); /* 102 levels fit */
    gc_text_free(&t);
    free(doc);
    /* 100k levels: libxml2's own limit (256) or ours fires first. */
    doc = nested(100000);
    expect(doc, &lim, GC_ELIMIT, "xml_depth");
    free(doc);
}

/* A document whose one <w:p> carries n attributes written as tightly as
 * XML allows (` a0=""`: the pre-scan's room bound), followed by `text`. */
static char *tight_attributes(unsigned n, const char *text)
{
    size_t cap = strlen(DOC_OPEN) + strlen(DOC_CLOSE) + strlen(text) + 16 * (size_t)n + 64;
    char *doc = malloc(cap), *w = doc;

    w += sprintf(w, "%s<w:p", DOC_OPEN);
    for (unsigned i = 0; i < n; i++)
        w += sprintf(w, " a%x=\"\"", i);
    sprintf(w, "><w:r><w:t>%s</w:t></w:r></w:p>%s", text, DOC_CLOSE);
    return doc;
}

/* The attribute cap (X7) at its edge: counted exactly when a tag has room
 * for more, and never tripped by text after a tag or by quoted '>'. */
static void test_attribute_cap(void)
{
    static const char quoted[] = DOC_OPEN
        "<w:p a=\">=>=>=>=>=>=>=>=>=>=>=>=>=>=>=>=>=>=>=>=>=>=>=\" b=\"1\">"
        "<w:r><w:t>ok</w:t></w:r></w:p>" DOC_CLOSE;
    gc_limits lim = GC_LIMITS_INIT;
    char eq[4001], *doc;
    gc_text t;
    gc_err e;

    lim.xml_attributes = 16;
    memset(eq, '=', sizeof eq - 1);
    eq[sizeof eq - 1] = '\0';
    doc = tight_attributes(16, eq);   /* 16 fit; 4,000 '=' of text are no attributes */
    CHECK(docx_of(doc, &lim, &t, &e) == 0 && strstr(t.buf, "====") != NULL);
    gc_text_free(&t);
    free(doc);
    /* Names a0..af are 2 bytes: 17 of them fill more than 5 × 17 bytes. */
    doc = tight_attributes(17, "x");
    expect(doc, &lim, GC_ELIMIT, "xml_attributes");
    free(doc);
    /* A '>' and '=' inside quoted values end nothing and count nothing. */
    lim.xml_attributes = 2;
    CHECK(docx_of(quoted, &lim, &t, &e) == 0 && strstr(t.buf, "ok") != NULL);
    gc_text_free(&t);
}

/* One text node over libxml2's 10 MB cap (and our 2 MiB text budget) is a
 * limit, not a corrupt file (docs/SECURITY.md X5). */
static void test_huge_text_node(void)
{
    gc_limits lim = GC_LIMITS_INIT;
    size_t n = 12u << 20;
    char *doc = malloc(n + 512), *w = doc;

    w += sprintf(w, "%s<w:p><w:r><w:t>", DOC_OPEN);
    memset(w, 'x', n);
    w += n;
    sprintf(w, "</w:t></w:r></w:p>%s", DOC_CLOSE);
    expect(doc, &lim, GC_ELIMIT, "text_bytes");
    free(doc);
}

static int zip_rc(const struct part *p, size_t n, const gc_limits *lim, gc_err *e)
{
    size_t len = 0;
    unsigned char *zip = make_zip(p, n, &len);
    gc_text t;
    int rc;

    gc_text_init(&t, lim->text_bytes);
    gc_err_clear(e);
    rc = gc_extract_docx(&t, zip, len, lim, e);
    gc_text_free(&t);
    free(zip);
    return rc;
}

static void test_zip_limits(void)
{
    static const char body[] = DOC_OPEN "<w:p><w:r><w:t>x</w:t></w:r></w:p>" DOC_CLOSE;
    static const char hdr[] = "<w:hdr " W_NS "><w:p><w:r><w:t>HEAD</w:t></w:r></w:p></w:hdr>";
    size_t big = 5u << 20;
    char *zeros = calloc(1, big);
    gc_limits lim = GC_LIMITS_INIT;
    gc_err e;
    struct part bomb[] = {{"word/document.xml", zeros, big, 0}};
    struct part two[] = {{"word/document.xml", body, 0, 0}, {"word/header1.xml", hdr, 0, 0}};
    struct part enc[] = {{"word/document.xml", body, 0, 1}};
    struct part dup[] = {{"word/document.xml", body, 0, 0}, {"Word/Document.xml", body, 0, 0}};
    struct part other[] = {{"notes.txt", "hello", 0, 0}};

    lim.zip_part_bytes = 1u << 20;
    CHECK(zip_rc(bomb, 1, &lim, &e) == GC_ELIMIT);
    CHECK_STR(e.detail, "zip_budget");
    lim = (gc_limits)GC_LIMITS_INIT;
    lim.zip_total_bytes = strlen(body) + 10; /* the header no longer fits */
    CHECK(zip_rc(two, 2, &lim, &e) == GC_ELIMIT);
    CHECK_STR(e.detail, "zip_budget");
    lim = (gc_limits)GC_LIMITS_INIT;
    lim.zip_entries = 1;
    CHECK(zip_rc(two, 2, &lim, &e) == GC_ELIMIT);
    CHECK_STR(e.detail, "zip_entries");
    lim = (gc_limits)GC_LIMITS_INIT;
    CHECK(zip_rc(enc, 1, &lim, &e) == GC_EENCRYPTED);
    CHECK(zip_rc(dup, 2, &lim, &e) == GC_ECORRUPT);
    CHECK_STR(e.detail, "zip_duplicate");
    CHECK(zip_rc(other, 1, &lim, &e) == GC_EFORMAT);
    CHECK_STR(e.msg, "not a DOCX file: 'word/document.xml' is missing");
    free(zeros);
}

static void test_dispatch(void)
{
    static const char body[] = DOC_OPEN "<w:p><w:r><w:t>hi</w:t></w:r></w:p>" DOC_CLOSE;
    struct part docx[] = {{"word/document.xml", body, 0, 0}};
    struct part other[] = {{"notes.txt", "hello", 0, 0}};
    gc_limits lim = GC_LIMITS_INIT;
    size_t len = 0;
    unsigned char *zip = make_zip(docx, 1, &len);
    gc_format fmt;
    gc_text t;
    gc_err e = GC_ERR_INIT;

    gc_text_init(&t, lim.text_bytes);
    CHECK(gc_extract(&t, &fmt, zip, len, &lim, &e) == 0 && fmt == GC_FMT_DOCX);
    CHECK_STR(t.buf, "hi\n");
    gc_text_free(&t);
    free(zip);
    zip = make_zip(other, 1, &len);
    CHECK(gc_extract(&t, &fmt, zip, len, &lim, &e) == GC_EFORMAT && fmt == GC_FMT_ZIP);
    CHECK_STR(e.msg, "unsupported format: zip archive that is not DOCX or ODT");
    gc_text_free(&t);
    free(zip);
}

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    unsigned char *b;

    if (f == NULL)
        return NULL;
    b = malloc(2u << 20);
    *len = fread(b, 1, 2u << 20, f);
    fclose(f);
    return b;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    const char *p = hay;

    while (p && (p = strstr(p, needle)) != NULL) {
        n++;
        p++;
    }
    return n;
}

static int corpus_text(const char *name, gc_text *t)
{
    char path[256];
    size_t len = 0;
    unsigned char *b;
    gc_limits lim = GC_LIMITS_INIT;
    gc_err e = GC_ERR_INIT;
    int rc;

    snprintf(path, sizeof path, "../shared/corpus/docx/%s", name);
    gc_text_init(t, lim.text_bytes);
    if ((b = slurp(path, &len)) == NULL)
        return 1;
    rc = gc_extract_docx(t, b, len, &lim, &e);
    free(b);
    return rc;
}

static void test_corpus(void)
{
    gc_text t;
    const char *edu;

    if (corpus_text("awesome-cv-fork-textboxes.docx", &t) == 1) {
        printf("corpus: skipped (../shared/corpus absent)\n");
        return;
    }
    /* Text-box text is written in mc:Choice and again in mc:Fallback. */
    CHECK(count(t.buf, "TEAM LEADER | SOFTWARE ARCH") == 1);
    CHECK(count(t.buf, "B1 Telc Certified") == 1);
    CHECK(count(t.buf, "Muze AI") == 1);
    gc_text_free(&t);
    CHECK(corpus_text("macword-contact-in-header.docx", &t) == 0);
    edu = t.buf ? strstr(t.buf, "EDUCATION") : NULL;
    /* The contact block lives in header1.xml and must come first. */
    CHECK(edu != NULL && count(t.buf, "github.com/") == 1 && strstr(t.buf, "github.com/") < edu);
    gc_text_free(&t);
}

int main(void)
{
    test_body_features();
    test_parts_order();
    test_header_dedupe();
    test_xml_attacks();
    test_doctype_utf16();
    test_depth();
    test_attribute_cap();
    test_huge_text_node();
    test_zip_limits();
    test_dispatch();
    test_corpus();
    return test_summary("test_extract_docx");
}
