/* cli_data: the data a run uses.
 *
 *   bundled only       the build-time snapshot embedded in the program
 *   lint               every YAML file, bundled and user, so each problem
 *                      is reported at its file:line:col
 *   with user data     the snapshot the last run built from the same bytes,
 *                      from the cache folder; else the YAML, whose build is
 *                      then stored there for the next run
 *
 * Why a cache: parsing and building a 2,000-skill user lexicon plus the
 * bundled YAML takes 30-40 ms (libyaml alone is half), a cached snapshot of
 * the same data loads in about 1 ms (PERFORMANCE.md).  The key is an MD5 of
 * everything that decides the build: this program's version and bundled
 * snapshot header (which holds the checksum of the bundled data), and each
 * user file's kind, path and bytes.  MD5 is a cache key here, not a defence:
 * whoever can write the cache folder can edit the user data too, and a
 * snapshot is checked (checksum, every offset and index) before use, so a
 * damaged or planted file is refused, never trusted.  A cache that cannot
 * be read or written is skipped silently: it only ever saves time. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>

#include "cli/cli.h"

#define CACHE_KEEP 8                     /* snapshots kept in the folder */

typedef struct user_file {
    gc_data_kind kind;
    char *path;
    char *buf;
    size_t len;
} user_file;

typedef struct user_files {
    user_file *v;
    size_t n;
} user_files;

static char *cache_blob;   /* the snapshot a cached gc_data points into */

static void free_files(user_files *uf)
{
    for (size_t i = 0; i < uf->n; i++) {
        free(uf->v[i].path);
        free(uf->v[i].buf);
    }
    free(uf->v);
    uf->v = NULL;
    uf->n = 0;
}

static int push_file(user_files *uf, gc_data_kind kind, const char *path, char *buf, size_t len)
{
    user_file *v = realloc(uf->v, (uf->n + 1) * sizeof *v);
    char *p = strdup(path);

    if (v == NULL || p == NULL) {
        free(p);
        if (v != NULL)
            uf->v = v;
        return -1;
    }
    uf->v = v;
    uf->v[uf->n++] = (user_file){kind, p, buf, len};
    return 0;
}

/* Reads one user directory; errors are printed and counted. */
static void read_dir(user_files *uf, gc_data_kind kind, const char *dir, const gc_cli *cli,
                     int *n_errors)
{
    gc_err err = GC_ERR_INIT;
    char **names = NULL;
    size_t n = 0;

    if (gc_data_list_dir(&names, &n, dir, &err) < 0) {
        gc_cli_report_err(NULL, &err);
        ++*n_errors;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        char *buf = NULL;
        size_t len = 0;
        gc_err_clear(&err);
        if (gc_read_file(&buf, &len, names[i], cli->lim.data_bytes, &err) < 0) {
            gc_cli_report_err(NULL, &err);
            ++*n_errors;
        } else if (push_file(uf, kind, names[i], buf, len) < 0) {
            free(buf);
            gc_cli_error(NULL, "%s", "out of memory");
            ++*n_errors;
        }
    }
    gc_strv_free(names);
}

static void read_user_files(user_files *uf, const gc_cli *cli, int *n_errors)
{
    for (size_t k = 0; k < cli->n_lexicon_dirs; k++)
        read_dir(uf, GC_DATA_LEXICON, cli->lexicon_dirs[k], cli, n_errors);
    for (size_t k = 0; k < cli->n_roles_dirs; k++)
        read_dir(uf, GC_DATA_ROLES, cli->roles_dirs[k], cli, n_errors);
}

/* Bundled YAML, then the user's files; in keep-going mode (lint) an error
 * is printed and counted and the next file is read. */
static int add_all(gc_data_builder *b, const user_files *uf, int keep_going, int *n_errors)
{
    gc_err err = GC_ERR_INIT;

    for (size_t i = 0; i < gc_embedded_count; i++) {
        const gc_embedded *e = &gc_embedded_files[i];
        gc_data_kind kind = strncmp(e->name, "roles/", 6) == 0 ? GC_DATA_ROLES : GC_DATA_LEXICON;
        if (gc_data_add(b, kind, e->name, e->data, e->len, 0, &err) < 0) {
            gc_cli_report_err(NULL, &err);
            gc_err_clear(&err);
            if (++*n_errors, !keep_going)
                return -1;
        }
    }
    for (size_t i = 0; i < uf->n; i++) {
        const user_file *f = &uf->v[i];
        if (gc_data_add(b, f->kind, f->path, f->buf, f->len, 1, &err) < 0) {
            gc_cli_report_err(NULL, &err);
            gc_err_clear(&err);
            if (++*n_errors, !keep_going)
                return -1;
        }
    }
    return 0;
}

/* ---- the cache ------------------------------------------------------- */

static void key_add(GChecksum *c, const void *p, size_t n)
{
    guint64 len = n;

    g_checksum_update(c, (const guchar *)&len, sizeof len);   /* no ambiguous joins */
    g_checksum_update(c, p, n);
}

/* "DIR/data-KEY.snap" into path; 0, or -1 when there is no cache folder. */
static int cache_path(char *path, size_t cap, const user_files *uf)
{
    const char *dir = gc_cli_cache_dir();
    GChecksum *c;
    int len;

    if (dir == NULL || (c = g_checksum_new(G_CHECKSUM_MD5)) == NULL)
        return -1;
    key_add(c, "gapcheck data cache 1 " GC_VERSION, sizeof "gapcheck data cache 1 " GC_VERSION);
    key_add(c, gc_snapshot_data, gc_snapshot_size < 32 ? gc_snapshot_size : 32);
    for (size_t i = 0; i < uf->n; i++) {
        unsigned char kind = (unsigned char)uf->v[i].kind;
        key_add(c, &kind, 1);
        key_add(c, uf->v[i].path, strlen(uf->v[i].path));
        key_add(c, uf->v[i].buf, uf->v[i].len);
    }
    len = snprintf(path, cap, "%s/data-%s.snap", dir, g_checksum_get_string(c));
    g_checksum_free(c);
    return len > 0 && (size_t)len < cap ? 0 : -1;
}

/* Only our own regular files in our own folder that no one else may
 * write: a cache folder shared with another user must not feed us their
 * data.  The snapshot's checksum is not keyed: the only writer this
 * accepts is the user, who can edit their YAML as well; and every number
 * and offset of a snapshot is checked on load (issue 18.2). */
static int cache_load(gc_data **out, const char *path, const gc_cli *cli)
{
    const char *dir = gc_cli_cache_dir();
    struct stat st;
    char *buf = NULL;
    size_t len = 0;
    gc_err err = GC_ERR_INIT;

    if (dir == NULL || stat(dir, &st) != 0 || st.st_uid != geteuid() || (st.st_mode & 022))
        return -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return -1;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
        gc_read_fd(&buf, &len, fd, GC_CACHE_BYTES, &err) < 0) {
        close(fd);
        return -1;
    }
    close(fd);
    /* malloc's alignment (16) covers the snapshot's 8 */
    if (gc_data_from_snapshot(out, buf, len, &cli->lim, &err) < 0) {
        free(buf);
        return -1;
    }
    cache_blob = buf;
    return 0;
}

static int mkdir_p(const char *dir)
{
    char tmp[4096];
    size_t n = strlen(dir);

    if (n >= sizeof tmp)
        return -1;
    memcpy(tmp, dir, n + 1);
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(tmp, 0700) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    return mkdir(tmp, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

typedef struct entry {
    char name[256];
    time_t mtime;
} entry;

static int by_age(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    return x->mtime < y->mtime ? 1 : x->mtime > y->mtime ? -1 : strcmp(x->name, y->name);
}

/* Keeps the CACHE_KEEP newest snapshots: every edit of the user data makes
 * a new one, and nothing else would ever remove the old. */
static void prune(const char *dir)
{
    DIR *dp = opendir(dir);
    struct dirent *e;
    entry *v = NULL;
    size_t n = 0;
    char path[4096];

    if (dp == NULL)
        return;
    while ((e = readdir(dp)) != NULL && n < 4096) {
        struct stat st;
        entry *nv;
        size_t len = strlen(e->d_name);
        if (strncmp(e->d_name, "data-", 5) != 0 || len < 10 || len >= sizeof v->name ||
            strcmp(e->d_name + len - 5, ".snap") != 0 ||
            fstatat(dirfd(dp), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if ((nv = realloc(v, (n + 1) * sizeof *v)) == NULL)
            break;
        v = nv;
        memcpy(v[n].name, e->d_name, len + 1);
        v[n++].mtime = st.st_mtime;
    }
    closedir(dp);
    qsort(v, n, sizeof *v, by_age);
    for (size_t i = CACHE_KEEP; i < n; i++)
        if (snprintf(path, sizeof path, "%s/%s", dir, v[i].name) < (int)sizeof path)
            unlink(path);
    free(v);
}

/* Written to a temporary file in the folder and renamed, so a reader sees
 * the whole snapshot or none (two runs may store at once). */
static void cache_store(const gc_data *d, const char *path)
{
    const char *dir = gc_cli_cache_dir();
    char tmp[4096], *buf = NULL;
    size_t len = 0;
    gc_err err = GC_ERR_INIT;
    int fd, ok;

    if (dir == NULL || mkdir_p(dir) < 0 || gc_data_snapshot(&buf, &len, d, &err) < 0)
        return;
    if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp ||
        (fd = mkstemp(tmp)) < 0) {
        free(buf);
        return;
    }
    ok = gc_write_fd(fd, buf, len) == 0;
    ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp, path) != 0)
        unlink(tmp);
    free(buf);
    prune(dir);
}

/* ---- entry points ---------------------------------------------------- */

static int build(gc_data **out, const gc_cli *cli, const user_files *uf, int keep_going)
{
    gc_err err = GC_ERR_INIT;
    gc_data_builder *b = gc_data_builder_new(&cli->lim);
    int n_errors = 0;

    if (add_all(b, uf, keep_going, &n_errors) < 0 || n_errors > 0) {
        gc_data_builder_free(b);
        return -n_errors;
    }
    if (gc_data_build(out, b, &err) < 0) {
        gc_cli_report_err(NULL, &err);
        return -1;
    }
    return 0;
}

int gc_cli_load_data(gc_data **out, const gc_cli *cli, int keep_going)
{
    gc_err err = GC_ERR_INIT;
    user_files uf = {NULL, 0};
    char path[4096];
    int n_errors = 0, rc, cache;

    *out = NULL;
    /* A damaged embedded snapshot falls back to the YAML. */
    if (!keep_going && cli->n_lexicon_dirs + cli->n_roles_dirs == 0 &&
        gc_data_from_embedded_snapshot(out, gc_snapshot_data, gc_snapshot_size, &cli->lim,
                                       &err) == 0)
        return 0;
    read_user_files(&uf, cli, &n_errors);
    if (n_errors > 0 && !keep_going) {
        free_files(&uf);
        return -n_errors;
    }
    cache = !keep_going && !cli->no_cache && uf.n > 0 &&
            cache_path(path, sizeof path, &uf) == 0;
    if (cache && cache_load(out, path, cli) == 0) {
        free_files(&uf);
        return 0;
    }
    rc = build(out, cli, &uf, keep_going);
    if (rc == 0 && n_errors > 0) {   /* lint: unreadable files still fail */
        gc_data_free(*out);
        *out = NULL;
        rc = -n_errors;
    } else if (rc < 0) {
        rc -= n_errors;
    }
    if (rc == 0 && cache)
        cache_store(*out, path);
    free_files(&uf);
    return rc;
}
