/* gc_err: the one error record every core function fills on failure.
 * The first error wins (later gc_err_set calls on a set record are ignored),
 * so the deepest, most specific cause is what the user sees.  The core never
 * prints: the CLI turns a record into "gapcheck: PATH[:LINE[:COL]]: message". */
#ifndef GC_ERR_H
#define GC_ERR_H

#include <stddef.h>

/* Stable error codes; negative so "return gc_err_set(...)" reads as failure. */
typedef enum gc_code {
    GC_OK = 0,
    GC_ENOMEM = -1,     /* out of memory */
    GC_EIO = -2,        /* cannot read or write a file (errno kept) */
    GC_EFORMAT = -3,    /* unsupported or unrecognised format */
    GC_ECORRUPT = -4,   /* malformed file of a known format */
    GC_ELIMIT = -5,     /* a size, count, depth or time bound was hit */
    GC_EDATA = -6,      /* invalid lexicon or roles data */
    GC_ENOROLE = -7,    /* unknown role id */
    GC_EENCRYPTED = -8, /* password-protected document */
    GC_ENOTEXT = -9,    /* no extractable text (scanned or image-only?) */
    GC_ETIMEOUT = -10,  /* the per-file time limit passed */
    GC_ECRASH = -11,    /* the parser process died (signal) */
    GC_EUSAGE = -12,    /* bad argument to an API call */
} gc_code;

#define GC_ERR_PATH_MAX 512
#define GC_ERR_MSG_MAX 320
#define GC_ERR_DETAIL_MAX 48

typedef struct gc_err {
    int code;                        /* GC_OK while unset */
    int sys_errno;                   /* errno for GC_EIO, else 0 */
    unsigned line, col;              /* 1-based; 0 when unknown */
    char path[GC_ERR_PATH_MAX];      /* data file or part name; may be empty */
    char detail[GC_ERR_DETAIL_MAX];  /* machine-readable sub-code, e.g. "zip_budget" */
    char msg[GC_ERR_MSG_MAX];        /* lowercase, no trailing full stop */
} gc_err;

#define GC_ERR_INIT {0, 0, 0, 0, "", "", ""}

/* Records an error unless one is already set; returns `code` either way so
 * call sites read `return gc_err_set(err, GC_EDATA, path, l, c, "...", ...)`.
 * `path` may be NULL.  `err` may be NULL (the code is still returned). */
int gc_err_set(gc_err *err, int code, const char *path, unsigned line, unsigned col,
               const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Sets the machine-readable detail of an already-set error (first wins too). */
void gc_err_detail(gc_err *err, const char *detail);

/* Forgets a recorded error (for callers that retry or downgrade it). */
void gc_err_clear(gc_err *err);

/* Short stable name of a code, used in JSON/CSV: "corrupt", "encrypted" ... */
const char *gc_code_name(int code);

/* One-line English description of a code. */
const char *gc_strerror(int code);

#endif
