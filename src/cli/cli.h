/* cli.h: the command line (CLI side only; the core never sees argv). */
#ifndef GC_CLI_H
#define GC_CLI_H

#include <stddef.h>
#include <time.h>

#include "gapcheck.h"

/* Exit codes, documented in --help and README.md. */
enum {
    EXIT_ALL_OK = 0,     /* every input analysed */
    EXIT_SOME_FAILED = 1, /* at least one input failed; the others were reported */
    EXIT_USAGE = 2,      /* bad command line */
    EXIT_DATA = 3,       /* invalid lexicon/roles data, or unknown role */
    EXIT_SYSTEM = 4,     /* cannot write output, out of memory, cannot fork */
};


typedef enum gc_cmd { CMD_ANALYZE, CMD_LINT, CMD_ROLES, CMD_EXPLAIN, CMD_DIFF, CMD_SKILLS } gc_cmd;

typedef struct gc_cli {
    gc_cmd cmd;
    const char *role;
    const char *job;         /* --job POSTING */
    const char *output_dir;  /* -o DIR */
    const char *files_from;  /* --files-from FILE */
    int recursive;
    int suggest;
    double hours;            /* 0 = the role's own */
    const gc_report_format *format;   /* --format: a row of the core's format table */
    const char *format_name; /* --format as given (diff has a table of its own) */
    int as_of;               /* --as-of YYYY-MM, as GC_MONTH; default this month */
    int explain, redact, quiet, color, jobs;
    int no_cache;            /* --no-cache: user data always from YAML */
    const char **lexicon_dirs, **roles_dirs;
    size_t n_lexicon_dirs, n_roles_dirs;
    gc_limits lim;
    char **files;            /* operands after the options */
    size_t n_files;
} gc_cli;

/* Parses argv into *cli.  Returns -1 after printing a usage error, 1 when
 * --help or --version was handled (exit 0), 0 to go on. */
int gc_cli_parse(gc_cli *cli, int argc, char **argv);
void gc_cli_free(gc_cli *cli);

/* Now, or SOURCE_DATE_EPOCH when set (reproducible reports and tests). */
time_t gc_cli_now(void);

/* Prints "gapcheck: PREFIX: message" to stderr. */
void gc_cli_error(const char *prefix, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The role named by an id or alias; else NULL after printing "unknown
 * role", with the closest names ("did you mean …?"). */
const gc_role *gc_cli_find_role(const gc_data *d, const char *name);
/* Prints "unknown skill", with the closest names. */
void gc_cli_unknown_skill(const gc_data *d, const char *word);
/* A document's error as standard error shows it (gc_cli_doc_message in
 * cli.c: the one place such messages are worded). */
const char *gc_cli_doc_message(const gc_err *e);
/* Prints an error record: data errors as PATH:LINE:COL, documents as FILE. */
void gc_cli_report_err(const char *file, const gc_err *err);

/* Loads the embedded data plus the user's directories, printing errors
 * (cli_data.c).  With keep_going, goes on to the next file after an error
 * (lint).  Returns 0, or minus the number of errors.  The data lives until
 * the process exits (main.c says why), maybe in a cache file's buffer. */
int gc_cli_load_data(gc_data **out, const gc_cli *cli, int keep_going);
int gc_cli_add_xdg(gc_cli *cli);  /* user data overlay first in cli; see cli_xdg.c */
/* $XDG_CACHE_HOME/gapcheck (default ~/.cache/gapcheck), or NULL when
 * neither variable is an absolute path; see cli_xdg.c. */
const char *gc_cli_cache_dir(void);

/* Embedded data (generated at build time from lexicon/ and roles/). */
typedef struct gc_embedded {
    const char *name;
    const char *data;
    size_t len;
} gc_embedded;
extern const gc_embedded gc_embedded_files[];
extern const size_t gc_embedded_count;
/* The same data, built at build time (tools/snapshot.c): the fast path. */
extern const unsigned char gc_snapshot_data[];
extern const size_t gc_snapshot_size;

#endif
