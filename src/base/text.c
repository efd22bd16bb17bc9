/* Bounded UTF-8 text buffer; see text.h. */
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

void gc_text_init(gc_text *t, size_t max)
{
    memset(t, 0, sizeof *t);
    t->max = max;
}

static int grow(gc_text *t, size_t need, gc_err *err)
{
    size_t cap = t->cap ? t->cap : 4096;
    char *p;

    while (cap < need + 1)
        cap *= 2;
    p = realloc(t->buf, cap);
    if (p == NULL)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    t->buf = p;
    t->cap = cap;
    return 0;
}

int gc_text_append(gc_text *t, const char *s, size_t n, gc_err *err)
{
    if (n > t->max - t->len) {
        t->truncated = 1;
        gc_err_set(err, GC_ELIMIT, NULL, 0, 0,
                   "extracted text exceeds the %zu-byte limit", t->max);
        gc_err_detail(err, "text_bytes");
        return GC_ELIMIT;
    }
    if (t->len + n + 1 > t->cap && grow(t, t->len + n, err) < 0)
        return GC_ENOMEM;
    memcpy(t->buf + t->len, s, n);
    t->len += n;
    t->buf[t->len] = '\0';
    return 0;
}

int gc_text_puts(gc_text *t, const char *s, gc_err *err)
{
    return gc_text_append(t, s, strlen(s), err);
}

int gc_text_putc(gc_text *t, char c, gc_err *err)
{
    return gc_text_append(t, &c, 1, err);
}

int gc_text_endline(gc_text *t, gc_err *err)
{
    if (t->len == 0 || t->buf[t->len - 1] == '\n')
        return 0;
    return gc_text_putc(t, '\n', err);
}

char *gc_text_steal(gc_text *t, size_t *len_out)
{
    char *p = t->buf;

    if (p == NULL)
        p = calloc(1, 1);
    if (len_out != NULL)
        *len_out = t->buf ? t->len : 0;
    t->buf = NULL;
    t->len = t->cap = 0;
    return p;
}

unsigned gc_text_next_line(const gc_text *t)
{
    unsigned line = 1;

    for (size_t i = 0; i < t->len; i++)
        line += t->buf[i] == '\n' || t->buf[i] == '\f';
    return line;
}

static int push_u32(uint32_t **v, unsigned n, uint32_t x, gc_err *err)
{
    uint32_t *p = realloc(*v, ((size_t)n + 1) * sizeof *p);

    if (p == NULL)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    p[n] = x;
    *v = p;
    return 0;
}

int gc_text_ocr_page(gc_text *t, unsigned page, unsigned first, unsigned last, gc_err *err)
{
    gc_text_ocr *o = &t->ocr;

    if (push_u32(&o->pages, o->n_pages, page, err) < 0)
        return GC_ENOMEM;
    o->n_pages++;
    if (first > last)
        return 0;   /* nothing recognised on it */
    if (push_u32(&o->lines, 2 * o->n_lines, first, err) < 0 ||
        push_u32(&o->lines, 2 * o->n_lines + 1, last, err) < 0)
        return GC_ENOMEM;
    o->n_lines++;
    return 0;
}

void gc_text_free(gc_text *t)
{
    free(t->buf);
    free(t->ocr.pages);
    free(t->ocr.lines);
    t->buf = NULL;
    t->ocr.pages = t->ocr.lines = NULL;
    t->ocr.n_pages = t->ocr.n_lines = 0;
    t->len = t->cap = 0;
}
