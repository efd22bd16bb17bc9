/* `gapcheck FILE...`: analyse each file in a sandboxed child, score it,
 * and write the reports in input order: to standard output (text, JSON
 * Lines, CSV, TSV, Markdown, one HTML page) or, with -o DIR, one file per
 * résumé plus an index, renamed into place only when all are written. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "cli/batch.h"
#include "cli/commands.h"
#include "gapcheck.h"
#include "cli/inputs.h"
#include "cli/outdir.h"
#include "cli/progress.h"

typedef struct emit_ctx {
    const gc_cli *cli;
    const gc_data *d;
    const gc_role *role;
    const gc_doc *posting;
    gc_outdir *out;
    gc_index_row *index;      /* -o: one row per report written */
    size_t n_done, n_index, n_phases;
    gc_progress progress;
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

/* One document's rows for CSV/TSV: per suggested role, or the chosen one. */
static void table_rows(gc_buf *b, const emit_ctx *c, const char *file, const gc_doc *doc,
                       const gc_score *score, const gc_report_more *more)
{
    char sep = c->cli->format == FMT_CSV ? ',' : '\t';

    if (c->n_done == 0)
        gc_report_table_header(b, sep, c->n_phases);
    if (more->n_suggestions && !gc_doc_error(doc))
        for (size_t i = 0; i < more->n_suggestions; i++)
            gc_report_table_row(b, sep, c->d, file, doc, more->suggestions[i], c->n_phases);
    else
        gc_report_table_row(b, sep, c->d, file, doc, score, c->n_phases);
}

static void render(gc_buf *b, emit_ctx *c, const char *file, const gc_doc *doc,
                   const gc_score *score, const gc_report_more *more)
{
    gc_report_opts o = {c->cli->color, c->cli->explain, c->cli->redact};

    switch (c->cli->format) {
    case FMT_JSON: gc_report_json(b, c->d, file, doc, score, more, &o); break;
    case FMT_CSV:
    case FMT_TSV: table_rows(b, c, file, doc, score, more); break;
    case FMT_MARKDOWN: gc_report_markdown(b, c->d, file, doc, score, more, &o); break;
    case FMT_HTML: gc_report_html(b, c->d, file, doc, score, more, &o); break;
    default:
        if (gc_doc_error(doc) == NULL) {
            if (c->n_done > 0)
                gc_buf_addc(b, '\n');
            gc_report_text(b, c->d, file, doc, score, more, &o);
        }
    }
}

/* -o: the report goes to its own file; the index remembers it. */
static void to_outdir(emit_ctx *c, const char *file, const gc_doc *doc, const gc_buf *b,
                      const gc_score *score, const gc_report_more *more)
{
    const char *name;
    gc_index_row *row = &c->index[c->n_index];
    const gc_score *best = more->n_suggestions ? more->suggestions[0] : score;

    if (c->write_failed)
        return;   /* a full disk: the run fails, nothing is renamed into place */
    name = gc_outdir_add(c->out, file, c->cli->format == FMT_HTML ? "html" : "md", b);
    if (name == NULL) {
        c->write_failed = 1;
        return;
    }
    c->n_index++;
    row->name = g_strdup(file);
    row->href = g_strdup(name);
    row->error = gc_doc_error(doc) ? g_strdup(gc_doc_error(doc)->msg) : NULL;
    if (best) {
        row->role = g_strdup(gc_role_title(gc_score_role(best)));
        row->coverage = gc_score_coverage(best);
        row->months = gc_score_months_to_ready(best);
        row->has_score = 1;
    }
}

static void emit(gc_task *t, void *p)
{
    emit_ctx *c = p;
    gc_score *score = NULL;
    gc_err err = GC_ERR_INIT;
    gc_buf b = {0};
    const gc_err *e = gc_doc_error(t->doc);
    gc_score **sugg = calloc(gc_data_n_roles(c->d) + 1, sizeof *sugg);
    gc_report_more more = {sugg, 0, NULL, c->cli->job};
    gc_job *job = NULL;

    gc_progress_tick(&c->progress);
    if (e != NULL) {
        if (c->progress.on)
            fputs("\r\033[K", stderr);
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
    render(&b, c, t->path, t->doc, score, &more);
    if (c->out)
        to_outdir(c, t->path, t->doc, &b, score, &more);
    else if (!c->write_failed && gc_out(&b) < 0)
        c->write_failed = 1;   /* later writes would fail or block too */
    c->n_done++;
    gc_buf_free(&b);
    for (size_t i = 0; i < more.n_suggestions; i++)
        gc_score_free(sugg[i]);
    free(sugg);
    gc_job_free(job);
    gc_score_free(score);
    gc_doc_free(t->doc);
    t->doc = NULL;
    t->pid = 0;  /* emitted: no doc, not running */
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

static int expand(gc_inputs *in, const gc_cli *cli)
{
    for (size_t i = 0; i < cli->n_files; i++)
        if (gc_inputs_add(in, cli->files[i], cli->recursive) < 0)
            return -1;
    if (cli->files_from && gc_inputs_add_list(in, cli->files_from, cli->recursive) < 0)
        return -1;
    return 0;
}

/* Standard input can be read once: "-" twice, or "-" beside
 * "--files-from -", would read a file named "-" or nothing. */
static int stdin_twice(const gc_inputs *in, const gc_cli *cli)
{
    size_t n = cli->files_from && strcmp(cli->files_from, "-") == 0;

    for (size_t i = 0; i < in->n; i++)
        n += strcmp(in->paths[i], "-") == 0 && in->errs[i] == NULL;
    if (n < 2)
        return 0;
    gc_cli_error(NULL, "standard input ('-') can be read only once");
    fputs("gapcheck: try 'gapcheck --help' for more information\n", stderr);
    return 1;
}

static size_t max_phases(const gc_data *d)
{
    size_t n = 0;
    for (size_t i = 0; i < gc_data_n_roles(d); i++)
        if (gc_role_n_phases(gc_data_role(d, i)) > n)
            n = gc_role_n_phases(gc_data_role(d, i));
    return n;
}

/* -o: the index page, then every file renamed into place. */
static int finish_outdir(emit_ctx *c)
{
    gc_buf b = {0};
    int html = c->cli->format == FMT_HTML;

    if (c->write_failed)
        return -1;
    if (html)
        gc_report_html_index(&b, c->index, c->n_index, "gapcheck reports");
    else
        gc_report_markdown_index(&b, c->index, c->n_index, "gapcheck reports");
    const char *name = gc_outdir_add_named(c->out, html ? "index.html" : "index.md", &b);
    gc_buf_free(&b);
    return name && !c->write_failed ? gc_outdir_commit(c->out) : -1;
}

static void free_index(gc_index_row *rows, size_t n)
{
    for (size_t i = 0; rows && i < n; i++) {
        g_free((char *)(uintptr_t)rows[i].name);
        g_free((char *)(uintptr_t)rows[i].href);
        g_free((char *)(uintptr_t)rows[i].role);
        g_free((char *)(uintptr_t)rows[i].error);
    }
    free(rows);
}

static int run(emit_ctx *c, gc_task *tasks, size_t n, char **stdin_buf)
{
    gc_analyze_opts opts = {NULL, 0, 0};
    const gc_cli *cli = c->cli;
    gc_cpus cpus;
    long jobs = cli->jobs;

    if (jobs == 0) {   /* the CPUs this process may use (taskset, cpusets), not all online */
        gc_cpus_get(&cpus);
        jobs = cpus.n > 0 ? cpus.n : sysconf(_SC_NPROCESSORS_ONLN);
    }

    for (size_t i = 0; i < n; i++)
        if (strcmp(tasks[i].path, "-") == 0 && *stdin_buf == NULL &&
            read_stdin(&tasks[i], stdin_buf, &cli->lim) < 0)
            return EXIT_SOME_FAILED;
    if (cli->format == FMT_HTML && !cli->output_dir && n > 1) {
        gc_cli_error(NULL, "--format html with several files needs -o DIR");
        return EXIT_USAGE;
    }
    if (cli->output_dir && ((c->out = gc_outdir_open(cli->output_dir)) == NULL ||
                            (c->index = calloc(n + 1, sizeof *c->index)) == NULL))
        return EXIT_SYSTEM;
    gc_progress_start(&c->progress, n, cli->quiet);
    int rc = gc_batch_run(tasks, n, jobs < 1 ? 1 : (int)jobs, c->d, &cli->lim, &opts, emit, c);
    gc_progress_end(&c->progress);
    if (rc < 0)
        return 128 + (int)gc_interrupted;  /* outdir temporaries are removed by the caller */
    if (c->out && finish_outdir(c) < 0)
        return EXIT_SYSTEM;
    if (c->write_failed)
        return EXIT_SYSTEM;
    return c->failed ? EXIT_SOME_FAILED : EXIT_ALL_OK;
}

int gc_cmd_analyze(const gc_cli *cli, const gc_data *d)
{
    emit_ctx c;
    gc_inputs in = {0};
    gc_task *tasks = NULL;
    gc_doc *posting = NULL;
    char *stdin_buf = NULL;
    int rc = EXIT_SYSTEM;

    memset(&c, 0, sizeof c);
    c.cli = cli;
    c.d = d;
    c.n_phases = max_phases(d);
    if (cli->role && (c.role = gc_data_find_role(d, cli->role)) == NULL) {
        gc_cli_error(NULL, "unknown role '%s' (see 'gapcheck roles')", cli->role);
        return EXIT_DATA;
    }
    if (expand(&in, cli) < 0)
        rc = EXIT_SOME_FAILED;
    else if (in.n == 0)
        rc = EXIT_ALL_OK;  /* an empty folder or list: nothing to do */
    else if (cli->job && (c.posting = posting = load_posting(cli, d)) == NULL)
        rc = gc_interrupted ? 128 + (int)gc_interrupted : EXIT_SOME_FAILED;
    else if (stdin_twice(&in, cli))
        rc = EXIT_USAGE;
    else if ((tasks = calloc(in.n, sizeof *tasks)) != NULL) {
        for (size_t i = 0; i < in.n; i++) {
            tasks[i].path = in.paths[i];
            if (in.errs[i])   /* a folder -r could not walk: its record is this error */
                tasks[i].doc = gc_doc_new_error(d, in.errs[i]);
        }
        rc = run(&c, tasks, in.n, &stdin_buf);
    }
    gc_outdir_free(c.out);
    free_index(c.index, c.n_index);
    free(tasks);
    free(stdin_buf);
    gc_doc_free(posting);
    gc_inputs_free(&in);
    return rc;
}
