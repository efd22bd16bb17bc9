/* Snapshots: a data set loaded from its snapshot answers exactly as the
 * YAML-built one (same lookups, same analysis bytes, same snapshot again),
 * and a damaged snapshot is refused or, if it still passes every check,
 * used without crashing (run under valgrind/ASan to see the difference). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "data/snapshot.h"
#include "testdata.h"

static const char *const texts[] = {
    "SKILLS\nPython, SQL, Docker, Kubernetes\nExperience with PyTorch and C++ at scale.\n",
    "Go live with the new plan; wrote Go microservices with gRPC.\nJava, C, R.\n",
    "Contact: me@example.com, github.com/me/pytorch-utils\nNice to have: Spark, a plus.\n",
};

static char *encode(const gc_data *d, const char *text, size_t *len)
{
    gc_doc *doc = analyze_str(d, text);
    gc_err err = GC_ERR_INIT;
    char *buf = NULL;

    gc_doc_encode(&buf, len, doc, &err);
    gc_doc_free(doc);
    return buf;
}

static void same_answers(const gc_data *a, const gc_data *b)
{
    CHECK(gc_data_n_skills(a) == gc_data_n_skills(b));
    CHECK(gc_data_n_aliases(a) == gc_data_n_aliases(b));
    CHECK(gc_data_n_roles(a) == gc_data_n_roles(b));
    CHECK(memcmp(&a->model, &b->model, sizeof a->model) == 0);
    CHECK(g_hash_table_size(a->date_words) == g_hash_table_size(b->date_words));
    CHECK(gc_calendar_word(a, "sept") == gc_calendar_word(b, "sept"));
    for (size_t i = 0; i < gc_data_n_roles(a); i++) {
        const gc_role *ra = gc_data_role(a, i), *rb = gc_data_role(b, i);
        CHECK(memcmp(&ra->model, &rb->model, sizeof ra->model) == 0);
        CHECK(ra->titles->len == rb->titles->len);
    }
    for (size_t i = 0; i < gc_data_n_skills(a); i++) {
        CHECK_STR(gc_skill_id(a, i), gc_skill_id(b, i));
        CHECK(gc_data_find_skill(b, gc_skill_id(a, i)) == gc_data_find_skill(a, gc_skill_id(a, i)));
        CHECK(gc_data_lookup_skill(b, gc_skill_name(a, i)) ==
              gc_data_lookup_skill(a, gc_skill_name(a, i)));
        CHECK(gc_skill_n_requires(a, i) == gc_skill_n_requires(b, i));
    }
    for (size_t r = 0; r < gc_data_n_roles(a); r++) {
        const gc_role *x = gc_data_role(a, r), *y = gc_data_find_role(b, gc_role_id(x));
        CHECK(y != NULL && gc_role_n_phases(x) == gc_role_n_phases(y));
        CHECK(y != NULL && gc_role_months(x) == gc_role_months(y));
    }
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        size_t la = 0, lb = 0;
        char *ea = encode(a, texts[t], &la), *eb = encode(b, texts[t], &lb);
        CHECK(ea && eb && la == lb && memcmp(ea, eb, la) == 0);
        free(ea);
        free(eb);
    }
}

/* Loads the blob through an aligned copy, as the binary's .incbin is. */
static int embedded;   /* load as the program loads its own: no checksum */

static gc_data *from(const char *blob, size_t len, int *rc)
{
    gc_limits lim = GC_LIMITS_INIT;
    gc_err err = GC_ERR_INIT;
    gc_data *d = NULL;

    *rc = embedded ? gc_data_from_embedded_snapshot(&d, blob, len, &lim, &err)
                   : gc_data_from_snapshot(&d, blob, len, &lim, &err);
    return d;
}

static void round_trip(gc_data *d, const char *what)
{
    gc_err err = GC_ERR_INIT;
    char *blob = NULL, *again = NULL;
    size_t len = 0, len2 = 0;
    int rc;

    CHECK(gc_data_snapshot(&blob, &len, d, &err) == 0);
    gc_data *s = from(blob, len, &rc);
    CHECK(rc == 0 && s != NULL);
    if (s != NULL) {
        same_answers(d, s);
        CHECK(gc_data_snapshot(&again, &len2, s, &err) == 0);
        CHECK(len == len2 && memcmp(blob, again, len) == 0);
    }
    fprintf(stderr, "%s: snapshot of %zu bytes\n", what, len);
    free(again);
    gc_data_free(s);
    free(blob);
}

static void reseal(char *blob, size_t len)
{
    snap_hdr *h = (snap_hdr *)(void *)blob;
    h->sum = snap_checksum((unsigned char *)blob + sizeof *h, len - sizeof *h);
}

/* Every byte changed in turn, checksum fixed so the bounds checks are what
 * stands between the bytes and the matcher. */
static void damaged(const gc_data *d)
{
    gc_err err = GC_ERR_INIT;
    char *blob = NULL;
    size_t len = 0;
    int rc, refused = 0, loaded = 0;

    gc_data_snapshot(&blob, &len, d, &err);
    for (size_t cut = 0; cut < len; cut += len / 7 + 1) {
        gc_data_free(from(blob, cut, &rc));
        CHECK(rc == GC_EDATA);
    }
    if (!embedded) {
        blob[len / 2] ^= 1;
        gc_data_free(from(blob, len, &rc));
        CHECK(rc == GC_EDATA);  /* the checksum */
        blob[len / 2] ^= 1;
    }
    for (size_t i = 0; i < len; i++) {
        char old = blob[i];
        blob[i] = (char)(i % 2 ? 0xFF : old ^ 0x41);
        if (!embedded)
            reseal(blob, len);
        gc_data *x = from(blob, len, &rc);
        if (x != NULL) {
            gc_doc_free(analyze_str(x, texts[i % 3]));
            loaded++;
        }
        refused += rc == GC_EDATA;
        CHECK(rc == 0 || rc == GC_EDATA);
        gc_data_free(x);
        blob[i] = old;
    }
    fprintf(stderr, "damaged: %d refused, %d loaded and analysed\n", refused, loaded);
    free(blob);
}

/* Numbers the YAML loader refuses are refused in a snapshot too, even
 * with a valid checksum: a planted cache file with an implied credit of
 * 100 once made the text report's bar loop forever (issue 18.2). */
typedef enum { F_CREDIT, F_HOURS, F_ROLE_MONTHS, F_PHASE_MONTHS, F_WEIGHT } field;

static int planted(const gc_data *d, field f, double v)
{
    gc_err err = GC_ERR_INIT;
    char *blob = NULL;
    size_t len = 0;
    int rc;

    gc_data_snapshot(&blob, &len, d, &err);
    snap_hdr *h = (snap_hdr *)(void *)blob;
    s_role *ro = (s_role *)(void *)(blob + h->s[S_ROLES].off);
    s_phase *ph = (s_phase *)(void *)(blob + h->s[S_PHASES].off);
    s_pskill *ps = (s_pskill *)(void *)(blob + h->s[S_PSKILLS].off);
    switch (f) {
    case F_CREDIT: ro->implied_credit = v; break;
    case F_HOURS: ro->hours_per_week = v; break;
    case F_ROLE_MONTHS: ro->months = v; break;
    case F_PHASE_MONTHS: ph->months = v; break;
    case F_WEIGHT: ps->weight = v; break;
    }
    reseal(blob, len);
    gc_data_free(from(blob, len, &rc));
    free(blob);
    return rc;
}

static void planted_numbers(const gc_data *d)
{
    CHECK(planted(d, F_CREDIT, 0.25) == 0);   /* the premise: an edit can pass */
    CHECK(planted(d, F_CREDIT, 100) == GC_EDATA);
    CHECK(planted(d, F_CREDIT, -1) == GC_EDATA);
    CHECK(planted(d, F_CREDIT, NAN) == GC_EDATA);
    CHECK(planted(d, F_HOURS, 0) == GC_EDATA);
    CHECK(planted(d, F_HOURS, 1e300) == GC_EDATA);
    CHECK(planted(d, F_HOURS, INFINITY) == GC_EDATA);
    CHECK(planted(d, F_ROLE_MONTHS, -5) == GC_EDATA);
    CHECK(planted(d, F_ROLE_MONTHS, 1e9) == GC_EDATA);
    CHECK(planted(d, F_PHASE_MONTHS, -1) == GC_EDATA);
    CHECK(planted(d, F_PHASE_MONTHS, NAN) == GC_EDATA);
    CHECK(planted(d, F_WEIGHT, NAN) == GC_EDATA);
    CHECK(planted(d, F_WEIGHT, -3) == GC_EDATA);
    CHECK(planted(d, F_WEIGHT, 1e6) == GC_EDATA);
}

static gc_data *load_shipped(void)
{
    gc_limits lim = GC_LIMITS_INIT;
    gc_err err = GC_ERR_INIT;
    gc_data_builder *b = gc_data_builder_new(&lim);
    gc_data *d = NULL;

    if (gc_data_add_dir(b, GC_DATA_LEXICON, "lexicon", 0, &err) < 0 ||
        gc_data_add_dir(b, GC_DATA_ROLES, "roles", 0, &err) < 0)
        return gc_data_builder_free(b), NULL;
    gc_data_build(&d, b, &err);
    return d;
}

int main(void)
{
    gc_data *mini = load_mini(), *shipped = load_shipped();

    CHECK(shipped != NULL);
    round_trip(mini, "mini");
    if (shipped)
        round_trip(shipped, "shipped");
    damaged(mini);
    planted_numbers(mini);
    embedded = 1;   /* the same without the checksum: the bounds checks alone */
    damaged(mini);
    embedded = 0;
    gc_data_free(mini);
    gc_data_free(shipped);
    return test_summary("test_snapshot");
}
