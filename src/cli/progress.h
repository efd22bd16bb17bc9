/* progress: "done/total, rate, ETA" on standard error while a batch runs,
 * only on a terminal and never with -q.  CLI side. */
#ifndef GC_PROGRESS_H
#define GC_PROGRESS_H

#include <stddef.h>

typedef struct gc_progress {
    int on;
    size_t total, done;
    long long start_ms, last_ms;
} gc_progress;

void gc_progress_start(gc_progress *p, size_t total, int quiet);
void gc_progress_tick(gc_progress *p);
void gc_progress_end(gc_progress *p);

#endif
