/* commands: one function per subcommand; each returns an exit code. */
#ifndef GC_COMMANDS_H
#define GC_COMMANDS_H

#include "cli/cli.h"

int gc_cmd_analyze(const gc_cli *cli, const gc_data *d);
int gc_cmd_explain(const gc_cli *cli, const gc_data *d);
int gc_cmd_roles(const gc_cli *cli, const gc_data *d);
int gc_cmd_skills(const gc_cli *cli, const gc_data *d);
int gc_cmd_lint(const gc_cli *cli, const gc_data *d);
int gc_cmd_diff(const gc_cli *cli, const gc_data *d);

/* Writes a buffer to stdout; returns -1 on a write error. */
int gc_out(const gc_buf *b);

#endif
