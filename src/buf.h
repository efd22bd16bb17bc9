/* gc_buf helpers (the type is public, in gapcheck.h): an append-only byte
 * buffer for building reports and serialised records in memory, so output
 * is written whole or not at all.  Allocation failure sets b->failed and
 * later appends do nothing. */
#ifndef GC_BUF_H
#define GC_BUF_H

#include <stddef.h>

#include "gapcheck.h"

void gc_buf_add(gc_buf *b, const void *p, size_t n);
void gc_buf_adds(gc_buf *b, const char *s);
void gc_buf_addc(gc_buf *b, char c);
void gc_buf_printf(gc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends n copies of the string s. */
void gc_buf_repeat(gc_buf *b, const char *s, size_t n);

#endif
