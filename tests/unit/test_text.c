/* normalize, tokenize and segment: the text shape every later stage
 * relies on. */
#include <stdlib.h>
#include <string.h>

#include "data/headings.h"
#include "harness.h"
#include "match/normalize.h"
#include "match/segment.h"
#include "testdata.h"
#include "base/tokenize.h"

static char *norm(const char *in)
{
    char *out = NULL;
    size_t len;
    gc_err err = GC_ERR_INIT;
    gc_normalize(&out, &len, in, strlen(in), &err);
    return out;
}

static void check_norm(const char *in, const char *want)
{
    char *s = norm(in);
    CHECK_STR(s, want);
    free(s);
}

static void normalize(void)
{
    check_norm("\xEF\xAC\x81ne-tuning", "fine-tuning");       /* ﬁ ligature */
    check_norm("fine\xC2\xADtuning", "finetuning");          /* soft hyphen */
    check_norm("Py\xE2\x80\x8BTorch", "PyTorch");            /* zero width */
    check_norm("a\xC2\xA0" "b", "a b");                      /* NBSP */
    check_norm("\xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\x99", "\"q\" '");
    check_norm("x \xE2\x80\x93 y", "x - y");                 /* en dash */
    check_norm("\xEF\x82\xB7 item", "\xE2\x80\xA2 item");    /* Symbol bullet */
    check_norm("\xE2\x97\x8F item", "\xE2\x80\xA2 item");    /* ● */
    check_norm("bad \xFF byte", "bad \xEF\xBF\xBD byte");
    check_norm("\xEF\xBC\xB0ython", "Python");               /* full width */
    check_norm("a\x01" "b\tc\n", "a b\tc\n");
}

static void tokenize(void)
{
    gc_tokens t = {0};
    gc_err err = GC_ERR_INIT;
    const char *s = "C++, C# and scikit-learn\nNode.js x@y.io";

    CHECK(gc_tokenize(&t, s, strlen(s), 1000, &err) == 0);
    CHECK(t.n == 14);
    CHECK(t.v[0].len == 3 && memcmp(s + t.v[0].start, "C++", 3) == 0);
    CHECK(t.v[2].len == 2 && memcmp(s + t.v[2].start, "C#", 2) == 0);
    CHECK(t.v[5].flags & GC_TOK_JOINED);        /* learn, joined by '-' */
    CHECK(t.v[6].line == 2);
    CHECK(t.v[1].flags & GC_TOK_SEP);           /* ',' */
    CHECK(t.v[9].flags & GC_TOK_URL);           /* x@y.io */
    CHECK(!(t.v[6].flags & GC_TOK_URL));        /* Node.js is not a link */
    gc_tokens_free(&t);
    CHECK(gc_tokenize(&t, "a b c d", 7, 3, &err) == GC_ELIMIT);
    gc_tokens_free(&t);
}

static void headings(const gc_data *d)
{
    char key[128];
    CHECK(gc_heading_key(key, sizeof key, "E X P E R I E N C E", 19) > 0);
    CHECK_STR(key, "experience");
    gc_heading_key(key, sizeof key, "W O R K  E X P E R I E N C E", 28);
    CHECK_STR(key, "work experience");
    gc_heading_key(key, sizeof key, "Technical Skills:", 17);
    CHECK_STR(key, "technical skills");
    const char *text = "Name\nKENNTNISSE\nPython\nSkills: Go, R\nFormation\nx\n";
    uint16_t sec[8];
    uint8_t head[8];
    gc_segment(sec, head, d, text, strlen(text), 6);
    CHECK(sec[1] == 0 && head[2] == 1 && sec[3] == sec[2] && sec[2] != 0);
    CHECK(sec[4] == sec[2] && head[4] == 0);   /* inline "Skills:" label */
    CHECK(head[5] == 1 && sec[6] == sec[5] && sec[5] != sec[2]);
}

int main(void)
{
    gc_data *d = load_mini();
    normalize();
    tokenize();
    headings(d);
    gc_data_free(d);
    return test_summary("test_text");
}
