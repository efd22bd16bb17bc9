/* Properties of the time-to-ready model (README "How time-to-ready is
 * estimated"; src/model/credit.c): nothing ⇒ the role's full months;
 * every skill at full depth ⇒ 0; doubling the hours halves the months;
 * more months of use never add time; more recent use never adds time;
 * skills-list-only, implied and title credits as the data sets them;
 * weights count. */
#include <math.h>

#include <glib.h>

#include "harness.h"
#include "testdata.h"

#define AS_OF GC_MONTH(2026, 12)

static double months_at(const gc_data *d, const char *text, double hours, double *cov_out,
                        int as_of)
{
    gc_doc *doc = analyze_str(d, text);
    gc_experience *x = NULL;
    gc_score *s = NULL;
    gc_err err = GC_ERR_INIT;
    double m = -1;

    if (gc_experience_new(&x, d, doc, as_of, &err) == 0 &&
        gc_score_new(&s, d, doc, x, gc_data_find_role(d, "mle"), hours, &err) == 0) {
        m = gc_score_months_to_ready(s);
        if (cov_out)
            *cov_out = gc_score_coverage(s);
    }
    gc_score_free(s);
    gc_experience_free(x);
    gc_doc_free(doc);
    return m;
}

static double months(const gc_data *d, const char *text, double hours, double *cov_out)
{
    return months_at(d, text, hours, cov_out, AS_OF);
}

#define ALL "python machine learning pytorch rest api docker aws mlops distributed systems tensorflow"

/* A résumé with one dated position using `skills`. */
static char *job(const char *dates, const char *skills)
{
    return g_strdup_printf("EXPERIENCE\nAnalyst, Acme\t%s\nWorked with %s.\n", dates, skills);
}

static int close_to(double a, double b)
{
    return fabs(a - b) < 1e-9;
}

static void basics(const gc_data *d)
{
    const gc_role *mle = gc_data_find_role(d, "mle");
    double cov;
    char *t;

    CHECK(mle != NULL && close_to(gc_role_months(mle), 14));
    CHECK(close_to(months(d, "nothing relevant here", 15, &cov), 14));
    CHECK(close_to(cov, 0));
    /* every skill at full depth, in use now: nothing left */
    t = job("Jan 2020 - Present", ALL);
    CHECK(close_to(months(d, t, 15, &cov), 0));
    CHECK(close_to(cov, 1));
    /* doubling the hours halves the months, at any coverage */
    CHECK(close_to(months(d, "nothing", 30, NULL), 7));
    CHECK(close_to(months(d, "python docker", 30, NULL), months(d, "python docker", 15, NULL) / 2));
    CHECK(close_to(months(d, t, 30, NULL), 0));
    CHECK(close_to(months(d, "nothing", 7.5, NULL), 28));
    g_free(t);
    /* invalid hours are refused, not divided by */
    CHECK(months(d, "python", 0, NULL) < 0);
}

/* The credits the data sets (listed_credit 0.5, implied_credit 0.5). */
static void credits(const gc_data *d)
{
    char *t;

    /* named only in a list: half of one of three skills of a 4-month phase */
    CHECK(close_to(months(d, "Skills: python", 15, NULL), 14 - 0.5 * 4.0 / 3));
    /* a full year in a current position: the whole skill */
    t = job("Jan 2025 - Present", "python");
    CHECK(close_to(months(d, t, 15, NULL), 14 - 4.0 / 3));
    g_free(t);
    /* implied: EC2 ⇒ AWS, half of EC2's listed half */
    CHECK(close_to(months(d, "EC2", 15, NULL), 14 - 0.25 * 5.0 / 3));
    /* weights: tensorflow has weight 2 of 4 in a 5-month phase, named in a
     * list (half); it implies deep learning ⇒ machine learning (a quarter) */
    CHECK(close_to(months(d, "tensorflow", 15, NULL), 14 - 0.5 * 5.0 * 2 / 4 - 0.25 * 4.0 / 3));
}

/* More months of use, or more recent use, never add time. */
static void monotone(const gc_data *d)
{
    static const char *const longer[] = {"Jan 2026 - Jan 2026", "Oct 2025 - Jan 2026",
                                         "Jan 2025 - Jan 2026", "Jan 2022 - Jan 2026",
                                         "Jan 2010 - Jan 2026"};
    static const char *const later[] = {"Jan 2004 - Dec 2005", "Jan 2014 - Dec 2015",
                                        "Jan 2020 - Dec 2021", "Jan 2023 - Dec 2024",
                                        "Jan 2025 - Present"};
    double prev = 1e9;

    for (size_t i = 0; i < sizeof longer / sizeof longer[0]; i++) {
        char *t = job(longer[i], "python pytorch docker");
        double m = months(d, t, 15, NULL);
        CHECK(m <= prev + 1e-12);
        CHECK(m < 14);
        prev = m;
        g_free(t);
    }
    prev = 1e9;
    for (size_t i = 0; i < sizeof later / sizeof later[0]; i++) {
        char *t = job(later[i], "python pytorch docker");
        double m = months(d, t, 15, NULL);
        CHECK(m <= prev + 1e-12);
        prev = m;
        g_free(t);
    }
    /* a skill unused for years keeps its floor: at most half is lost */
    char *old = job("Jan 1990 - Dec 1999", ALL);
    CHECK(close_to(months(d, old, 15, NULL), 7));
    g_free(old);
    /* the same résumé read later never needs less time */
    char *t = job("Jan 2018 - Dec 2019", "python pytorch docker");
    CHECK(months_at(d, t, 15, NULL, GC_MONTH(2020, 1)) <=
          months_at(d, t, 15, NULL, GC_MONTH(2026, 1)) + 1e-12);
    g_free(t);
    /* adding skills never adds months */
    const char *steps[] = {"", "python", "python docker", "python docker EC2", "python docker aws",
                           "python docker aws mlflow", "python docker aws mlops", ALL};
    prev = 1e9;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        double m = months(d, steps[i], 15, NULL);
        CHECK(m <= prev + 1e-12);
        prev = m;
    }
}

/* Experience: overlapping jobs count once; year-only dates stand for
 * their middle; present is the as-of month; later starts are dropped. */
static void experience(const gc_data *d)
{
    static const struct { const char *text; int total; } cases[] = {
        {"EXPERIENCE\nAnalyst, A\tJan 2019 - Mar 2019\n", 3},
        {"EXPERIENCE\nAnalyst, A\tJan 2019 - Dec 2020\nEngineer, B\tJan 2020 - Dec 2021\n", 36},
        {"EXPERIENCE\nAnalyst, A\t2018 - 2021\n", 36},
        {"EXPERIENCE\nAnalyst, A\t2019\n", 6},
        {"EXPERIENCE\nAnalyst, A\tJun 2026 - Present\n", 7},
        {"EXPERIENCE\nAnalyst, A\tJan 2027 - Present\nEngineer, B\t2099 - 2099\n", 0},
        {"EXPERIENCE\nAnalyst, A\tMar 2021 - Jan 2021\n", 3},   /* swapped */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        gc_doc *doc = analyze_str(d, cases[i].text);
        gc_experience *x = NULL;
        gc_err err = GC_ERR_INIT;
        CHECK(gc_experience_new(&x, d, doc, AS_OF, &err) == 0);
        if (x && gc_experience_total_months(x) != cases[i].total)
            fprintf(stderr, "case %zu: %d months, want %d\n", i, gc_experience_total_months(x),
                    cases[i].total);
        CHECK(x && gc_experience_total_months(x) == cases[i].total);
        gc_experience_free(x);
        gc_doc_free(doc);
    }
    /* 40 overlapping jobs of the same years: still 6 years */
    GString *many = g_string_new("EXPERIENCE\n");
    for (int i = 0; i < 40; i++)
        g_string_append_printf(many, "Engineer, C%d\tJan 2015 - Dec 2020\nBuilt python tools.\n", i);
    gc_doc *doc = analyze_str(d, many->str);
    gc_experience *x = NULL;
    gc_err err = GC_ERR_INIT;
    gc_skill_use_info u;
    CHECK(gc_experience_new(&x, d, doc, AS_OF, &err) == 0 && gc_experience_total_months(x) == 72);
    CHECK(x && gc_experience_skill(x, (size_t)gc_data_find_skill(d, "python"), &u) &&
          u.months == 72);
    gc_experience_free(x);
    gc_doc_free(doc);
    g_string_free(many, TRUE);
}

/* "2026 – Present" read in March 2026: the year has begun and the person
 * is there now, so the position has started (a year alone stands for July,
 * which is not yet), and its months never shrink as the as-of month moves
 * on.  A month or season written after the as-of month is still left out. */
static void current_year(const gc_data *d)
{
    const char *text = "EXPERIENCE\nAnalyst, A\t2026 - Present\nPython daily\n";
    gc_doc *doc = analyze_str(d, text);
    int prev = 0;

    for (int m = 1; m <= 12; m++) {
        gc_experience *x = NULL;
        gc_err err = GC_ERR_INIT;
        CHECK(gc_experience_new(&x, d, doc, GC_MONTH(2026, m), &err) == 0);
        int months = x ? gc_experience_position_months(x, 0) : -2;
        if (months < 1 || months < prev)
            fprintf(stderr, "2026 - Present as of 2026-%02d: %d months (before: %d)\n", m,
                    months, prev);
        CHECK(months >= 1 && months >= prev);
        CHECK(x && gc_experience_total_months(x) == months);
        prev = months;
        gc_experience_free(x);
    }
    CHECK(prev == 6);   /* July to December: the convention for a year alone */
    gc_doc_free(doc);
    static const char *const later[] = {"EXPERIENCE\nAnalyst, A\tJun 2026 - Present\n",
                                        "EXPERIENCE\nAnalyst, A\tSummer 2026 - Present\n",
                                        "EXPERIENCE\nAnalyst, A\t2027 - Present\n"};
    for (size_t i = 0; i < sizeof later / sizeof later[0]; i++) {
        gc_experience *x = NULL;
        gc_err err = GC_ERR_INIT;
        doc = analyze_str(d, later[i]);
        CHECK(gc_experience_new(&x, d, doc, GC_MONTH(2026, 3), &err) == 0);
        CHECK(x && gc_experience_position_months(x, 0) == -1 &&
              gc_experience_total_months(x) == 0);
        gc_experience_free(x);
        gc_doc_free(doc);
    }
}

int main(void)
{
    gc_data *d = load_mini();

    basics(d);
    credits(d);
    monotone(d);
    experience(d);
    current_year(d);
    gc_data_free(d);
    return test_summary("test_score");
}
