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
} gc_task;

/* Milliseconds on the monotonic clock. */
long long gc_now_ms(void);

/* Forks the child.  On failure sets t->doc to an error document. */
void gc_task_start(gc_task *t, const gc_data *d, const gc_limits *lim,
                   const gc_analyze_opts *opts);

/* Reads what the child has written; returns 1 at end of file. */
int gc_task_read(gc_task *t, size_t max_bytes);

/* Reaps the child and turns its bytes (or its death) into t->doc.
 * `killed_for_time`: the caller killed it at the deadline. */
void gc_task_finish(gc_task *t, const gc_data *d, const gc_limits *lim, int killed_for_time);

#endif
