/* strtab: a read-only string → uint32 table, open addressing with linear
 * probing over a power-of-two slot array.  It is flat (three uint32 arrays
 * and a string pool), so a build-time snapshot can hold it as it is and
 * start-up only points into it instead of inserting thousands of keys.
 * The hash is ours (FNV-1a), so the slot layout is the same in every build. */
#ifndef GC_STRTAB_H
#define GC_STRTAB_H

#include <stddef.h>
#include <stdint.h>

typedef struct gc_strtab {
    const char *pool;         /* key i is the NUL-terminated string at pool + key[i] */
    const uint32_t *key, *val;
    const uint32_t *slot;     /* n_slots entries: entry index + 1, 0 = empty */
    uint32_t n, n_slots;
    void *mem;                /* owned block, or NULL when it points into a snapshot */
} gc_strtab;

/* FNV-1a, 32 bits: h = (h ^ byte) * GC_FNV_PRIME from GC_FNV_INIT.  Code
 * that hashes a key as it scans it (the tokenizer) must use these. */
#define GC_FNV_INIT 2166136261u
#define GC_FNV_PRIME 16777619u

uint32_t gc_strtab_hash(const char *s);

/* Builds a table from n distinct keys (copied) and their values; entry i
 * is keys[i].  Returns 0, or GC_ENOMEM. */
int gc_strtab_build(gc_strtab *t, const char *const *keys, const uint32_t *vals, uint32_t n);

/* The value of key s, or -1.  Probes at most n_slots slots, so even a table
 * whose slots are all taken ends. */
long gc_strtab_get(const gc_strtab *t, const char *s);
/* The same for s[0..n), ASCII, compared case-insensitively against the
 * (lowercase) keys, with h = gc_strtab_hash of s lowercased: the tokenizer
 * computes it while scanning, so a look-up needs no copy and no rehash. */
long gc_strtab_get_ascii(const gc_strtab *t, const char *s, size_t n, uint32_t h);

/* Key of entry i (entries keep the order they were built in). */
const char *gc_strtab_key(const gc_strtab *t, uint32_t i);

void gc_strtab_free(gc_strtab *t);

#endif
