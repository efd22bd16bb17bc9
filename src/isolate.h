/* isolate: runs the core's gc_analyze on one file in a forked child with
 * resource limits and a wall-clock deadline, and brings the result back
 * over a pipe.  A crash, hang or memory blow-up in a parsing library ends
 * that child only (security.md §0).  CLI side: it forks and kills. */
#ifndef GC_ISOLATE_H
#define GC_ISOLATE_H

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
    long long size;                /* bytes, the batch's guess at its work; -1 unknown */
} gc_task;

/* Milliseconds on the monotonic clock. */
long long gc_now_ms(void);

/* Forks the child.  On failure sets t->doc to an error document. */
void gc_task_start(gc_task *t, const gc_data *d, const gc_limits *lim,
                   const gc_analyze_opts *opts);

/* Reads what the child has written; returns 1 at end of file. */
int gc_task_read(gc_task *t, size_t max_bytes);

/* Turns the child's bytes (or its death) into t->doc.  A complete record
 * is taken as it is, without waiting for the child to exit (it closes the
 * pipe first: its exit, the teardown of every library it loaded, then
 * overlaps the report); t->unreaped holds its pid, for gc_task_reap.
 * Otherwise the child is reaped here and its death explained.
 * `killed_for_time`: the caller killed it at the deadline. */
void gc_task_finish(gc_task *t, const gc_data *d, const gc_limits *lim, int killed_for_time);

/* Reaps a finished child (t->unreaped); without `block`, only if it is
 * already gone.  Returns 1 when nothing is left to reap. */
int gc_task_reap(gc_task *t, int block);

#endif
