/* JSON Resume (https://jsonresume.org/schema) → UTF-8 text.
 *
 * The document is read by one iterative (non-recursive) JSON parser with an
 * explicit stack: nesting is bounded by limits->xml_depth, strings by the
 * input size, and the text by limits->text_bytes, so hostile JSON costs at
 * most one pass and a bounded stack.  Syntax follows RFC 8259 strictly
 * (no comments, no trailing commas, no raw control characters in strings).
 *
 * Text shape: every string value becomes one line "PATH: VALUE", PATH being
 * the value's JSON path (basics.summary, work[2].highlights[0],
 * skills[1].keywords[3]); a value holding line breaks gives one line per
 * part, and a long value one line per sentence, each with the path, so the
 * evidence line of a skill names where in the file it is (evidence is cut
 * to a window around the match; sentences keep the path inside it).  Before the first value of a top-level section
 * (work, skills, projects, education ...) a heading line in words
 * ("Work experience", "Skills") is written, so section-aware matching works
 * as it does for a DOCX or PDF résumé.  "$schema", "meta" and
 * basics.profiles are skipped (a profile's network "GitHub" is a contact,
 * not a skill); numbers, booleans and null are not text. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "extract/extract.h"

typedef enum { T_END, T_LBRACE, T_RBRACE, T_LBRACK, T_RBRACK, T_COLON, T_COMMA, T_STRING,
               T_SCALAR, T_ERROR } tok_type;

typedef struct lexer {
    const unsigned char *p, *end;
    unsigned line;
    GString *str;        /* the last T_STRING, decoded to UTF-8 */
    const char *why;     /* for T_ERROR */
} lexer;

typedef struct frame {
    int is_obj;
    size_t index;        /* arrays: index of the current element */
    char key[GC_JSON_KEY_MAX];   /* objects: the current key */
} frame;

/* What the parser expects next. */
typedef enum { W_VALUE, W_VALUE_OR_CLOSE, W_KEY, W_KEY_OR_CLOSE, W_COLON, W_COMMA_OR_CLOSE,
               W_END } want;

typedef struct parser {
    lexer lx;
    frame *st;
    size_t depth, max_depth;
    /* extraction (NULL out when sniffing) */
    gc_text *out;
    char last_top[GC_JSON_KEY_MAX];
    /* sniffing */
    int found;
} parser;

static void lex_space(lexer *lx)
{
    while (lx->p < lx->end && (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\n' || *lx->p == '\r')) {
        if (*lx->p == '\n')
            lx->line++;
        lx->p++;
    }
}

static int hex4(const unsigned char *p, const unsigned char *end, unsigned *out)
{
    unsigned v = 0;

    if (end - p < 4)
        return -1;
    for (int i = 0; i < 4; i++) {
        int c = g_ascii_xdigit_value((char)p[i]);
        if (c < 0)
            return -1;
        v = v << 4 | (unsigned)c;
    }
    *out = v;
    return 0;
}

/* Decodes a string whose opening quote was consumed. */
static tok_type lex_string(lexer *lx)
{
    g_string_truncate(lx->str, 0);
    while (lx->p < lx->end) {
        const unsigned char *run = lx->p;
        while (lx->p < lx->end && *lx->p != '"' && *lx->p != '\\' && *lx->p >= 0x20)
            lx->p++;
        g_string_append_len(lx->str, (const char *)run, lx->p - run);
        if (lx->p >= lx->end)
            break;
        unsigned char c = *lx->p++;
        if (c == '"')
            return T_STRING;
        if (c < 0x20) {
            lx->why = "control character in a string";
            return T_ERROR;
        }
        if (lx->p >= lx->end)
            break;
        c = *lx->p++;
        switch (c) {
        case '"': case '\\': case '/': g_string_append_c(lx->str, (char)c); break;
        case 'b': case 'f': case 'n': case 'r': case 't':
            g_string_append_c(lx->str, c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : ' ');
            break;
        case 'u': {
            unsigned u, lo;
            if (hex4(lx->p, lx->end, &u) < 0) {
                lx->why = "bad \\u escape";
                return T_ERROR;
            }
            lx->p += 4;
            if (u >= 0xD800 && u < 0xDC00 && lx->end - lx->p >= 6 && lx->p[0] == '\\' &&
                lx->p[1] == 'u' && hex4(lx->p + 2, lx->end, &lo) == 0 && lo >= 0xDC00 &&
                lo < 0xE000) {
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                lx->p += 6;
            } else if ((u >= 0xD800 && u < 0xE000) || u == 0) {
                u = 0xFFFD;  /* unpaired surrogate; U+0000 is not text */
            }
            g_string_append_unichar(lx->str, (gunichar)u);
            break;
        }
        default:
            lx->why = "bad escape in a string";
            return T_ERROR;
        }
    }
    lx->why = "unterminated string";
    return T_ERROR;
}

static tok_type lex_scalar(lexer *lx)
{
    static const char *const words[] = {"true", "false", "null"};
    const unsigned char *s = lx->p;

    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(lx->end - s) >= n && memcmp(s, words[i], n) == 0) {
            lx->p += n;
            return T_SCALAR;
        }
    }
    /* a number: -?digits[.digits][e[+-]digits], checked loosely */
    while (lx->p < lx->end && (g_ascii_isdigit(*lx->p) || strchr("+-.eE", *lx->p) != NULL))
        lx->p++;
    if (lx->p == s || !(g_ascii_isdigit(*s) || (*s == '-' && lx->p - s > 1))) {
        lx->why = "unexpected character";
        return T_ERROR;
    }
    return T_SCALAR;
}

static tok_type lex_next(lexer *lx)
{
    lex_space(lx);
    if (lx->p >= lx->end)
        return T_END;
    switch (*lx->p++) {
    case '{': return T_LBRACE;
    case '}': return T_RBRACE;
    case '[': return T_LBRACK;
    case ']': return T_RBRACK;
    case ':': return T_COLON;
    case ',': return T_COMMA;
    case '"': return lex_string(lx);
    default: lx->p--; return lex_scalar(lx);
    }
}

/* ---- paths and text --------------------------------------------------- */

static int simple_key(const char *k)
{
    if (!k[0] || g_ascii_isdigit(k[0]))
        return 0;
    for (; *k; k++)
        if (!g_ascii_isalnum(*k) && *k != '_' && *k != '$' && *k != '-')
            return 0;
    return 1;
}

static void build_path(const parser *ps, GString *path)
{
    g_string_truncate(path, 0);
    for (size_t i = 0; i < ps->depth && path->len < GC_JSON_PATH_MAX; i++) {
        const frame *f = &ps->st[i];
        if (!f->is_obj)
            g_string_append_printf(path, "[%zu]", f->index);
        else if (simple_key(f->key))
            g_string_append_printf(path, "%s%s", i ? "." : "", f->key);
        else
            g_string_append_printf(path, "[\"%s\"]", f->key);
    }
}

/* The heading written before the first value of a top-level key. */
static const char *heading_of(const char *top, const char *path)
{
    static const char *const map[][2] = {
        {"work", "Work experience"}, {"volunteer", "Volunteer experience"},
        {"education", "Education"},  {"awards", "Awards"},
        {"certificates", "Certifications"}, {"publications", "Publications"},
        {"skills", "Skills"},        {"languages", "Languages"},
        {"interests", "Interests"},  {"references", "References"},
        {"projects", "Projects"},
    };

    if (strcmp(path, "basics.summary") == 0)
        return "Summary";
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(top, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

/* Appends s[0..n) with control characters other than tab made spaces. */
static int put_clean(gc_text *out, const char *s, size_t n, gc_err *err)
{
    size_t i = 0, run;
    int rc = 0;

    while (i < n && rc == 0) {
        for (run = i; run < n && ((unsigned char)s[run] >= 0x20 || s[run] == '\t') &&
                      s[run] != 0x7F; run++)
            ;
        rc = gc_text_append(out, s + i, run - i, err);
        if (rc == 0 && run < n)
            rc = gc_text_putc(out, ' ', err);
        i = run + 1;
    }
    return rc;
}

static int emit_value(parser *ps, GString *path, gc_err *err)
{
    const frame *top = &ps->st[0];
    const char *v = ps->lx.str->str;
    char *valid = NULL;
    size_t n = ps->lx.str->len;
    int rc = 0;

    if (ps->depth == 0 || !top->is_obj || strcmp(top->key, "meta") == 0 ||
        strcmp(top->key, "$schema") == 0 ||
        (ps->depth >= 2 && strcmp(top->key, "basics") == 0 && strcmp(ps->st[1].key, "profiles") == 0))
        return 0;
    if (!g_utf8_validate(v, (gssize)n, NULL)) {
        valid = g_utf8_make_valid(v, (gssize)n);
        v = valid;
        n = strlen(valid);
    }
    build_path(ps, path);
    if (strcmp(top->key, ps->last_top) != 0 || strcmp(path->str, "basics.summary") == 0) {
        const char *h = heading_of(top->key, path->str);
        g_strlcpy(ps->last_top, top->key, sizeof ps->last_top);
        if (h != NULL) {
            rc = gc_text_endline(ps->out, err);
            if (rc == 0)
                rc = gc_text_puts(ps->out, h, err);
            if (rc == 0)
                rc = gc_text_putc(ps->out, '\n', err);
        }
    }
    /* one line per part of a multi-line value (or per sentence of a long
     * one), blank parts dropped */
    while (rc == 0 && n > 0) {
        const char *nl = memchr(v, '\n', n);
        size_t part = nl ? (size_t)(nl - v) : n, skip = nl != NULL;
        if (ps->lx.str->len > GC_JSON_SENTENCE_SPLIT)
            for (size_t k = 1; k + 2 < part; k++)
                if (strchr(".!?", v[k]) && v[k + 1] == ' ' && g_ascii_isupper(v[k + 2])) {
                    part = k + 1;
                    skip = 1;
                    break;
                }
        const char *s = v;
        size_t m = part;
        while (m > 0 && (*s == ' ' || *s == '\t' || *s == '\r'))
            s++, m--;
        while (m > 0 && (s[m - 1] == ' ' || s[m - 1] == '\t' || s[m - 1] == '\r'))
            m--;
        if (m > 0) {
            rc = gc_text_append(ps->out, path->str, path->len, err);
            if (rc == 0)
                rc = gc_text_append(ps->out, ": ", 2, err);
            if (rc == 0)
                rc = put_clean(ps->out, s, m, err);
            if (rc == 0)
                rc = gc_text_putc(ps->out, '\n', err);
        }
        v += part + skip;
        n -= part + skip;
    }
    g_free(valid);
    return rc;
}

/* ---- the parser --------------------------------------------------------- */

static int syntax_error(parser *ps, const char *what, gc_err *err)
{
    gc_err_set(err, GC_ECORRUPT, NULL, 0, 0, "invalid JSON at line %u: %s", ps->lx.line, what);
    gc_err_detail(err, "json_syntax");
    return GC_ECORRUPT;
}

/* A value (scalar or a closed container) is complete. */
static want after_value(parser *ps)
{
    return ps->depth == 0 ? W_END : W_COMMA_OR_CLOSE;
}

/* Walks the whole document; with ps->out NULL it only sniffs (stops as soon
 * as a top-level key "basics" or "work" is seen). */
static int parse(parser *ps, gc_err *err)
{
    GString *path = g_string_new(NULL);
    want w = W_VALUE;
    int rc = 0;

    while (rc == 0 && !ps->found) {
        tok_type t = lex_next(&ps->lx);
        frame *f = ps->depth ? &ps->st[ps->depth - 1] : NULL;

        if (t == T_ERROR) {
            rc = syntax_error(ps, ps->lx.why, err);
            break;
        }
        if (w == W_END) {
            if (t != T_END)
                rc = syntax_error(ps, "text after the top-level value", err);
            break;
        }
        if (t == T_END) {
            rc = syntax_error(ps, "unexpected end of file", err);
            break;
        }
        switch (w) {
        case W_KEY_OR_CLOSE:
        case W_KEY:
            if (t == T_RBRACE && w == W_KEY_OR_CLOSE) {
                ps->depth--;
                w = after_value(ps);
            } else if (t == T_STRING) {
                g_strlcpy(f->key, ps->lx.str->str, sizeof f->key);
                if (ps->out == NULL && ps->depth == 1 &&
                    (strcmp(f->key, "basics") == 0 || strcmp(f->key, "work") == 0))
                    ps->found = 1;
                w = W_COLON;
            } else {
                rc = syntax_error(ps, "expected a key string", err);
            }
            break;
        case W_COLON:
            if (t == T_COLON)
                w = W_VALUE;
            else
                rc = syntax_error(ps, "expected ':'", err);
            break;
        case W_COMMA_OR_CLOSE:
            if (t == T_COMMA) {
                if (f->is_obj) {
                    w = W_KEY;
                } else {
                    f->index++;
                    w = W_VALUE;
                }
            } else if ((t == T_RBRACE && f->is_obj) || (t == T_RBRACK && !f->is_obj)) {
                ps->depth--;
                w = after_value(ps);
            } else {
                rc = syntax_error(ps, f->is_obj ? "expected ',' or '}'" : "expected ',' or ']'",
                                  err);
            }
            break;
        case W_VALUE_OR_CLOSE:
            if (t == T_RBRACK) {
                ps->depth--;
                w = after_value(ps);
                break;
            }
            /* fall through */
        case W_VALUE:
            if (t == T_LBRACE || t == T_LBRACK) {
                if (ps->depth >= ps->max_depth) {
                    gc_err_set(err, GC_ELIMIT, NULL, 0, 0,
                               "JSON nested deeper than %zu levels", ps->max_depth);
                    gc_err_detail(err, "json_depth");
                    rc = GC_ELIMIT;
                    break;
                }
                f = &ps->st[ps->depth++];
                f->is_obj = t == T_LBRACE;
                f->index = 0;
                f->key[0] = '\0';
                w = f->is_obj ? W_KEY_OR_CLOSE : W_VALUE_OR_CLOSE;
            } else if (t == T_STRING || t == T_SCALAR) {
                if (t == T_STRING && ps->out != NULL)
                    rc = emit_value(ps, path, err);
                w = after_value(ps);
            } else {
                rc = syntax_error(ps, "expected a value", err);
            }
            break;
        case W_END:
            break;
        }
    }
    g_string_free(path, TRUE);
    return rc;
}

static size_t skip_bom_space(const unsigned char *data, size_t len)
{
    size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
        i++;
    return i;
}

int gc_sniff_jsonresume(const unsigned char *data, size_t len)
{
    frame st[GC_JSON_SNIFF_DEPTH];
    parser ps;
    size_t i = skip_bom_space(data, len);

    if (i >= len || data[i] != '{')
        return 0;
    memset(&ps, 0, sizeof ps);
    ps.lx.p = data + i;
    ps.lx.end = data + (len - i > GC_JSON_SNIFF_WINDOW ? i + GC_JSON_SNIFF_WINDOW : len);
    ps.lx.line = 1;
    ps.lx.str = g_string_new(NULL);
    ps.st = st;
    ps.max_depth = GC_JSON_SNIFF_DEPTH;
    (void)parse(&ps, NULL);
    g_string_free(ps.lx.str, TRUE);
    return ps.found;
}

int gc_extract_jsonresume(gc_text *out, const unsigned char *data, size_t len,
                          const gc_limits *lim, gc_err *err)
{
    parser ps;
    size_t i = skip_bom_space(data, len);
    int rc;

    memset(&ps, 0, sizeof ps);
    ps.lx.p = data + i;
    ps.lx.end = data + len;
    ps.lx.line = 1;
    for (size_t k = 0; k < i; k++)
        ps.lx.line += data[k] == '\n';
    ps.lx.str = g_string_new(NULL);
    ps.max_depth = lim->xml_depth ? lim->xml_depth : 1;
    ps.st = g_new0(frame, ps.max_depth);
    ps.out = out;
    rc = parse(&ps, err);
    g_free(ps.st);
    g_string_free(ps.lx.str, TRUE);
    return rc;
}
