/* Job postings read like a recruiter would (src/match/posting.c,
 * src/model/job.c; README.md, "Job postings"): alternatives are one
 * requirement met by any; sub-skills sit under an umbrella the posting
 * names; years asked are read and compared with the résumé's dated
 * positions; a posting's title picks the role; the study plan is in
 * learning order; more years shown never lower the match.  Uses the
 * shipped data (lexicon/, roles/), whose words and titles these are. */
#include <math.h>

#include <glib.h>

#include "harness.h"
#include "testdata.h"

#define AS_OF GC_MONTH(2026, 12)

static gc_doc *posting(const gc_data *d, const char *text)
{
    gc_limits lim = GC_LIMITS_INIT;
    gc_err err = GC_ERR_INIT;
    gc_analyze_opts o = {NULL, 0, 1};
    gc_doc *doc = NULL;

    if (gc_analyze_text(&doc, d, text, strlen(text), &lim, &o, &err) < 0) {
        fprintf(stderr, "posting: %s\n", err.msg);
        exit(1);
    }
    return doc;
}

static long sk(const gc_data *d, const char *id)
{
    long s = gc_data_find_skill(d, id);
    if (s < 0) {
        fprintf(stderr, "no skill %s in the data\n", id);
        exit(1);
    }
    return s;
}

/* "fastapi flask" when the posting has that group (any order of ids in the
 * group, in the order given here). */
static int has_group(const gc_data *d, const gc_doc *p, const char *ids)
{
    gchar **want = g_strsplit(ids, " ", -1);
    size_t nw = g_strv_length(want);
    int found = 0;

    for (size_t i = 0; i < gc_doc_n_alternatives(p) && !found; i++) {
        size_t n = gc_doc_alternatives(p, i, NULL, NULL), hit = 0;
        for (size_t k = 0; k < n; k++)
            for (size_t w = 0; w < nw; w++)
                hit += gc_doc_alternative_skill(p, i, k) == (size_t)sk(d, want[w]);
        found = n == nw && hit == nw;
    }
    g_strfreev(want);
    return found;
}

static int in_any_group(const gc_data *d, const gc_doc *p, const char *id)
{
    for (size_t i = 0; i < gc_doc_n_alternatives(p); i++)
        for (size_t k = 0; k < gc_doc_alternatives(p, i, NULL, NULL); k++)
            if (gc_doc_alternative_skill(p, i, k) == (size_t)sk(d, id))
                return 1;
    return 0;
}

/* Years asked of a skill (or NULL: overall): min, or 0 when none; *max. */
static unsigned years_of(const gc_data *d, const gc_doc *p, const char *id, unsigned *max)
{
    for (size_t i = 0; i < gc_doc_n_years(p); i++) {
        gc_years_info y;
        gc_doc_years(p, i, &y);
        if ((id == NULL && y.skill < 0) || (id && y.skill == sk(d, id))) {
            if (max)
                *max = y.max;
            return y.min;
        }
    }
    return 0;
}

static void alternatives(const gc_data *d)
{
    gc_doc *p = posting(d, "Requirements\n"
                           "- FastAPI or Flask\n"
                           "- Snowflake / BigQuery\n"
                           "- One of: Python, Go, Java\n"
                           "- Python, Django or Flask\n"
                           "- AWS, GCP or Azure\n"
                           "- Docker and Kubernetes\n"
                           "- Java oder Kotlin\n"
                           "- PostgreSQL o MySQL\n"
                           "- Terraform ou Ansible\n"
                           "- Either Spark or Flink\n");

    CHECK(has_group(d, p, "fastapi flask"));
    CHECK(has_group(d, p, "snowflake bigquery"));
    CHECK(has_group(d, p, "python go java"));         /* after a lead phrase */
    CHECK(has_group(d, p, "django flask"));           /* Python is of another category */
    CHECK(has_group(d, p, "aws gcp azure"));          /* commas between peers */
    CHECK(has_group(d, p, "java kotlin"));            /* de */
    CHECK(has_group(d, p, "postgresql mysql"));       /* es */
    CHECK(has_group(d, p, "terraform ansible"));      /* fr */
    CHECK(has_group(d, p, "spark flink"));
    CHECK(!in_any_group(d, p, "docker"));             /* "and" joins requirements */
    CHECK(!in_any_group(d, p, "kubernetes"));
    gc_doc_free(p);
}

static void years(const gc_data *d)
{
    unsigned max = 99;
    gc_doc *p = posting(d, "Data Engineer\n"
                           "About us\n"
                           "We have used Scala for 12 years.\n"
                           "Requirements\n"
                           "- 4+ years of professional experience with Python.\n"
                           "- 3–5 years of experience in a product team.\n"
                           "- TypeScript (3+ years)\n"
                           "- Docker and at least one year of running workloads on AWS.\n"
                           "- Mindestens drei Jahre Erfahrung mit Kotlin.\n"

                           "- Up to 2 years of Rust is fine.\n"
                           "- Go (3+ years)\n"
                           "- We ship Kubernetes upgrades twice a year\n");

    CHECK(years_of(d, p, "python", &max) == 4 && max == 0);
    CHECK(years_of(d, p, NULL, &max) == 3 && max == 5);   /* overall, a range */
    CHECK(years_of(d, p, "typescript", NULL) == 3);       /* the skill just before */
    CHECK(years_of(d, p, "aws", NULL) == 1);              /* "one year": a number word */
    CHECK(years_of(d, p, "docker", NULL) == 0);           /* the years go to what follows */
    CHECK(years_of(d, p, "kotlin", NULL) == 3);           /* de */
    CHECK(years_of(d, p, "scala", NULL) == 0);            /* about the company */
    CHECK(years_of(d, p, "rust", NULL) == 0);             /* a ceiling asks nothing */
    CHECK(years_of(d, p, "kubernetes", NULL) == 0);       /* "twice a year" */
    CHECK(gc_doc_n_years(p) == 5);   /* not "Go (3+ years)": no skill read, no experience word */
    CHECK(gc_doc_n_heads(p) == 1);
    CHECK_STR(gc_doc_head(p, 0, NULL), "Data Engineer");
    gc_doc_free(p);
}

/* The doc of a posting crosses the pipe from the parser child whole. */
static void round_trip(const gc_data *d)
{
    gc_doc *p = posting(d, "Backend Engineer\nRequirements\n- FastAPI or Flask\n"
                           "- 4+ years of Python\n- 5+ years of experience\n"), *q = NULL;
    gc_err err = GC_ERR_INIT;
    char *buf = NULL;
    size_t len = 0;

    CHECK(gc_doc_encode(&buf, &len, p, &err) == 0);
    CHECK(gc_doc_decode(&q, d, buf, len, &err) == 0 && q != NULL);
    if (q) {
        CHECK(has_group(d, q, "fastapi flask"));
        CHECK(years_of(d, q, "python", NULL) == 4);
        CHECK(years_of(d, q, NULL, NULL) == 5);
        CHECK(gc_doc_n_heads(q) == 1 && strcmp(gc_doc_head(q, 0, NULL), "Backend Engineer") == 0);
    }
    gc_doc_free(q);
    g_free(buf);
    gc_doc_free(p);
}

typedef struct job_run {
    gc_doc *post, *cv;
    gc_experience *x;
    gc_job *j;
} job_run;

static job_run run(const gc_data *d, const char *post_text, const char *cv_text)
{
    job_run r = {posting(d, post_text), analyze_str(d, cv_text), NULL, NULL};
    gc_err err = GC_ERR_INIT;

    if (gc_experience_new(&r.x, d, r.cv, AS_OF, &err) < 0 ||
        gc_job_new(&r.j, d, r.post, r.cv, r.x, 0, &err) < 0) {
        fprintf(stderr, "job: %s\n", err.msg);
        exit(1);
    }
    return r;
}

static void run_free(job_run *r)
{
    gc_job_free(r->j);
    gc_experience_free(r->x);
    gc_doc_free(r->cv);
    gc_doc_free(r->post);
}

/* The requirement holding skill id (in any part), or -1. */
static long req_of(const gc_data *d, const gc_job *j, const char *id, gc_job_req *out)
{
    for (size_t q = 0; q < gc_job_n_reqs(j); q++) {
        gc_job_req rq;
        gc_job_req_get(j, q, &rq);
        for (size_t p = 0; p < rq.n_parts; p++)
            for (size_t i = 0; i < gc_job_req_part_n(j, q, p); i++)
                if (gc_job_skill(j, gc_job_req_part_skill(j, q, p, i), NULL) ==
                    (size_t)sk(d, id)) {
                    if (out)
                        *out = rq;
                    return (long)q;
                }
    }
    return -1;
}

static char *cv(const char *dates, const char *skills)
{
    return g_strdup_printf("EXPERIENCE\nDeveloper, Acme\t%s\nBuilt services with %s.\n", dates,
                           skills);
}

static void alternatives_credit(const gc_data *d)
{
    char *t = cv("Jan 2018 - Present", "Flask");
    job_run r = run(d, "Backend Engineer\nRequirements\n- FastAPI or Flask\n- Docker\n", t);
    gc_job_req rq;

    CHECK(gc_job_n_reqs(r.j) == 2);
    long q = req_of(d, r.j, "fastapi", &rq);
    CHECK(q >= 0 && q == req_of(d, r.j, "flask", NULL));   /* one requirement */
    CHECK(q >= 0 && rq.n_parts == 1 && gc_job_req_part_n(r.j, (size_t)q, 0) == 2);
    CHECK(fabs(rq.credit - 1) < 1e-9);                      /* met by Flask */
    CHECK(fabs(gc_job_match(r.j) - 0.5) < 1e-9);            /* Docker missing */
    run_free(&r);
    g_free(t);

    /* asked on its own too: the group adds nothing */
    t = cv("Jan 2018 - Present", "Go");
    r = run(d, "Requirements\n- Python\n- Python or Go\n", t);
    CHECK(gc_job_n_reqs(r.j) == 1);
    CHECK(req_of(d, r.j, "go", NULL) < 0);
    CHECK(gc_job_match(r.j) < 1e-9);
    run_free(&r);
    g_free(t);
}

static void umbrella(const gc_data *d)
{
    char *t = cv("Jan 2018 - Present", "AWS and S3");
    job_run r = run(d, "Cloud Engineer\nRequirements\n- AWS (S3, EKS, SageMaker)\n- Python\n", t);
    gc_job_req rq;
    long q = req_of(d, r.j, "aws", &rq);

    CHECK(gc_job_n_reqs(r.j) == 2);                          /* AWS with three, Python */
    CHECK(q >= 0 && rq.umbrella && rq.n_parts == 4);
    CHECK(q == req_of(d, r.j, "eks", NULL) && q == req_of(d, r.j, "sagemaker", NULL));
    CHECK(q >= 0 && gc_job_skill(r.j, gc_job_req_part_skill(r.j, (size_t)q, 0, 0), NULL) ==
                        (size_t)sk(d, "aws"));              /* the umbrella first */
    CHECK(fabs(rq.credit - 0.5) < 1e-9);                     /* AWS, S3 of four parts */
    CHECK(fabs(gc_job_match(r.j) - 0.25) < 1e-9);            /* and Python missing */
    run_free(&r);
    g_free(t);

    /* years asked on the umbrella's line are the umbrella's, not each service's */
    t = cv("Jan 2025 - Present", "AWS, EC2 and S3");
    r = run(d, "Requirements\n- 4+ years of experience with AWS: EC2 and S3.\n", t);
    gc_job_years y;
    q = req_of(d, r.j, "ec2", &rq);
    CHECK(gc_job_n_reqs(r.j) == 1 && rq.umbrella && rq.n_parts == 3);
    CHECK(q >= 0 && gc_job_skill_years(r.j, gc_job_req_part_skill(r.j, (size_t)q, 0, 0), &y) &&
          y.min == 4);
    CHECK(q >= 0 && !gc_job_skill_years(r.j, gc_job_req_part_skill(r.j, (size_t)q, 1, 0), NULL));
    CHECK(fabs(rq.credit - (0.75 + 1 + 1) / 3) < 1e-9);   /* only AWS short of its years */
    run_free(&r);
    g_free(t);

    /* an optional sub-skill does not sit under a required umbrella */
    t = cv("Jan 2018 - Present", "AWS");
    r = run(d, "Requirements\n- AWS\nNice to have\n- EKS\n", t);
    CHECK(gc_job_n_reqs(r.j) == 2);
    CHECK(req_of(d, r.j, "aws", NULL) != req_of(d, r.j, "eks", NULL));
    run_free(&r);
    g_free(t);
}

static double years_match(const gc_data *d, const char *dates, gc_job_years *y)
{
    char *t = cv(dates, "Python");
    job_run r = run(d, "Requirements\n- 4+ years of Python\n- Docker\n", t);
    long q = req_of(d, r.j, "python", NULL);
    double m = gc_job_match(r.j);

    CHECK(q >= 0 && gc_job_skill_years(r.j, gc_job_req_part_skill(r.j, (size_t)q, 0, 0), y));
    run_free(&r);
    g_free(t);
    return m;
}

static void years_compared(const gc_data *d)
{
    gc_job_years y;
    double m;

    m = years_match(d, "Jan 2020 - Present", &y);      /* 7 years */
    CHECK(y.min == 4 && y.met && y.shown == 84 && fabs(y.factor - 1) < 1e-9);
    CHECK(fabs(m - 0.5) < 1e-9);                       /* Docker missing */
    m = years_match(d, "Jan 2025 - Present", &y);      /* 2 of 4 years: 0.5 + 0.5 × 0.5 */
    CHECK(!y.met && y.shown == 24 && fabs(y.factor - 0.75) < 1e-9);
    CHECK(fabs(m - 0.375) < 1e-9);

    /* monotone: more years shown never lower the match */
    double last = -1;
    int ok = 1;
    for (int years_back = 0; years_back <= 8; years_back++) {
        char dates[64];
        snprintf(dates, sizeof dates, "Jan %d - Present", 2026 - years_back);
        double now = years_match(d, dates, &y);
        ok &= now >= last - 1e-12;
        last = now;
    }
    CHECK(ok);

    /* overall experience: its own requirement, credited shown ÷ asked */
    char *t = cv("Jan 2025 - Present", "Python");
    job_run r = run(d, "Requirements\n- 4+ years of experience\n- Python\n", t);
    CHECK(gc_job_experience_years(r.j, &y) && y.min == 4 && !y.met && y.shown == 24);
    CHECK(fabs(y.factor - 0.5) < 1e-9);
    CHECK(gc_job_n_reqs(r.j) == 2);
    CHECK(fabs(gc_job_match(r.j) - 0.75) < 1e-9);
    run_free(&r);
    g_free(t);
}

static void title_maps_role(const gc_data *d)
{
    /* the skills of a backend posting, the title of a frontend one */
    job_run r = run(d, "Senior Frontend Engineer\nAcme\nRequirements\n- Python, PostgreSQL, "
                       "Docker, REST APIs\n", "Nothing here.\n");
    CHECK(gc_job_role(r.j) == gc_data_find_role(d, "frontend-engineer"));
    CHECK(gc_job_role_by_title(r.j));
    CHECK_STR(gc_job_title(r.j, NULL), "Senior Frontend Engineer");
    run_free(&r);

    /* the title on the second line (a company name first) */
    r = run(d, "Acme GmbH\nMachine Learning Engineer (m/w/d)\nRequirements\n- Python\n", "x\n");
    CHECK(gc_job_role(r.j) == gc_data_find_role(d, "mle"));
    CHECK(gc_job_role_by_title(r.j));
    run_free(&r);

    /* no role title: the skills decide (Jaccard) */
    r = run(d, "We are hiring\nRequirements\n- React, TypeScript, CSS, HTML, JavaScript\n", "x\n");
    CHECK(!gc_job_role_by_title(r.j));
    CHECK(gc_job_role(r.j) == gc_data_find_role(d, "frontend-engineer"));
    CHECK_STR(gc_job_title(r.j, NULL), "We are hiring");
    run_free(&r);
}

static void plan_order(const gc_data *d)
{
    job_run r = run(d, "Machine Learning Engineer\nRequirements\n- PyTorch\n- Python\n", "x\n");
    long py = -1, torch = -1;

    for (size_t i = 0; i < gc_job_plan_n(r.j); i++) {
        size_t s = gc_job_skill(r.j, gc_job_plan_step(r.j, i, NULL), NULL);
        if (s == (size_t)sk(d, "python"))
            py = (long)i;
        if (s == (size_t)sk(d, "pytorch"))
            torch = (long)i;
    }
    CHECK(py >= 0 && torch >= 0 && py < torch);   /* PyTorch requires Python */
    run_free(&r);

    /* of alternatives, only the best one is to learn */
    char *t = cv("Jan 2025 - Dec 2025", "Flask");
    r = run(d, "Requirements\n- 4+ years of FastAPI or Flask\n", t);
    size_t n = gc_job_plan_n(r.j);
    CHECK(n == 1 && gc_job_skill(r.j, gc_job_plan_step(r.j, 0, NULL), NULL) ==
                        (size_t)sk(d, "flask"));
    run_free(&r);
    g_free(t);
}

int main(void)
{
    gc_data *d = load_shipped_data();

    alternatives(d);
    years(d);
    round_trip(d);
    alternatives_credit(d);
    umbrella(d);
    years_compared(d);
    title_maps_role(d);
    plan_order(d);
    gc_data_free(d);
    return test_summary("test_job_posting");
}
