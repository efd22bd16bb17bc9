/* gc_doc's serialised form: a round trip keeps everything, and the
 * decoder rejects every truncated or corrupted buffer instead of trusting
 * it (the bytes come from a child process that parsed hostile input). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "testdata.h"

static int same(const gc_doc *a, const gc_doc *b, const gc_data *d)
{
    if (gc_doc_n_found(a) != gc_doc_n_found(b) || gc_doc_n_misses(a) != gc_doc_n_misses(b) ||
        gc_doc_n_sections(a) != gc_doc_n_sections(b) ||
        strcmp(gc_doc_format(a), gc_doc_format(b)) != 0)
        return 0;
    for (size_t i = 0; i < gc_data_n_skills(d); i++) {
        if (gc_doc_how(a, i) != gc_doc_how(b, i) ||
            gc_doc_n_evidence(a, i) != gc_doc_n_evidence(b, i))
            return 0;
        for (size_t k = 0; k < gc_doc_n_evidence(a, i); k++) {
            unsigned la, lb;
            const char *sa, *sb, *ma, *mb;
            if (strcmp(gc_doc_evidence(a, i, k, &la, &sa, &ma),
                       gc_doc_evidence(b, i, k, &lb, &sb, &mb)) || la != lb ||
                strcmp(ma, mb) || (sa == NULL) != (sb == NULL))
                return 0;
        }
    }
    return 1;
}

int main(void)
{
    gc_data *d = load_mini();
    gc_doc *doc = analyze_str(d, "Skills\nPython, MySQL, EC2\nGo-to-market\n"), *back = NULL;
    gc_err err = GC_ERR_INIT;
    char *buf = NULL;
    size_t len = 0;

    CHECK(gc_doc_encode(&buf, &len, doc, &err) == 0);
    CHECK(gc_doc_decode(&back, d, buf, len, &err) == 0);
    CHECK(back != NULL && same(doc, back, d));
    gc_doc_free(back);
    /* every truncation is refused */
    int all_refused = 1;
    for (size_t n = 0; n < len; n++) {
        back = NULL;
        if (gc_doc_decode(&back, d, buf, n, &err) == 0)
            all_refused = 0;
        gc_doc_free(back);
        gc_err_clear(&err);
    }
    CHECK(all_refused);
    /* random corruption never crashes; what is accepted is self-consistent */
    srand(7);
    for (int round = 0; round < 2000; round++) {
        char *bad = malloc(len);
        memcpy(bad, buf, len);
        for (int k = 0; k < 4; k++)
            bad[rand() % len] = (char)rand();
        back = NULL;
        if (gc_doc_decode(&back, d, bad, len, &err) == 0)
            for (size_t i = 0; i < gc_doc_n_found(back); i++)
                CHECK(gc_doc_found_skill(back, i) < gc_data_n_skills(d));
        gc_doc_free(back);
        gc_err_clear(&err);
        free(bad);
    }
    /* an error document round-trips with its code and message */
    gc_err e2 = GC_ERR_INIT;
    gc_err_set(&e2, GC_EENCRYPTED, NULL, 0, 0, "document is encrypted");
    gc_doc *ed = gc_doc_new_error(d, &e2);
    free(buf);
    CHECK(gc_doc_encode(&buf, &len, ed, &err) == 0);
    CHECK(gc_doc_decode(&back, d, buf, len, &err) == 0);
    CHECK(back && gc_doc_error(back) && gc_doc_error(back)->code == GC_EENCRYPTED);
    CHECK(back && strcmp(gc_doc_error(back)->msg, "document is encrypted") == 0);
    gc_doc_free(back);
    gc_doc_free(ed);
    free(buf);
    /* an error code the core never sets is refused, INT_MIN included
     * (fuzz_decode: -INT_MIN overflowed in gc_code_name) */
    CHECK_STR(gc_code_name(INT_MIN), "unknown");
    CHECK_STR(gc_code_name(1), "unknown");
    CHECK_STR(gc_strerror(INT_MIN), "unknown error");
    CHECK_STR(gc_code_name(GC_EUSAGE), "usage");
    for (int bad_code = 0; bad_code < 3; bad_code++) {
        gc_err e3 = GC_ERR_INIT;
        e3.code = bad_code == 0 ? INT_MIN : bad_code == 1 ? 5 : GC_EUSAGE - 1;
        ed = gc_doc_new_error(d, &e3);
        buf = NULL;
        back = NULL;
        CHECK(gc_doc_encode(&buf, &len, ed, &err) == 0);
        CHECK(gc_doc_decode(&back, d, buf, len, &err) < 0 && back == NULL);
        gc_err_clear(&err);
        gc_doc_free(ed);
        free(buf);
    }
    /* the format name is the child's word too: a hostile child's
     * "<script>" or escape sequence is refused, not printed (issue 18.8) */
    static const char *const bad_formats[] = {"<script>", "\033[2J", "pdf\033", "", "PDF"};
    for (size_t k = 0; k < sizeof bad_formats / sizeof bad_formats[0]; k++) {
        char *p;
        buf = NULL;
        back = NULL;
        CHECK(gc_doc_encode(&buf, &len, doc, &err) == 0);
        p = memmem(buf, len, "text", 5);   /* the header's format field, NUL included */
        CHECK(p != NULL);
        if (p != NULL) {
            memset(p, 0, 16);
            memcpy(p, bad_formats[k], strlen(bad_formats[k]));
            CHECK(gc_doc_decode(&back, d, buf, len, &err) < 0 && back == NULL);
            memcpy(p, "pdf", 4);
            CHECK(gc_doc_decode(&back, d, buf, len, &err) == 0);   /* the premise */
        }
        gc_doc_free(back);
        gc_err_clear(&err);
        free(buf);
    }
    gc_doc_free(doc);
    gc_data_free(d);
    return test_summary("test_doc");
}
