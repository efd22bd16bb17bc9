/* cli_opts.h: THE option table.  Included several times with different
 * definitions of OPT to generate getopt_long's table, the short-option
 * string and --help, so the three can never drift apart.
 *   OPT(id, short letter or 0, long name, argument: 0 none 1 required,
 *       metavariable, help text) */
OPT(OPT_ROLE, 0, "role", 1, "ID", "target role (see 'gapcheck roles'); e.g. mle")
OPT(OPT_HOURS, 0, "hours", 1, "N", "your study hours per week (default: the role's own)")
OPT(OPT_SUGGEST, 's', "suggest", 0, NULL, "rank every role by your time to ready")
OPT(OPT_JOB, 0, "job", 1, "POSTING", "measure against a job posting (PDF, DOCX, HTML, text)")
OPT(OPT_FORMAT, 'f', "format", 1, "FMT", "text (default), json (JSON Lines), csv, tsv, markdown, html")
OPT(OPT_OUTPUT, 'o', "output", 1, "DIR", "write one report per file plus an index into DIR")
OPT(OPT_RECURSIVE, 'r', "recursive", 0, NULL, "read directories: every file in them, sorted")
OPT(OPT_FILES_FROM, 0, "files-from", 1, "FILE", "read input names from FILE (- for stdin)")
OPT(OPT_EXPLAIN, 'e', "explain", 0, NULL, "show the evidence line for every skill")
OPT(OPT_LEXICON, 0, "lexicon", 1, "DIR", "add or override skills from DIR/*.yaml (repeatable)")
OPT(OPT_ROLES, 0, "roles", 1, "DIR", "add or override roles from DIR/*.yaml (repeatable)")
OPT(OPT_JOBS, 'j', "jobs", 1, "N", "parse N files at a time (default: number of CPUs)")
OPT(OPT_TIMEOUT, 0, "timeout", 1, "SEC", "time limit per file (default 30)")
OPT(OPT_MAX_BYTES, 0, "max-bytes", 1, "N", "largest input file read, in bytes (default 20 MiB)")
OPT(OPT_MAX_PAGES, 0, "max-pages", 1, "N", "PDF pages read per file (default 50)")
OPT(OPT_COLOR, 0, "color", 1, "WHEN", "colour: auto (default), always or never")
OPT(OPT_REDACT, 0, "redact", 0, NULL, "mask e-mail addresses and phone numbers in reports")
OPT(OPT_QUIET, 'q', "quiet", 0, NULL, "no messages on standard error except errors")
OPT(OPT_HELP, 'h', "help", 0, NULL, "show this help and exit")
OPT(OPT_VERSION, 'V', "version", 0, NULL, "show version and library versions and exit")
