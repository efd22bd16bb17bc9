/* inputs: turns the command line's operands into the list of files to
 * analyse, in a stable order: files as given, directories (with -r) walked
 * in sorted name order with hidden entries skipped, and --files-from lists
 * (newline- or NUL-separated).  A file found in a directory is taken only
 * when its first bytes show a format gapcheck reads (gc_format_readable);
 * the others are counted as skipped.  Files named by the user are always
 * taken.  CLI side. */
#ifndef GC_INPUTS_H
#define GC_INPUTS_H

#include <stddef.h>

#include "gapcheck.h"

#define GC_SKIPPED_SHOWN 5   /* skipped files named in the summary line */

typedef struct gc_inputs {
    char **paths;      /* owned */
    gc_err **errs;     /* per path: NULL, or why it could not be walked */
    size_t n, cap;
    char *skipped[GC_SKIPPED_SHOWN];   /* the first files skipped, relative to
                                          the folder named (owned) */
    size_t n_skipped;                  /* all of them */
    size_t root_len;                   /* while walking: the named folder's length */
} gc_inputs;

/* Adds one operand: a file, "-", or a directory (walked when `recursive`,
 * else kept with an error saying to add -r, so it becomes an error record).  A directory that cannot
 * be walked (unreadable, nested too deep) is added too, with its error in
 * `errs`, so every input the user named gets a record.  Returns 0, or -1
 * after printing an error (out of memory, too many inputs). */
int gc_inputs_add(gc_inputs *in, const char *path, int recursive);

/* Adds every path listed in `list_file` ("-" for standard input). */
int gc_inputs_add_list(gc_inputs *in, const char *list_file, int recursive);

/* Prints "gapcheck: skipped N files that are not résumés (a, b …)" when
 * a walk skipped any. */
void gc_inputs_report_skipped(const gc_inputs *in);

void gc_inputs_free(gc_inputs *in);

#endif
