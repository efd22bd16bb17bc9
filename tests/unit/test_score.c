/* Properties of the time-to-ready model (README "How time-to-ready is
 * estimated"): nothing ⇒ the role's full months; everything ⇒ 0; doubling
 * the hours halves the months; more coverage never means more months;
 * implied skills earn the role's partial credit; weights count. */
#include <math.h>

#include "harness.h"
#include "testdata.h"

static double months(const gc_data *d, const char *text, double hours, double *cov_out)
{
    gc_doc *doc = analyze_str(d, text);
    gc_score *s = NULL;
    gc_err err = GC_ERR_INIT;
    double m = -1;

    if (gc_score_new(&s, d, doc, gc_data_find_role(d, "mle"), hours, &err) == 0) {
        m = gc_score_months_to_ready(s);
        if (cov_out)
            *cov_out = gc_score_coverage(s);
    }
    gc_score_free(s);
    gc_doc_free(doc);
    return m;
}

#define ALL "python machine learning pytorch rest api docker aws mlops distributed systems tensorflow"

static int close_to(double a, double b)
{
    return fabs(a - b) < 1e-9;
}

int main(void)
{
    gc_data *d = load_mini();
    const gc_role *mle = gc_data_find_role(d, "mle");
    double cov;

    CHECK(mle != NULL && close_to(gc_role_months(mle), 14));
    CHECK(close_to(months(d, "nothing relevant here", 15, &cov), 14));
    CHECK(close_to(cov, 0));
    CHECK(close_to(months(d, ALL, 15, &cov), 0));
    CHECK(close_to(cov, 1));
    /* doubling the hours halves the months, at any coverage */
    CHECK(close_to(months(d, "nothing", 30, NULL), 7));
    CHECK(close_to(months(d, "python docker", 30, NULL), months(d, "python docker", 15, NULL) / 2));
    CHECK(close_to(months(d, "nothing", 7.5, NULL), 28));
    /* one of three equal skills in a 4-month phase saves 4/3 months */
    CHECK(close_to(months(d, "python", 15, NULL), 14 - 4.0 / 3));
    /* implied: EC2 ⇒ AWS at half credit saves half of 5/3 months */
    CHECK(close_to(months(d, "EC2", 15, NULL), 14 - 0.5 * 5.0 / 3));
    /* weights: tensorflow has weight 2 of 4 in a 5-month phase; it also
     * implies deep learning ⇒ machine learning (half of 4/3 months) */
    CHECK(close_to(months(d, "tensorflow", 15, NULL), 14 - 5.0 * 2 / 4 - 0.5 * 4.0 / 3));
    /* monotone: adding skills never adds months */
    const char *steps[] = {"", "python", "python docker", "python docker EC2", "python docker aws",
                           "python docker aws mlflow", "python docker aws mlops", ALL};
    double prev = 1e9;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        double m = months(d, steps[i], 15, NULL);
        CHECK(m <= prev + 1e-12);
        prev = m;
    }
    /* invalid hours are refused, not divided by */
    CHECK(months(d, "python", 0, NULL) < 0);
    gc_data_free(d);
    return test_summary("test_score");
}
