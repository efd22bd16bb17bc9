/* Growable output buffer; see buf.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gapcheck.h"

static int reserve(gc_buf *b, size_t n)
{
    size_t cap;
    char *p;

    if (b->failed)
        return -1;
    if (b->len + n + 1 <= b->cap)
        return 0;
    cap = b->cap ? b->cap : 1024;
    while (cap < b->len + n + 1)
        cap *= 2;
    p = realloc(b->data, cap);
    if (p == NULL) {
        b->failed = 1;
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

void gc_buf_add(gc_buf *b, const void *p, size_t n)
{
    if (reserve(b, n) < 0)
        return;
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void gc_buf_adds(gc_buf *b, const char *s)
{
    gc_buf_add(b, s, strlen(s));
}

void gc_buf_addc(gc_buf *b, char c)
{
    gc_buf_add(b, &c, 1);
}

void gc_buf_printf(gc_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || reserve(b, (size_t)n) < 0)
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void gc_buf_repeat(gc_buf *b, const char *s, size_t n)
{
    while (n-- > 0)
        gc_buf_adds(b, s);
}

void gc_buf_free(gc_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}
