/* `gapcheck explain FILE SKILL`: why a skill was or was not counted.
 * Lists every place it was found, what implied it, and the near misses the
 * context rules rejected (with the rule), so a surprising report can be
 * checked against the document in seconds. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "cli/batch.h"
#include "cli/commands.h"
#include "gapcheck.h"

typedef struct explain_ctx {
    const gc_cli *cli;
    const gc_data *d;
    size_t skill;
    int rc;
} explain_ctx;

static void line_text(gc_buf *b, const char *text, int redact)
{
    char *c = gc_report_clean(text, redact);
    gc_buf_printf(b, "\"%s\"", c);
    g_free(c);
}

static void found(gc_buf *b, const gc_doc *doc, size_t s, int redact)
{
    size_t n = gc_doc_n_evidence(doc, s);

    gc_buf_printf(b, "  counted: found in %zu place%s\n", n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        unsigned line;
        const char *sec, *matched;
        const char *text = gc_doc_evidence(doc, s, i, &line, &sec, &matched);
        gc_buf_printf(b, "    line %u%s%s%s: '%s' in ", line, sec ? " (" : "", sec ? sec : "",
                      sec ? ")" : "", matched);
        line_text(b, text, redact);
        gc_buf_addc(b, '\n');
    }
}

static void misses(gc_buf *b, const gc_doc *doc, size_t skill, int redact)
{
    size_t shown = 0;

    for (size_t i = 0; i < gc_doc_n_misses(doc); i++) {
        size_t s;
        unsigned line;
        const char *text;
        const char *why = gc_doc_miss(doc, i, &s, &line, &text);
        if (s != skill)
            continue;
        if (shown++ == 0)
            gc_buf_adds(b, "  not counted here:\n");
        gc_buf_printf(b, "    line %u: %s: ", line, why);
        line_text(b, text, redact);
        gc_buf_addc(b, '\n');
    }
}

static void emit(gc_task *t, void *p)
{
    explain_ctx *c = p;
    const gc_data *d = c->d;
    gc_buf b = {0};
    const gc_err *e = gc_doc_error(t->doc);
    size_t s = c->skill;

    if (e != NULL) {
        gc_cli_error(t->path, "%s", gc_cli_doc_message(e));
        c->rc = EXIT_SOME_FAILED;
    } else {
        char *path = gc_report_clean(t->path, 0);   /* no escapes from a file name */
        gc_buf_printf(&b, "%s: %s (%s, %s)\n", path, gc_skill_name(d, s), gc_skill_id(d, s),
                      gc_skill_category(d, s));
        g_free(path);
        gc_how how = gc_doc_how(t->doc, s);
        if (how == GC_EVIDENCED)
            found(&b, t->doc, s, c->cli->redact);
        else if (how == GC_IMPLIED) {
            gc_buf_adds(&b, "  implied (partial credit), not shown directly; implied by:");
            for (size_t k = 0; k < gc_doc_n_implied_by(t->doc, s); k++)
                gc_buf_printf(&b, " %s", gc_skill_name(d, gc_doc_implied_by(t->doc, s, k)));
            gc_buf_addc(&b, '\n');
        } else
            gc_buf_adds(&b, "  not counted: no alias of this skill was accepted in the text\n");
        misses(&b, t->doc, s, c->cli->redact);
        if (gc_out(&b) < 0)
            c->rc = EXIT_SYSTEM;
    }
    gc_buf_free(&b);
    gc_doc_free(t->doc);
    t->doc = NULL;
    t->pid = 0;
}

int gc_cmd_explain(const gc_cli *cli, const gc_data *d)
{
    long s = gc_data_lookup_skill(d, cli->files[1]);
    gc_task task;
    explain_ctx c = {cli, d, 0, EXIT_ALL_OK};

    /* `explain python cv.pdf`: a skill first and no file of that name */
    if (s < 0 && gc_data_lookup_skill(d, cli->files[0]) >= 0 && access(cli->files[0], F_OK) != 0) {
        gc_cli_error("explain", "the FILE comes first, then the SKILL: gapcheck explain %s %s",
                     cli->files[1], cli->files[0]);
        return EXIT_USAGE;
    }
    if (s < 0) {
        gc_cli_unknown_skill(d, cli->files[1]);
        return EXIT_DATA;
    }
    c.skill = (size_t)s;
    gc_analyze_opts opts = {gc_skill_id(d, (size_t)s), 0, 0};
    memset(&task, 0, sizeof task);
    task.path = cli->files[0];
    if (gc_batch_run(&task, 1, 1, d, &cli->lim, &opts, emit, &c) < 0)
        return 128 + (int)gc_interrupted;
    return c.rc;
}
