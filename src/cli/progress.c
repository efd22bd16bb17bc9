/* Batch progress line; see progress.h. */
#include <stdio.h>
#include <unistd.h>

#include "cli/isolate.h"
#include "cli/progress.h"

void gc_progress_start(gc_progress *p, size_t total, int quiet)
{
    p->on = !quiet && total > 1 && isatty(STDERR_FILENO);
    p->total = total;
    p->done = 0;
    p->start_ms = p->last_ms = gc_now_ms();
}

void gc_progress_tick(gc_progress *p)
{
    long long now = gc_now_ms();

    p->done++;
    if (!p->on || (now - p->last_ms < 100 && p->done < p->total))
        return;  /* at most ten updates a second */
    p->last_ms = now;
    double secs = (double)(now - p->start_ms) / 1000.0;
    double rate = secs > 0 ? (double)p->done / secs : 0;
    double eta = rate > 0 ? (double)(p->total - p->done) / rate : 0;
    fprintf(stderr, "\r\033[K%zu/%zu files, %.1f files/s, ETA %.0f s", p->done, p->total, rate,
            eta);
    fflush(stderr);
}

void gc_progress_end(gc_progress *p)
{
    if (p->on) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
}
