/* tokenize: the one tokenizer shared by the lexicon's aliases and the
 * résumé text, so both sides agree on what a "word" is.
 *
 * A word is a run of letters and digits, plus a trailing run of '+' or '#'
 * when nothing word-like follows (c++, c#, f#, notepad++).  Every other
 * non-space character is a one-character punctuation token ('.', '/', ','),
 * except a '-' directly between two words, which is dropped and marks the
 * next word GC_TOK_JOINED: "scikit-learn" and "scikit learn" then give the
 * same words.  Tokens inside URLs, e-mail addresses and file paths carry
 * GC_TOK_URL: they are never skills. */
#ifndef GC_TOKENIZE_H
#define GC_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

#include "gc_err.h"

enum {
    GC_TOK_WORD = 1 << 0,
    GC_TOK_PUNCT = 1 << 1,
    GC_TOK_JOINED = 1 << 2,   /* a '-' joined it to the previous word */
    GC_TOK_TAB = 1 << 3,      /* a tab stands between it and the previous token */
    GC_TOK_URL = 1 << 4,      /* part of a URL, e-mail address or path */
    GC_TOK_SPACE = 1 << 5,    /* white space before it */
    GC_TOK_SEP = 1 << 6,      /* a list separator: , ; | • : ( ) [ ] / & */
    GC_TOK_HASHED = 1 << 7,   /* all ASCII; `hash` is gc_strtab_hash of it lowercased */
};

typedef struct gc_token {
    uint32_t start;   /* byte offset in the text */
    uint16_t len;     /* bytes */
    uint16_t flags;
    uint32_t line;    /* 1-based; '\n' and '\f' end lines */
    int32_t atom;     /* lexicon word id, or -1; filled by the matcher */
    uint32_t hash;    /* with GC_TOK_HASHED: the lexicon's hash of the folded word,
                         computed while scanning, so look-ups need no second pass */
} gc_token;

typedef struct gc_tokens {
    gc_token *v;
    size_t n, cap;
    size_t n_lines;
} gc_tokens;

/* Appends the tokens of text[0..len).  Words longer than 64 KiB are cut.
 * Errors: GC_ENOMEM, GC_ELIMIT (more than max_tokens tokens). */
int gc_tokenize(gc_tokens *out, const char *text, size_t len, size_t max_tokens, gc_err *err);
void gc_tokens_free(gc_tokens *t);

/* Case-folds s[0..n) into dst (capacity cap, NUL-terminated); returns the
 * folded length, or (size_t)-1 if it does not fit.  ASCII fast path. */
size_t gc_fold(char *dst, size_t cap, const char *s, size_t n);

#endif
