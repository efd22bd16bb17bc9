/* The seccomp filters and network namespace of sandbox.h.  The filters are
 * BPF programs compiled from sandbox_policy.h at build time
 * (tools/sandbox_bpf.c); loading one is a single system call, ~0.2 ms. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/filter.h>
#include <linux/seccomp.h>

#include "cli/sandbox.h"
#include "sandbox_bpf.h"   /* generated: gc_bpf_child, gc_bpf_readonly */

#define PROG(p) {sizeof(p) / sizeof(p)[0], (struct sock_filter *)(uintptr_t)(p)}

/* No setuid program started from here could gain privileges (and nothing
 * is started: execve is killed); unprivileged processes need it for
 * seccomp.  Per thread, like the filter. */
static int load(const struct sock_fprog *prog)
{
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
        return -1;
    return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, prog);
}

int gc_sandbox_child(void)
{
    static const struct sock_fprog prog = PROG(gc_bpf_child);
    return load(&prog) == 0 ? 0 : -1;
}

/* Writes one line to a /proc file of this process (uid_map and friends). */
static int write_proc(const char *name, const char *text)
{
    int fd = open(name, O_WRONLY | O_CLOEXEC);
    ssize_t n = -1;

    if (fd >= 0) {
        n = write(fd, text, strlen(text));
        close(fd);
    }
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

int gc_sandbox_no_network(void)
{
    char map[64];
    uid_t uid = geteuid();
    gid_t gid = getegid();

    if (unshare(CLONE_NEWNET) == 0)   /* root, or CAP_SYS_ADMIN */
        return 1;
    if (unshare(CLONE_NEWUSER | CLONE_NEWNET) < 0)
        return 0;   /* no unprivileged user namespaces here */
    /* The same ids inside as outside, so files, permissions and getuid()
     * look as before; setgroups must be denied before gid_map is written. */
    snprintf(map, sizeof map, "%lu %lu 1\n", (unsigned long)uid, (unsigned long)uid);
    (void)write_proc("/proc/self/uid_map", map);
    (void)write_proc("/proc/self/setgroups", "deny\n");
    snprintf(map, sizeof map, "%lu %lu 1\n", (unsigned long)gid, (unsigned long)gid);
    (void)write_proc("/proc/self/gid_map", map);
    return 1;
}

typedef struct readonly_call {
    void (*fn)(void *);
    void *arg;
} readonly_call;

static void *readonly_thread(void *p)
{
    static const struct sock_fprog prog = PROG(gc_bpf_readonly);
    const readonly_call *c = p;

    (void)load(&prog);   /* refused: the libraries load all the same */
    c->fn(c->arg);
    return NULL;
}

/* Standard error goes to /dev/null meanwhile: fontconfig, refused its
 * cache, says "No writable cache directories" there.  This thread only
 * waits, so nothing else of ours writes to it then. */
void gc_sandbox_readonly(void (*fn)(void *), void *arg)
{
    readonly_call c = {fn, arg};
    pthread_t th;
    int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    int saved = null >= 0 ? fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3) : -1;

    if (saved >= 0)
        (void)dup2(null, STDERR_FILENO);
    if (pthread_create(&th, NULL, readonly_thread, &c) == 0)
        (void)pthread_join(th, NULL);
    else
        fn(arg);
    if (saved >= 0) {
        (void)dup2(saved, STDERR_FILENO);
        close(saved);
    }
    if (null >= 0)
        close(null);
}
