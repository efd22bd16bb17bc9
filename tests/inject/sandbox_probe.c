/* An LD_PRELOAD shim for the sandbox tests (tests/hostile): when a parser
 * child opens an input whose name holds "gc-probe-WHAT", the child first
 * does WHAT, as an exploited parsing library would, then goes on.  A
 * sandboxed child is killed at that call (SIGSYS, a parser_crashed/sandbox
 * record); an unconfined one carries on and reports the file.  Only a
 * child acts (it is the process that made itself undumpable, isolate.c).
 * Built by the test that uses it; never linked into gapcheck. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static void probe(const char *path)
{
    const char *what = strstr(path, "gc-probe-");
    char tmp[] = "/tmp/gc-probe-XXXXXX";
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(9),
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    char *argv[] = {"/bin/true", NULL};
    int fd;

    if (what == NULL || prctl(PR_GET_DUMPABLE) != 0)
        return;
    what += strlen("gc-probe-");
    if (strncmp(what, "socket", 6) == 0) {
        fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd >= 0) {
            (void)connect(fd, (struct sockaddr *)&sa, sizeof sa);
            close(fd);
        }
    } else if (strncmp(what, "write", 5) == 0) {
        fd = openat(AT_FDCWD, path, O_WRONLY);   /* the input itself: it exists, and is ours */
        if (fd >= 0)
            close(fd);
    } else if (strncmp(what, "create", 6) == 0) {
        fd = mkstemp(tmp);
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
    } else if (strncmp(what, "exec", 4) == 0) {
        if (fork() == 0) {
            execv(argv[0], argv);
            _exit(127);
        }
    }
}

int open(const char *path, int flags, ...)
{
    static int (*real)(const char *, int, ...);
    mode_t mode = 0;
    va_list ap;

    if (flags & O_CREAT) {
        va_start(ap, flags);
        mode = (mode_t)va_arg(ap, int);
        va_end(ap);
    }
    probe(path);
    if (real == NULL)
        *(void **)&real = dlsym(RTLD_NEXT, "open");
    return real(path, flags, mode);
}
