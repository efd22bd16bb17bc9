/* Role aliases, "did you mean" and related roles, on the mini lexicon plus
 * three roles written here, so the numbers stay put when the shipped
 * catalogue changes. */
#include <stdlib.h>
#include <string.h>

#include "gapcheck.h"
#include "harness.h"

/* mle: 9 skills.  ops lists 6 of them (67% of mle's) among its 8 (mle lists
 * 75% of ops's); web shares only python with either. */
static const char ops[] =
    "id: ml-ops\ntitle: ML Ops Engineer\naliases: [ops, mlops-eng]\nhours_per_week: 15\n"
    "titles: [platform engineer]\n"
    "phases:\n  - {id: a, title: A, months: 2, skills: [python, docker, aws, mlops,\n"
    "      distributed-systems, tensorflow, kubernetes, mlflow]}\n";
static const char web[] =
    "id: web-developer\ntitle: Web Developer\naliases: [web]\nhours_per_week: 10\n"
    "phases:\n  - {id: a, title: A, months: 2, skills: [python, javascript]}\n";

static gc_data *load(void)
{
    gc_limits lim = GC_LIMITS_INIT;
    gc_err err = GC_ERR_INIT;
    gc_data_builder *b = gc_data_builder_new(&lim);
    gc_data *d = NULL;

    if (gc_data_add_dir(b, GC_DATA_LEXICON, "tests/fixtures/data/mini/lex", 0, &err) < 0 ||
        gc_data_add_dir(b, GC_DATA_ROLES, "tests/fixtures/data/mini/roles", 0, &err) < 0 ||
        gc_data_add(b, GC_DATA_ROLES, "ops.yaml", ops, sizeof ops - 1, 0, &err) < 0 ||
        gc_data_add(b, GC_DATA_ROLES, "web.yaml", web, sizeof web - 1, 0, &err) < 0 ||
        gc_data_build(&d, b, &err) < 0) {
        fprintf(stderr, "cannot load: %s:%u:%u: %s\n", err.path, err.line, err.col, err.msg);
        return NULL;
    }
    return d;
}

static void test_aliases(const gc_data *d)
{
    const gc_role *ops_role = gc_data_find_role(d, "ml-ops");

    CHECK(ops_role != NULL && gc_role_n_aliases(ops_role) == 2);
    CHECK_STR(gc_role_alias(ops_role, 1), "mlops-eng");
    CHECK(gc_data_lookup_role(d, "ops") == ops_role);
    CHECK(gc_data_lookup_role(d, "OPS") == ops_role);
    CHECK(gc_data_lookup_role(d, "ML-Ops") == ops_role);
    CHECK(gc_data_find_role(d, "ops") == NULL);   /* ids only */
    CHECK(gc_data_lookup_role(d, "op") == NULL);
}

static void test_suggestions(const gc_data *d)
{
    const gc_role *r[3];
    size_t s[3];

    CHECK(gc_data_suggest_roles(r, 3, d, "ml") >= 2 && r[0] == gc_data_find_role(d, "mle"));
    CHECK(gc_data_suggest_roles(r, 3, d, "developer") == 1 &&
          r[0] == gc_data_find_role(d, "web-developer"));
    CHECK(gc_data_suggest_roles(r, 3, d, "platform") == 1 &&   /* a job title */
          r[0] == gc_data_find_role(d, "ml-ops"));
    CHECK(gc_data_suggest_roles(r, 3, d, "web-devloper") == 1);  /* a typo */
    CHECK(gc_data_suggest_roles(r, 3, d, "astronaut") == 0);
    CHECK(gc_data_suggest_skills(s, 3, d, "pyton") == 1 &&
          s[0] == (size_t)gc_data_find_skill(d, "python"));
    CHECK(gc_data_suggest_skills(s, 3, d, "kubernets") >= 1 &&
          s[0] == (size_t)gc_data_find_skill(d, "kubernetes"));
    CHECK(gc_data_suggest_skills(s, 3, d, "x") == 0);   /* one letter is near too much */
    CHECK(gc_data_suggest_skills(s, 3, d, "xyzzy") == 0);
}

static void test_related(const gc_data *d)
{
    const gc_role *mle = gc_data_find_role(d, "mle"), *o = gc_data_find_role(d, "ml-ops");
    gc_related v[8];
    size_t n;

    CHECK(gc_data_related_share(d) > 0.39 && gc_data_related_share(d) < 0.41);
    n = gc_role_related(v, d, mle, GC_RELATED_SHARES_R);
    CHECK(n == 1 && v[0].role == o);
    CHECK(n == 1 && v[0].share > 0.66 && v[0].share < 0.67 && v[0].of_r == v[0].share);
    CHECK(n == 1 && v[0].of_role == 0.75);
    /* the other way round; web too: ml-ops lists python, half of web's two */
    n = gc_role_related(v, d, o, GC_RELATED_SHARED_BY_R);
    CHECK(n == 2 && v[0].role == mle && v[0].share > 0.66 && v[0].share < 0.67);
    CHECK(n == 2 && strcmp(gc_role_id(v[1].role), "web-developer") == 0 && v[1].share == 0.5);
    n = gc_role_related(v, d, o, GC_RELATED_SHARES_R);
    CHECK(n == 1 && v[0].role == mle && v[0].share == 0.75);
    /* web shares python only: mle and ml-ops list half of web's two skills
     * (a tie, so by id), while web lists little of theirs */
    n = gc_role_related(v, d, gc_data_find_role(d, "web-developer"), GC_RELATED_SHARES_R);
    CHECK(n == 2 && v[0].role == o && v[1].role == mle);
    n = gc_role_related(v, d, gc_data_find_role(d, "web-developer"), GC_RELATED_SHARED_BY_R);
    CHECK(n == 0);
}

/* The same answers from a snapshot of the data. */
static void test_snapshot(const gc_data *d)
{
    gc_limits lim = GC_LIMITS_INIT;
    gc_err err = GC_ERR_INIT;
    char *blob = NULL;
    size_t len = 0;
    gc_data *s = NULL;

    CHECK(gc_data_snapshot(&blob, &len, d, &err) == 0);
    CHECK(blob != NULL && gc_data_from_snapshot(&s, blob, len, &lim, &err) == 0);
    if (s != NULL) {
        test_aliases(s);
        test_suggestions(s);
        test_related(s);
    }
    gc_data_free(s);
    free(blob);
}

int main(void)
{
    gc_data *d = load();

    CHECK(d != NULL);
    if (d != NULL) {
        test_aliases(d);
        test_suggestions(d);
        test_related(d);
        test_snapshot(d);
    }
    gc_data_free(d);
    return test_summary("test_related");
}
