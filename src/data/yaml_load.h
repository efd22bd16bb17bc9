/* yaml_load: strict, bounded YAML → a small read-only node tree with 1-based
 * line/column marks, built from libyaml's event API.
 *
 * Deliberately NOT supported (each is a GC_EDATA error at its mark): aliases
 * and anchors (alias bombs), explicit tags, several documents
 * in one stream, duplicate keys in a mapping, non-scalar mapping keys.
 * Bounded: input bytes (lim->data_bytes), nesting depth (lim->data_depth),
 * never yaml_parser_load (quadratic in nesting).  yaml_parser_t never leaves
 * yaml_load.c.  All nodes live in one arena owned by the gc_ydoc. */
#ifndef GC_YAML_LOAD_H
#define GC_YAML_LOAD_H

#include <stddef.h>

#include "gc_err.h"
#include "gc_limits.h"

typedef enum gc_ykind { GC_Y_SCALAR, GC_Y_SEQ, GC_Y_MAP } gc_ykind;

typedef struct gc_ynode gc_ynode;
struct gc_ynode {
    gc_ykind kind;
    unsigned line, col;       /* 1-based position of the node's start */
    const char *str;          /* scalar: NUL-terminated UTF-8 value; else NULL */
    size_t len;               /* scalar byte length */
    int plain;                /* scalar written without quotes (so `null`, `12` are untyped) */
    gc_ynode **items;         /* SEQ: n items; MAP: 2*n entries, key then value */
    size_t n;                 /* SEQ: item count; MAP: pair count */
};

typedef struct gc_ydoc gc_ydoc;

/* Parses buf[0..len) (need not be NUL-terminated).  `name` is the file name
 * used in error records (err->path).  On success *out owns every node; an
 * empty document gives a root of NULL.  On failure *out is NULL. */
int gc_yaml_parse(gc_ydoc **out, const char *name, const char *buf, size_t len,
                  const gc_limits *lim, gc_err *err);

/* Borrowed; lives as long as the doc.  NULL for an empty document. */
const gc_ynode *gc_ydoc_root(const gc_ydoc *doc);
const char *gc_ydoc_name(const gc_ydoc *doc);

void gc_ydoc_free(gc_ydoc *doc);

/* MAP lookup by key; NULL if absent or `map` is not a mapping. */
const gc_ynode *gc_ymap_get(const gc_ynode *map, const char *key);

/* Fails with GC_EDATA "unknown key 'k'" at the key's mark when `map` holds a
 * key outside the NULL-terminated `allowed` list, or "missing key 'k'" at the
 * map's mark when a key of the NULL-terminated `required` list is absent
 * (required may be NULL).  `name` is the file name for the error. */
int gc_ymap_check(const gc_ynode *map, const char *const *allowed, const char *const *required,
                  const char *name, gc_err *err);

/* Type assertions with a "expected a mapping/sequence/scalar for 'what'"
 * message at the node's mark; return 0 or GC_EDATA. */
int gc_yexpect(const gc_ynode *node, gc_ykind kind, const char *what, const char *name,
               gc_err *err);

/* An optional string field: *out is NULL when `key` is absent, else the
 * value, which must be a non-empty scalar (GC_EDATA at its mark). */
int gc_ystring(const char **out, const gc_ynode *map, const char *key, const char *name,
               gc_err *err);

/* Reads a non-negative number (plain scalar, decimal, optional fraction)
 * within [min, max]; GC_EDATA at the mark otherwise. */
int gc_ynumber(double *out, const gc_ynode *node, double min, double max, const char *what,
               const char *name, gc_err *err);

#endif
