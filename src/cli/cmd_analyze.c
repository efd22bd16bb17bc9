/* `gapcheck FILE...`: analyse each file in a sandboxed child, score it,
 * and write the reports in input order: to standard output (text, JSON
 * Lines, CSV, TSV, Markdown, one HTML page) or, with -o DIR, one file per
 * résumé plus an index, renamed into place only when all are written. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
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
    gc_request req;
    gc_report_opts opts;
    char date[16];            /* the run's date for report headings */
    gc_outdir *out;
    gc_index_row *index;      /* -o: one row per report written */
    char **index_names;       /* their file names, relative to the folder given */
    size_t n_done, n_index;
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

/* A path as the index shows it: relative to the folder the user gave
 * (-r clients/ shows "anna/cv.pdf"), else as given. */
static char *shown_name(const gc_cli *cli, const char *path)
{
    for (size_t i = 0; i < cli->n_files; i++) {
        size_t n = strlen(cli->files[i]);
        while (n > 1 && cli->files[i][n - 1] == '/')
            n--;
        if (strncmp(path, cli->files[i], n) == 0 && path[n] == '/')
            return g_strdup(path + n + 1);
    }
    return g_strdup(path);
}

/* -o: the report goes to its own file; the index remembers it. */
static void to_outdir(emit_ctx *c, const gc_result *r, const gc_buf *b)
{
    const char *name;
    const char *file = gc_result_file(r);

    if (c->write_failed)
        return;   /* a full disk: the run fails, nothing is renamed into place */
    name = gc_outdir_add(c->out, file, c->cli->format->ext, b);
    if (name == NULL) {
        c->write_failed = 1;
        return;
    }
    c->index_names[c->n_index] = shown_name(c->cli, file);
    gc_index_row_set(&c->index[c->n_index], r, c->index_names[c->n_index], name);
    c->index[c->n_index].person = g_strdup(c->index[c->n_index].person);
    c->index[c->n_index].role = g_strdup(c->index[c->n_index].role);
    c->index[c->n_index].error = g_strdup(c->index[c->n_index].error);
    c->index[c->n_index].href = g_strdup(name);
    c->n_index++;
}

static void emit(gc_task *t, void *p)
{
    emit_ctx *c = p;
    gc_err err = GC_ERR_INIT;
    gc_buf b = {0};
    gc_result *r = NULL;
    const gc_report_format *f = c->cli->format;
    const gc_err *e = gc_doc_error(t->doc);

    gc_progress_tick(&c->progress);
    if (e != NULL) {
        if (c->progress.on)
            fputs("\r\033[K", stderr);
        gc_cli_error(t->path, "%s", gc_cli_doc_message(e));
        c->failed = 1;
    }
    if (gc_result_new(&r, c->d, t->path, t->doc, &c->req, &err) < 0) {
        gc_cli_error(t->path, "%s", err.msg);   /* the doc is gone with it */
        c->failed = 1;
    } else {
        if (c->n_done == 0 && f->header)
            f->header(&b, c->d, &c->req, &c->opts);
        /* the text report leaves a failed file to its stderr line */
        if (e == NULL || strcmp(f->name, "text") != 0) {
            if (c->n_done > 0 && strcmp(f->name, "text") == 0)
                gc_buf_addc(&b, '\n');
            f->document(&b, r, &c->opts);
        }
        if (c->out)
            to_outdir(c, r, &b);
        else if (!c->write_failed && gc_out(&b) < 0)
            c->write_failed = 1;   /* later writes would fail or block too */
    }
    c->n_done++;
    gc_buf_free(&b);
    gc_result_free(r);
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
        gc_cli_error(cli->job, "%s", gc_cli_doc_message(gc_doc_error(doc)));
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

/* -o: the index page, then every file renamed into place. */
static int finish_outdir(emit_ctx *c)
{
    gc_buf b = {0};
    const gc_report_format *f = c->cli->format;
    gc_index ix = {c->index, c->n_index, "gapcheck reports", &c->req};
    char *index_name = g_strdup_printf("index.%s", f->ext);

    if (c->write_failed) {
        g_free(index_name);
        return -1;
    }
    f->index(&b, &ix, &c->opts);
    const char *name = gc_outdir_add_named(c->out, index_name, &b);
    g_free(index_name);
    gc_buf_free(&b);
    return name && !c->write_failed ? gc_outdir_commit(c->out) : -1;
}

static void free_index(gc_index_row *rows, char **names, size_t n)
{
    for (size_t i = 0; rows && i < n; i++) {
        g_free(names[i]);
        g_free((char *)(uintptr_t)rows[i].href);
        g_free((char *)(uintptr_t)rows[i].person);
        g_free((char *)(uintptr_t)rows[i].role);
        g_free((char *)(uintptr_t)rows[i].error);
    }
    free(rows);
    free(names);
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
    if (cli->format->whole_page && !cli->output_dir && n > 1) {
        gc_cli_error(NULL, "--format %s with several files needs -o DIR", cli->format->name);
        return EXIT_USAGE;
    }
    if (cli->output_dir && ((c->out = gc_outdir_open(cli->output_dir)) == NULL ||
                            (c->index = calloc(n + 1, sizeof *c->index)) == NULL ||
                            (c->index_names = calloc(n + 1, sizeof *c->index_names)) == NULL))
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

static void today(char *buf, size_t cap)
{
    time_t now = gc_cli_now();
    struct tm tm;

    if (localtime_r(&now, &tm) == NULL || strftime(buf, cap, "%Y-%m-%d", &tm) == 0)
        buf[0] = '\0';
}

/* Columns to wrap text at: the terminal's, else $COLUMNS, else 80. */
static int terminal_width(void)
{
    struct winsize ws;
    const char *cols = getenv("COLUMNS");

    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
        return ws.ws_col;
    if (cols && atoi(cols) > 20)
        return atoi(cols);
    return 80;
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
    if (cli->role && (c.req.role = gc_cli_find_role(d, cli->role)) == NULL)
        return EXIT_DATA;
    c.req.suggest = cli->suggest;
    c.req.hours_per_week = cli->hours;
    c.req.as_of = cli->as_of;
    c.req.explain = cli->explain;
    c.req.posting_file = cli->job;
    today(c.date, sizeof c.date);
    c.opts = (gc_report_opts){cli->color, cli->explain, cli->redact, terminal_width(), c.date};
    if (expand(&in, cli) < 0)
        rc = EXIT_SOME_FAILED;
    else if (in.n == 0)
        rc = EXIT_ALL_OK;  /* an empty folder or list: nothing to do */
    else if (cli->job && (c.req.posting = posting = load_posting(cli, d)) == NULL)
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
    if (!cli->quiet && !gc_interrupted)
        gc_inputs_report_skipped(&in);
    gc_outdir_free(c.out);
    free_index(c.index, c.index_names, c.n_index);
    free(tasks);
    free(stdin_buf);
    gc_doc_free(posting);
    gc_inputs_free(&in);
    return rc;
}
