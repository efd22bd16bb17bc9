/* Properties of the comparison of two versions of one résumé
 * (src/model/compare.c, gapcheck.h "two versions of one résumé"):
 * identical versions change nothing; a skill added is gained and never
 * adds months; a skill removed is lost; listed only → used in a dated
 * position is a change of basis and credit; an implied skill named is a
 * change of how; positions are matched by title and organisation (an
 * end date that moved keeps one); no role given takes the later
 * version's best fit; a failed document is refused. */
#include <math.h>

#include <glib.h>

#include "harness.h"
#include "testdata.h"

#define AS_OF GC_MONTH(2026, 12)

static gc_diff *diff_of(const gc_data *d, const char *before, const char *after,
                        const char *role, gc_err *err)
{
    gc_request q = {0};
    gc_diff *df = NULL;

    q.role = role ? gc_data_find_role(d, role) : NULL;
    q.as_of = AS_OF;
    if (gc_diff_new(&df, d, "old.txt", analyze_str(d, before), "new.txt", analyze_str(d, after),
                    &q, err) < 0)
        return NULL;
    return df;
}

static const gc_skill_diff *find(const gc_data *d, const gc_diff *df, const char *id)
{
    long s = gc_data_find_skill(d, id);

    for (size_t i = 0; s >= 0 && i < gc_diff_n_skills(df); i++)
        if (gc_diff_skill(df, i)->skill == (size_t)s)
            return gc_diff_skill(df, i);
    return NULL;
}

static double months(const gc_score *s)
{
    return gc_score_months_to_ready(s);
}

#define CV "Skills: Python, Docker\n\nEXPERIENCE\nAnalyst, Acme\tJan 2022 - Present\n" \
           "Built models with scikit-learn.\n"

static void identical(const gc_data *d)
{
    gc_err err = GC_ERR_INIT;
    gc_diff *df = diff_of(d, CV, CV, "mle", &err);

    CHECK(df != NULL);
    if (df == NULL)
        return;
    CHECK(gc_diff_same(df));
    CHECK(gc_diff_count(df, GC_CHANGE_NONE) == gc_diff_n_skills(df));
    CHECK(gc_diff_n_added(df) == 0 && gc_diff_n_removed(df) == 0);
    CHECK(months(gc_diff_score_before(df)) == months(gc_diff_score_after(df)));
    CHECK(!gc_diff_role_by_fit(df));
    CHECK_STR(gc_role_id(gc_diff_role(df)), "mle");
    /* every role skill is listed, in roadmap order, before the others */
    CHECK(gc_diff_n_skills(df) >= 9);
    CHECK(gc_diff_skill(df, 0)->in_role && gc_diff_skill(df, 0)->phase == 0);
    CHECK(gc_diff_skill(df, 0)->skill == (size_t)gc_data_find_skill(d, "python"));
    CHECK(find(d, df, "scikit-learn") != NULL && !find(d, df, "scikit-learn")->in_role);
    CHECK(find(d, df, "kubernetes") == NULL);   /* neither version shows it */
    gc_diff_free(df);
}

/* Adding a skill: gained, and the months to ready never go up. */
static void gained(const gc_data *d)
{
    static const char *const added[] = {"PyTorch", "AWS", "TensorFlow", "MLflow", "Kubernetes",
                                        "distributed systems", "EC2"};
    gc_err err = GC_ERR_INIT;

    for (size_t i = 0; i < sizeof added / sizeof added[0]; i++) {
        char *after = g_strdup_printf("Skills: Python, Docker, %s\n\nEXPERIENCE\nAnalyst, "
                                      "Acme\tJan 2022 - Present\nBuilt models with "
                                      "scikit-learn.\n", added[i]);
        gc_diff *df = diff_of(d, CV, after, "mle", &err);
        CHECK(df != NULL);
        if (df) {
            CHECK(gc_diff_count(df, GC_CHANGE_GAINED) >= 1);
            CHECK(gc_diff_count(df, GC_CHANGE_LOST) == 0);
            CHECK(months(gc_diff_score_after(df)) <= months(gc_diff_score_before(df)) + 1e-12);
            CHECK(gc_score_coverage(gc_diff_score_after(df)) >=
                  gc_score_coverage(gc_diff_score_before(df)) - 1e-12);
            for (size_t p = 0; p < gc_role_n_phases(gc_diff_role(df)); p++)
                CHECK(gc_score_phase_months_left(gc_diff_score_after(df), p) <=
                      gc_score_phase_months_left(gc_diff_score_before(df), p) + 1e-12);
            CHECK(!gc_diff_same(df));
        }
        gc_diff_free(df);
        g_free(after);
    }
    /* the skill itself: absent before, evidenced after, credit up */
    gc_diff *df = diff_of(d, CV, "Skills: Python, Docker, PyTorch\n\nEXPERIENCE\nAnalyst, Acme\t"
                          "Jan 2022 - Present\nBuilt models with scikit-learn.\n", "mle", &err);
    const gc_skill_diff *e = df ? find(d, df, "pytorch") : NULL;
    CHECK(e != NULL && e->change == GC_CHANGE_GAINED && e->in_role);
    CHECK(e != NULL && e->before.how == GC_ABSENT && e->after.how == GC_EVIDENCED);
    CHECK(e != NULL && e->after.credit.credit > e->before.credit.credit && e->direction == 1);
    /* PyTorch implies deep learning, a skill the role does not list: gained too */
    e = df ? find(d, df, "deep-learning") : NULL;
    CHECK(e != NULL && e->change == GC_CHANGE_GAINED && !e->in_role &&
          e->after.how == GC_IMPLIED);
    gc_diff_free(df);
}

/* The same pair the other way round: lost, and months never go down. */
static void lost(const gc_data *d)
{
    gc_err err = GC_ERR_INIT;
    gc_diff *df = diff_of(d, "Skills: Python, Docker, PyTorch\n", "Skills: Python, Docker\n",
                          "mle", &err);
    const gc_skill_diff *e = df ? find(d, df, "pytorch") : NULL;

    CHECK(e != NULL && e->change == GC_CHANGE_LOST && e->direction == -1);
    CHECK(e != NULL && e->before.how == GC_EVIDENCED && e->after.how == GC_ABSENT);
    CHECK(df && months(gc_diff_score_after(df)) >= months(gc_diff_score_before(df)));
    CHECK(df && gc_diff_count(df, GC_CHANGE_GAINED) == 0);
    gc_diff_free(df);
}

/* Docker listed only → used for years in a dated position: changed, with
 * its basis, months and credit. */
static void changed(const gc_data *d)
{
    gc_err err = GC_ERR_INIT;
    gc_diff *df = diff_of(d, "Skills: Python, Docker\n",
                          "Skills: Python\n\nEXPERIENCE\nEngineer, Acme\tJan 2023 - Present\n"
                          "Shipped services in Docker.\n", "mle", &err);
    const gc_skill_diff *e = df ? find(d, df, "docker") : NULL;

    CHECK(e != NULL && e->change == GC_CHANGE_CHANGED);
    CHECK(e != NULL && e->before.credit.basis == GC_BASIS_LISTED && e->before.months == -1);
    CHECK(e != NULL && e->after.credit.basis == GC_BASIS_POSITIONS && e->after.months == 48);
    CHECK(e != NULL && e->after.credit.credit > e->before.credit.credit && e->direction == 1);
    CHECK(df && months(gc_diff_score_after(df)) < months(gc_diff_score_before(df)));
    /* python: listed in both, the same credit: no change */
    e = df ? find(d, df, "python") : NULL;
    CHECK(e != NULL && e->change == GC_CHANGE_NONE && e->direction == 0);
    CHECK(df && gc_diff_n_added(df) == 1 && gc_diff_added(df, 0) == 0 && gc_diff_n_removed(df) == 0);
    gc_diff_free(df);

    /* implied (MLflow ⇒ MLOps) → named: how changed */
    df = diff_of(d, "Skills: MLflow\n", "Skills: MLflow, MLOps\n", "mle", &err);
    e = df ? find(d, df, "mlops") : NULL;
    CHECK(e != NULL && e->change == GC_CHANGE_CHANGED);
    CHECK(e != NULL && e->before.how == GC_IMPLIED && e->after.how == GC_EVIDENCED);
    gc_diff_free(df);
}

/* Positions: an end date that moved keeps the position; a new one is
 * added, a dropped one removed; a corrected start date keeps it too. */
static void positions(const gc_data *d)
{
    gc_err err = GC_ERR_INIT;
    gc_diff *df = diff_of(d,
                          "EXPERIENCE\nData Scientist, Acme\tFeb 2020 - Present\nPython daily.\n"
                          "Analyst, Transit Co\tJul 2017 - Jan 2020\nSQL reports.\n",
                          "EXPERIENCE\nMachine Learning Engineer, Acme\tJun 2025 - Present\n"
                          "PyTorch models in Python.\n"
                          "Data  scientist, ACME\tFeb 2020 - May 2025\nPython daily.\n",
                          "mle", &err);

    CHECK(df != NULL);
    if (df) {
        CHECK(gc_diff_n_added(df) == 1 && gc_diff_added(df, 0) == 0);
        CHECK(gc_diff_n_removed(df) == 1 && gc_diff_removed(df, 0) == 1);
        CHECK(!gc_diff_same(df));
    }
    gc_diff_free(df);
    /* a position that ended: the same position, its skill changed for the worse */
    df = diff_of(d, "EXPERIENCE\nEngineer, Acme\tJan 2020 - Present\nRan Kubernetes.\n",
                 "EXPERIENCE\nEngineer, Acme\tJan 2020 - Dec 2023\nRan Kubernetes.\n", "mle", &err);
    const gc_skill_diff *e = df ? find(d, df, "kubernetes") : NULL;
    CHECK(df && gc_diff_n_added(df) == 0 && gc_diff_n_removed(df) == 0);
    CHECK(e != NULL && !e->in_role && e->change == GC_CHANGE_CHANGED && e->direction == -1);
    CHECK(e != NULL && e->before.months_since == 0 && e->after.months_since == 36);
    gc_diff_free(df);
    df = diff_of(d, "EXPERIENCE\nData Scientist, Acme\tFeb 2020 - Present\nPython.\n",
                 "EXPERIENCE\nData Scientist, Acme\tMar 2020 - Present\nPython.\n", "mle", &err);
    CHECK(df && gc_diff_n_added(df) == 0 && gc_diff_n_removed(df) == 0);
    gc_diff_free(df);
}

/* No role given: the later version's best fit, said so; the earlier one
 * is measured against the same role.  Nothing fits: GC_ENOROLE. */
static void by_fit(const gc_data *d)
{
    gc_err err = GC_ERR_INIT;
    gc_diff *df = diff_of(d, "Skills: Excel\n", "Skills: Python, PyTorch\n", NULL, &err);

    CHECK(df != NULL && gc_diff_role_by_fit(df));
    CHECK(df && gc_score_role(gc_diff_score_before(df)) == gc_diff_role(df));
    CHECK(df && gc_score_role(gc_diff_score_after(df)) == gc_diff_role(df));
    gc_diff_free(df);
    df = diff_of(d, "Skills: Python\n", "nothing relevant", NULL, &err);
    CHECK(df == NULL && err.code == GC_ENOROLE);
}

/* A document that failed is refused, and both docs are freed (ASan). */
static void failed(const gc_data *d)
{
    gc_err err = GC_ERR_INIT, bad = GC_ERR_INIT;
    gc_request q = {0};
    gc_diff *df = NULL;

    gc_err_set(&bad, GC_EIO, NULL, 0, 0, "cannot open: No such file or directory");
    q.role = gc_data_find_role(d, "mle");
    q.as_of = AS_OF;
    CHECK(gc_diff_new(&df, d, "old.txt", analyze_str(d, "Python"), "new.txt",
                      gc_doc_new_error(d, &bad), &q, &err) == GC_EUSAGE);
    CHECK(df == NULL && strstr(err.msg, "new.txt") != NULL);
    /* bad hours: refused like gc_result_new */
    gc_err_clear(&err);
    q.hours_per_week = 500;
    CHECK(gc_diff_new(&df, d, "old.txt", analyze_str(d, "Python"), "new.txt",
                      analyze_str(d, "Python"), &q, &err) == GC_EUSAGE);
    CHECK(df == NULL);
}

static void names(void)
{
    CHECK_STR(gc_change_name(GC_CHANGE_GAINED), "gained");
    CHECK_STR(gc_change_name(GC_CHANGE_LOST), "lost");
    CHECK_STR(gc_change_name(GC_CHANGE_CHANGED), "changed");
    CHECK_STR(gc_change_name(GC_CHANGE_NONE), "none");
    CHECK_STR(gc_change_name((gc_change)99), "none");
}

int main(void)
{
    gc_data *d = load_mini();

    identical(d);
    gained(d);
    lost(d);
    changed(d);
    positions(d);
    by_fit(d);
    failed(d);
    names();
    gc_data_free(d);
    return test_summary("compare");
}
