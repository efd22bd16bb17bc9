/* Per-file process isolation; see isolate.h. */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <sched.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "gapcheck.h"
#include "cli/isolate.h"
#include "cli/sandbox.h"

#if defined(__SANITIZE_ADDRESS__)
#define GC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GC_ASAN 1
#endif
#endif

void gc_cpus_get(gc_cpus *c)
{
    CPU_ZERO(&c->set);
    c->n = sched_getaffinity(0, sizeof c->set, &c->set) == 0 ? CPU_COUNT(&c->set) : 0;
}

long long gc_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void set_limit(int what, rlim_t soft, rlim_t hard)
{
    struct rlimit r = {soft, hard};
    (void)setrlimit(what, &r);
}

/* The child gives up what it does not need before touching the file:
 * no core dumps (résumé text in memory), no ptrace, no files written, no
 * library chatter on the terminal, and it dies with its parent.  Last, the
 * seccomp filter (sandbox.c): no network, no other program, no file
 * created, written or removed, whatever a parsing library is made to do.
 * The libraries a batch preloaded are already mapped; the others load
 * under the filter, which lets a library be read and mapped. */
static void confine(pid_t parent, int wfd, const gc_limits *lim)
{
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    unsigned secs = lim->timeout_ms / 1000 + 1;

    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(1);
    prctl(PR_SET_DUMPABLE, 0);
    set_limit(RLIMIT_CORE, 0, 0);
    set_limit(RLIMIT_FSIZE, 0, 0);
    set_limit(RLIMIT_CPU, secs, secs + 1);
#ifndef GC_ASAN
    set_limit(RLIMIT_AS, lim->memory_bytes, lim->memory_bytes);  /* ASan needs its shadow */
#endif
    if (null >= 0) {
        dup2(null, STDIN_FILENO);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        close(null);
    }
    /* Inherited descriptors go: in a batch they include the result pipes of
     * the other children, whose records a hijacked child could read. */
    if (wfd > STDERR_FILENO + 1)
        (void)close_range(STDERR_FILENO + 1, (unsigned)wfd - 1, 0);
    (void)close_range((unsigned)wfd + 1, ~0U, 0);
    (void)gc_sandbox_child();   /* a kernel without seccomp: the limits above only */
}

/* The record, after the CPU this child ran on: a batch starts the next
 * child there (batch.c).  One write, so the parent wakes once. */
static int send_record(int wfd, const char *rec, size_t len)
{
    int32_t cpu = sched_getcpu();
    char *msg = malloc(sizeof cpu + len);

    if (msg == NULL)
        return -1;
    memcpy(msg, &cpu, sizeof cpu);
    memcpy(msg + sizeof cpu, rec, len);
    return gc_write_fd(wfd, msg, sizeof cpu + len);
}

static void child(const gc_task *t, int wfd, pid_t parent, const gc_data *d,
                  const gc_limits *lim, const gc_analyze_opts *opts)
{
    gc_err err = GC_ERR_INIT;
    char *file = NULL, *enc = NULL;
    size_t len = 0, elen = 0;
    gc_doc *doc = NULL;

    confine(parent, wfd, lim);
    const unsigned char *buf = t->buf;
    if (buf == NULL && gc_read_file(&file, &len, t->path, lim->input_bytes, &err) == 0)
        buf = (const unsigned char *)file;
    else if (buf != NULL)
        len = t->len;
    if (buf != NULL && gc_analyze(&doc, d, buf, len, lim, opts, &err) < 0)
        doc = NULL;
    if (doc == NULL)
        doc = gc_doc_new_error(d, &err);
    if (gc_doc_encode(&enc, &elen, doc, &err) == 0 && send_record(wfd, enc, elen) < 0)
        _exit(3);
    close(wfd);   /* the parent's end of file now, not after our teardown */
    _exit(0);
}

static void fail(gc_task *t, const gc_data *d, int code, const char *detail, const char *msg)
{
    gc_err err = GC_ERR_INIT;
    gc_err_set(&err, code, NULL, 0, 0, "%s", msg);
    gc_err_detail(&err, detail);
    t->doc = gc_doc_new_error(d, &err);
}

/* Narrows this process to `cpu` for a fork: the child starts there, and
 * parent and child then take back the whole set (gc_task_start). */
static int narrow_to(const gc_cpus *cpus, int cpu)
{
    cpu_set_t one;

    if (cpus == NULL || cpu < 0 || cpu >= CPU_SETSIZE || !CPU_ISSET(cpu, &cpus->set))
        return 0;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    return sched_setaffinity(0, sizeof one, &one) == 0;
}

/* Children run as SCHED_BATCH: a new child then does not preempt the parent
 * the moment it is forked.  Preempted, the parent waited on that CPU behind
 * its children while the other CPU, which it was about to give a child,
 * idled until a balancer moved it (3.6 ms in one traced DOCX batch).  The
 * parent takes the policy only for the fork, and only from SCHED_OTHER.
 * Returns 1 if it changed the policy. */
static int as_batch(int on)
{
    struct sched_param none = {0};

    if (on && sched_getscheduler(0) != SCHED_OTHER)
        return 0;
    return sched_setscheduler(0, on ? SCHED_BATCH : SCHED_OTHER, &none) == 0;
}

/* Every 4 KiB of fresh memory a process touches costs a page fault, and
 * on the virtual machines we measure one is ~10 us: loading the data took
 * ~140 of them (its skill and alias arrays), a DOCX child ~80 and a PDF
 * child ~420, the largest cost after the libraries themselves.  A 2 MiB
 * transparent huge page costs one fault of ~0.1 ms.  So before the data
 * is loaded, the heap grows by HEAP_ON_HUGE_PAGES, marked for huge pages
 * where the system grants them on request, and is freed again (kept as
 * the heap's top: trimming waits for four times as much); large blocks
 * (up to twice that) come from the heap too, not from mmap.  The part
 * below the first 2 MiB boundary is allocated and kept, never touched,
 * so what follows (the data, then each child's allocations) starts on a
 * huge page.  PERFORMANCE.md has the measurements.  ASan's allocator
 * ignores all this. */
#define HEAP_ON_HUGE_PAGES ((size_t)16 << 20)
#define HUGE_PAGE ((uintptr_t)2 << 20)

/* Kept reachable, so leak checkers stay quiet; volatile, or the compiler
 * drops the malloc whose result nothing reads. */
static void *volatile heap_below;

void gc_heap_on_huge_pages(void)
{
    static int done;
    uintptr_t from, to;
    char *p;

    if (done++)
        return;
    (void)mallopt(M_TRIM_THRESHOLD, (int)(4 * HEAP_ON_HUGE_PAGES));
    (void)mallopt(M_MMAP_THRESHOLD, (int)(2 * HEAP_ON_HUGE_PAGES));   /* glibc's largest */
    if ((p = malloc(HEAP_ON_HUGE_PAGES)) == NULL)
        return;
    from = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    to = ((uintptr_t)p + HEAP_ON_HUGE_PAGES) & ~(HUGE_PAGE - 1);
    if (to > from)
        (void)madvise((void *)from, to - from, MADV_HUGEPAGE);
    free(p);
    /* The freed block is the heap's top again, so a block of from - p
     * bytes (header included) is carved from it at p, and the next one
     * begins at `from`. */
    if (from - (uintptr_t)p >= 64)
        heap_below = malloc(from - (uintptr_t)p - 2 * sizeof(size_t));
}

/* A page the parent has written is copied, 4 KiB at a time, when a child
 * writes it, even on a huge page.  So a child first moves the heap's top
 * to the next 2 MiB boundary: its allocations then fill huge pages the
 * parent never touched, one fault each instead of ~50.  The top is where
 * the heap ends (sbrk) less its free top block (keepcost); the skipped
 * bytes are only address space. */
static void *volatile heap_skipped;

static void heap_fresh_for_child(void)
{
    struct mallinfo2 mi;
    uintptr_t top, next;

    if (heap_below == NULL)   /* no huge pages were asked for */
        return;
    mi = mallinfo2();
    top = (uintptr_t)sbrk(0) - mi.keepcost;
    next = (top + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    /* A block whose chunk (header included) ends 16 bytes short of `next`
     * leaves the top's header there, so the next block begins at `next`. */
    if (next - top >= 64 && mi.keepcost > next - top + HUGE_PAGE)
        heap_skipped = malloc(next - top - 4 * sizeof(size_t));
}

void gc_task_start(gc_task *t, const gc_data *d, const gc_limits *lim,
                   const gc_analyze_opts *opts, const gc_cpus *cpus, int cpu)
{
    int p[2], narrowed, batch;
    char msg[128];
    pid_t parent = getpid();

    t->fd = -1;
    t->pid = -1;
    t->cpu = -1;
    if (pipe2(p, O_CLOEXEC) < 0) {
        snprintf(msg, sizeof msg, "cannot create a pipe: %s", strerror(errno));
        fail(t, d, GC_EIO, "pipe", msg);
        return;
    }
    fflush(NULL);  /* nothing buffered may be written twice */
    narrowed = narrow_to(cpus, cpu);
    batch = as_batch(1);
    t->pid = fork();
    if (narrowed)
        (void)sched_setaffinity(0, sizeof cpus->set, &cpus->set);   /* parent and child */
    if (batch && t->pid != 0)
        (void)as_batch(0);   /* the parent only */
    if (t->pid < 0) {
        close(p[0]);
        close(p[1]);
        snprintf(msg, sizeof msg, "cannot start a parser process: %s", strerror(errno));
        fail(t, d, GC_EIO, "fork", msg);
        return;
    }
    if (t->pid == 0) {
        heap_fresh_for_child();
        close(p[0]);
        child(t, p[1], parent, d, lim, opts);
    }
    close(p[1]);
    t->fd = p[0];
    t->deadline_ms = gc_now_ms() + lim->timeout_ms;
}

int gc_task_read(gc_task *t, size_t max_bytes)
{
    char chunk[65536];
    ssize_t n = read(t->fd, chunk, sizeof chunk);

    if (n < 0)
        return errno == EINTR || errno == EAGAIN ? 0 : 1;
    if (n == 0)
        return 1;
    if (t->out.len + (size_t)n > max_bytes)
        return 1;  /* an oversized result is treated as a broken child */
    gc_buf_add(&t->out, chunk, (size_t)n);
    return 0;
}

static const char *signal_name(int sig)
{
    switch (sig) {
    case SIGSEGV: return "SIGSEGV";
    case SIGABRT: return "SIGABRT";
    case SIGBUS: return "SIGBUS";
    case SIGKILL: return "SIGKILL";
    case SIGXCPU: return "SIGXCPU";
    case SIGFPE: return "SIGFPE";
    case SIGILL: return "SIGILL";
    case SIGXFSZ: return "SIGXFSZ";
    default: return "a signal";
    }
}

long long gc_task_rss(const gc_task *t)
{
    char path[64], buf[128];
    long long size = 0, resident = -1;
    int fd;
    ssize_t n;

    snprintf(path, sizeof path, "/proc/%d/statm", (int)t->pid);
    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
        return -1;
    n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return -1;
    buf[n] = '\0';
    if (sscanf(buf, "%lld %lld", &size, &resident) != 2)
        return -1;
    return resident * sysconf(_SC_PAGESIZE);
}

void gc_task_finish(gc_task *t, const gc_data *d, const gc_limits *lim, gc_kill killed)
{
    int status = 0;
    char msg[160];
    gc_err err = GC_ERR_INIT;
    const char *data = t->out.data ? t->out.data : "";
    int32_t cpu = -1;
    size_t head = t->out.len < sizeof cpu ? t->out.len : sizeof cpu;

    if (t->fd >= 0)
        close(t->fd);
    t->fd = -1;
    if (head == sizeof cpu)
        memcpy(&cpu, data, sizeof cpu);
    if (!killed && gc_doc_decode(&t->doc, d, data + head, t->out.len - head, &err) == 0) {
        t->cpu = cpu;
        gc_buf_free(&t->out);
        t->unreaped = t->pid;
        gc_task_reap(t, 0);
        return;
    }
    while (waitpid(t->pid, &status, 0) < 0 && errno == EINTR)
        ;
    t->unreaped = 0;
    if (killed == GC_KILL_MEMORY) {
        snprintf(msg, sizeof msg, "used more than %zu MB of memory",
                 lim->rss_bytes / (1024 * 1024));
        fail(t, d, GC_ELIMIT, "memory", msg);
    } else if (killed || (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)) {
        snprintf(msg, sizeof msg, "exceeded the %.1f s time limit", lim->timeout_ms / 1000.0);
        fail(t, d, GC_ETIMEOUT, "timeout", msg);
    } else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGSYS) {
        fail(t, d, GC_ECRASH, "sandbox", "the parser was stopped making a system call the "
             "sandbox forbids (SIGSYS); the file may be an attack");
    } else if (WIFSIGNALED(status)) {
        snprintf(msg, sizeof msg, "the parser crashed (%s); the file is probably malformed",
                 signal_name(WTERMSIG(status)));
        fail(t, d, GC_ECRASH, "parser_crashed", msg);
    } else {
        fail(t, d, GC_ECRASH, "parser_crashed", WIFEXITED(status) && WEXITSTATUS(status) ?
             "the parser process failed (out of memory?)" : err.msg);
    }
    gc_buf_free(&t->out);
}

int gc_task_reap(gc_task *t, int block)
{
    pid_t r;

    if (t->unreaped <= 0)
        return 1;
    while ((r = waitpid(t->unreaped, NULL, block ? 0 : WNOHANG)) < 0 && errno == EINTR)
        ;
    if (r == t->unreaped || r < 0)   /* r < 0: ECHILD, already gone */
        t->unreaped = 0;
    return t->unreaped == 0;
}
