/* Bounded file reading, and whole writes; see gapcheck.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gapcheck.h"

/* The first buffer: for a regular file of that size, the size, so a
 * résumé is read in one allocation and one pass (a parser child pays for
 * every page it touches); else 64 KiB, doubled as the data comes. */
static size_t first_cap(const struct stat *st, size_t max)
{
    if (S_ISREG(st->st_mode) && st->st_size > 0 && (unsigned long long)st->st_size <= max)
        return (size_t)st->st_size + 1;   /* + 1: the read that sees the end */
    return 64 * 1024;
}

static int read_fd(char **out, size_t *len_out, int fd, size_t cap, size_t max, gc_err *err)
{
    size_t len = 0;
    char *buf = malloc(cap + 1);

    *out = NULL;
    if (buf == NULL)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    for (;;) {
        if (len == cap) {
            if (cap > max) {
                free(buf);
                gc_err_set(err, GC_ELIMIT, NULL, 0, 0, "file is larger than the %zu-byte limit",
                           max);
                gc_err_detail(err, "input_bytes");
                return GC_ELIMIT;
            }
            char *p = realloc(buf, cap * 2 + 1);
            if (p == NULL) {
                free(buf);
                return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
            }
            buf = p;
            cap *= 2;
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            free(buf);
            gc_err_set(err, GC_EIO, NULL, 0, 0, "read error: %s", strerror(e));
            err->sys_errno = e;
            return GC_EIO;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    if (len > max) {
        free(buf);
        gc_err_set(err, GC_ELIMIT, NULL, 0, 0, "file is larger than the %zu-byte limit", max);
        gc_err_detail(err, "input_bytes");
        return GC_ELIMIT;
    }
    buf[len] = '\0';
    *out = buf;
    *len_out = len;
    return 0;
}

int gc_read_fd(char **out, size_t *len_out, int fd, size_t max, gc_err *err)
{
    struct stat st;

    if (fstat(fd, &st) < 0)
        st.st_mode = 0;   /* unknown: read it as a stream */
    return read_fd(out, len_out, fd, first_cap(&st, max), max, err);
}

int gc_write_fd(int fd, const void *p, size_t n)
{
    const char *c = p;

    while (n > 0) {
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = EIO;
            return -1;
        }
        c += w;
        n -= (size_t)w;
    }
    return 0;
}

int gc_read_file(char **out, size_t *len_out, const char *path, size_t max, gc_err *err)
{
    struct stat st;
    int fd, rc, e;

    *out = NULL;
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; regular files
     * ignore the flag for reads */
    fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        e = errno;
        gc_err_set(err, GC_EIO, path, 0, 0, "cannot open: %s", strerror(e));
        err->sys_errno = e;
        return GC_EIO;
    }
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return gc_err_set(err, GC_EIO, path, 0, 0, "not a regular file");
    }
    if ((size_t)st.st_size > max) {
        close(fd);
        gc_err_set(err, GC_ELIMIT, path, 0, 0, "file is larger than the %zu-byte limit", max);
        gc_err_detail(err, "input_bytes");
        return GC_ELIMIT;
    }
    rc = read_fd(out, len_out, fd, first_cap(&st, max), max, err);
    close(fd);
    return rc;
}
