/* Atomic report files; see outdir.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>

#include "cli/cli.h"
#include "cli/outdir.h"

struct gc_outdir {
    char *dir;
    int dirfd;
    GPtrArray *tmp, *final;   /* parallel: temporary and final names */
    GHashTable *used;         /* folded final names */
};

char *gc_outdir_safe_name(const char *input)
{
    const char *base = strrchr(input, '/') ? strrchr(input, '/') + 1 : input;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
    GString *s = g_string_new(NULL);

    for (size_t i = 0; i < n && s->len < GC_REPORT_NAME_BYTES; i++) {
        char c = base[i];
        int ok = g_ascii_isalnum(c) || c == '-' || c == '_' || c == '.';
        if (!ok)
            c = '_';
        if (c == '_' && s->len && s->str[s->len - 1] == '_')
            continue;
        g_string_append_c(s, c);
    }
    while (s->len && (s->str[0] == '.' || s->str[0] == '-' || s->str[0] == '_'))
        g_string_erase(s, 0, 1);
    if (s->len == 0)
        g_string_assign(s, "resume");
    return g_string_free(s, FALSE);
}

gc_outdir *gc_outdir_open(const char *dir)
{
    gc_outdir *o;
    int fd;

    if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
        gc_cli_error(dir, "cannot create directory: %s", strerror(errno));
        return NULL;
    }
    if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
        gc_cli_error(dir, "cannot open directory: %s", strerror(errno));
        return NULL;
    }
    o = g_new0(gc_outdir, 1);
    o->dir = g_strdup(dir);
    o->dirfd = fd;
    o->tmp = g_ptr_array_new_with_free_func(g_free);
    o->final = g_ptr_array_new_with_free_func(g_free);
    o->used = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_hash_table_add(o->used, g_strdup("index"));
    return o;
}

const char *gc_outdir_add_named(gc_outdir *o, const char *name, const gc_buf *content)
{
    char tmpl[] = ".gapcheck-XXXXXX";
    char *path = g_build_filename(o->dir, tmpl, NULL);
    int fd = mkstemp(path), e;

    if (fd < 0 || content->failed || fchmod(fd, 0600) < 0 ||
        gc_write_fd(fd, content->data ? content->data : "", content->len) < 0 || fsync(fd) < 0) {
        e = errno;
        if (fd >= 0) {
            close(fd);
            unlink(path);
        }
        gc_cli_error(o->dir, "cannot write '%s': %s", name, strerror(e));
        g_free(path);
        return NULL;
    }
    if (close(fd) < 0) {
        gc_cli_error(o->dir, "cannot write '%s': %s", name, strerror(errno));
        unlink(path);
        g_free(path);
        return NULL;
    }
    g_ptr_array_add(o->tmp, path);
    g_ptr_array_add(o->final, g_strdup(name));
    return o->final->pdata[o->final->len - 1];
}

const char *gc_outdir_add(gc_outdir *o, const char *input, const char *ext, const gc_buf *content)
{
    char *base = gc_outdir_safe_name(input), *name = NULL, *key;
    const char *res;

    for (int k = 1; name == NULL; k++) {
        char *cand = k == 1 ? g_strdup(base) : g_strdup_printf("%s-%d", base, k);
        key = g_ascii_strdown(cand, -1);
        if (!g_hash_table_contains(o->used, key)) {
            g_hash_table_add(o->used, key);
            name = g_strdup_printf("%s.%s", cand, ext);
        } else {
            g_free(key);
        }
        g_free(cand);
    }
    res = gc_outdir_add_named(o, name, content);
    g_free(name);
    g_free(base);
    return res;
}

/* What is in the way of a final name: nothing (0), a regular file that a
 * rename may replace (1), or something it must not (-1: a directory, say,
 * which rename(2) refuses only when non-empty, or a special file). */
static int in_the_way(const gc_outdir *o, const char *name)
{
    struct stat st;

    if (fstatat(o->dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
        return errno == ENOENT ? 0 : -1;
    return S_ISREG(st.st_mode) ? 1 : -1;
}

/* Puts back what the first `n` renames replaced: the old file from its
 * backup link, or nothing where there was none. */
static void roll_back(gc_outdir *o, guint n, char **backup)
{
    for (guint i = 0; i < n; i++) {
        const char *name = o->final->pdata[i];
        if (backup[i])
            renameat(o->dirfd, backup[i], o->dirfd, name);
        else
            unlinkat(o->dirfd, name, 0);
    }
}

/* A hard link to the file a rename is about to replace, so a failure
 * later in the commit can restore it.  NULL when there is none. */
static char *keep_old(gc_outdir *o, const char *name, int *failed)
{
    for (int k = 0; k < 100 && in_the_way(o, name) == 1; k++) {
        char *b = g_strdup_printf(".gapcheck-old-%d-%d", (int)getpid(), k);
        if (linkat(o->dirfd, name, o->dirfd, b, 0) == 0)
            return b;
        g_free(b);
        if (errno != EEXIST)
            break;
    }
    *failed = in_the_way(o, name) != 0;
    return NULL;
}

/* All or nothing: first every final name is checked (a directory in the
 * way fails the commit before anything moves), then each file is renamed
 * into place with the one it replaces kept aside, and a failed rename puts
 * every earlier one back.  The index is the last file added, so it is the
 * last renamed. */
int gc_outdir_commit(gc_outdir *o)
{
    guint n = o->tmp->len, done = 0;
    char **backup = g_new0(char *, n + 1);
    int rc = 0, e = 0;

    for (guint i = 0; i < n && rc == 0; i++)
        if (in_the_way(o, o->final->pdata[i]) < 0) {
            gc_cli_error(o->dir, "cannot replace '%s': not a regular file",
                         (const char *)o->final->pdata[i]);
            rc = -1;
        }
    for (; rc == 0 && done < n; done++) {
        char *final = g_build_filename(o->dir, o->final->pdata[done], NULL);
        int failed = 0;
        backup[done] = keep_old(o, o->final->pdata[done], &failed);
        if (failed || rename(o->tmp->pdata[done], final) < 0) {
            e = errno;
            rc = -1;
        }
        g_free(final);
        if (rc < 0)
            break;
    }
    if (rc < 0 && done < n && e) {
        gc_cli_error(o->dir, "cannot rename '%s' into place: %s; nothing was written",
                     (const char *)o->final->pdata[done], strerror(e));
        roll_back(o, done, backup);
        if (backup[done])
            unlinkat(o->dirfd, backup[done], 0);
    }
    for (guint i = 0; i < n; i++) {
        if (backup[i] && rc == 0)
            unlinkat(o->dirfd, backup[i], 0);
        g_free(backup[i]);
        if (rc == 0 || i < done) {   /* renamed: no temporary left to remove */
            g_free(o->tmp->pdata[i]);
            o->tmp->pdata[i] = NULL;
        }
    }
    g_free(backup);
    if (rc == 0)
        fsync(o->dirfd);
    return rc;
}

void gc_outdir_free(gc_outdir *o)
{
    if (o == NULL)
        return;
    for (guint i = 0; i < o->tmp->len; i++)
        if (o->tmp->pdata[i])
            unlink(o->tmp->pdata[i]);
    g_ptr_array_free(o->tmp, TRUE);
    g_ptr_array_free(o->final, TRUE);
    g_hash_table_destroy(o->used);
    close(o->dirfd);
    g_free(o->dir);
    g_free(o);
}
