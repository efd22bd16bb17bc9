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

static void emit(gc_task *t, void *p)
{
    emit_ctx *c = p;
    gc_report_opts o = {c->cli->color, c->cli->explain, c->cli->redact};
    gc_score *score = NULL;
    gc_err err = GC_ERR_INIT;
    gc_buf b = {0};
    const gc_err *e = gc_doc_error(t->doc);

    if (e != NULL) {
        gc_cli_error(t->path, "%s", e->msg);
        c->failed = 1;
    } else if (c->role) {
        double hours = c->cli->hours > 0 ? c->cli->hours : gc_role_hours_per_week(c->role);
        if (gc_score_new(&score, c->d, t->doc, c->role, hours, &err) < 0)
            gc_cli_error(t->path, "%s", err.msg);
    }
    if (c->cli->format == FMT_JSON) {
        gc_report_json(&b, c->d, t->path, t->doc, score, &o);
    } else if (e == NULL) {
        if (c->n_done++ > 0)
            gc_buf_addc(&b, '\n');
        gc_report_text(&b, c->d, t->path, t->doc, score, &o);
    }
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

int gc_cmd_analyze(const gc_cli *cli, const gc_data *d)
{
    emit_ctx c = {cli, d, NULL, 0, 0, 0};
    gc_analyze_opts opts = {NULL, 0};
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
    if (rc < 0)
        return 128 + (int)gc_interrupted;
    if (c.write_failed)
        return EXIT_SYSTEM;
    return c.failed ? EXIT_SOME_FAILED : EXIT_ALL_OK;
}
