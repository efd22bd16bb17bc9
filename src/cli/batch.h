/* batch: runs gc_task's with at most `jobs` children at once and hands
 * each result to `emit` in input order, whatever order they finish in. */
#ifndef GC_BATCH_H
#define GC_BATCH_H

#include <signal.h>

#include "cli/isolate.h"

typedef void (*gc_emit_fn)(gc_task *t, void *ctx);

/* Set by the CLI's signal handler; the batch stops, kills its children and
 * returns -1. */
extern volatile sig_atomic_t gc_interrupted;

int gc_batch_run(gc_task *tasks, size_t n, int jobs, const gc_data *d, const gc_limits *lim,
                 const gc_analyze_opts *opts, gc_emit_fn emit, void *ctx);

#endif
