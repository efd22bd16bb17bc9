/* Error records: first error wins; see gc_err.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "gc_err.h"

int gc_err_set(gc_err *err, int code, const char *path, unsigned line, unsigned col,
               const char *fmt, ...)
{
    va_list ap;

    if (err == NULL || err->code != GC_OK)
        return code;
    err->code = code;
    err->line = line;
    err->col = col;
    snprintf(err->path, sizeof err->path, "%s", path ? path : "");
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

void gc_err_detail(gc_err *err, const char *detail)
{
    if (err != NULL && err->detail[0] == '\0')
        snprintf(err->detail, sizeof err->detail, "%s", detail);
}

void gc_err_clear(gc_err *err)
{
    if (err != NULL)
        memset(err, 0, sizeof *err);
}

/* Names and texts indexed by -code; the names are a public contract (JSON). */
static const struct {
    const char *name;
    const char *text;
} codes[] = {
    {"ok", "success"},
    {"nomem", "out of memory"},
    {"io", "input/output error"},
    {"unsupported_format", "unsupported format"},
    {"corrupt", "corrupt or malformed file"},
    {"limit", "a safety limit was exceeded"},
    {"bad_data", "invalid lexicon or roles data"},
    {"unknown_role", "unknown role"},
    {"encrypted", "document is encrypted"},
    {"no_text", "no extractable text: scanned or image-only?"},
    {"timeout", "time limit exceeded"},
    {"parser_crashed", "the parser crashed"},
    {"usage", "invalid argument"},
};

/* Index of a code in codes[], or the table size when it is not one.  Any
 * int is safe: -INT_MIN would overflow (found by fuzz_decode, where the code
 * comes from a parser child's result). */
static size_t code_index(int code)
{
    size_t n = sizeof codes / sizeof codes[0];
    return code <= 0 && code > -(int)n ? (size_t)-code : n;
}

const char *gc_code_name(int code)
{
    size_t i = code_index(code);
    return i < sizeof codes / sizeof codes[0] ? codes[i].name : "unknown";
}

const char *gc_strerror(int code)
{
    size_t i = code_index(code);
    return i < sizeof codes / sizeof codes[0] ? codes[i].text : "unknown error";
}
