/* inputs: turns the command line's operands into the list of files to
 * analyse, in a stable order: files as given, directories (with -r) walked
 * in sorted name order with hidden entries skipped, and --files-from lists
 * (newline- or NUL-separated).  CLI side. */
#ifndef GC_INPUTS_H
#define GC_INPUTS_H

#include <stddef.h>

#include "gapcheck.h"

typedef struct gc_inputs {
    char **paths;      /* owned */
    gc_err **errs;     /* per path: NULL, or why it could not be walked */
    size_t n, cap;
} gc_inputs;

/* Adds one operand: a file, "-", or a directory (walked when `recursive`,
 * else kept as is so it becomes an error record).  A directory that cannot
 * be walked (unreadable, nested too deep) is added too, with its error in
 * `errs`, so every input the user named gets a record.  Returns 0, or -1
 * after printing an error (out of memory, too many inputs). */
int gc_inputs_add(gc_inputs *in, const char *path, int recursive);

/* Adds every path listed in `list_file` ("-" for standard input). */
int gc_inputs_add_list(gc_inputs *in, const char *list_file, int recursive);

void gc_inputs_free(gc_inputs *in);

#endif
