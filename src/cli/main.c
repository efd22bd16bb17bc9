/* gapcheck: parse the command line, load the data, run one command, and
 * make sure what was written really reached standard output. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib.h>

#include "cli/batch.h"
#include "cli/cli.h"
#include "cli/commands.h"

static const gc_data *volatile exit_data;

static void on_signal(int sig)
{
    gc_interrupted = sig;
}

/* GLib and poppler log through g_log; a résumé's text must never reach
 * the terminal that way (docs/SECURITY.md X6), so all of it is dropped. */
static void quiet_log(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer p)
{
    (void)domain, (void)level, (void)msg, (void)p;
}

static void setup(void)
{
    struct sigaction sa;
    struct rlimit no_core = {0, 0};

    /* The parsing children already dump no core; this process holds the
     * evidence lines they send, quoted from the résumés, so it dumps none
     * either (privacy, issue 5). */
    setrlimit(RLIMIT_CORE, &no_core);
    /* While TZ is unset, glibc's mktime stats /etc/localtime at every
     * call, and libzip converts each zip entry's DOS time with it: a
     * 200,000-entry zip made 143,000 stat calls, 3 s instead of 1 s (3 s
     * more under ASan).  The same zone, named, is read once.  Set here,
     * once, for the parsing children to inherit. */
    if (getenv("TZ") == NULL)
        (void)setenv("TZ", ":/etc/localtime", 1);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    g_log_set_default_handler(quiet_log, NULL);
    gc_heap_on_huge_pages();
}

static int run(const gc_cli *cli, const gc_data *d)
{
    switch (cli->cmd) {
    case CMD_LINT: return gc_cmd_lint(cli, d);
    case CMD_ROLES: return gc_cmd_roles(cli, d);
    case CMD_SKILLS: return gc_cmd_skills(cli, d);
    case CMD_EXPLAIN: return gc_cmd_explain(cli, d);
    case CMD_DIFF: return gc_cmd_diff(cli, d);
    default: return gc_cmd_analyze(cli, d);
    }
}

/* A full disk or a closed pipe must not pass for success (jq, sbase).
 * Interrupted, the exit status is 128 + the signal, whatever a write did
 * meanwhile (a write blocked on a full pipe fails with EINTR), and what is
 * still buffered is dropped: flushing it could block again, on a reader
 * that never reads, and SIGTERM must end the run. */
static int close_stdout(int rc)
{
    if (gc_interrupted) {
        __fpurge(stdout);
        return 128 + (int)gc_interrupted;
    }
    if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
        fprintf(stderr, "gapcheck: write error: %s\n", strerror(errno));
        return EXIT_SYSTEM;
    }
    return rc;
}

int main(int argc, char **argv)
{
    gc_cli cli;
    gc_data *d = NULL;
    int rc;

    /* libtesseract's OpenMP threads made one page 4-5 times slower on two
     * shared cores; parallelism is by processes (-j).  libgomp reads this
     * when it is loaded, with tesseract, long after this line, and the
     * core never reads or sets the environment itself. */
    setenv("OMP_THREAD_LIMIT", "1", 1);
    rc = gc_cli_parse(&cli, argc, argv);

    if (rc != 0) {
        gc_cli_free(&cli);
        return rc > 0 ? close_stdout(EXIT_ALL_OK) : EXIT_USAGE;
    }
    setup();
    if (gc_cli_add_xdg(&cli) < 0) {  /* the user's data overlay (cli_xdg.c) */
        gc_cli_error(NULL, "%s", "out of memory");
        gc_cli_free(&cli);
        return EXIT_SYSTEM;
    }
    if (gc_cli_load_data(&d, &cli, cli.cmd == CMD_LINT) < 0) {
        if (cli.cmd == CMD_LINT)
            fprintf(stderr, "gapcheck: lint: the data has errors\n");
        gc_cli_free(&cli);
        return EXIT_DATA;
    }
    rc = run(&cli, d);
    /* The data is left to the exit.  Freeing it wrote to every page it
     * spans, and after a fork each of those is copied on that write: ~35
     * page faults, 2% of a one-DOCX run.  Kept reachable from here, it is
     * no leak to a leak checker. */
    exit_data = d;
    gc_cli_free(&cli);
    return close_stdout(rc);
}
