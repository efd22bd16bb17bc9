/* yaml_load: libyaml events -> a gc_ynode tree in one arena; see yaml_load.h.
 * The builder is iterative (an explicit frame stack, no recursion), so depth
 * costs no C stack and is cut off at lim->data_depth as soon as it is seen.
 * It refuses whatever lets a small file expand (aliases, anchors) or would
 * make the loaders second-guess the data (tags, several documents, duplicate
 * or non-scalar keys, NUL bytes in scalars). */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "data/yaml_load.h"

enum {
    CHUNK_MIN = 64 * 1024,   /* first arena chunk; later ones double ... */
    CHUNK_MAX = 1024 * 1024, /* ... up to this, so a 250 KB file takes ~5 mallocs */
    BIG_ALLOC = 16 * 1024,   /* larger requests get a chunk of their own */
    LINEAR_KEYS = 16,        /* maps up to this size check duplicate keys by a scan */
    KEY_SHOW = 60,           /* bytes of a user key quoted in a message */
};

/* Arena chunk; max_align_t elements make data[] suitably aligned for nodes. */
typedef struct chunk {
    struct chunk *next;
    size_t used, cap;
    max_align_t data[];
} chunk;

struct gc_ydoc {
    chunk *chunks;     /* head is the chunk being filled */
    size_t next_cap;
    const gc_ynode *root;
    const char *name;  /* in the arena */
};

/* An open collection: its node and where its items start in builder.items. */
typedef struct frame {
    gc_ynode *node;
    size_t start;
} frame;

typedef struct builder {
    gc_ydoc *doc;
    const char *name;
    unsigned max_depth;
    gc_err *err;
    frame *frames;     /* open collections, innermost last */
    size_t n_frames, cap_frames;
    gc_ynode **items;  /* items of all open collections, one stack */
    size_t n_items, cap_items;
    unsigned n_docs;
} builder;

/* ---- arena ---------------------------------------------------------------- */

static chunk *chunk_add(gc_ydoc *doc, size_t size)
{
    size_t cap = size > BIG_ALLOC ? size : doc->next_cap;
    chunk *c = malloc(offsetof(chunk, data) + cap);

    if (c == NULL)
        return NULL;
    c->used = 0;
    c->cap = cap;
    /* A dedicated big chunk goes behind the head so the head keeps filling. */
    if (size > BIG_ALLOC && doc->chunks != NULL) {
        c->next = doc->chunks->next;
        doc->chunks->next = c;
    } else {
        c->next = doc->chunks;
        doc->chunks = c;
        if (doc->next_cap < CHUNK_MAX)
            doc->next_cap *= 2;
    }
    return c;
}

/* `align` is a power of two no larger than alignof(max_align_t). */
static void *arena_alloc(gc_ydoc *doc, size_t size, size_t align)
{
    chunk *c = doc->chunks;
    size_t at;

    if (c != NULL && size <= BIG_ALLOC) {
        at = (c->used + align - 1) & ~(align - 1);
        if (at <= c->cap && size <= c->cap - at) {
            c->used = at + size;
            return (unsigned char *)c->data + at;
        }
    }
    c = chunk_add(doc, size);
    if (c == NULL)
        return NULL;
    c->used = size;
    return c->data;
}

static char *arena_strdup(gc_ydoc *doc, const char *s, size_t len)
{
    char *p = arena_alloc(doc, len + 1, 1);

    if (p != NULL) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

void gc_ydoc_free(gc_ydoc *doc)
{
    chunk *c, *next;

    if (doc == NULL)
        return;
    for (c = doc->chunks; c != NULL; c = next) {
        next = c->next;
        free(c);
    }
    free(doc);
}

const gc_ynode *gc_ydoc_root(const gc_ydoc *doc)
{
    return doc ? doc->root : NULL;
}

const char *gc_ydoc_name(const gc_ydoc *doc)
{
    return doc ? doc->name : NULL;
}

/* ---- errors --------------------------------------------------------------- */

static int oom(const builder *b)
{
    return gc_err_set(b->err, GC_ENOMEM, b->name, 0, 0, "out of memory");
}

/* libyaml marks are 0-based. */
static int fail_at(const builder *b, yaml_mark_t m, const char *msg)
{
    return gc_err_set(b->err, GC_EDATA, b->name, (unsigned)m.line + 1, (unsigned)m.column + 1,
                      "%s", msg);
}

/* Copies a user string for a message: at most KEY_SHOW bytes, cut on a UTF-8
 * boundary, so one absurd key cannot push the closing quote out of the record. */
static const char *shorten(char *out, size_t size, const char *s, size_t len)
{
    size_t n = len;

    if (len > KEY_SHOW) {
        n = KEY_SHOW;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    snprintf(out, size, "%.*s%s", (int)n, s, n < len ? "..." : "");
    return out;
}

/* Reader errors (bad UTF-8, control characters) carry only a byte offset, so
 * the line and column (in characters, like libyaml's marks) are counted here. */
static int reader_error(const builder *b, const yaml_parser_t *p, const char *buf, size_t len)
{
    size_t end = p->problem_offset < len ? p->problem_offset : len;
    size_t i = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    unsigned line = 1, col = 1;

    for (; i < end; i++) {
        if (buf[i] == '\n') {
            line++;
            col = 1;
        } else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    if (p->problem_value >= 0)
        return gc_err_set(b->err, GC_EDATA, b->name, line, col, "%s (#x%X)", p->problem,
                          (unsigned)p->problem_value);
    return gc_err_set(b->err, GC_EDATA, b->name, line, col, "%s", p->problem);
}

static int parser_error(const builder *b, const yaml_parser_t *p, const char *buf, size_t len)
{
    const char *problem = p->problem ? p->problem : "invalid YAML";
    unsigned line = (unsigned)p->problem_mark.line + 1, col = (unsigned)p->problem_mark.column + 1;

    if (p->error == YAML_MEMORY_ERROR)
        return oom(b);
    if (p->error == YAML_READER_ERROR && p->problem != NULL)
        return reader_error(b, p, buf, len);
    if (p->context != NULL)
        return gc_err_set(b->err, GC_EDATA, b->name, line, col, "%s (%s)", problem, p->context);
    return gc_err_set(b->err, GC_EDATA, b->name, line, col, "%s", problem);
}

/* ---- builder -------------------------------------------------------------- */

/* Doubles a builder stack; returns the new array, or NULL leaving it intact. */
static void *grow(void *arr, size_t *cap, size_t elem)
{
    size_t n = *cap ? *cap * 2 : 64;
    void *p = realloc(arr, n * elem);

    if (p != NULL)
        *cap = n;
    return p;
}

static gc_ynode *node_new(const builder *b, gc_ykind kind, yaml_mark_t m)
{
    gc_ynode *n = arena_alloc(b->doc, sizeof *n, alignof(gc_ynode));

    if (n != NULL) {
        memset(n, 0, sizeof *n);
        n->kind = kind;
        n->line = (unsigned)m.line + 1;
        n->col = (unsigned)m.column + 1;
    }
    return n;
}

static int same_key(const gc_ynode *a, const gc_ynode *b)
{
    return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
}

static int duplicate_key(const builder *b, const gc_ynode *key)
{
    char shown[KEY_SHOW + 8];

    return gc_err_set(b->err, GC_EDATA, b->name, key->line, key->col, "duplicate key '%s'",
                      shorten(shown, sizeof shown, key->str, key->len));
}

/* Small maps (the common case) are checked as each key arrives; see
 * check_big_map for the rest. */
static int check_key(const builder *b, const frame *f, const gc_ynode *key)
{
    size_t i;

    if (key->kind != GC_Y_SCALAR)
        return gc_err_set(b->err, GC_EDATA, b->name, key->line, key->col,
                          "mapping keys must be scalars");
    if (b->n_items - f->start >= 2 * LINEAR_KEYS)
        return 0;
    for (i = f->start; i < b->n_items; i += 2)
        if (same_key(b->items[i], key))
            return duplicate_key(b, key);
    return 0;
}

static int before(const gc_ynode *a, const gc_ynode *b)
{
    return a->line < b->line || (a->line == b->line && a->col < b->col);
}

static int cmp_key(const void *pa, const void *pb)
{
    const gc_ynode *a = *(const gc_ynode *const *)pa, *b = *(const gc_ynode *const *)pb;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->str, b->str, n);

    if (c != 0 || a->len != b->len)
        return c != 0 ? c : (a->len < b->len ? -1 : 1);
    /* Equal keys sort in document order: all but the first of a run are duplicates. */
    return before(a, b) ? -1 : before(b, a);
}

/* A hostile map of 100k keys would make a per-key scan quadratic, so keys past
 * LINEAR_KEYS are checked when the map closes, by sorting: O(n log n).  The
 * duplicate reported is the earliest one in the file, as a scan would find. */
static int check_big_map(const builder *b, const frame *f)
{
    size_t n = (b->n_items - f->start) / 2, i;
    const gc_ynode **keys, *dup = NULL;

    if (n <= LINEAR_KEYS)
        return 0;
    keys = malloc(n * sizeof *keys);
    if (keys == NULL)
        return oom(b);
    for (i = 0; i < n; i++)
        keys[i] = b->items[f->start + 2 * i];
    qsort(keys, n, sizeof *keys, cmp_key);
    for (i = 1; i < n; i++)
        if (same_key(keys[i - 1], keys[i]) && (dup == NULL || before(keys[i], dup)))
            dup = keys[i];
    free(keys);
    return dup ? duplicate_key(b, dup) : 0;
}

/* Hangs a finished or opening node under the innermost open collection. */
static int attach(builder *b, gc_ynode *node)
{
    const frame *f;
    int rc;

    if (b->n_frames == 0) {
        /* A plain empty root is what "---" alone or a bare comment parse to. */
        if (!(node->kind == GC_Y_SCALAR && node->plain && node->len == 0))
            b->doc->root = node;
        return 0;
    }
    f = &b->frames[b->n_frames - 1];
    if (f->node->kind == GC_Y_MAP && (b->n_items - f->start) % 2 == 0
        && (rc = check_key(b, f, node)) < 0)
        return rc;
    if (b->n_items == b->cap_items) {
        gc_ynode **p = grow(b->items, &b->cap_items, sizeof *p);
        if (p == NULL)
            return oom(b);
        b->items = p;
    }
    b->items[b->n_items++] = node;
    return 0;
}

/* Anchors are refused outright: without them an alias could not resolve, and
 * explicit tags would ask for typing our loaders do not do. */
static int check_props(const builder *b, yaml_mark_t m, const yaml_char_t *anchor,
                       const yaml_char_t *tag)
{
    if (anchor != NULL)
        return fail_at(b, m, "anchors are not supported");
    if (tag != NULL)
        return fail_at(b, m, "tags are not supported");
    return 0;
}

/* C0 controls other than tab and newline, DEL, and C1 controls. */
static int has_control(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F ||
            (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
             (unsigned char)s[i + 1] < 0xA0))
            return 1;
    }
    return 0;
}

static int on_scalar(builder *b, const yaml_event_t *ev)
{
    const char *value = (const char *)ev->data.scalar.value;
    size_t len = ev->data.scalar.length;
    gc_ynode *n;
    int rc;

    if ((rc = check_props(b, ev->start_mark, ev->data.scalar.anchor, ev->data.scalar.tag)) < 0)
        return rc;
    /* "\0" in a double-quoted scalar would silently cut every C string use. */
    if (memchr(value, '\0', len) != NULL)
        return fail_at(b, ev->start_mark, "NUL characters are not supported");
    /* "\e[2J" or an OSC 52 clipboard write in a name would reach the
     * user's terminal through every report and message. */
    if (has_control(value, len))
        return fail_at(b, ev->start_mark,
                       "control characters (escape sequences) are not allowed in data");
    n = node_new(b, GC_Y_SCALAR, ev->start_mark);
    if (n == NULL || (n->str = arena_strdup(b->doc, value, len)) == NULL)
        return oom(b);
    n->len = len;
    n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    return attach(b, n);
}

static int on_start(builder *b, const yaml_event_t *ev, gc_ykind kind)
{
    const yaml_char_t *anchor, *tag;
    gc_ynode *n;
    int rc;

    anchor = kind == GC_Y_SEQ ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor;
    tag = kind == GC_Y_SEQ ? ev->data.sequence_start.tag : ev->data.mapping_start.tag;
    if ((rc = check_props(b, ev->start_mark, anchor, tag)) < 0)
        return rc;
    if (b->n_frames >= b->max_depth) {
        gc_err_set(b->err, GC_EDATA, b->name, (unsigned)ev->start_mark.line + 1,
                   (unsigned)ev->start_mark.column + 1, "nesting deeper than %u levels",
                   b->max_depth);
        gc_err_detail(b->err, "data_depth");
        return GC_EDATA;
    }
    n = node_new(b, kind, ev->start_mark);
    if (n == NULL)
        return oom(b);
    if ((rc = attach(b, n)) < 0)
        return rc;
    if (b->n_frames == b->cap_frames) {
        frame *p = grow(b->frames, &b->cap_frames, sizeof *p);
        if (p == NULL)
            return oom(b);
        b->frames = p;
    }
    b->frames[b->n_frames].node = n;
    b->frames[b->n_frames++].start = b->n_items;
    return 0;
}

/* Moves the finished collection's items from the shared stack into the arena. */
static int on_end(builder *b)
{
    const frame *f = &b->frames[b->n_frames - 1];
    size_t count = b->n_items - f->start;
    gc_ynode *n = f->node;
    int rc;

    if (n->kind == GC_Y_MAP && (rc = check_big_map(b, f)) < 0)
        return rc;
    if (count > 0) {
        n->items = arena_alloc(b->doc, count * sizeof *n->items, alignof(gc_ynode *));
        if (n->items == NULL)
            return oom(b);
        memcpy(n->items, b->items + f->start, count * sizeof *n->items);
    }
    n->n = n->kind == GC_Y_MAP ? count / 2 : count;
    b->n_items = f->start;
    b->n_frames--;
    return 0;
}

static int on_event(builder *b, const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (b->n_docs++ > 0)
            return fail_at(b, ev->start_mark, "only one YAML document per file");
        return 0;
    case YAML_ALIAS_EVENT:
        return fail_at(b, ev->start_mark, "aliases are not supported");
    case YAML_SCALAR_EVENT:
        return on_scalar(b, ev);
    case YAML_SEQUENCE_START_EVENT:
        return on_start(b, ev, GC_Y_SEQ);
    case YAML_MAPPING_START_EVENT:
        return on_start(b, ev, GC_Y_MAP);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        return on_end(b);
    default: /* stream start/end, document end */
        return 0;
    }
}

static int run_parser(builder *b, const char *buf, size_t len)
{
    yaml_parser_t p;
    yaml_event_t ev;
    int rc = 0, done = 0;

    if (!yaml_parser_initialize(&p))
        return oom(b);
    yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
    while (rc == 0 && !done) {
        if (!yaml_parser_parse(&p, &ev)) {
            rc = parser_error(b, &p, buf, len);
            break;
        }
        done = ev.type == YAML_STREAM_END_EVENT;
        rc = on_event(b, &ev);
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
    return rc;
}

static gc_ydoc *doc_new(const char *name)
{
    gc_ydoc *doc = calloc(1, sizeof *doc);

    if (doc == NULL)
        return NULL;
    doc->next_cap = CHUNK_MIN;
    if (name == NULL)
        name = "";
    doc->name = arena_strdup(doc, name, strlen(name));
    if (doc->name == NULL) {
        gc_ydoc_free(doc);
        return NULL;
    }
    return doc;
}

int gc_yaml_parse(gc_ydoc **out, const char *name, const char *buf, size_t len,
                  const gc_limits *lim, gc_err *err)
{
    const gc_limits defaults = GC_LIMITS_INIT;
    builder b = {0};
    int rc;

    if (out == NULL || (buf == NULL && len > 0))
        return gc_err_set(err, GC_EUSAGE, name, 0, 0, "gc_yaml_parse: invalid argument");
    *out = NULL;
    if (lim == NULL)
        lim = &defaults;
    /* Refuse before parsing: the size bounds the tree and the time spent. */
    if (len > lim->data_bytes) {
        gc_err_set(err, GC_ELIMIT, name, 0, 0, "file is larger than the %zu-byte limit",
                   lim->data_bytes);
        gc_err_detail(err, "data_bytes");
        return GC_ELIMIT;
    }
    b.doc = doc_new(name);
    b.name = name;
    b.max_depth = lim->data_depth;
    b.err = err;
    if (b.doc == NULL)
        return oom(&b);
    rc = run_parser(&b, buf ? buf : "", len);
    free(b.frames);
    free(b.items);
    if (rc < 0) {
        gc_ydoc_free(b.doc);
        return rc;
    }
    *out = b.doc;
    return 0;
}

/* ---- accessors ------------------------------------------------------------ */

const gc_ynode *gc_ymap_get(const gc_ynode *map, const char *key)
{
    size_t klen, i;

    if (map == NULL || map->kind != GC_Y_MAP || key == NULL)
        return NULL;
    klen = strlen(key);
    for (i = 0; i < map->n; i++) {
        const gc_ynode *k = map->items[2 * i];
        if (k->len == klen && memcmp(k->str, key, klen) == 0)
            return map->items[2 * i + 1];
    }
    return NULL;
}

static const char *kind_name(gc_ykind kind)
{
    return kind == GC_Y_MAP ? "a mapping" : kind == GC_Y_SEQ ? "a sequence" : "a scalar";
}

static int in_list(const char *const *list, const char *s)
{
    for (; list != NULL && *list != NULL; list++)
        if (strcmp(*list, s) == 0)
            return 1;
    return 0;
}

/* Keys cannot hold NUL (on_scalar refuses it), so strcmp on them is exact. */
int gc_ymap_check(const gc_ynode *map, const char *const *allowed, const char *const *required,
                  const char *name, gc_err *err)
{
    char shown[KEY_SHOW + 8];
    size_t i;

    if (map == NULL || map->kind != GC_Y_MAP)
        return gc_err_set(err, GC_EDATA, name, map ? map->line : 0, map ? map->col : 0,
                          "expected a mapping");
    for (i = 0; i < map->n; i++) {
        const gc_ynode *k = map->items[2 * i];
        if (!in_list(allowed, k->str))
            return gc_err_set(err, GC_EDATA, name, k->line, k->col, "unknown key '%s'",
                              shorten(shown, sizeof shown, k->str, k->len));
    }
    for (; required != NULL && *required != NULL; required++)
        if (gc_ymap_get(map, *required) == NULL)
            return gc_err_set(err, GC_EDATA, name, map->line, map->col, "missing key '%s'",
                              *required);
    return 0;
}

int gc_yexpect(const gc_ynode *node, gc_ykind kind, const char *what, const char *name,
               gc_err *err)
{
    if (node != NULL && node->kind == kind)
        return 0;
    return gc_err_set(err, GC_EDATA, name, node ? node->line : 0, node ? node->col : 0,
                      "expected %s for '%s'", kind_name(kind), what);
}

/* [0-9]+(\.[0-9]+)?, parsed by hand: strtod would honour the locale's decimal
 * point and accept hex, exponents, "inf" and "nan".  The fraction keeps 15
 * digits, so up to 15 significant digits the result is exact to an ulp. */
static int parse_decimal(const char *s, size_t len, double *out)
{
    double v = 0, scale = 1;
    uint64_t frac = 0;
    size_t i = 0, start;

    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
        v = v * 10 + (s[i] - '0');
    if (i == 0)
        return -1;
    if (i < len && s[i] == '.') {
        for (start = ++i; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
            if (i - start < 15) {
                frac = frac * 10 + (uint64_t)(s[i] - '0');
                scale *= 10;
            }
        }
        if (i == start)
            return -1;
    }
    if (i != len)
        return -1;
    *out = v + (double)frac / scale;
    return 0;
}

/* Whole bounds print as integers ("0 to 600"), others with %g. */
static const char *format_number(char *out, size_t size, double v)
{
    if (v > -9e15 && v < 9e15 && v == (double)(long long)v)
        snprintf(out, size, "%lld", (long long)v);
    else
        snprintf(out, size, "%g", v);
    return out;
}

int gc_ynumber(double *out, const gc_ynode *node, double min, double max, const char *what,
               const char *name, gc_err *err)
{
    char lo[32], hi[32];
    double v;

    if (node != NULL && node->kind == GC_Y_SCALAR && node->plain
        && parse_decimal(node->str, node->len, &v) == 0 && v >= min && v <= max) {
        *out = v;
        return 0;
    }
    return gc_err_set(err, GC_EDATA, name, node ? node->line : 0, node ? node->col : 0,
                      "expected a number from %s to %s for '%s'",
                      format_number(lo, sizeof lo, min), format_number(hi, sizeof hi, max),
                      what);
}

int gc_ystring(const char **out, const gc_ynode *map, const char *key, const char *name,
               gc_err *err)
{
    const gc_ynode *v = gc_ymap_get(map, key);

    *out = NULL;
    if (v == NULL)
        return 0;
    if (gc_yexpect(v, GC_Y_SCALAR, key, name, err) < 0)
        return GC_EDATA;
    if (v->len == 0)
        return gc_err_set(err, GC_EDATA, name, v->line, v->col, "'%s' must not be empty", key);
    *out = v->str;
    return 0;
}
