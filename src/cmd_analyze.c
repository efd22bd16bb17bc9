/* `gapcheck FILE...`: analyse each file in a sandboxed child, score it
 * against the role, print reports in input order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "commands.h"
#include "fileio.h"

typedef struct emit_ctx {
    const gc_cli *cli;
    const gc_data *d;
    const gc_role *role;
    const gc_doc *posting;
    size_t n_done;
    int failed, write_failed;
} emit_ctx;

int gc_out(const gc_buf *b)
{
    if (b->failed)
        return -1;
    if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len)
        return -1;
    return 0;
}

static double hours_for(const gc_cli *cli, const gc_role *r)
{
    return cli->hours > 0 ? cli->hours : gc_role_hours_per_week(r);
}

static int cmp_months(const void *x, const void *y)
{
    const gc_score *a = *(gc_score *const *)x, *b = *(gc_score *const *)y;
    double ma = gc_score_months_to_ready(a), mb = gc_score_months_to_ready(b);
    if (ma != mb)
        return ma < mb ? -1 : 1;
    return strcmp(gc_role_id(gc_score_role(a)), gc_role_id(gc_score_role(b)));
}

/* --suggest: every role scored, fastest first. */
static size_t suggest(gc_score **v, const emit_ctx *c, const gc_doc *doc)
{
    size_t n = 0;
    gc_err err = GC_ERR_INIT;

    for (size_t i = 0; i < gc_data_n_roles(c->d); i++) {
        const gc_role *r = gc_data_role(c->d, i);
        if (gc_score_new(&v[n], c->d, doc, r, hours_for(c->cli, r), &err) == 0)
            n++;
    }
    qsort(v, n, sizeof *v, cmp_months);
    return n;
}

static void emit(gc_task *t, void *p)
{
    emit_ctx *c = p;
    gc_report_opts o = {c->cli->color, c->cli->explain, c->cli->redact};
    gc_score *score = NULL;
    gc_err err = GC_ERR_INIT;
    gc_buf b = {0};
    const gc_err *e = gc_doc_error(t->doc);
    gc_score **sugg = calloc(gc_data_n_roles(c->d) + 1, sizeof *sugg);
    gc_report_more more = {sugg, 0, NULL, c->cli->job};
    gc_job *job = NULL;

    if (e != NULL) {
        gc_cli_error(t->path, "%s", e->msg);
        c->failed = 1;
    } else {
        if (c->role && gc_score_new(&score, c->d, t->doc, c->role, hours_for(c->cli, c->role),
                                    &err) < 0)
            gc_cli_error(t->path, "%s", err.msg);
        if (c->cli->suggest && sugg)
            more.n_suggestions = suggest(sugg, c, t->doc);
        if (c->posting && gc_job_new(&job, c->d, c->posting, t->doc, c->cli->hours, &err) == 0)
            more.job = job;
    }
    if (c->cli->format == FMT_JSON) {
        gc_report_json(&b, c->d, t->path, t->doc, score, &more, &o);
    } else if (e == NULL) {
        if (c->n_done++ > 0)
            gc_buf_addc(&b, '\n');
        gc_report_text(&b, c->d, t->path, t->doc, score, &more, &o);
    }
    for (size_t i = 0; i < more.n_suggestions; i++)
        gc_score_free(sugg[i]);
    free(sugg);
    gc_job_free(job);
    if (gc_out(&b) < 0)
        c->write_failed = 1;
    gc_buf_free(&b);
    gc_score_free(score);
    gc_doc_free(t->doc);
    t->doc = NULL;
    t->pid = 0;  /* mark emitted: doc gone, not running */
}

/* Standard input is read once, in the parent, before any child starts. */
static int read_stdin(gc_task *t, char **keep, const gc_limits *lim)
{
    gc_err err = GC_ERR_INIT;
    size_t len = 0;

    if (gc_read_fd(keep, &len, STDIN_FILENO, lim->input_bytes, &err) < 0) {
        gc_cli_error("-", "%s", err.msg);
        return -1;
    }
    t->buf = (const unsigned char *)*keep;
    t->len = len;
    return 0;
}

static void keep_posting(gc_task *t, void *p)
{
    *(gc_doc **)p = t->doc;
    t->doc = NULL;
    t->pid = 0;
}

/* --job: the posting is hostile input too, so it is parsed in a child. */
static gc_doc *load_posting(const gc_cli *cli, const gc_data *d)
{
    gc_analyze_opts opts = {NULL, 0, 1};
    gc_task t;
    gc_doc *doc = NULL;

    memset(&t, 0, sizeof t);
    t.path = cli->job;
    if (gc_batch_run(&t, 1, 1, d, &cli->lim, &opts, keep_posting, &doc) < 0)
        return NULL;
    if (doc && gc_doc_error(doc)) {
        gc_cli_error(cli->job, "%s", gc_doc_error(doc)->msg);
        gc_doc_free(doc);
        return NULL;
    }
    return doc;
}

int gc_cmd_analyze(const gc_cli *cli, const gc_data *d)
{
    emit_ctx c = {cli, d, NULL, NULL, 0, 0, 0};
    gc_analyze_opts opts = {NULL, 0, 0};
    gc_task *tasks = calloc(cli->n_files, sizeof *tasks);
    char *stdin_buf = NULL;
    long jobs = cli->jobs ? cli->jobs : sysconf(_SC_NPROCESSORS_ONLN);

    if (tasks == NULL)
        return EXIT_SYSTEM;
    if (cli->role && (c.role = gc_data_find_role(d, cli->role)) == NULL) {
        gc_cli_error(NULL, "unknown role '%s' (see 'gapcheck roles')", cli->role);
        free(tasks);
        return EXIT_DATA;
    }
    gc_doc *posting = NULL;
    if (cli->job && (c.posting = posting = load_posting(cli, d)) == NULL) {
        free(tasks);
        return gc_interrupted ? 128 + (int)gc_interrupted : EXIT_SOME_FAILED;
    }
    for (size_t i = 0; i < cli->n_files; i++) {
        tasks[i].path = cli->files[i];
        if (strcmp(cli->files[i], "-") == 0 && stdin_buf == NULL &&
            read_stdin(&tasks[i], &stdin_buf, &cli->lim) < 0) {
            free(tasks);
            return EXIT_SOME_FAILED;
        }
    }
    int rc = gc_batch_run(tasks, cli->n_files, jobs < 1 ? 1 : (int)jobs, d, &cli->lim, &opts,
                          emit, &c);
    free(tasks);
    free(stdin_buf);
    gc_doc_free(posting);
    if (rc < 0)
        return 128 + (int)gc_interrupted;
    if (c.write_failed)
        return EXIT_SYSTEM;
    return c.failed ? EXIT_SOME_FAILED : EXIT_ALL_OK;
}
