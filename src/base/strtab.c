/* Flat string table; see strtab.h. */
#include <stdlib.h>
#include <string.h>

#include "gc_err.h"
#include "base/strtab.h"

uint32_t gc_strtab_hash(const char *s)
{
    uint32_t h = GC_FNV_INIT;

    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * GC_FNV_PRIME;
    return h;
}

/* At most half full, so a miss stops after a probe or two. */
static uint32_t slots_for(uint32_t n)
{
    uint32_t s = 16;

    while (s < 2 * n + 2)
        s *= 2;
    return s;
}

int gc_strtab_build(gc_strtab *t, const char *const *keys, const uint32_t *vals, uint32_t n)
{
    size_t pool_len = 0, off = 0;
    uint32_t n_slots = slots_for(n);

    memset(t, 0, sizeof *t);
    for (uint32_t i = 0; i < n; i++)
        pool_len += strlen(keys[i]) + 1;
    /* one block: key, val, slot, then the pool */
    size_t words = 2 * (size_t)n + n_slots;
    uint32_t *mem = calloc(1, words * sizeof(uint32_t) + pool_len + 1);
    if (mem == NULL)
        return GC_ENOMEM;
    uint32_t *key = mem, *val = mem + n, *slot = mem + 2 * (size_t)n;
    char *pool = (char *)(mem + words);
    for (uint32_t i = 0; i < n; i++) {
        size_t l = strlen(keys[i]) + 1;
        memcpy(pool + off, keys[i], l);
        key[i] = (uint32_t)off;
        val[i] = vals[i];
        off += l;
        uint32_t h = gc_strtab_hash(keys[i]) & (n_slots - 1);
        while (slot[h] != 0)
            h = (h + 1) & (n_slots - 1);
        slot[h] = i + 1;
    }
    *t = (gc_strtab){pool, key, val, slot, n, n_slots, mem};
    return 0;
}

long gc_strtab_get(const gc_strtab *t, const char *s)
{
    if (t->n_slots == 0)
        return -1;
    uint32_t h = gc_strtab_hash(s) & (t->n_slots - 1);
    for (uint32_t probes = 0; probes < t->n_slots; probes++) {
        uint32_t e = t->slot[h];
        if (e == 0)
            return -1;
        if (strcmp(t->pool + t->key[e - 1], s) == 0)
            return (long)t->val[e - 1];
        h = (h + 1) & (t->n_slots - 1);
    }
    return -1;
}

static int same_lower(const char *key, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
        if (key[i] != c)   /* also stops at key's NUL: c is never NUL */
            return 0;
    }
    return key[n] == '\0';
}

long gc_strtab_get_ascii(const gc_strtab *t, const char *s, size_t n, uint32_t h)
{
    if (t->n_slots == 0)
        return -1;
    h &= t->n_slots - 1;
    for (uint32_t probes = 0; probes < t->n_slots; probes++) {
        uint32_t e = t->slot[h];
        if (e == 0)
            return -1;
        if (same_lower(t->pool + t->key[e - 1], s, n))
            return (long)t->val[e - 1];
        h = (h + 1) & (t->n_slots - 1);
    }
    return -1;
}

const char *gc_strtab_key(const gc_strtab *t, uint32_t i)
{
    return t->pool + t->key[i];
}

void gc_strtab_free(gc_strtab *t)
{
    free(t->mem);
    memset(t, 0, sizeof *t);
}
