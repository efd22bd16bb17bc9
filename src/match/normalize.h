/* normalize: one canonical form of extracted text for every later stage.
 * Folds what differs between producers but means the same to a reader:
 * NFKC (ligatures ﬁ ﬂ, full-width forms), soft hyphens and zero-width
 * characters dropped, all spaces to ' ', dashes to '-', smart quotes to
 * ASCII quotes, bullet glyphs to '•', other controls to ' ' (keeping \n \t
 * \f), invalid UTF-8 to U+FFFD.  Case is kept: some aliases are
 * case-exact (Go, R); matching folds case itself. */
#ifndef GC_NORMALIZE_H
#define GC_NORMALIZE_H

#include <stddef.h>

#include "gc_err.h"

/* *out is malloc'd and NUL-terminated.  Errors: GC_ENOMEM. */
int gc_normalize(char **out, size_t *len_out, const char *in, size_t len, gc_err *err);

#endif
