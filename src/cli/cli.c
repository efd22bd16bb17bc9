/* cli: argv → struct gc_cli, --help, --version, and error printing.
 * Everything about the command line lives here and in cli_opts.h. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>

#include "cli/cli.h"
#include "gapcheck.h"

enum {
#define OPT(id, s, l, a, m, h) id,
#include "cli/cli_opts.h"
#undef OPT
};

static const struct option long_opts[] = {
#define OPT(id, s, l, a, m, h) {l, a ? required_argument : no_argument, NULL, 256 + id},
#include "cli/cli_opts.h"
#undef OPT
    {NULL, 0, NULL, 0},
};

static const struct {
    int id;
    char letter;
} shorts[] = {
#define OPT(id, s, l, a, m, h) {id, s},
#include "cli/cli_opts.h"
#undef OPT
};

static void usage_line(FILE *f)
{
    fputs("usage: gapcheck [OPTIONS] FILE...        analyse résumés (- reads standard input)\n"
          "       gapcheck explain FILE SKILL      why a skill was or was not counted\n"
          "       gapcheck diff OLD NEW            what changed between two versions of a résumé\n"
          "       gapcheck roles [show ID | related ID]\n"
          "       gapcheck skills [search WORD]    skill ids, names and categories\n"
          "       gapcheck lint                    check the lexicon and roles data\n", f);
}

static void help(void)
{
    usage_line(stdout);
    puts("\nFinds the skills a résumé (PDF, DOCX, ODT, HTML, text) shows, with the line that\n"
         "proves each, and measures them against a role's roadmap.\n\noptions:");
#define OPT(id, s, l, a, m, h)                                                    \
    do {                                                                          \
        char left[40];                                                            \
        snprintf(left, sizeof left, "%c%c%c --%s%s%s", s ? '-' : ' ', s ? s : ' ',    \
                 s ? ',' : ' ', l, m ? " " : "", m ? (const char *)m : "");      \
        printf("  %-26s %s\n", left, h);                                          \
    } while (0);
#include "cli/cli_opts.h"
#undef OPT
    puts("\n-r reads the files of a folder whose content is PDF, DOCX, ODT, HTML, RTF, Word .doc,\n"
         "JSON Resume, Markdown or text; it skips empty files, binaries, archives and data\n"
         "(tab- or comma-separated tables, other JSON, XML) and names them on one line.\n"
         "Files named on the command line or with --files-from are always read.");
    puts("\nexit status: 0 all files analysed; 1 some file failed (the others were reported);\n"
         "2 usage error; 3 invalid lexicon or roles data, or unknown role; 4 output or system\n"
         "error.\n\nenvironment: NO_COLOR disables colour.");
}

static void version(void)
{
    gc_buf b = {0};

    gc_library_versions(&b);
    printf("gapcheck %s\n%s\n", GC_VERSION, b.data ? b.data : "");
    gc_buf_free(&b);
}

/* Prints "gapcheck: " and the message, every control character (ESC, OSC,
 * clear-screen …) turned into a space the way report bodies are: file and
 * zip part names, lint messages and user data reach the terminal here. */
static void print_clean(const char *prefix, const char *fmt, va_list ap)
{
    char *msg = g_strdup_vprintf(fmt, ap);
    char *safe_msg = gc_report_clean(msg, 0);
    char *safe_prefix = prefix ? gc_report_clean(prefix, 0) : NULL;

    fflush(stdout);
    fprintf(stderr, "gapcheck: %s%s%s\n", safe_prefix ? safe_prefix : "", safe_prefix ? ": " : "",
            safe_msg);
    g_free(safe_prefix);
    g_free(safe_msg);
    g_free(msg);
}

void gc_cli_error(const char *prefix, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    print_clean(prefix, fmt, ap);
    va_end(ap);
}

/* The one place that words a document's error for standard error (JSON
 * and CSV records carry the core's own).  The core already says what OCR
 * did for a page without text, so its message stands as it is. */
const char *gc_cli_doc_message(const gc_err *e)
{
    return e->msg[0] ? e->msg : gc_strerror(e->code);
}

void gc_cli_report_err(const char *file, const gc_err *err)
{
    char where[GC_ERR_PATH_MAX + 32];

    if (file == NULL && err->path[0]) {
        if (err->line)
            snprintf(where, sizeof where, "%s:%u:%u", err->path, err->line, err->col);
        else
            snprintf(where, sizeof where, "%s", err->path);
        file = where;
    }
    gc_cli_error(file, "%s", err->msg[0] ? err->msg : gc_strerror(err->code));
}

#define SUGGESTIONS 3   /* names offered by "did you mean" */

/* Appends "'a' (A), 'b' (B) or 'c' (C)". */
static void or_list(gc_buf *b, size_t i, size_t n, const char *id, const char *name)
{
    gc_buf_printf(b, "%s'%s' (%s)", i == 0 ? "" : i + 1 == n ? " or " : ", ", id, name);
}

const gc_role *gc_cli_find_role(const gc_data *d, const char *name)
{
    const gc_role *r = gc_data_lookup_role(d, name), *near[SUGGESTIONS];
    size_t n;
    gc_buf b = {0};

    if (r != NULL)
        return r;
    n = gc_data_suggest_roles(near, SUGGESTIONS, d, name);
    for (size_t i = 0; i < n; i++)
        or_list(&b, i, n, gc_role_id(near[i]), gc_role_title(near[i]));
    if (n > 0 && !b.failed)
        gc_cli_error(NULL, "unknown role '%s': did you mean %s?", name, b.data);
    else
        gc_cli_error(NULL, "unknown role '%s' (see 'gapcheck roles')", name);
    gc_buf_free(&b);
    return NULL;
}

void gc_cli_unknown_skill(const gc_data *d, const char *word)
{
    size_t near[SUGGESTIONS], n = gc_data_suggest_skills(near, SUGGESTIONS, d, word);
    gc_buf b = {0};

    for (size_t i = 0; i < n; i++)
        or_list(&b, i, n, gc_skill_id(d, near[i]), gc_skill_name(d, near[i]));
    if (n > 0 && !b.failed)
        gc_cli_error(NULL, "unknown skill '%s': did you mean %s?", word, b.data);
    else
        gc_cli_error(NULL, "unknown skill '%s' (use an id, a name or an alias; "
                     "'gapcheck skills search WORD' finds them)", word);
    gc_buf_free(&b);
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    print_clean(NULL, fmt, ap);
    va_end(ap);
    fputs("gapcheck: try 'gapcheck --help' for more information\n", stderr);
    return -1;
}

static int number(double *out, const char *arg, double min, double max, const char *what)
{
    char *end;

    errno = 0;
    *out = strtod(arg, &end);
    if (errno || end == arg || *end || !(*out >= min && *out <= max))
        return usage_error("invalid %s '%s' (expected %g to %g)", what, arg, min, max);
    return 0;
}

static int set_format(gc_cli *cli, const char *arg)
{
    char names[128] = "";

    if ((cli->format = gc_report_format_find(arg)) != NULL)
        return 0;
    for (size_t i = 0; gc_report_format_at(i); i++)
        snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", i ? ", " : "",
                 gc_report_format_at(i)->name);
    return usage_error("unknown format '%s' (use %s)", arg, names);
}

/* --as-of YYYY-MM: what "present" in a résumé means. */
static int set_as_of(gc_cli *cli, const char *arg)
{
    int y, m, n = 0;

    if (sscanf(arg, "%4d-%2d%n", &y, &m, &n) != 2 || arg[n] != '\0' || y < 1950 || y > 2099 ||
        m < 1 || m > 12)
        return usage_error("invalid --as-of '%s' (expected YYYY-MM, e.g. 2026-12)", arg);
    cli->as_of = GC_MONTH(y, m);
    return 0;
}

static int size_limit(size_t *out, const char *arg, double min, double max, const char *what)
{
    double v;

    if (number(&v, arg, min, max, what) < 0)
        return -1;
    *out = (size_t)v;
    return 0;
}

static int add_dir(const char ***v, size_t *n, const char *dir)
{
    const char **p = realloc(*v, (*n + 1) * sizeof *p);
    if (p == NULL)
        return -1;
    p[(*n)++] = dir;
    *v = p;
    return 0;
}

static int set_option(gc_cli *cli, int id, const char *arg)
{
    double v;

    switch (id) {
    case OPT_ROLE: cli->role = arg; return 0;
    case OPT_SUGGEST: cli->suggest = 1; return 0;
    case OPT_JOB: cli->job = arg; return 0;
    case OPT_HOURS: return number(&cli->hours, arg, 0.5, 168, "hours per week");
    case OPT_AS_OF: return set_as_of(cli, arg);
    case OPT_EXPLAIN: cli->explain = 1; return 0;
    case OPT_REDACT: cli->redact = 1; return 0;
    case OPT_QUIET: cli->quiet = 1; return 0;
    case OPT_NO_CACHE: cli->no_cache = 1; return 0;
    case OPT_LEXICON: return add_dir(&cli->lexicon_dirs, &cli->n_lexicon_dirs, arg);
    case OPT_ROLES: return add_dir(&cli->roles_dirs, &cli->n_roles_dirs, arg);
    case OPT_FORMAT: cli->format_name = arg; return 0;   /* checked once the command is known */
    case OPT_OUTPUT: cli->output_dir = arg; return 0;
    case OPT_RECURSIVE: cli->recursive = 1; return 0;
    case OPT_FILES_FROM: cli->files_from = arg; return 0;
    case OPT_COLOR:
        if (strcmp(arg, "always") && strcmp(arg, "never") && strcmp(arg, "auto"))
            return usage_error("invalid --color '%s' (use auto, always or never)", arg);
        cli->color = arg[0] == 'a' && arg[1] == 'l' ? 1 : arg[0] == 'n' ? 0 : -1;
        return 0;
    case OPT_JOBS:
        if (number(&v, arg, 1, 64, "number of jobs") < 0)
            return -1;
        cli->jobs = (int)v;
        return 0;
    case OPT_TIMEOUT:
        if (number(&v, arg, 0.1, 3600, "timeout") < 0)
            return -1;
        cli->lim.timeout_ms = (unsigned)(v * 1000);
        return 0;
    case OPT_MAX_BYTES:
        if (number(&v, arg, 1, 1e9, "byte limit") < 0)
            return -1;
        cli->lim.input_bytes = (size_t)v;
        return 0;
    case OPT_MAX_PAGES:
        if (number(&v, arg, 1, 100000, "page limit") < 0)
            return -1;
        cli->lim.pages = (unsigned)v;
        return 0;
    case OPT_MAX_TEXT:
        return size_limit(&cli->lim.text_bytes, arg, 1024, 1e9, "text limit");
    case OPT_MAX_ZIP_PART:
        return size_limit(&cli->lim.zip_part_bytes, arg, 1024, 4e9, "zip part limit");
    case OPT_MAX_ZIP_TOTAL:
        return size_limit(&cli->lim.zip_total_bytes, arg, 1024, 4e9, "zip total limit");
    case OPT_MAX_XML_DEPTH:
        if (number(&v, arg, 8, 256, "XML depth limit") < 0)
            return -1;
        cli->lim.xml_depth = (unsigned)v;
        return 0;
    case OPT_MAX_MEMORY:
        if (number(&v, arg, 64, 65536, "memory limit") < 0)
            return -1;
        cli->lim.memory_bytes = (size_t)v << 20;
        return 0;
    case OPT_MAX_RSS:
        if (number(&v, arg, 32, 65536, "resident memory limit") < 0)
            return -1;
        cli->lim.rss_bytes = (size_t)v << 20;
        return 0;
    case OPT_OCR:
        if (strcmp(arg, "auto") == 0)
            cli->lim.ocr = GC_OCR_AUTO;
        else if (strcmp(arg, "never") == 0)
            cli->lim.ocr = GC_OCR_NEVER;
        else if (strcmp(arg, "always") == 0)
            cli->lim.ocr = GC_OCR_ALWAYS;
        else
            return usage_error("invalid --ocr '%s' (use auto, never or always)", arg);
        return 0;
    case OPT_OCR_LANG:
        if (!gc_ocr_lang_valid(arg))
            return usage_error("invalid --ocr-lang '%s' (tesseract names joined by '+', "
                               "e.g. eng+deu)", arg);
        snprintf(cli->lim.ocr_lang, sizeof cli->lim.ocr_lang, "%s", arg);
        return 0;
    case OPT_OCR_TIMEOUT:
        if (number(&v, arg, 0.1, 3600, "OCR timeout") < 0)
            return -1;
        cli->lim.ocr_page_ms = (unsigned)(v * 1000);
        return 0;
    case OPT_OCR_MAX_PIXELS:
        if (number(&v, arg, 0.1, 1000, "OCR pixel limit (megapixels)") < 0)
            return -1;
        cli->lim.ocr_pixels = (size_t)(v * 1024 * 1024);
        return 0;
    case OPT_HELP: help(); return 1;
    case OPT_VERSION: version(); return 1;
    }
    return -1;
}

static void build_optstring(char *s)
{
    for (size_t i = 0; i < sizeof shorts / sizeof shorts[0]; i++) {
        if (!shorts[i].letter)
            continue;
        *s++ = shorts[i].letter;
        if (long_opts[i].has_arg)
            *s++ = ':';
    }
    *s = '\0';
}

static int short_to_id(int c)
{
    for (size_t i = 0; i < sizeof shorts / sizeof shorts[0]; i++)
        if (shorts[i].letter == c)
            return shorts[i].id;
    return -1;
}

static gc_cmd subcommand(const char *s)
{
    if (strcmp(s, "lint") == 0)
        return CMD_LINT;
    if (strcmp(s, "roles") == 0)
        return CMD_ROLES;
    if (strcmp(s, "explain") == 0)
        return CMD_EXPLAIN;
    if (strcmp(s, "diff") == 0)
        return CMD_DIFF;
    if (strcmp(s, "skills") == 0)
        return CMD_SKILLS;
    return CMD_ANALYZE;
}

/* Option combinations, checked in one place after parsing (signify). */
static int check_combinations(gc_cli *cli)
{
    /* diff has formats of its own and checks its operands (cmd_diff.c) */
    if (cli->cmd != CMD_DIFF && cli->format_name && set_format(cli, cli->format_name) < 0)
        return -1;
    if (cli->cmd == CMD_ANALYZE && cli->n_files == 0 && cli->files_from == NULL) {
        fputs("usage: gapcheck [OPTIONS] FILE... | explain | diff | roles | skills | lint\n",
              stderr);
        fputs("gapcheck: try 'gapcheck --help' for more information\n", stderr);
        return -1;
    }
    if (cli->output_dir && cli->cmd != CMD_DIFF && cli->format->ext == NULL)
        return usage_error("%s", "-o DIR writes html or markdown reports: add --format html");
    if (cli->cmd == CMD_EXPLAIN && cli->n_files != 2)
        return usage_error("%s", "explain needs a FILE and a SKILL");
    if (cli->color < 0)
        cli->color = isatty(STDOUT_FILENO);
    if (getenv("NO_COLOR") != NULL)  /* no-color.org: set means never, whatever the flags */
        cli->color = 0;
    return 0;
}

time_t gc_cli_now(void)
{
    /* reproducible-builds.org: a fixed "now" for reproducible reports */
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    char *end;
    long long v = epoch ? strtoll(epoch, &end, 10) : -1;

    return epoch && *epoch && *end == '\0' && v >= 0 ? (time_t)v : time(NULL);
}

/* The current month: the core never reads the clock, the CLI passes it. */
static int this_month(void)
{
    time_t now = gc_cli_now();
    struct tm tm;

    if (localtime_r(&now, &tm) == NULL)
        return GC_MONTH(2026, 1);
    return GC_MONTH(tm.tm_year + 1900, tm.tm_mon + 1);
}

int gc_cli_parse(gc_cli *cli, int argc, char **argv)
{
    gc_limits lim = GC_LIMITS_INIT;
    char optstring[64];
    int c, rc;

    memset(cli, 0, sizeof *cli);
    cli->lim = lim;
    cli->format = gc_report_format_find("text");
    cli->as_of = this_month();
    cli->color = -1;
    if (argc > 1 && (cli->cmd = subcommand(argv[1])) != CMD_ANALYZE) {
        argv++;
        argc--;
    }
    build_optstring(optstring);
    opterr = 0;
    while ((c = getopt_long(argc, argv, optstring, long_opts, NULL)) != -1) {
        if (c == '?' || c == ':')
            return usage_error("invalid option or missing argument: '%s'", argv[optind - 1]);
        rc = set_option(cli, c >= 256 ? c - 256 : short_to_id(c), optarg);
        if (rc != 0)
            return rc;
    }
    cli->files = argv + optind;
    cli->n_files = (size_t)(argc - optind);
    /* options may come before the verb: gapcheck --roles DIR roles */
    if (cli->cmd == CMD_ANALYZE && cli->n_files > 0 &&
        (cli->cmd = subcommand(cli->files[0])) != CMD_ANALYZE) {
        cli->files++;
        cli->n_files--;
    }
    return check_combinations(cli);
}

void gc_cli_free(gc_cli *cli)
{
    free(cli->lexicon_dirs);
    free(cli->roles_dirs);
}

