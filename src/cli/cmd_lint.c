/* `gapcheck lint`: the data checks beyond loading (see lint.c). */
#include <stdio.h>

#include "cli/commands.h"

static void lint_problem(const gc_err *e, void *ctx)
{
    (void)ctx;
    gc_cli_report_err(NULL, e);
}

int gc_cmd_lint(const gc_cli *cli, const gc_data *d)
{
    int n = gc_data_lint(d, lint_problem, NULL);

    (void)cli;
    if (n > 0) {
        fprintf(stderr, "gapcheck: lint: %d problem%s\n", n, n == 1 ? "" : "s");
        return EXIT_DATA;
    }
    printf("lint: %zu skills, %zu aliases, %zu roles: no problems\n", gc_data_n_skills(d),
           gc_data_n_aliases(d), gc_data_n_roles(d));
    return EXIT_ALL_OK;
}
