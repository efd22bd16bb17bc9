/* Markdown → text, parsed with md4c (GitHub dialect: tables, strikethrough,
 * task lists, bare URLs as links) rather than read as plain text.  The
 * bytes are first decoded exactly as a plain-text file is (extract_txt.c:
 * UTF-8, UTF-16 with a BOM, else Windows-1252; controls dropped), then:
 *
 *   - headings, paragraphs, list items, quotes and rules are lines of
 *     their own, so the segmenter sees a heading alone on its line
 *     ("### Skills" → "Skills"); the soft line breaks inside a paragraph
 *     join its lines with a space, hard breaks end a line;
 *   - table cells are separated by tabs, rows end lines;
 *   - a link keeps its text, never its destination ("[Python](http://…)"
 *     is "Python"); reference definitions ("[1]: http://…") say nothing;
 *     bare URLs and <autolinks> keep their text (the matcher knows URLs);
 *   - code spans, code blocks and images' alternative text are dropped;
 *   - raw HTML tags and comments are dropped, the text between them kept;
 *   - entities (&amp; &#233; &#xE9;) are decoded.
 *
 * Recognising Markdown (gc_sniff_markdown) is a rule on the bytes: see
 * extract.h.  Plain-text résumés use "-" bullets and "====" underlines
 * too, so those alone keep a file plain text, read line by line as
 * before. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "extract/extract.h"
#include "extract/md_lib.h"

typedef struct md_ctx {
    gc_text *out;
    gc_err *err;
    int rc;
    unsigned skip;         /* inside a code span/block or an image */
    int pending_tab;       /* a cell ended; its tab is written before more text */
    int in_tag;            /* inside an HTML tag (1) or comment (2) */
    int html_block;
} md_ctx;

static int put(md_ctx *c, const char *s, size_t n)
{
    if (c->rc == 0 && c->pending_tab) {
        c->pending_tab = 0;
        c->rc = gc_text_putc(c->out, '\t', c->err);
    }
    if (c->rc == 0 && n > 0)
        c->rc = gc_text_append(c->out, s, n, c->err);
    return c->rc;
}

static int endline(md_ctx *c)
{
    c->pending_tab = 0;
    if (c->rc == 0)
        c->rc = gc_text_endline(c->out, c->err);
    return c->rc;
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *user)
{
    md_ctx *c = user;

    (void)detail;
    switch (type) {
    case MD_BLOCK_CODE:
        c->skip++;
        break;
    case MD_BLOCK_HTML:
        c->html_block = 1;
        c->in_tag = 0;
        /* fall through */
    case MD_BLOCK_H: case MD_BLOCK_P: case MD_BLOCK_LI: case MD_BLOCK_QUOTE:
    case MD_BLOCK_HR: case MD_BLOCK_TABLE: case MD_BLOCK_TR:
        return endline(c);
    default:
        break;
    }
    return c->rc;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *user)
{
    md_ctx *c = user;

    (void)detail;
    switch (type) {
    case MD_BLOCK_CODE:
        c->skip--;
        break;
    case MD_BLOCK_TH: case MD_BLOCK_TD:
        /* Lazily: a row's last cell gets no tab. */
        c->pending_tab = c->out->len > 0 && c->out->buf[c->out->len - 1] != '\n';
        break;
    case MD_BLOCK_HTML:
        c->html_block = 0;
        return endline(c);
    case MD_BLOCK_H: case MD_BLOCK_P: case MD_BLOCK_LI: case MD_BLOCK_QUOTE:
    case MD_BLOCK_HR: case MD_BLOCK_TABLE: case MD_BLOCK_TR:
        return endline(c);
    default:
        break;
    }
    return c->rc;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *user)
{
    md_ctx *c = user;

    (void)detail;
    if (type == MD_SPAN_CODE || type == MD_SPAN_IMG)
        c->skip++;
    return c->rc;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *user)
{
    md_ctx *c = user;

    (void)detail;
    if (type == MD_SPAN_CODE || type == MD_SPAN_IMG)
        c->skip--;
    return c->rc;
}

/* The few named entities résumés use; others stay as written. */
static const struct { const char *name; unsigned cp; } entities[] = {
    {"amp", '&'}, {"apos", '\''}, {"bull", 0x2022}, {"copy", 0xA9}, {"gt", '>'},
    {"hellip", 0x2026}, {"ldquo", 0x201C}, {"lsquo", 0x2018}, {"lt", '<'},
    {"mdash", 0x2014}, {"middot", 0xB7}, {"nbsp", 0xA0}, {"ndash", 0x2013},
    {"quot", '"'}, {"rdquo", 0x201D}, {"reg", 0xAE}, {"rsquo", 0x2019}, {"trade", 0x2122},
};

static int put_entity(md_ctx *c, const char *s, size_t n)
{
    unsigned long cp = 0;
    char u8[8];
    size_t i;

    if (n >= 4 && s[0] == '&' && s[1] == '#' && s[n - 1] == ';') {
        int hex = s[2] == 'x' || s[2] == 'X';
        for (i = hex ? 3 : 2; i < n - 1 && cp <= 0x10FFFF; i++)
            cp = cp * (hex ? 16 : 10) + (unsigned long)g_ascii_xdigit_value(s[i]);
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            cp = 0xFFFD;
    } else if (n >= 3 && s[0] == '&' && s[n - 1] == ';') {
        for (i = 0; i < sizeof entities / sizeof entities[0]; i++)
            if (strlen(entities[i].name) == n - 2 && memcmp(entities[i].name, s + 1, n - 2) == 0)
                cp = entities[i].cp;
    }
    if (cp == 0)
        return put(c, s, n);
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        cp = ' ';
    return put(c, u8, (size_t)g_unichar_to_utf8((gunichar)cp, u8));
}

/* HTML inside a Markdown block: tags and comments out, text in. */
static int put_html(md_ctx *c, const char *s, size_t n)
{
    size_t i = 0, start;

    while (i < n && c->rc == 0) {
        if (c->in_tag == 2) {
            const char *e = g_strstr_len(s + i, (gssize)(n - i), "-->");
            if (e == NULL)
                return c->rc;
            i = (size_t)(e - s) + 3;
            c->in_tag = 0;
        } else if (c->in_tag == 1) {
            const char *e = memchr(s + i, '>', n - i);
            if (e == NULL)
                return c->rc;
            i = (size_t)(e - s) + 1;
            c->in_tag = 0;
        } else {
            for (start = i; i < n && s[i] != '<'; i++)
                ;
            if (i > start) {
                for (size_t k = start; k < i && c->rc == 0; k++)
                    if (s[k] == '\n')
                        endline(c);
                    else
                        put(c, s + k, 1);
            }
            if (i < n) {
                c->in_tag = n - i >= 4 && memcmp(s + i, "<!--", 4) == 0 ? 2 : 1;
                i += c->in_tag == 2 ? 4 : 1;
            }
        }
    }
    return c->rc;
}

static int text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *user)
{
    md_ctx *c = user;

    if (c->skip > 0 || c->rc != 0)
        return c->rc;
    switch (type) {
    case MD_TEXT_NORMAL:
        return put(c, s, n);
    case MD_TEXT_NULLCHAR:
        return put(c, "\xEF\xBF\xBD", 3);
    case MD_TEXT_BR:
        return endline(c);
    case MD_TEXT_SOFTBR:
        return put(c, " ", 1);
    case MD_TEXT_ENTITY:
        return put_entity(c, s, n);
    case MD_TEXT_HTML:
        /* Inline tags are dropped; an HTML block keeps its text. */
        return c->html_block ? put_html(c, s, n) : c->rc;
    default:   /* MD_TEXT_CODE (skipped anyway), LaTeX math (not enabled) */
        return c->rc;
    }
}

int gc_extract_markdown(gc_text *out, const unsigned char *data, size_t len,
                        const gc_limits *lim, gc_err *err)
{
    const gc_md_api *md = gc_md_lib(err);
    MD_PARSER parser = {0};
    md_ctx c = {0};
    gc_text src;
    int rc;

    if (md == NULL)
        return GC_EFORMAT;
    /* The decoded source is at most 3 bytes per input byte (Windows-1252),
     * and the input is already bounded by lim->input_bytes. */
    gc_text_init(&src, len * 3 + 16);
    rc = gc_extract_plain(&src, data, len, lim, err);
    if (rc < 0 || src.len == 0) {
        gc_text_free(&src);
        return rc;
    }
    parser.flags = MD_DIALECT_GITHUB;
    parser.enter_block = enter_block;
    parser.leave_block = leave_block;
    parser.enter_span = enter_span;
    parser.leave_span = leave_span;
    parser.text = text;
    c.out = out;
    c.err = err;
    rc = md->md_parse(src.buf, (MD_SIZE)src.len, &parser, &c);
    gc_text_free(&src);
    if (c.rc < 0)
        return c.rc;
    if (rc != 0)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory parsing Markdown");
    return gc_text_endline(out, err);
}

/* ---- recognising Markdown --------------------------------------------- */

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t';
}

enum { LINE_PLAIN, LINE_HASH, LINE_HEADING, LINE_MARKDOWN };

/* One line (without its end): LINE_MARKDOWN for syntax no plain-text
 * résumé writes (a link, a reference definition, a code fence),
 * LINE_HEADING for an ATX heading, LINE_HASH for another line starting
 * with '#', else LINE_PLAIN. */
static int markdown_line(const unsigned char *s, size_t n)
{
    size_t i = 0, k;
    const unsigned char *close, *open;

    while (i < n && i < 3 && s[i] == ' ')
        i++;
    /* Fenced code. */
    if (n - i >= 3 && (memcmp(s + i, "```", 3) == 0 || memcmp(s + i, "~~~", 3) == 0))
        return LINE_MARKDOWN;
    /* Reference definition "[label]: destination". */
    if (i < n && s[i] == '[' && (close = memchr(s + i + 1, ']', n - i - 1)) != NULL &&
        close > s + i + 1 && !is_space(s[i + 1]) && (size_t)(close - s) + 2 < n &&
        close[1] == ':' && is_space(close[2]))
        return LINE_MARKDOWN;
    /* Inline link or image "[text](destination)". */
    for (open = s; (open = memchr(open, '[', n - (size_t)(open - s))) != NULL; open++) {
        close = memchr(open + 1, ']', n - (size_t)(open + 1 - s));
        if (close == NULL)
            break;
        if (close > open + 1 && (size_t)(close - s) + 2 < n && close[1] == '(' &&
            !is_space(close[2]) && memchr(close + 2, ')', n - (size_t)(close + 2 - s)) != NULL)
            return LINE_MARKDOWN;
    }
    /* ATX heading: 1-6 '#', a space, then text. */
    for (k = i; k < n && s[k] == '#'; k++)
        ;
    if (k == i)
        return LINE_PLAIN;
    if (k - i <= 6 && k + 1 < n && is_space(s[k])) {
        while (k < n && is_space(s[k]))
            k++;
        if (k < n)
            return LINE_HEADING;
    }
    return LINE_HASH;
}

/* A heading counts only when neither neighbouring line starts with '#':
 * runs of "# ..." lines are comments (shell, configuration, this
 * project's own fixture files), not Markdown. */
int gc_sniff_markdown(const unsigned char *data, size_t len)
{
    size_t n = len < GC_MD_SNIFF_WINDOW ? len : GC_MD_SNIFF_WINDOW, i = 0;
    int prev = LINE_PLAIN, pending = 0;

    if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n) {
        const unsigned char *nl = memchr(data + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - data) : n, e = end;
        int kind;

        if (e > i && data[e - 1] == '\r')
            e--;
        kind = markdown_line(data + i, e - i);
        if (kind == LINE_MARKDOWN)
            return 1;
        if (pending && kind != LINE_HASH && kind != LINE_HEADING)
            return 1;
        pending = kind == LINE_HEADING && prev != LINE_HASH && prev != LINE_HEADING;
        prev = kind;
        i = end + 1;
    }
    return pending;
}
