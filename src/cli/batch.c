/* Worker pool of forked children; see batch.h.  One parent, no threads:
 * poll() over the children's result pipes with the nearest deadline as
 * the timeout. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/batch.h"
#include "cli/sandbox.h"

#define AHEAD 64                /* finished results held back per job, at most */
/* How often a running child's resident memory is read.  A content bomb
 * grows a few MB per 50 ms, so a child stops within ~10% of the limit
 * whatever the machine, its fonts or a sanitizer's overhead (issue 18.6);
 * a read of /proc/PID/statm costs ~10 µs. */
#define RSS_POLL_MS 50

volatile sig_atomic_t gc_interrupted;

static int running(const gc_task *t)
{
    return t->pid > 0 && t->doc == NULL;
}

static int started(const gc_task *t)
{
    return t->pid != 0 || t->doc != NULL;
}

static void kill_all(gc_task *tasks, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (running(&tasks[i])) {
            kill(tasks[i].pid, SIGKILL);
            waitpid(tasks[i].pid, NULL, 0);
            tasks[i].pid = 0;
        } else {
            gc_task_reap(&tasks[i], 1);   /* finished, maybe still exiting */
        }
}

/* Reaps the finished children that have exited, oldest first; *lo is the
 * first task that may still need it (or has yet to start), so the scan
 * stays short. */
static void reap_done(gc_task *tasks, size_t *lo, size_t hi, int block)
{
    for (size_t i = *lo; i < hi; i++)
        if (started(&tasks[i]) && !running(&tasks[i]) && gc_task_reap(&tasks[i], block) &&
            i == *lo)
            ++*lo;
}

/* The file's size, a rough measure of its work; 0 when unknown (its child
 * reports why). */
static long long size_of(const gc_task *t)
{
    struct stat st;

    if (t->buf != NULL)
        return (long long)t->len;
    return stat(t->path, &st) == 0 ? (long long)st.st_size : 0;
}

/* The first file not yet started in [lo, hi), or with `largest` the
 * largest, or hi.  Largest first at the end of a batch, so it ends on
 * small files: in input order the corpus ends on two PDFs of 65-90 ms, and
 * one CPU often idled 40 ms beside the last (PERFORMANCE.md, fifth round).
 * Size is only a guess at the work, but the two files that take a third
 * of the corpus's time are among its three largest. */
static size_t pick(gc_task *tasks, size_t lo, size_t hi, int largest)
{
    size_t best = hi;

    for (size_t i = lo; i < hi; i++) {
        if (started(&tasks[i]))
            continue;
        if (!largest)
            return i;
        if (tasks[i].size < 0)
            tasks[i].size = size_of(&tasks[i]);
        if (best == hi || tasks[i].size > tasks[best].size)
            best = i;
    }
    return best;
}

/* Loads in this process, before the fork, the libraries the file's first
 * bytes say its child will need, so that child and the later ones share
 * them (gc_preload_for): a batch of DOCX files never maps poppler, whose
 * 60 libraries in every fork and exit made it take a third longer
 * (PERFORMANCE.md, fifth round).  One file alone is left to its child,
 * which loads only what it needs anyway.  Reads at most 4 KB of regular
 * files, never blocking: a FIFO or a device is left to its child.
 * Returns 1 once every library is loaded. */
static int preload_for(const gc_task *t)
{
    unsigned char head[4096];
    struct stat st;
    ssize_t got = 0;
    int fd;

    if (t->buf != NULL)
        return gc_preload_for(t->buf, t->len < sizeof head ? t->len : sizeof head);
    fd = open(t->path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
        while ((got = read(fd, head, sizeof head)) < 0 && errno == EINTR)
            ;
    close(fd);
    return got > 0 ? gc_preload_for(head, (size_t)got) : 0;
}

static void preload_fonts(void *unused)
{
    (void)unused;
    gc_preload_fonts();
}

/* A batch and its children in a network namespace of their own with no
 * interface up (sandbox.c): defence in depth behind the seccomp filter,
 * which already kills any socket().  Creating one costs 0.6-0.9 ms, once
 * per process: nothing next to a batch, but 4% of a one-PDF run and more
 * of a text file's, so a run of one file relies on the filter alone. */
static void no_network(void)
{
    static int done;

    if (!done)
        (void)gc_sandbox_no_network();
    done = 1;
}

/* The CPUs finished children have left, where the next ones start.  Used
 * when the batch has a worker for every CPU: the kernel then often puts a
 * new child beside a busy worker rather than on the CPU just left (the old
 * child is still exiting there), and that CPU idles 4-25 ms until its
 * balancer pulls the child over (PERFORMANCE.md). */
typedef struct freed_cpus {
    int cpu[64];
    size_t n;
} freed_cpus;

/* Waits for any running child to send data, finish or pass its deadline;
 * records in `fr` (if not NULL) the CPUs the finished ones left. */
static size_t step(gc_task *tasks, size_t lo, size_t hi, const gc_data *d, const gc_limits *lim,
                   freed_cpus *fr)
{
    struct pollfd pfd[256];
    size_t idx[256], np = 0, finished = 0;
    long long now = gc_now_ms(), wait_ms = lim->rss_bytes ? RSS_POLL_MS : 1000;

    for (size_t i = lo; i < hi && np < 256; i++)
        if (running(&tasks[i])) {
            pfd[np] = (struct pollfd){tasks[i].fd, POLLIN, 0};
            idx[np++] = i;
            if (tasks[i].deadline_ms - now < wait_ms)
                wait_ms = tasks[i].deadline_ms - now;
        }
    if (np == 0)
        return 0;
    if (poll(pfd, np, wait_ms < 0 ? 0 : (int)wait_ms) < 0 && errno != EINTR)
        return 0;
    now = gc_now_ms();
    for (size_t k = 0; k < np; k++) {
        gc_task *t = &tasks[idx[k]];
        if ((pfd[k].revents & (POLLIN | POLLHUP | POLLERR)) && gc_task_read(t, GC_RESULT_BYTES)) {
            gc_task_finish(t, d, lim, GC_KILL_NONE);
            if (fr != NULL && t->cpu >= 0 && fr->n < sizeof fr->cpu / sizeof fr->cpu[0])
                fr->cpu[fr->n++] = t->cpu;
            finished++;
        } else if (now >= t->deadline_ms) {
            kill(t->pid, SIGKILL);
            gc_task_finish(t, d, lim, GC_KILL_TIME);
            finished++;
        } else if (lim->rss_bytes && gc_task_rss(t) > (long long)lim->rss_bytes) {
            kill(t->pid, SIGKILL);
            gc_task_finish(t, d, lim, GC_KILL_MEMORY);
            finished++;
        }
    }
    return finished;
}

/* Files start in input order, at most jobs × AHEAD after the first one not
 * yet reported, so no more results than that wait for an earlier one and
 * records stream out in input order.  Once that window reaches the last
 * file, with more than one job, the largest left start first.  With a
 * worker for every CPU, each child starts on the CPU the last finished one
 * left. */
int gc_batch_run(gc_task *tasks, size_t n, int jobs, const gc_data *d, const gc_limits *lim,
                 const gc_analyze_opts *opts, gc_emit_fn emit, void *ctx)
{
    size_t hi, emitted = 0, active = 0, unreaped = 0, i;
    freed_cpus fr = {{0}, 0};
    gc_cpus cpus;
    int full, all_loaded = 0;

    gc_cpus_get(&cpus);
    full = cpus.n > 0 && jobs >= cpus.n;
    if (n > 1)
        no_network();

    for (i = 0; i < n; i++) {
        tasks[i].pid = 0;
        tasks[i].fd = -1;
        tasks[i].unreaped = 0;
        tasks[i].size = -1;
    }
    while (emitted < n) {
        if (gc_interrupted) {
            kill_all(tasks, n);
            return -1;
        }
        hi = n - emitted < (size_t)jobs * AHEAD ? n : emitted + (size_t)jobs * AHEAD;
        while ((int)active < jobs && (i = pick(tasks, emitted, hi, jobs > 1 && hi == n)) < hi) {
            if (n > 1 && !all_loaded) {
                all_loaded = preload_for(&tasks[i]);
                /* poppler's fonts too, where no file can be written (18.3) */
                if (gc_fonts_pending())
                    gc_sandbox_readonly(preload_fonts, NULL);
            }
            gc_task_start(&tasks[i], d, lim, opts, &cpus, fr.n > 0 ? fr.cpu[--fr.n] : -1);
            active += running(&tasks[i]);
        }
        fr.n = 0;   /* a CPU not used at once may be busy again by the next start */
        while (emitted < n && tasks[emitted].doc != NULL && !gc_interrupted)
            emit(&tasks[emitted++], ctx);   /* a write blocked by a signal ends here */
        if (active > 0)
            active -= step(tasks, emitted, hi, d, lim, full ? &fr : NULL);
        reap_done(tasks, &unreaped, hi, 0);
    }
    reap_done(tasks, &unreaped, n, 1);
    return 0;
}
