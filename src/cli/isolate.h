/* isolate: runs the core's gc_analyze on one file in a forked child with
 * resource limits and a wall-clock deadline, and brings the result back
 * over a pipe.  A crash, hang or memory blow-up in a parsing library ends
 * that child only (docs/SECURITY.md §0).  CLI side: it forks and kills. */
#ifndef GC_ISOLATE_H
#define GC_ISOLATE_H

#include <sched.h>
#include <stddef.h>
#include <sys/types.h>

#include "gapcheck.h"

typedef struct gc_task {
    const char *path;              /* as the user gave it; "-" is standard input */
    const unsigned char *buf;      /* bytes already read (stdin), or NULL */
    size_t len;
    pid_t pid;
    int fd;                        /* read end of the result pipe, or -1 */
    long long deadline_ms;         /* CLOCK_MONOTONIC */
    gc_buf out;                    /* what the child sent */
    gc_doc *doc;                   /* the result (always set once finished) */
    pid_t unreaped;                /* finished, its child still exiting: reap this */
    int cpu;                       /* the CPU its child finished on; -1 unknown */
    long long size;                /* bytes, the batch's guess at its work; -1 unknown */
} gc_task;

/* The CPUs this process may run on (its affinity, as the user left it),
 * which every child gets back once started on the CPU chosen for it. */
typedef struct gc_cpus {
    cpu_set_t set;
    int n;
} gc_cpus;

/* Fills `c` from this process's affinity; n = 0 when it cannot be read. */
void gc_cpus_get(gc_cpus *c);

/* Milliseconds on the monotonic clock. */
long long gc_now_ms(void);

/* Puts the heap on transparent huge pages before the data is loaded and
 * the first child forks (isolate.c says why); once per process. */
void gc_heap_on_huge_pages(void);

/* Forks the child.  On failure sets t->doc to an error document.
 * `cpu` >= 0 starts the child on that CPU of `cpus` (the parent narrows
 * itself to it for the fork; both return to `cpus->set` at once); -1
 * leaves the choice to the kernel. */
void gc_task_start(gc_task *t, const gc_data *d, const gc_limits *lim,
                   const gc_analyze_opts *opts, const gc_cpus *cpus, int cpu);

/* Reads what the child has written; returns 1 at end of file. */
int gc_task_read(gc_task *t, size_t max_bytes);

/* Why the parent killed a child, if it did. */
typedef enum gc_kill { GC_KILL_NONE, GC_KILL_TIME, GC_KILL_MEMORY } gc_kill;

/* The child's resident memory in bytes (/proc/PID/statm), or -1. */
long long gc_task_rss(const gc_task *t);

/* Turns the child's bytes (or its death) into t->doc, and t->cpu: the
 * child sends the CPU it ran on (4 bytes), then its record.  A complete record
 * is taken as it is, without waiting for the child to exit (it closes the
 * pipe first: its exit, the teardown of every library it loaded, then
 * overlaps the report); t->unreaped holds its pid, for gc_task_reap.
 * Otherwise the child is reaped here and its death explained.
 * `killed`: the caller killed it, at the deadline or over lim->rss_bytes. */
void gc_task_finish(gc_task *t, const gc_data *d, const gc_limits *lim, gc_kill killed);

/* Reaps a finished child (t->unreaped); without `block`, only if it is
 * already gone.  Returns 1 when nothing is left to reap. */
int gc_task_reap(gc_task *t, int block);

#endif
