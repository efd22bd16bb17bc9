/* fileio: bounded whole-file reads.  The only file reading in the core. */
#ifndef GC_FILEIO_H
#define GC_FILEIO_H

#include <stddef.h>

#include "gc_err.h"

/* Reads a regular file of at most `max` bytes into a malloc'd,
 * NUL-terminated buffer.  Errors: GC_EIO (errno kept; a directory or
 * special file is refused), GC_ELIMIT ("input_bytes"), GC_ENOMEM. */
int gc_read_file(char **out, size_t *len_out, const char *path, size_t max, gc_err *err);

/* The same from an open descriptor (e.g. standard input). */
int gc_read_fd(char **out, size_t *len_out, int fd, size_t max, gc_err *err);

#endif
