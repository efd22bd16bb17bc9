/* `gapcheck lint` and `gapcheck roles`. */
#include <stdio.h>

#include "commands.h"

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

int gc_cmd_roles(const gc_cli *cli, const gc_data *d)
{
    (void)cli;
    for (size_t i = 0; i < gc_data_n_roles(d); i++) {
        const gc_role *r = gc_data_role(d, i);
        printf("%-12s %s (%g months at %g h/week)\n", gc_role_id(r), gc_role_title(r),
               gc_role_months(r), gc_role_hours_per_week(r));
    }
    return EXIT_ALL_OK;
}
