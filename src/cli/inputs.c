/* Input expansion; see inputs.h. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "gapcheck.h"
#include "cli/inputs.h"

static int push(gc_inputs *in, const char *path)
{
    if (in->n >= GC_INPUTS_MAX) {
        gc_cli_error(NULL, "more than %u input files", GC_INPUTS_MAX);
        return -1;
    }
    if (in->n == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 64;
        char **p = realloc(in->paths, cap * sizeof *p);
        if (p == NULL)
            return -1;
        in->paths = p;
        gc_err **e = realloc(in->errs, cap * sizeof *e);
        if (e == NULL)
            return -1;
        in->errs = e;
        in->cap = cap;
    }
    in->errs[in->n] = NULL;
    if ((in->paths[in->n] = strdup(path)) == NULL)
        return -1;
    in->n++;
    return 0;
}

/* A path that gets an error record instead of being read. */
static int push_error(gc_inputs *in, const char *path, int code, const char *detail,
                      const char *msg)
{
    gc_err *e = calloc(1, sizeof *e);

    if (e == NULL || push(in, path) < 0) {
        free(e);
        return -1;
    }
    gc_err_set(e, code, NULL, 0, 0, "%s", msg);
    gc_err_detail(e, detail);
    in->errs[in->n - 1] = e;
    return 0;
}

/* Reads up to `cap` bytes at `off`; returns the count, 0 on any error. */
static size_t read_at(int fd, unsigned char *buf, size_t cap, off_t off)
{
    ssize_t got;

    while ((got = pread(fd, buf, cap, off)) < 0 && errno == EINTR)
        ;
    return got > 0 ? (size_t)got : 0;
}

/* 1 when a file found in a folder is in a format gapcheck reads, judged
 * from its first bytes (and a zip's last ones) by gc_format_readable.  It
 * reads without blocking, and only regular files.  A file that cannot be
 * opened or read is taken: its record then says why. */
static int worth_reading(const char *path)
{
    unsigned char head[GC_READABLE_HEAD], *tail = NULL;
    struct stat st;
    size_t n, n_tail;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC), rc = 1;

    if (fd < 0)
        return 1;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        n = st.st_size > 0 ? read_at(fd, head, sizeof head, 0) : 0;
        rc = st.st_size == 0 ? 0 : n == 0 ? 1 : gc_format_readable(head, n, NULL, 0);
        if (rc < 0) {   /* a zip: its entry names are at its end */
            n_tail = (size_t)st.st_size < GC_READABLE_TAIL ? (size_t)st.st_size : GC_READABLE_TAIL;
            if ((tail = malloc(n_tail)) == NULL ||
                (n_tail = read_at(fd, tail, n_tail, st.st_size - (off_t)n_tail)) == 0)
                rc = 1;
            else
                rc = gc_format_readable(head, n, tail, n_tail);
        }
    }
    free(tail);
    close(fd);
    return rc != 0;
}

static int skip(gc_inputs *in, const char *path)
{
    const char *name = path + in->root_len + (path[in->root_len] == '/');

    if (in->n_skipped < GC_SKIPPED_SHOWN && (in->skipped[in->n_skipped] = strdup(name)) == NULL)
        return -1;
    in->n_skipped++;
    return 0;
}

void gc_inputs_report_skipped(const gc_inputs *in)
{
    size_t shown = in->n_skipped < GC_SKIPPED_SHOWN ? in->n_skipped : GC_SKIPPED_SHOWN;
    gc_buf names = {0};

    if (in->n_skipped == 0)
        return;
    for (size_t i = 0; i < shown; i++)
        gc_buf_printf(&names, "%s%s", i ? ", " : "", in->skipped[i]);
    if (in->n_skipped > shown)
        gc_buf_printf(&names, " and %zu more", in->n_skipped - shown);
    if (names.failed)
        gc_cli_error(NULL, "skipped %zu files that are not résumés", in->n_skipped);
    else if (in->n_skipped == 1)
        gc_cli_error(NULL, "skipped 1 file that is not a résumé (%s)", names.data);
    else
        gc_cli_error(NULL, "skipped %zu files that are not résumés (%s)", in->n_skipped,
                     names.data);
    gc_buf_free(&names);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(gc_inputs *in, const char *dir, int depth);

/* One directory entry: regular files in a format gapcheck reads are
 * inputs, directories are walked (not through symbolic links, so a link
 * loop cannot trap us). */
static int visit(gc_inputs *in, const char *dir, const char *name, int depth)
{
    struct stat st;
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    int rc = 0;

    if (path == NULL)
        return -1;
    snprintf(path, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
        rc = walk(in, path, depth + 1);
    else if (stat(path, &st) == 0 ? S_ISREG(st.st_mode) : errno != ENOENT)
        /* a name too long to open still gets its record */
        rc = worth_reading(path) ? push(in, path) : skip(in, path);
    free(path);
    return rc;
}

static int walk(gc_inputs *in, const char *dir, int depth)
{
    DIR *dp;
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;

    if (depth > GC_INPUT_DEPTH) {
        char msg[80];
        snprintf(msg, sizeof msg, "directories nested deeper than %d levels: not read",
                 GC_INPUT_DEPTH);
        return push_error(in, dir, GC_ELIMIT, "dir_depth", msg);
    }
    if ((dp = opendir(dir)) == NULL) {
        char msg[160];
        snprintf(msg, sizeof msg, "cannot open directory: %s", strerror(errno));
        return push_error(in, dir, GC_EIO, "", msg);
    }
    while ((e = readdir(dp)) != NULL && rc == 0) {
        if (e->d_name[0] == '.')
            continue;  /* hidden files and folders, and . and .. */
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *p);
            if (p == NULL) {
                rc = -1;
                break;
            }
            names = p;
        }
        if ((names[n] = strdup(e->d_name)) == NULL)
            rc = -1;
        else
            n++;
    }
    closedir(dp);
    qsort(names, n, sizeof *names, cmp_name);
    for (size_t i = 0; i < n; i++) {
        if (rc == 0)
            rc = visit(in, dir, names[i], depth);
        free(names[i]);
    }
    free(names);
    return rc;
}

int gc_inputs_add(gc_inputs *in, const char *path, int recursive)
{
    struct stat st;

    if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return push(in, path);
    if (recursive) {
        in->root_len = strlen(path);
        return walk(in, path, 0);
    }
    return push_error(in, path, GC_EIO, "directory",
                      "a directory: add -r to read the files in it");
}

int gc_inputs_add_list(gc_inputs *in, const char *list_file, int recursive)
{
    gc_err err = GC_ERR_INIT;
    char *buf = NULL;
    size_t len = 0;
    int rc = strcmp(list_file, "-") == 0
                 ? gc_read_fd(&buf, &len, STDIN_FILENO, GC_INPUT_LIST_BYTES, &err)
                 : gc_read_file(&buf, &len, list_file, GC_INPUT_LIST_BYTES, &err);

    if (rc < 0) {
        gc_cli_error(list_file, "%s", err.msg);
        return -1;
    }
    /* NUL-separated (find -print0) when the list holds a NUL */
    char sep = memchr(buf, '\0', len) ? '\0' : '\n';
    for (size_t i = 0; i < len && rc == 0;) {
        char *end = memchr(buf + i, sep, len - i);
        size_t n = end ? (size_t)(end - (buf + i)) : len - i;
        if (sep == '\n' && n > 0 && buf[i + n - 1] == '\r')
            buf[i + n - 1] = '\0';
        buf[i + n] = '\0';
        if (buf[i] != '\0')
            rc = gc_inputs_add(in, buf + i, recursive);
        i += n + 1;
    }
    free(buf);
    return rc;
}

void gc_inputs_free(gc_inputs *in)
{
    for (size_t i = 0; i < in->n; i++) {
        free(in->paths[i]);
        free(in->errs[i]);
    }
    for (size_t i = 0; i < in->n_skipped && i < GC_SKIPPED_SHOWN; i++)
        free(in->skipped[i]);
    free(in->paths);
    free(in->errs);
    memset(in, 0, sizeof *in);
}
