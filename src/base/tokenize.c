/* Tokenizer; see tokenize.h for the rules. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/strtab.h"
#include "base/tokenize.h"

static inline char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Byte classes, so the hot loops test one table entry per byte. */
enum {
    B_SPACE = 1,   /* ' ' \t \n \f \r */
    B_LINE = 2,    /* \n \f: ends a line */
    B_TAB = 4,
    B_WORD = 8,    /* ASCII letter or digit */
    B_LINK = 16,   /* . @ / \ : a chunk without them is never a link */
    B_SEP = 32,    /* , ; | : ( ) [ ] { } / & */
    B_HIGH = 64,   /* a UTF-8 lead or continuation byte */
};

static const unsigned char cls[256] = {
    [' '] = B_SPACE, ['\t'] = B_SPACE | B_TAB, ['\r'] = B_SPACE,
    ['\n'] = B_SPACE | B_LINE, ['\f'] = B_SPACE | B_LINE,
    ['0' ... '9'] = B_WORD, ['A' ... 'Z'] = B_WORD, ['a' ... 'z'] = B_WORD,
    ['.'] = B_LINK, ['@'] = B_LINK, ['\\'] = B_LINK, ['/'] = B_LINK | B_SEP,
    [','] = B_SEP, [';'] = B_SEP, ['|'] = B_SEP, [':'] = B_SEP, ['('] = B_SEP,
    [')'] = B_SEP, ['['] = B_SEP, [']'] = B_SEP, ['{'] = B_SEP, ['}'] = B_SEP,
    ['&'] = B_SEP,
    [0x80 ... 0xFF] = B_HIGH,
};

static int is_word_slow(const char *p, const char *end, size_t *adv)
{
    unsigned char c = (unsigned char)*p;
    gunichar u = g_utf8_get_char_validated(p, end - p);
    if (u == (gunichar)-1 || u == (gunichar)-2) {
        *adv = 1;
        return 0;
    }
    *adv = (size_t)g_utf8_skip[c];
    return g_unichar_isalnum(u) || g_unichar_ismark(u);
}

/* The hot path: most characters of a résumé are ASCII. */
static inline int is_word_at(const char *p, const char *end, size_t *adv)
{
    unsigned char c = (unsigned char)*p;

    if (c < 0x80) {
        *adv = 1;
        return cls[c] & B_WORD;
    }
    return is_word_slow(p, end, adv);
}

static int is_sep_char(const char *p, size_t n)
{
    if (n == 1)
        return cls[(unsigned char)*p] & B_SEP;
    return n == 3 && memcmp(p, "\xE2\x80\xA2", 3) == 0;  /* • */
}

static int push(gc_tokens *t, uint32_t start, size_t len, unsigned flags, uint32_t line,
                uint32_t hash, size_t max, gc_err *err)
{
    if (t->n >= max) {
        gc_err_set(err, GC_ELIMIT, NULL, 0, 0, "more than %zu words in the document", max);
        gc_err_detail(err, "tokens");
        return GC_ELIMIT;
    }
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        gc_token *v = realloc(t->v, cap * sizeof *v);
        if (v == NULL)
            return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
        t->v = v;
        t->cap = cap;
    }
    if (len > 0xFFFF) {   /* cut: the hash no longer describes it */
        len = 0xFFFF;
        flags &= ~(unsigned)GC_TOK_HASHED;
    }
    t->v[t->n++] = (gc_token){start, (uint16_t)len, (uint16_t)flags, line, -1, hash};
    return 0;
}

/* A "chunk" is a run of non-space bytes; decides whether it is a URL,
 * e-mail address or file path, whose words must not count as skills. */
static int has_link_char(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == '.' || s[i] == '@' || s[i] == '/' || s[i] == '\\')
            return 1;
    return 0;
}

static int chunk_is_link(const char *s, size_t n)
{
    /* Bare "name.tld" counts as a link only for these; ".net", ".io" and
     * ".ai" are also parts of technology names (ASP.NET, Socket.IO, fast.ai),
     * so they need a scheme, "www." or a path to count. */
    static const char *const tlds[] = {".com", ".org", ".dev", ".me", ".edu", ".gov", NULL};
    static const char *const path_tlds[] = {".net/", ".io/", ".ai/", ".co/", ".app/", ".info/",
                                            NULL};
    static const char *const exts[] = {".pdf", ".docx", ".doc", ".txt", ".py", ".ipynb",
                                       ".csv", ".png", ".jpg", ".zip", ".json", ".yaml",
                                       ".yml", ".xml", ".sh", ".exe", ".html", NULL};
    const char *at;
    char buf[256];

    while (n > 0 && strchr(".,;:)]'\"", s[n - 1]))
        n--;  /* a sentence's full stop is not a domain */
    if (n < 4 || !has_link_char(s, n))
        return 0;  /* the common case: a plain word */
    at = memchr(s, '@', n);
    if (at && at > s && memchr(at, '.', n - (size_t)(at - s)))
        return 1;
    if (n > sizeof buf - 1)
        n = sizeof buf - 1;
    for (size_t i = 0; i < n; i++)
        buf[i] = lower(s[i]);
    buf[n] = '\0';
    while (n > 0 && strchr(".,;:)]'\"", buf[n - 1]))
        buf[--n] = '\0';
    if (strstr(buf, "://") || strncmp(buf, "www.", 4) == 0 || strchr(buf, '\\'))
        return 1;
    if ((buf[0] == '/' || buf[0] == '~') && strchr(buf + 1, '/'))
        return 1;
    for (size_t i = 0; tlds[i]; i++) {
        const char *p = strstr(buf, tlds[i]);
        size_t l = strlen(tlds[i]);
        if (p && p > buf && (p[l] == '\0' || p[l] == '/'))
            return 1;
    }
    for (size_t i = 0; path_tlds[i]; i++) {
        const char *p = strstr(buf, path_tlds[i]);
        if (p && p > buf)
            return 1;
    }
    for (size_t i = 0; exts[i]; i++) {
        size_t l = strlen(exts[i]);
        if (n > l + 1 && strcmp(buf + n - l, exts[i]) == 0)
            return 1;
    }
    return 0;
}

static size_t word_end(const char *text, const char *end, const char *p)
{
    const char *q = p;
    size_t adv;

    while (q < end && is_word_at(q, end, &adv))
        q += adv;
    /* c++, c#, f#: keep a trailing +/# run unless a letter follows it
     * ("C++17" is c++ then 17; "a+b" stays three tokens) */
    const char *r = q;
    while (r < end && (*r == '+' || *r == '#'))
        r++;
    if (r > q && (r == end || !is_word_at(r, end, &adv) || g_ascii_isdigit(*r)))
        q = r;
    return (size_t)(q - text);
}

/* An all-ASCII word from p, hashed as it is scanned; returns its end, or
 * NULL when a non-ASCII byte joins it (the caller takes the general path). */
static const char *ascii_word(const char *p, const char *end, uint32_t *hash)
{
    const char *q = p, *r;
    uint32_t h = GC_FNV_INIT;
    size_t adv;

    while (q < end && (cls[(unsigned char)*q] & B_WORD)) {
        h = (h ^ (unsigned char)lower(*q)) * GC_FNV_PRIME;
        q++;
    }
    if (q < end && (cls[(unsigned char)*q] & B_HIGH))
        return NULL;
    /* the trailing +/# rule of word_end */
    for (r = q; r < end && (*r == '+' || *r == '#'); r++)
        ;
    if (r > q && (r == end || !is_word_at(r, end, &adv) || g_ascii_isdigit(*r)))
        for (; q < r; q++)
            h = (h ^ (unsigned char)*q) * GC_FNV_PRIME;
    *hash = h;
    return q;
}

/* A new chunk (run of non-space bytes) starts at p: is it a link? */
static int chunk_at(const char *p, const char *end)
{
    const char *q = p;
    unsigned any = 0;

    while (q < end && !(cls[(unsigned char)*q] & B_SPACE))
        any |= cls[(unsigned char)*q++];
    return (any & B_LINK) && chunk_is_link(p, (size_t)(q - p));
}

int gc_tokenize(gc_tokens *out, const char *text, size_t len, size_t max_tokens, gc_err *err)
{
    const char *end = text + len, *p = text, *q;
    uint32_t line = 1, hash = 0;
    unsigned pending = GC_TOK_SPACE;
    int link = 0, rc;
    size_t adv;

    while (p < end) {
        unsigned char c = (unsigned char)*p;
        unsigned k = cls[c];
        if (k & B_SPACE) {
            line += (k & B_LINE) != 0;
            pending |= (k & B_TAB) ? GC_TOK_TAB | GC_TOK_SPACE : GC_TOK_SPACE;
            p++;
            continue;
        }
        if (pending & GC_TOK_SPACE)
            link = chunk_at(p, end);
        unsigned flags = pending | (link ? GC_TOK_URL : 0);
        pending = 0;
        if ((k & B_WORD) && (q = ascii_word(p, end, &hash)) != NULL) {
            flags |= GC_TOK_WORD | GC_TOK_HASHED;
        } else if (is_word_at(p, end, &adv)) {
            q = text + word_end(text, end, p);
            flags |= GC_TOK_WORD;
        } else {
            adv = c >= 0x80 ? (size_t)g_utf8_skip[c] : 1;
            if ((size_t)(end - p) < adv)
                adv = (size_t)(end - p);
            flags |= GC_TOK_PUNCT | (is_sep_char(p, adv) ? GC_TOK_SEP : 0);
            if (c < 0x80) {
                flags |= GC_TOK_HASHED;
                hash = (GC_FNV_INIT ^ (unsigned char)lower((char)c)) * GC_FNV_PRIME;
            }
            if ((rc = push(out, (uint32_t)(p - text), adv, flags, line, hash, max_tokens,
                           err)) < 0)
                return rc;
            p += adv;
            continue;
        }
        if ((rc = push(out, (uint32_t)(p - text), (size_t)(q - p), flags, line, hash,
                       max_tokens, err)) < 0)
            return rc;
        p = q;
        /* a '-' between two words joins them */
        if (p + 1 < end && *p == '-' && is_word_at(p + 1, end, &adv)) {
            pending = GC_TOK_JOINED;
            p++;
        }
    }
    out->n_lines = line;
    return 0;
}

void gc_tokens_free(gc_tokens *t)
{
    free(t->v);
    memset(t, 0, sizeof *t);
}

size_t gc_fold(char *dst, size_t cap, const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 0x80)
            break;
        if (i + 1 >= cap)
            return (size_t)-1;
        dst[i] = lower(s[i]);
    }
    if (i == n) {
        dst[n] = '\0';
        return n;
    }
    gchar *f = g_utf8_casefold(s, (gssize)n);
    size_t fl = strlen(f);
    if (fl + 1 > cap) {
        g_free(f);
        return (size_t)-1;
    }
    memcpy(dst, f, fl + 1);
    g_free(f);
    return fl;
}
