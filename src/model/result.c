/* result: everything one document's report shows, assembled once in the
 * core — the document, its experience, the chosen role's score, every
 * role ranked by fit, the job posting's match, the person's name — so
 * every output format prints the same facts and the command line only
 * chooses and prints.  Pure; no I/O. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "model/model_int.h"

struct gc_result {
    const gc_data *d;
    char *file;
    gc_doc *doc;
    gc_experience *x;
    gc_score *score;            /* --role */
    gc_score **sugg;            /* --suggest: every role, best fit first */
    size_t n_sugg;
    gc_job *job;                /* --job */
    char *posting_file;
    gc_request req;
};

/* Best fit first (coverage with depth: the credits), then the fewest
 * months left, then the id: a short roadmap never outranks a fitting one. */
static int by_fit(const void *a, const void *b)
{
    const gc_score *x = *(gc_score *const *)a, *y = *(gc_score *const *)b;
    double cx = gc_score_coverage(x), cy = gc_score_coverage(y);
    double mx = gc_score_months_to_ready(x), my = gc_score_months_to_ready(y);

    if (cx > cy + 1e-9 || cx < cy - 1e-9)
        return cx > cy ? -1 : 1;
    if (mx != my)
        return mx < my ? -1 : 1;
    return strcmp(gc_role_id(gc_score_role(x)), gc_role_id(gc_score_role(y)));
}

static int suggest(gc_result *r, gc_err *err)
{
    const gc_data *d = r->d;

    r->sugg = calloc(gc_data_n_roles(d) + 1, sizeof *r->sugg);
    if (r->sugg == NULL)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < gc_data_n_roles(d); i++) {
        const gc_role *role = gc_data_role(d, i);
        int rc = gc_score_new(&r->sugg[r->n_sugg], d, r->doc, r->x, role,
                              gc_model_hours(role, r->req.hours_per_week), err);
        if (rc < 0)
            return rc;
        r->n_sugg++;
    }
    qsort(r->sugg, r->n_sugg, sizeof *r->sugg, by_fit);
    return 0;
}

static int assemble(gc_result *r, gc_err *err)
{
    const gc_request *q = &r->req;
    int rc;

    if ((rc = gc_experience_new(&r->x, r->d, r->doc, q->as_of, err)) < 0)
        return rc;
    if (q->role && (rc = gc_score_new(&r->score, r->d, r->doc, r->x, q->role,
                                      gc_model_hours(q->role, q->hours_per_week), err)) < 0)
        return rc;
    if (q->suggest && (rc = suggest(r, err)) < 0)
        return rc;
    if (q->posting && (rc = gc_job_new(&r->job, r->d, q->posting, r->doc, r->x,
                                       q->hours_per_week, err)) < 0)
        return rc;
    return 0;
}

int gc_result_new(gc_result **out, const gc_data *d, const char *file, gc_doc *doc,
                  const gc_request *req, gc_err *err)
{
    gc_result *r = calloc(1, sizeof *r);
    int rc = 0;

    *out = NULL;
    if (r == NULL || (r->file = strdup(file ? file : "")) == NULL ||
        (req->posting_file && (r->posting_file = strdup(req->posting_file)) == NULL)) {
        gc_doc_free(doc);
        gc_result_free(r);
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    }
    r->d = d;
    r->doc = doc;
    r->req = *req;
    r->req.posting_file = r->posting_file;
    if (gc_doc_error(doc) == NULL && (rc = assemble(r, err)) < 0) {
        gc_result_free(r);
        return rc;
    }
    *out = r;
    return 0;
}

void gc_result_free(gc_result *r)
{
    if (r == NULL)
        return;
    for (size_t i = 0; i < r->n_sugg; i++)
        gc_score_free(r->sugg[i]);
    free(r->sugg);
    gc_score_free(r->score);
    gc_job_free(r->job);
    gc_experience_free(r->x);
    gc_doc_free(r->doc);
    free(r->file);
    free(r->posting_file);
    free(r);
}

const gc_data *gc_result_data(const gc_result *r) { return r->d; }
const char *gc_result_file(const gc_result *r) { return r->file; }
const gc_doc *gc_result_doc(const gc_result *r) { return r->doc; }
const gc_request *gc_result_request(const gc_result *r) { return &r->req; }
const gc_experience *gc_result_experience(const gc_result *r) { return r->x; }
const gc_score *gc_result_score(const gc_result *r) { return r->score; }
size_t gc_result_n_suggestions(const gc_result *r) { return r->n_sugg; }
const gc_score *gc_result_suggestion(const gc_result *r, size_t i) { return r->sugg[i]; }
const gc_job *gc_result_job(const gc_result *r) { return r->job; }

int gc_result_fits(const gc_result *r)
{
    return r->n_sugg > 0 && gc_score_coverage(r->sugg[0]) > 0;
}

/* The role the report is about: the chosen one, else the best fit. */
const gc_score *gc_result_main_score(const gc_result *r)
{
    if (r->score)
        return r->score;
    return gc_result_fits(r) ? r->sugg[0] : NULL;
}
