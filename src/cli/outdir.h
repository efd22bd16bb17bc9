/* outdir: report files written into an output directory (-o DIR), never
 * half-written: each goes to a hidden temporary file in DIR first (same
 * file system), and all are renamed into place at the end, so an
 * interrupted run leaves either the old files or complete new ones.
 * File names come from the input names, made safe.  CLI side. */
#ifndef GC_OUTDIR_H
#define GC_OUTDIR_H

#include <stddef.h>

#include "gapcheck.h"

typedef struct gc_outdir gc_outdir;

/* Opens (creating it, mode 0700, if missing) the directory.  NULL after
 * printing an error. */
gc_outdir *gc_outdir_open(const char *dir);

/* Writes `content` to a temporary file that becomes NAME.ext at commit,
 * NAME derived from `input` (unique within the run).  Returns the final
 * name (borrowed, lives as long as the outdir), or NULL after printing an
 * error (a full disk, say). */
const char *gc_outdir_add(gc_outdir *o, const char *input, const char *ext, const gc_buf *content);

/* Same with a fixed name (the index page). */
const char *gc_outdir_add_named(gc_outdir *o, const char *name, const gc_buf *content);

/* Renames every file into place; -1 after printing an error. */
int gc_outdir_commit(gc_outdir *o);

/* Removes the temporary files (interrupt or error) and frees. */
void gc_outdir_free(gc_outdir *o);

/* Exposed for tests: the safe base name for an input path. */
char *gc_outdir_safe_name(const char *input);

#endif
