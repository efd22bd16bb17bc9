/* Unit tests for yaml_load: tree shapes and marks, every refusal with its
 * exact file:line:col and message, hostile inputs (depth and alias bombs,
 * huge maps) against a time bound, the accessor helpers, and a printed (not
 * asserted) parse-speed figure for a lexicon-sized file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "data/yaml_load.h"

static const gc_limits default_limits = GC_LIMITS_INIT;

static double now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static gc_ydoc *parse_ok(const char *yaml)
{
    gc_err err = GC_ERR_INIT;
    gc_ydoc *doc = NULL;
    int rc = gc_yaml_parse(&doc, "t.yaml", yaml, strlen(yaml), &default_limits, &err);

    CHECK(rc == 0);
    CHECK(err.code == GC_OK);
    if (rc != 0)
        fprintf(stderr, "  unexpected error on <<%s>>: %s\n", yaml, err.msg);
    return doc;
}

/* Parses buf[0..len) and checks the code, "t.yaml", line, column and message. */
static void expect_err_n(const char *buf, size_t len, const gc_limits *lim, int code,
                         unsigned line, unsigned col, const char *msg)
{
    gc_err err = GC_ERR_INIT;
    gc_ydoc *keep = parse_ok("x"), *doc = keep; /* *out must be reset to NULL on failure */
    int rc = gc_yaml_parse(&doc, "t.yaml", buf, len, lim ? lim : &default_limits, &err);
    int ok = rc == code && err.code == code && doc == NULL && err.line == line
             && err.col == col && strcmp(err.path, "t.yaml") == 0 && strcmp(err.msg, msg) == 0;

    CHECK(ok);
    if (!ok)
        fprintf(stderr, "  input <<%.60s>>\n  want %d t.yaml:%u:%u: %s\n  got  %d %s:%u:%u: %s\n",
                buf, code, line, col, msg, rc, err.path, err.line, err.col, err.msg);
    gc_ydoc_free(keep);
}

static void expect_err(const char *yaml, unsigned line, unsigned col, const char *msg)
{
    expect_err_n(yaml, strlen(yaml), NULL, GC_EDATA, line, col, msg);
}

static int at(const gc_ynode *n, gc_ykind kind, unsigned line, unsigned col)
{
    return n != NULL && n->kind == kind && n->line == line && n->col == col;
}

static void test_scalars(void)
{
    gc_ydoc *doc = parse_ok("hello world");
    const gc_ynode *r = gc_ydoc_root(doc);

    CHECK(at(r, GC_Y_SCALAR, 1, 1) && r->plain && r->len == 11 && r->items == NULL);
    CHECK_STR(r ? r->str : NULL, "hello world");
    CHECK_STR(gc_ydoc_name(doc), "t.yaml");
    gc_ydoc_free(doc);

    doc = parse_ok("  'it''s'");
    r = gc_ydoc_root(doc);
    CHECK(at(r, GC_Y_SCALAR, 1, 3) && !r->plain && r->len == 4);
    CHECK_STR(r ? r->str : NULL, "it's");
    gc_ydoc_free(doc);

    doc = parse_ok("\"a\\tb \\u00e9\"");
    r = gc_ydoc_root(doc);
    CHECK(r && !r->plain && r->len == 6);
    CHECK_STR(r ? r->str : NULL, "a\tb \xc3\xa9");
    gc_ydoc_free(doc);
}

static void test_block(void)
{
    static const char yaml[] = "# a skill\n"
                               "id: python\n"
                               "aliases: [py, \"python3\"]\n"
                               "meta:\n"
                               "  weight: 1.5\n"
                               "  tags:\n"
                               "    - x\n"
                               "    - 'y'\n"
                               "empty:\n";
    gc_ydoc *doc = parse_ok(yaml);
    const gc_ynode *r = gc_ydoc_root(doc), *al, *meta, *tags, *e;

    CHECK(at(r, GC_Y_MAP, 2, 1) && r->n == 4);
    CHECK(r && at(r->items[0], GC_Y_SCALAR, 2, 1) && at(r->items[1], GC_Y_SCALAR, 2, 5));
    al = gc_ymap_get(r, "aliases");
    CHECK(at(al, GC_Y_SEQ, 3, 10) && al->n == 2);
    CHECK(al && at(al->items[0], GC_Y_SCALAR, 3, 11) && al->items[0]->plain);
    CHECK(al && at(al->items[1], GC_Y_SCALAR, 3, 15) && !al->items[1]->plain);
    CHECK_STR(al ? al->items[1]->str : NULL, "python3");
    meta = gc_ymap_get(r, "meta");
    CHECK(at(meta, GC_Y_MAP, 5, 3) && meta->n == 2);
    CHECK(at(gc_ymap_get(meta, "weight"), GC_Y_SCALAR, 5, 11));
    tags = gc_ymap_get(meta, "tags");
    CHECK(at(tags, GC_Y_SEQ, 7, 5) && tags->n == 2);
    CHECK(tags && at(tags->items[0], GC_Y_SCALAR, 7, 7) && at(tags->items[1], GC_Y_SCALAR, 8, 7));
    e = gc_ymap_get(r, "empty"); /* a missing value is a plain empty scalar */
    CHECK(e && e->kind == GC_Y_SCALAR && e->plain && e->len == 0 && e->str && !e->str[0]);
    CHECK(gc_ymap_get(r, "nope") == NULL && gc_ymap_get(al, "py") == NULL);
    gc_ydoc_free(doc);
}

static void test_flow_and_seq(void)
{
    gc_ydoc *doc = parse_ok("{a: 1, b: [2, {c: d}], e: []}");
    const gc_ynode *r = gc_ydoc_root(doc), *b, *e;

    CHECK(at(r, GC_Y_MAP, 1, 1) && r->n == 3);
    b = gc_ymap_get(r, "b");
    CHECK(at(b, GC_Y_SEQ, 1, 11) && b->n == 2);
    CHECK(b && at(b->items[1], GC_Y_MAP, 1, 15) && b->items[1]->n == 1);
    CHECK_STR(b ? gc_ymap_get(b->items[1], "c")->str : NULL, "d");
    e = gc_ymap_get(r, "e");
    CHECK(at(e, GC_Y_SEQ, 1, 27) && e->n == 0 && e->items == NULL);
    gc_ydoc_free(doc);

    doc = parse_ok("- a\n- - b\n  - c\n-\n");
    r = gc_ydoc_root(doc);
    CHECK(at(r, GC_Y_SEQ, 1, 1) && r->n == 3);
    CHECK(r && at(r->items[1], GC_Y_SEQ, 2, 3) && r->items[1]->n == 2);
    CHECK(r && at(r->items[1]->items[1], GC_Y_SCALAR, 3, 5));
    CHECK(r && r->items[2]->kind == GC_Y_SCALAR && r->items[2]->len == 0);
    gc_ydoc_free(doc);
}

static void test_empty(void)
{
    static const char *const empties[] = {"", "# only a comment\n", "---\n", "---\n...\n",
                                          "\n\n   \n"};
    gc_err err = GC_ERR_INIT;
    gc_ydoc *doc = NULL;
    size_t i;

    for (i = 0; i < sizeof empties / sizeof empties[0]; i++) {
        doc = parse_ok(empties[i]);
        CHECK(doc != NULL && gc_ydoc_root(doc) == NULL);
        gc_ydoc_free(doc);
    }
    /* NULL buffer of length 0 is an empty file too; a quoted "" is not empty. */
    CHECK(gc_yaml_parse(&doc, NULL, NULL, 0, &default_limits, &err) == 0);
    CHECK(doc && gc_ydoc_root(doc) == NULL);
    CHECK_STR(gc_ydoc_name(doc), "");
    gc_ydoc_free(doc);
    doc = parse_ok("''");
    CHECK(gc_ydoc_root(doc) && gc_ydoc_root(doc)->len == 0);
    gc_ydoc_free(doc);
    doc = parse_ok("a\n...\n");
    CHECK_STR(gc_ydoc_root(doc) ? gc_ydoc_root(doc)->str : NULL, "a");
    gc_ydoc_free(doc);
    gc_ydoc_free(NULL);
}

static void test_syntax_errors(void)
{
    expect_err("a: 1\nb:\n  c: 1\n d: 2\n", 4, 2,
               "did not find expected key (while parsing a block mapping)");
    expect_err("a: b: c", 1, 5, "mapping values are not allowed in this context");
    expect_err("key: [a\nb: 1", 2, 2,
               "did not find expected ',' or ']' (while parsing a flow sequence)");
    expect_err("- a\nb: 1", 2, 1,
               "did not find expected '-' indicator (while parsing a block collection)");
    expect_err("a: 'x", 1, 6, "found unexpected end of stream (while scanning a quoted scalar)");
    expect_err("\t- a", 1, 1,
               "found character that cannot start any token (while scanning for the next token)");
}

static void test_encoding_errors(void)
{
    static const char nul[] = "a: x\nb: y\0z\n";

    expect_err("a: ok\nb: x\xff\n", 2, 5, "invalid leading UTF-8 octet (#xFF)");
    expect_err("a: ok\n\xc3\xa9: \xe9t\xe9\n", 2, 5, "invalid trailing UTF-8 octet (#x74)");
    expect_err("a: \x01", 1, 4, "control characters are not allowed (#x1)");
    expect_err_n(nul, sizeof nul - 1, NULL, GC_EDATA, 2, 5,
                 "control characters are not allowed (#x0)");
    expect_err("k: \"a\\0b\"", 1, 4, "NUL characters are not supported");
    expect_err("a: \"x\xc3", 1, 6, "incomplete UTF-8 octet sequence");
}

static void test_refusals(void)
{
    expect_err("- a\n- *a\n", 2, 3, "aliases are not supported");
    expect_err("- &a x\n- *a\n", 1, 3, "anchors are not supported");
    expect_err("a: &m {b: 1}\n", 1, 4, "anchors are not supported");
    expect_err("!!str 5", 1, 1, "tags are not supported");
    expect_err("a: ! x", 1, 4, "tags are not supported");
    expect_err("a: !custom [1]", 1, 4, "tags are not supported");
    expect_err("a: 1\n---\nb: 2\n", 2, 1, "only one YAML document per file");
    expect_err("a\n...\n---\n", 3, 1, "only one YAML document per file");
    expect_err("? [a]\n: 1\n", 1, 3, "mapping keys must be scalars");
    expect_err("{{a: 1}: 1}", 1, 2, "mapping keys must be scalars");
}

/* Parses `yaml` (must succeed) and returns the time taken, in ms. */
static double timed_parse(const char *yaml, size_t n_root)
{
    double t0 = now_ms(), ms;
    gc_ydoc *doc = parse_ok(yaml);

    ms = now_ms() - t0;
    CHECK(gc_ydoc_root(doc) && gc_ydoc_root(doc)->n == n_root);
    gc_ydoc_free(doc);
    return ms;
}

static void test_duplicates(void)
{
    char *big = malloc(50000 * 16 + 64), *flat = malloc(50000 * 18);
    size_t len = 0, flat_len = 0, i;
    double big_ms, flat_ms;
    gc_ydoc *doc;

    expect_err("a: 1\nb: 2\na: 3\n", 3, 1, "duplicate key 'a'");
    expect_err("{x: 1, 'x': 2}", 1, 8, "duplicate key 'x'");
    expect_err("- {a: 1}\n- n: {z: 1, z: 2}\n", 2, 13, "duplicate key 'z'");
    /* The same key in sibling maps is fine. */
    doc = parse_ok("- a: 1\n- a: 2\n");
    gc_ydoc_free(doc);
    /* Past LINEAR_KEYS the check sorts at the map's end.  A quadratic check
     * would take seconds on 50,000 keys; compare with the same keys spread
     * over 50,000 one-key maps, so the bound also holds under valgrind. */
    for (i = 0; i < 50000; i++) {
        len += (size_t)sprintf(big + len, "k%05zu: %zu\n", (i * 7919) % 50000, i);
        flat_len += (size_t)sprintf(flat + flat_len, "- k%05zu: %zu\n", (i * 7919) % 50000, i);
    }
    flat_ms = timed_parse(flat, 50000);
    big_ms = timed_parse(big, 50000);
    CHECK(big_ms < 3 * flat_ms + 5);
    if (big_ms >= 3 * flat_ms + 5)
        fprintf(stderr, "  50,000-key map: %.1f ms vs %.1f ms for 50,000 maps\n", big_ms, flat_ms);
    /* Two duplicates (k00003 then k00002): the earlier one in the file is reported. */
    len += (size_t)sprintf(big + len, "k00003: x\nk00002: y\n");
    expect_err(big, 50001, 1, "duplicate key 'k00003'");
    free(big);
    free(flat);
}

static void test_depth(void)
{
    gc_limits lim = GC_LIMITS_INIT;
    const size_t n = 1000000;
    char *bomb = malloc(n);
    gc_ydoc *doc;
    double t0, ms;

    lim.data_depth = 3;
    doc = NULL;
    CHECK(gc_yaml_parse(&doc, "t.yaml", "[[[1]]]", 7, &lim, NULL) == 0);
    gc_ydoc_free(doc);
    expect_err_n("[[[[1]]]]", 9, &lim, GC_EDATA, 1, 4, "nesting deeper than 3 levels");
    expect_err_n("a:\n  b:\n    c:\n      d: 1\n", 26, &lim, GC_EDATA, 4, 7,
                 "nesting deeper than 3 levels");
    /* 1e6 '[': libyaml's scanner is quadratic in flow depth, so we must stop early. */
    memset(bomb, '[', n);
    t0 = now_ms();
    expect_err_n(bomb, n, NULL, GC_EDATA, 1, 33, "nesting deeper than 32 levels");
    ms = now_ms() - t0;
    printf("depth bomb (1e6 '['): rejected in %.2f ms\n", ms);
    CHECK(ms < 500); /* milliseconds natively; slack for valgrind */
    free(bomb);
}

static void test_alias_bomb(void)
{
    static const char bomb[] = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                               "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                               "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                               "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n";
    static const char no_anchor[] = "a: [*a,*a,*a]\n";

    expect_err(bomb, 1, 4, "anchors are not supported");
    expect_err(no_anchor, 1, 5, "aliases are not supported");
}

static void test_limits(void)
{
    gc_limits lim = GC_LIMITS_INIT;
    gc_err err = GC_ERR_INIT;
    gc_ydoc *doc = NULL;

    lim.data_bytes = 10;
    CHECK(gc_yaml_parse(&doc, "t.yaml", "a: 1234567", 10, &lim, &err) == 0);
    gc_ydoc_free(doc);
    expect_err_n("a: 12345678", 11, &lim, GC_ELIMIT, 0, 0,
                 "file is larger than the 10-byte limit");
    CHECK(gc_yaml_parse(&doc, "t.yaml", "a: 12345678", 11, &lim, &err) == GC_ELIMIT);
    CHECK_STR(err.detail, "data_bytes");
    CHECK(gc_yaml_parse(NULL, "t.yaml", "a", 1, &lim, NULL) == GC_EUSAGE);
    /* First error wins: a later failure returns its code but keeps the record. */
    gc_err_clear(&err);
    gc_err_set(&err, GC_EIO, "other", 7, 0, "earlier");
    CHECK(gc_yaml_parse(&doc, "t.yaml", "- *x", 4, &lim, &err) == GC_EDATA && doc == NULL);
    CHECK(err.code == GC_EIO && err.line == 7);
    CHECK_STR(err.msg, "earlier");
}

static void test_map_check(void)
{
    static const char *const allowed[] = {"id", "name", "aliases", NULL};
    static const char *const required[] = {"id", "name", NULL};
    gc_ydoc *doc = parse_ok("- id: py\n  name: Python\n- id: c\n  aliass: [C]\n- x\n");
    const gc_ynode *r = gc_ydoc_root(doc);
    gc_err err = GC_ERR_INIT;

    CHECK(r && gc_ymap_check(r->items[0], allowed, required, "l.yaml", &err) == 0);
    CHECK(r && gc_ymap_check(r->items[0], allowed, NULL, "l.yaml", &err) == 0);
    CHECK(r && gc_ymap_check(r->items[1], allowed, required, "l.yaml", &err) == GC_EDATA);
    CHECK(err.line == 4 && err.col == 3);
    CHECK_STR(err.msg, "unknown key 'aliass'");
    CHECK_STR(err.path, "l.yaml");
    gc_err_clear(&err);
    CHECK(r && gc_ymap_check(r->items[1], required, required, "l.yaml", &err) == GC_EDATA);
    CHECK_STR(err.msg, "unknown key 'aliass'");
    gc_err_clear(&err);
    {
        static const char *const wide[] = {"id", "aliass", NULL};
        CHECK(r && gc_ymap_check(r->items[1], wide, required, "l.yaml", &err) == GC_EDATA);
        CHECK(err.line == 3 && err.col == 3);
        CHECK_STR(err.msg, "missing key 'name'");
    }
    gc_err_clear(&err);
    CHECK(r && gc_ymap_check(r->items[2], allowed, NULL, "l.yaml", &err) == GC_EDATA);
    CHECK(err.line == 5 && err.col == 3);
    CHECK_STR(err.msg, "expected a mapping");
    gc_ydoc_free(doc);
}

static void test_long_key(void)
{
    char yaml[300], want[120];

    /* 200-byte key of 2-byte characters: quoted cut on a character boundary. */
    strcpy(yaml, "a: 1\n");
    for (int i = 0; i < 100; i++)
        strcat(yaml, "\xc3\xa9");
    strcat(yaml, ": 2\n");
    gc_ydoc *doc = parse_ok(yaml);
    gc_err err = GC_ERR_INIT;
    static const char *const allowed[] = {"a", NULL};

    CHECK(gc_ymap_check(gc_ydoc_root(doc), allowed, NULL, "l.yaml", &err) == GC_EDATA);
    strcpy(want, "unknown key '");
    for (int i = 0; i < 30; i++)
        strcat(want, "\xc3\xa9");
    strcat(want, "...'");
    CHECK_STR(err.msg, want);
    gc_ydoc_free(doc);
}

static void test_expect(void)
{
    gc_ydoc *doc = parse_ok("aliases: py\nlist: [a]\n");
    const gc_ynode *r = gc_ydoc_root(doc);
    gc_err err = GC_ERR_INIT;

    CHECK(gc_yexpect(r, GC_Y_MAP, "skill", "l.yaml", &err) == 0);
    CHECK(gc_yexpect(gc_ymap_get(r, "list"), GC_Y_SEQ, "list", "l.yaml", &err) == 0);
    CHECK(gc_yexpect(gc_ymap_get(r, "aliases"), GC_Y_SEQ, "aliases", "l.yaml", &err) == GC_EDATA);
    CHECK(err.line == 1 && err.col == 10);
    CHECK_STR(err.msg, "expected a sequence for 'aliases'");
    gc_err_clear(&err);
    CHECK(gc_yexpect(gc_ymap_get(r, "list"), GC_Y_SCALAR, "id", "l.yaml", &err) == GC_EDATA);
    CHECK_STR(err.msg, "expected a scalar for 'id'");
    gc_err_clear(&err);
    CHECK(gc_yexpect(NULL, GC_Y_MAP, "root", "l.yaml", &err) == GC_EDATA);
    CHECK(err.line == 0 && err.col == 0);
    CHECK_STR(err.msg, "expected a mapping for 'root'");
    gc_ydoc_free(doc);
}

/* Returns the gc_ynumber code for the scalar `text`, within [min, max]. */
static int number(const char *text, double min, double max, double *v, gc_err *err)
{
    gc_ydoc *doc = parse_ok(text);
    int rc;

    gc_err_clear(err);
    rc = gc_ynumber(v, gc_ydoc_root(doc), min, max, "months", "r.yaml", err);
    gc_ydoc_free(doc);
    return rc;
}

static void test_numbers(void)
{
    static const char *const bad[] = {"-1", "1e3", "'12'", "\"12\"", "1.", ".5", "0x10", "inf",
                                      ".nan", "1,5", "12 months", "+3", "601", "600.0001"};
    gc_err err = GC_ERR_INIT;
    double v = -1;
    size_t i;

    CHECK(number("12", 0, 600, &v, &err) == 0 && v == 12);
    CHECK(number("0", 0, 600, &v, &err) == 0 && v == 0);
    CHECK(number("600", 0, 600, &v, &err) == 0 && v == 600);
    CHECK(number("1.5", 0, 600, &v, &err) == 0 && v == 1.5);
    CHECK(number("0.1", 0, 600, &v, &err) == 0 && v == 0.1);
    CHECK(number("007", 0, 600, &v, &err) == 0 && v == 7);
    CHECK(number("2.50000000000000000001", 0, 600, &v, &err) == 0 && v == 2.5);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        v = -1;
        CHECK(number(bad[i], 0, 600, &v, &err) == GC_EDATA && v == -1);
        CHECK_STR(err.msg, "expected a number from 0 to 600 for 'months'");
        CHECK(err.line == 1 && err.col == 1);
    }
    CHECK(number("0.4", 0.5, 1.5, &v, &err) == GC_EDATA);
    CHECK_STR(err.msg, "expected a number from 0.5 to 1.5 for 'months'");
    CHECK(number("[1]", 0, 10, &v, &err) == GC_EDATA);
    CHECK_STR(err.path, "r.yaml");
    gc_err_clear(&err);
    CHECK(gc_ynumber(&v, NULL, 0, 10, "months", "r.yaml", &err) == GC_EDATA);
    CHECK(err.line == 0);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* A lexicon-shaped file: 2,000 skills of id, name, category, 3 aliases, weight. */
static char *make_lexicon(size_t *len)
{
    char *buf = malloc(2000 * 200);
    size_t n = 0;

    for (int i = 0; i < 2000; i++)
        n += (size_t)sprintf(buf + n,
                             "- id: skill-%04d\n  name: Example Skill Number %d\n"
                             "  category: category-%02d\n"
                             "  aliases: [skill %d, \"skill-%d-alt\", sk%dx]\n"
                             "  weight: %d.5\n",
                             i, i, i % 40, i, i, i, i % 3);
    *len = n;
    return buf;
}

static void bench_parse(void)
{
    double ms[20];
    size_t len;
    char *buf = make_lexicon(&len);
    gc_ydoc *doc = NULL;

    for (int i = 0; i < 20; i++) {
        double t0 = now_ms();
        int rc = gc_yaml_parse(&doc, "bench.yaml", buf, len, &default_limits, NULL);
        ms[i] = now_ms() - t0;
        CHECK(rc == 0 && gc_ydoc_root(doc) && gc_ydoc_root(doc)->n == 2000);
        gc_ydoc_free(doc);
    }
    qsort(ms, 20, sizeof ms[0], cmp_double);
    printf("parse 2,000 skills (%zu bytes, 24,000 scalars): %.3f ms median of 20\n", len,
           (ms[9] + ms[10]) / 2);
    free(buf);
}

int main(void)
{
    test_scalars();
    test_block();
    test_flow_and_seq();
    test_empty();
    test_syntax_errors();
    test_encoding_errors();
    test_refusals();
    test_duplicates();
    test_depth();
    test_alias_bomb();
    test_limits();
    test_map_check();
    test_long_key();
    test_expect();
    test_numbers();
    bench_parse();
    return test_summary("test_yaml_load");
}
