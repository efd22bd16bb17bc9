/* job.c through the public API only (gapcheck.h), in the terms README
 * keeps for --job: a posting's skills are required unless it names them
 * only under a nice-to-have heading or on lines with a nice-to-have cue;
 * the closest catalogue role is the one sharing most of them; `match` is
 * the weighted share of the résumé's credit (optional skills weigh half);
 * months follow gc_model_months_left, so they are 0 at a full match and
 * halve when the hours double.  The mini data plus job-posting sections
 * and cues, and a second role. */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "harness.h"
#include "testdata.h"

#define AS_OF GC_MONTH(2026, 12)
#define OPTIONAL_WEIGHT 0.5   /* README: optional skills weigh half */

static const char jobs_yaml[] =
    "sections:\n"
    "  - id: requirements\n"
    "    headings: [requirements, must have]\n"
    "  - id: nice-to-have\n"
    "    headings: [nice to have, bonus]\n"
    "cues:\n"
    "  - id: nice-to-have\n"
    "    phrases: [a plus, is a plus, nice to have, preferred]\n";

static const char web_role[] =
    "id: web\n"
    "title: Web Developer\n"
    "hours_per_week: 10\n"
    "months: 6\n"
    "phases:\n"
    "  - id: front\n"
    "    title: Front end\n"
    "    months: 3\n"
    "    skills: [javascript, node-js]\n"
    "  - id: back\n"
    "    title: Back end\n"
    "    months: 3\n"
    "    skills: [sql, mysql, java]\n";

static gc_data *load(void)
{
    gc_limits lim = GC_LIMITS_INIT;
    gc_err err = GC_ERR_INIT;
    gc_data_builder *b = gc_data_builder_new(&lim);
    gc_data *d = NULL;

    if (gc_data_add_dir(b, GC_DATA_LEXICON, "tests/fixtures/data/mini/lex", 0, &err) < 0 ||
        gc_data_add(b, GC_DATA_LEXICON, "jobs.yaml", jobs_yaml, strlen(jobs_yaml), 0, &err) < 0 ||
        gc_data_add_dir(b, GC_DATA_ROLES, "tests/fixtures/data/mini/roles", 0, &err) < 0 ||
        gc_data_add(b, GC_DATA_ROLES, "web.yaml", web_role, strlen(web_role), 0, &err) < 0 ||
        gc_data_build(&d, b, &err) < 0) {
        fprintf(stderr, "cannot load the job data: %s:%u:%u: %s\n", err.path, err.line, err.col,
                err.msg);
        exit(1);
    }
    return d;
}

static gc_doc *posting(const gc_data *d, const char *text)
{
    gc_limits lim = GC_LIMITS_INIT;
    gc_err err = GC_ERR_INIT;
    gc_doc *doc = NULL;
    gc_analyze_opts o = {NULL, 0, 1};

    if (gc_analyze_text(&doc, d, text, strlen(text), &lim, &o, &err) < 0) {
        fprintf(stderr, "posting: %s\n", err.msg);
        exit(1);
    }
    return doc;
}

typedef struct run {
    gc_doc *post, *cv;
    gc_experience *x;
    gc_job *job;
} run;

static int job_of(run *r, const gc_data *d, const char *post, const char *cv, double hours)
{
    gc_err err = GC_ERR_INIT;

    memset(r, 0, sizeof *r);
    r->post = posting(d, post);
    r->cv = analyze_str(d, cv);
    return gc_experience_new(&r->x, d, r->cv, AS_OF, &err) == 0 &&
           gc_job_new(&r->job, d, r->post, r->cv, r->x, hours, &err) == 0;
}

static void done(run *r)
{
    gc_job_free(r->job);
    gc_experience_free(r->x);
    gc_doc_free(r->cv);
    gc_doc_free(r->post);
}

/* 1 optional, 0 required, -1 not in the posting. */
static int optional(const gc_data *d, const gc_job *j, const char *id)
{
    long s = gc_data_find_skill(d, id);

    for (size_t i = 0; i < gc_job_n_skills(j); i++) {
        int opt = -1;
        if ((long)gc_job_skill(j, i, &opt) == s)
            return opt;
    }
    return -1;
}

static const char POST[] =
    "Senior engineer, Berlin\n"
    "Requirements\n"
    "Python and PyTorch in production\n"
    "Docker; experience with AWS is a plus\n"
    "Nice to have\n"
    "Kubernetes\n"
    "MLflow, and Python again\n";

static void split(const gc_data *d)
{
    run r;

    CHECK(job_of(&r, d, POST, "nothing", 0));
    if (r.job == NULL)
        return;
    CHECK(optional(d, r.job, "python") == 0);      /* also under nice to have: still required */
    CHECK(optional(d, r.job, "pytorch") == 0);
    CHECK(optional(d, r.job, "docker") == 1);      /* on the line with the cue */
    CHECK(optional(d, r.job, "aws") == 1);
    CHECK(optional(d, r.job, "kubernetes") == 1);  /* under the heading */
    CHECK(optional(d, r.job, "mlflow") == 1);
    CHECK(optional(d, r.job, "java") == -1);
    CHECK(gc_job_role(r.job) != NULL && strcmp(gc_role_id(gc_job_role(r.job)), "mle") == 0);
    done(&r);

    /* the closest role is the one sharing most of the posting's skills */
    CHECK(job_of(&r, d, "Requirements\nJavaScript, Node.js and MySQL\n", "nothing", 0));
    CHECK(r.job && gc_job_role(r.job) && strcmp(gc_role_id(gc_job_role(r.job)), "web") == 0);
    done(&r);
}

/* match = Σ weight × credit ÷ Σ weight, with the model's credit per skill. */
static void match(const gc_data *d)
{
    static const char *const cvs[] = {
        "nothing",
        "Skills: Python, Docker",
        "EXPERIENCE\nEngineer, Acme\tJan 2020 - Present\nPython, PyTorch, Docker, EC2.\n",
        "EXPERIENCE\nEngineer, Acme\tJan 2020 - Present\nPython, PyTorch, Docker, AWS, "
        "Kubernetes, MLflow.\n",
    };
    double prev = -1;

    for (size_t c = 0; c < sizeof cvs / sizeof cvs[0]; c++) {
        run r;
        CHECK(job_of(&r, d, POST, cvs[c], 0));
        if (r.job == NULL)
            continue;
        double w = 0, have = 0;
        for (size_t i = 0; i < gc_job_n_skills(r.job); i++) {
            int opt;
            gc_job_skill(r.job, i, &opt);
            double wi = opt ? OPTIONAL_WEIGHT : 1.0, ci = gc_job_skill_credit(r.job, i).credit;
            CHECK(ci >= 0 && ci <= 1);
            w += wi;
            have += wi * ci;
        }
        double m = gc_job_match(r.job);
        if (fabs(m - have / w) > 1e-9)
            fprintf(stderr, "cv %zu: match %.6f, weighted share %.6f\n", c, m, have / w);
        CHECK(fabs(m - have / w) < 1e-9);
        CHECK(m >= prev - 1e-12);   /* these résumés show more and more */
        prev = m;
        if (c == 0)
            CHECK(m == 0);
        if (c == sizeof cvs / sizeof cvs[0] - 1) {
            CHECK(fabs(m - 1) < 1e-9);
            CHECK(fabs(gc_job_months_to_ready(r.job)) < 1e-9);
        }
        done(&r);
    }
}

/* Months through gc_model_months_left: a pace of its own, linear in the
 * hours, never more than the closest role's months at that pace. */
static void months(const gc_data *d)
{
    run a, b;

    CHECK(job_of(&a, d, POST, "Skills: Python", 10) && job_of(&b, d, POST, "Skills: Python", 20));
    if (a.job && b.job) {
        const gc_role *r = gc_job_role(a.job);
        double ma = gc_job_months_to_ready(a.job), mb = gc_job_months_to_ready(b.job);
        CHECK(gc_job_hours(a.job) == 10 && gc_job_hours(b.job) == 20);
        CHECK(ma > 0 && fabs(mb - ma / 2) < 1e-9);
        CHECK(ma <= gc_model_months_left(gc_role_months(r), 0, gc_role_hours_per_week(r), 10) +
                        1e-9);
    }
    done(&a);
    done(&b);
    /* no hours given: the closest role's own pace */
    CHECK(job_of(&a, d, POST, "nothing", 0));
    CHECK(a.job && gc_job_hours(a.job) == gc_role_hours_per_week(gc_job_role(a.job)));
    done(&a);
    /* the same months as the model computes for a phase: a posting naming
     * only the mle role's first-phase skills, a résumé with none of them */
    CHECK(job_of(&a, d, "Requirements\nPython, machine learning, PyTorch\n", "nothing", 15));
    if (a.job) {
        const gc_role *r = gc_job_role(a.job);
        CHECK(fabs(gc_job_months_to_ready(a.job) -
                   gc_model_months_left(gc_role_phase_months(r, 0), 0, gc_role_hours_per_week(r),
                                        15)) < 1e-9);
    }
    done(&a);
}

int main(void)
{
    gc_data *d = load();

    split(d);
    match(d);
    months(d);
    gc_data_free(d);
    return test_summary("test_job");
}
