/* `gapcheck diff OLD NEW [--role ID]`: what changed between two versions
 * of one person's résumé.  Both files are hostile input like any other:
 * each is parsed in its own sandboxed child (gc_batch_run), then the core
 * compares them (gc_diff_new) and a writer of the comparison format table
 * prints the report.  This file only chooses and prints.
 *
 * Exit status: 0 compared (whatever changed); 1 a file could not be read
 * or analysed (each says why on standard error, nothing on standard
 * output); 2 usage, or no --role and no role fits NEW; 3 unknown role or
 * invalid data; 4 output error; 128+N interrupted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "cli/batch.h"
#include "cli/commands.h"
#include "gapcheck.h"

typedef struct diff_ctx {
    gc_task *tasks;
    gc_doc *docs[2];
    int failed;
} diff_ctx;

static int usage(const char *msg)
{
    gc_cli_error(NULL, "%s", msg);
    fputs("gapcheck: try 'gapcheck --help' for more information\n", stderr);
    return EXIT_USAGE;
}

/* The format named by --format, from the comparison's own table. */
static const gc_diff_format *diff_format(const gc_cli *cli)
{
    const char *name = cli->format_name ? cli->format_name : "text";
    const gc_diff_format *f = gc_diff_format_find(name);
    char names[64] = "";

    if (f)
        return f;
    for (size_t i = 0; gc_diff_format_at(i); i++)
        snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
                 i == 0 ? "" : gc_diff_format_at(i + 1) ? ", " : " or ", gc_diff_format_at(i)->name);
    gc_cli_error(NULL, "diff writes %s, not '%s'", names, name);
    fputs("gapcheck: try 'gapcheck --help' for more information\n", stderr);
    return NULL;
}

/* Operands and options that make no sense for a comparison. */
static int check(const gc_cli *cli)
{
    if (cli->n_files != 2)
        return usage("diff needs two files: OLD and NEW, two versions of one résumé");
    if (strcmp(cli->files[0], "-") == 0 && strcmp(cli->files[1], "-") == 0)
        return usage("standard input ('-') can be read only once");
    if (cli->suggest)
        return usage("diff compares against one role: --suggest does not apply (use --role)");
    if (cli->job)
        return usage("diff compares against one role: --job does not apply");
    if (cli->output_dir)
        return usage("diff writes one report to standard output: -o does not apply");
    if (cli->recursive || cli->files_from)
        return usage("diff compares two files: -r and --files-from do not apply");
    return 0;
}

static void keep(gc_task *t, void *p)
{
    diff_ctx *c = p;
    size_t i = (size_t)(t - c->tasks);
    const gc_err *e = gc_doc_error(t->doc);

    if (e != NULL) {
        gc_cli_error(t->path, "%s", e->msg);
        c->failed = 1;
    }
    c->docs[i] = t->doc;
    t->doc = NULL;
    t->pid = 0;
}

/* Columns to wrap text at: the terminal's, else $COLUMNS, else 80 (as
 * cmd_analyze.c). */
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

static void today(char *buf, size_t cap)
{
    time_t now = gc_cli_now();
    struct tm tm;

    if (localtime_r(&now, &tm) == NULL || strftime(buf, cap, "%Y-%m-%d", &tm) == 0)
        buf[0] = '\0';
}

/* Parses both files, each in its own sandboxed child; standard input is
 * read here, once, before any child starts. */
static int parse(diff_ctx *c, const gc_cli *cli, const gc_data *d, char **stdin_buf)
{
    gc_analyze_opts opts = {NULL, 0, 0};
    gc_err err = GC_ERR_INIT;

    for (size_t i = 0; i < 2; i++) {
        c->tasks[i].path = cli->files[i];
        if (strcmp(cli->files[i], "-") == 0) {
            size_t len = 0;
            if (gc_read_fd(stdin_buf, &len, STDIN_FILENO, cli->lim.input_bytes, &err) < 0) {
                gc_cli_error("-", "%s", err.msg);
                return EXIT_SOME_FAILED;
            }
            c->tasks[i].buf = (const unsigned char *)*stdin_buf;
            c->tasks[i].len = len;
        }
    }
    if (gc_batch_run(c->tasks, 2, 2, d, &cli->lim, &opts, keep, c) < 0)
        return 128 + (int)gc_interrupted;
    return c->failed ? EXIT_SOME_FAILED : EXIT_ALL_OK;
}

static int compare(diff_ctx *c, const gc_cli *cli, const gc_data *d, const gc_role *role,
                   const gc_diff_format *f)
{
    gc_request req = {0};
    gc_report_opts opts;
    gc_err err = GC_ERR_INIT;
    gc_diff *df = NULL;
    gc_buf b = {0};
    char date[16];
    int rc;

    req.role = role;
    req.hours_per_week = cli->hours;
    req.as_of = cli->as_of;
    req.explain = cli->explain;
    rc = gc_diff_new(&df, d, cli->files[0], c->docs[0], cli->files[1], c->docs[1], &req, &err);
    c->docs[0] = c->docs[1] = NULL;   /* taken over */
    if (rc < 0) {
        gc_cli_error(rc == GC_ENOROLE ? cli->files[1] : NULL, "%s", err.msg);
        return rc == GC_ENOMEM ? EXIT_SYSTEM : EXIT_USAGE;
    }
    today(date, sizeof date);
    opts = (gc_report_opts){cli->color, cli->explain, cli->redact, terminal_width(), date};
    f->write(&b, df, &opts);
    rc = gc_out(&b) < 0 ? EXIT_SYSTEM : EXIT_ALL_OK;
    gc_buf_free(&b);
    gc_diff_free(df);
    return rc;
}

int gc_cmd_diff(const gc_cli *cli, const gc_data *d)
{
    const gc_diff_format *f;
    const gc_role *role = NULL;
    gc_task tasks[2];
    diff_ctx c;
    char *stdin_buf = NULL;
    int rc;

    if ((rc = check(cli)) != 0)
        return rc;
    if ((f = diff_format(cli)) == NULL)
        return EXIT_USAGE;
    if (cli->role && (role = gc_data_find_role(d, cli->role)) == NULL) {
        gc_cli_error(NULL, "unknown role '%s' (see 'gapcheck roles')", cli->role);
        return EXIT_DATA;
    }
    memset(tasks, 0, sizeof tasks);
    memset(&c, 0, sizeof c);
    c.tasks = tasks;
    rc = parse(&c, cli, d, &stdin_buf);
    if (rc == EXIT_ALL_OK)
        rc = compare(&c, cli, d, role, f);
    gc_doc_free(c.docs[0]);
    gc_doc_free(c.docs[1]);
    free(stdin_buf);
    return rc;
}
