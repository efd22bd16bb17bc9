/* Streaming XML-to-text walker over libxml2's xmlTextReader; see xml_text.h.
 * The reader (not the tree API) is used because it stops at the first
 * DOCTYPE node before any entity is expanded, keeps memory flat on big parts
 * and enforces libxml2's huge-text-node check (docs/SECURITY.md §2.1, X4/X5). */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "extract/xml_lib.h"
#include "extract/xml_text.h"

/* libxml2, loaded on first use (xml_lib.h); set by each entry point. */
static const gc_xml_api *xml;

enum { OWE_NONE, OWE_PARA, OWE_CELL, OWE_ROW };

/* What the rules say about one element name, remembered for the walk (see
 * rule_for).  `name` is a copy, so a hit never rests on a pointer alone. */
#define MEMO_SLOTS 64
#define MEMO_NAME 24
struct memo {
    const char *local;         /* libxml2's pointer for the name, or NULL */
    char name[MEMO_NAME];
    unsigned has_rule;         /* some rule has this local name */
    unsigned ns_known;         /* ns and rule are set: */
    const char *ns;            /* the last namespace looked up with it ... */
    const gc_xml_rule *rule;   /* ... and the rule found for both */
};

struct walk {
    xmlTextReaderPtr r;
    gc_text *out;
    const gc_xml_rules *rules;
    const gc_limits *lim;
    gc_err *err;
    const char *part;
    unsigned *stack;      /* flags of each open element */
    unsigned cap, depth;
    unsigned skip_from;   /* >0: inside a skipped subtree opened at this depth */
    unsigned in_text;     /* open GC_XML_TEXT elements */
    unsigned in_verbatim; /* open GC_XML_VERBATIM elements */
    unsigned tree_mode;   /* walking an HTML parser tree */
    unsigned pending;     /* separator owed before the next text: OWE_* */
    unsigned space;       /* collapse mode: a space is owed */
    int xml_code;         /* first libxml2 error (code and line only) */
    unsigned xml_line, xml_col;
    unsigned too_deep;    /* libxml2's own depth limit fired */
    unsigned too_big;     /* libxml2's own text-node size limit fired */
    gc_xml_elem_fn call;  /* GC_XML_CALL elements go here (or nowhere) */
    void *call_ctx;
    struct memo memo[MEMO_SLOTS];
};

struct gc_xml_elem {
    struct walk w;
};

char *gc_xml_elem_attr(const gc_xml_elem *e, const char *ns, const char *name)
{
    const struct walk *w = &e->w;
    xmlChar *v = ns ? xml->xmlTextReaderGetAttributeNs(w->r, (const xmlChar *)name,
                                                      (const xmlChar *)ns)
                    : xml->xmlTextReaderGetAttribute(w->r, (const xmlChar *)name);
    char *copy;

    if (v == NULL)
        return NULL;
    copy = strdup((const char *)v);
    (*xml->xmlFree)(v);
    return copy;
}

/* libxml2's default handler prints the offending document line, which is
 * personal data (X6): keep only the code and position of the first error. */
static void on_xml_error(void *arg, xmlErrorPtr e)
{
    struct walk *w = arg;

    if (e == NULL || e->level < XML_ERR_ERROR || w->xml_code != 0)
        return;
    w->xml_code = e->code ? e->code : -1;
    w->xml_line = e->line > 0 ? (unsigned)e->line : 0;
    w->xml_col = e->int2 > 0 ? (unsigned)e->int2 : 0;
    if (e->message != NULL && strncmp(e->message, "Excessive depth", 15) == 0)
        w->too_deep = 1;
    /* 2.9.14 reports a text node over XML_MAX_TEXT_LENGTH (10 MB) as a
     * memory error: it is a size limit, not damage (docs/SECURITY.md X5). */
    if (e->message != NULL && strstr(e->message, "huge text node") != NULL)
        w->too_big = 1;
}

static int dtd_error(const char *part, gc_err *err)
{
    gc_err_set(err, GC_ECORRUPT, part, 0, 0,
               "XML part '%s' has a DOCTYPE or entity reference, which is not allowed", part);
    gc_err_detail(err, "dtd_forbidden");
    return GC_ECORRUPT;
}

static int depth_error(const struct walk *w)
{
    gc_err_set(w->err, GC_ELIMIT, w->part, w->xml_line, 0,
               "XML part '%s' nests elements deeper than %u levels", w->part, w->lim->xml_depth);
    gc_err_detail(w->err, "xml_depth");
    return GC_ELIMIT;
}

/* Cheap check of the prologue (BOM, XML declaration, comments, PIs) for
 * "<!DOCTYPE", so a hostile internal subset is refused before libxml2 parses
 * a byte of it.  The reader's DOCUMENT_TYPE node check remains for encodings
 * this byte scan cannot see (UTF-16). */
static int prologue_has_doctype(const unsigned char *p, size_t len)
{
    const unsigned char *end = p + len;

    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        p += 3;
    while (p < end) {
        const char *close = NULL;
        size_t n;
        if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
            p++;
            continue;
        }
        if ((size_t)(end - p) >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0)
            return 1;
        if ((size_t)(end - p) >= 4 && memcmp(p, "<!--", 4) == 0)
            close = "-->";
        else if ((size_t)(end - p) >= 2 && memcmp(p, "<?", 2) == 0)
            close = "?>";
        if (close == NULL)
            return 0;
        n = strlen(close);
        while (p < end && !((size_t)(end - p) >= n && memcmp(p, close, n) == 0))
            p++;
        p += n;
    }
    return 0;
}

static const gc_xml_rule *find_rule(const gc_xml_rules *rules, const char *ns, const char *local)
{
    size_t s;
    const gc_xml_rule *r;

    if (local == NULL)
        return NULL;
    for (s = 0; s < GC_XML_RULES_MAX && rules->sets[s] != NULL; s++)
        for (r = rules->sets[s]; r->local != NULL; r++)
            if (strcmp(r->local, local) == 0 &&
                (r->ns == NULL ? ns == NULL : ns != NULL && strcmp(r->ns, ns) == 0))
                return r;
    return NULL;
}

static int any_rule_named(const gc_xml_rules *rules, const char *local)
{
    for (size_t s = 0; s < GC_XML_RULES_MAX && rules->sets[s] != NULL; s++)
        for (const gc_xml_rule *r = rules->sets[s]; r->local != NULL; r++)
            if (strcmp(r->local, local) == 0)
                return 1;
    return 0;
}

/* find_rule for the current element, remembered per name: a DOCX body is
 * ~10,000 elements of a few dozen names, and most (w:r, w:proofErr, ...)
 * have no rule, so their namespace is never even asked for.  The namespace
 * pointer may be compared alone: the reader returns it interned in its own
 * dictionary (xmlTextReaderConstNamespaceUri), which lives as long as the
 * walk, so one pointer is one string.  The local name is checked against
 * a copy, as the element's own name need not be interned. */
static const gc_xml_rule *rule_for(struct walk *w)
{
    const char *local = (const char *)xml->xmlTextReaderConstLocalName(w->r), *ns;
    struct memo *m;
    size_t n;

    if (local == NULL)
        return NULL;
    m = &w->memo[((uintptr_t)local >> 3) % MEMO_SLOTS];
    if (m->local != local || strcmp(m->name, local) != 0) {
        if ((n = strlen(local)) >= MEMO_NAME)   /* not remembered */
            return find_rule(w->rules, (const char *)xml->xmlTextReaderConstNamespaceUri(w->r),
                             local);
        memcpy(m->name, local, n + 1);
        m->local = local;
        m->has_rule = any_rule_named(w->rules, local);
        m->ns_known = 0;
    }
    if (!m->has_rule)
        return NULL;
    ns = (const char *)xml->xmlTextReaderConstNamespaceUri(w->r);
    if (!m->ns_known || ns != m->ns) {
        m->ns = ns;
        m->ns_known = 1;
        m->rule = find_rule(w->rules, ns, local);
    }
    return m->rule;
}

/* Writes the separator owed by the last paragraph/cell/row, if any. */
static int flush_pending(struct walk *w)
{
    unsigned kind = w->pending;

    w->pending = OWE_NONE;
    w->space = 0;
    if (kind == OWE_NONE || w->out->len == 0)
        return 0;
    if (kind == OWE_CELL)
        return gc_text_putc(w->out, '\t', w->err);
    return gc_text_endline(w->out, w->err);
}

/* Separators are owed, not written, so a cell's last paragraph gives '\t'
 * rather than '\n' and a row's last cell gives '\n' rather than '\t'.  A
 * paragraph end never downgrades a cell's '\t'; a cell end after a row end
 * (an empty first cell) writes the row's '\n' first to keep the column. */
static int owe(struct walk *w, unsigned flags)
{
    int rc = 0;

    if (flags & GC_XML_ROW) {
        w->pending = OWE_ROW;
    } else if (flags & GC_XML_CELL) {
        if (w->pending == OWE_ROW)
            rc = flush_pending(w);
        w->pending = OWE_CELL;
    } else if ((flags & GC_XML_PARA) && w->pending == OWE_NONE) {
        w->pending = OWE_PARA;
    }
    if (flags & (GC_XML_ROW | GC_XML_CELL | GC_XML_PARA))
        w->space = 0;
    return rc;
}

static int emit_repeat(struct walk *w, const gc_xml_rule *rule)
{
    unsigned n = 1, i;
    int rc;

    if (w->out->len == 0 && rule->emit[0] == '\n')
        return 0; /* no blank lines before the first text */
    rc = flush_pending(w);

    if (rule->flags & GC_XML_REPEAT) {
        xmlChar *v = xml->xmlTextReaderGetAttributeNs(w->r, (const xmlChar *)rule->count_attr,
                                                 (const xmlChar *)rule->ns);
        if (v != NULL) {
            long c = strtol((const char *)v, NULL, 10);
            n = c < 1 ? 1 : c > GC_XML_REPEAT_MAX ? GC_XML_REPEAT_MAX : (unsigned)c;
            (*xml->xmlFree)(v);
        }
    }
    for (i = 0; i < n && rc == 0; i++)
        rc = gc_text_puts(w->out, rule->emit, w->err);
    return rc;
}

static int push(struct walk *w, unsigned flags)
{
    if (w->depth >= w->lim->xml_depth)
        return depth_error(w);
    if (w->depth == w->cap) {
        unsigned ncap = w->cap ? w->cap * 2 : 64;
        unsigned *p = realloc(w->stack, (size_t)ncap * sizeof *p);
        if (p == NULL)
            return gc_err_set(w->err, GC_ENOMEM, NULL, 0, 0, "out of memory");
        w->stack = p;
        w->cap = ncap;
    }
    w->stack[w->depth++] = flags;
    if (flags & GC_XML_TEXT)
        w->in_text++;
    if (flags & GC_XML_VERBATIM)
        w->in_verbatim++;
    return 0;
}

static int on_start(struct walk *w)
{
    const gc_xml_rule *rule = NULL;
    unsigned flags = 0;
    int empty = xml->xmlTextReaderIsEmptyElement(w->r) == 1, rc = 0;

    if (w->skip_from == 0) {
        rule = rule_for(w);
        flags = rule ? rule->flags : 0;
    }
    if (flags & GC_XML_SKIP) {
        if (!empty && (rc = push(w, 0)) == 0)
            w->skip_from = w->depth;
        return rc;
    }
    if ((flags & GC_XML_EMIT) && (rc = emit_repeat(w, rule)) < 0)
        return rc;
    if ((flags & GC_XML_CALL) && w->call != NULL &&
        (rc = w->call(w->call_ctx, (const gc_xml_elem *)(const void *)w, rule->local)) < 0)
        return rc;
    /* A paragraph nested in another one (a text box, a footnote body) starts
     * its own line instead of gluing onto the text before it. */
    if ((flags & GC_XML_PARA) && (rc = owe(w, GC_XML_PARA)) < 0)
        return rc;
    if (empty)
        return owe(w, flags);
    return push(w, flags);
}

static int on_end(struct walk *w)
{
    unsigned flags;

    if (w->depth == 0)
        return 0;
    flags = w->stack[--w->depth];
    if (flags & GC_XML_TEXT)
        w->in_text--;
    if (flags & GC_XML_VERBATIM)
        w->in_verbatim--;
    if (w->skip_from != 0) {
        if (w->depth < w->skip_from)
            w->skip_from = 0;
        return 0;
    }
    return owe(w, flags);
}

static int is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* ODF rule (like HTML): whitespace runs are one space, none at a line start,
 * and a space before a separator is dropped by flush_pending. */
static int put_collapsed(struct walk *w, const char *s, size_t n)
{
    size_t i = 0, j;
    int rc = 0;

    while (i < n && rc == 0) {
        if (is_xml_space(s[i])) {
            while (i < n && is_xml_space(s[i]))
                i++;
            w->space = w->out->len > 0 && w->out->buf[w->out->len - 1] != '\n';
            continue;
        }
        for (j = i; j < n && !is_xml_space(s[j]); j++) {}
        if (w->pending)
            rc = flush_pending(w);
        if (rc == 0 && w->space)
            rc = gc_text_putc(w->out, ' ', w->err);
        w->space = 0;
        if (rc == 0)
            rc = gc_text_append(w->out, s + i, j - i, w->err);
        i = j;
    }
    return rc;
}

static int on_text(struct walk *w)
{
    const char *s;
    size_t n;
    int rc;

    if (w->skip_from != 0 || w->in_text == 0)
        return 0;
    s = (const char *)xml->xmlTextReaderConstValue(w->r);
    if (s == NULL || (n = strlen(s)) == 0)
        return 0;
    if (w->rules->collapse_space && w->in_verbatim == 0)
        return put_collapsed(w, s, n);
    if (w->pending && (rc = flush_pending(w)) < 0)
        return rc;
    return gc_text_append(w->out, s, n, w->err);
}

static int on_node(struct walk *w)
{
    switch (xml->xmlTextReaderNodeType(w->r)) {
    case XML_READER_TYPE_ELEMENT:
        return on_start(w);
    case XML_READER_TYPE_END_ELEMENT:
        return on_end(w);
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        return on_text(w);
    case XML_READER_TYPE_DOCUMENT_TYPE:
        /* libxml2's HTML parser reads only the name and public id of a
         * doctype, never an internal subset, so there it is harmless. */
        return w->tree_mode ? 0 : dtd_error(w->part, w->err);
    case XML_READER_TYPE_ENTITY_REFERENCE:
    case XML_READER_TYPE_ENTITY:
    case XML_READER_TYPE_NOTATION:
        return dtd_error(w->part, w->err);
    default:
        return 0; /* comments, processing instructions */
    }
}

static int parse_error(const struct walk *w)
{
    if (w->too_deep)
        return depth_error(w);
    if (w->too_big) {
        gc_err_set(w->err, GC_ELIMIT, w->part, w->xml_line, 0,
                   "XML part '%s' holds a text node larger than the %zu-byte text limit",
                   w->part, w->lim->text_bytes);
        gc_err_detail(w->err, "text_bytes");
        return GC_ELIMIT;
    }
    gc_err_set(w->err, GC_ECORRUPT, w->part, w->xml_line, w->xml_col,
               "malformed XML in part '%s' (libxml2 error %d)", w->part, w->xml_code);
    gc_err_detail(w->err, "xml");
    return GC_ECORRUPT;
}

static int run(struct walk *w)
{
    int rc = 0, more;

    while ((more = xml->xmlTextReaderRead(w->r)) == 1)
        if ((rc = on_node(w)) < 0)
            return rc;
    if (more < 0)
        return parse_error(w);
    w->pending = OWE_ROW;
    return flush_pending(w);
}

static int walk_reader(xmlTextReaderPtr r, unsigned tree_mode, gc_text *out, const char *part,
                       const gc_xml_rules *rules, gc_xml_elem_fn call, void *call_ctx,
                       const gc_limits *lim, gc_err *err)
{
    struct walk w;
    int rc;

    if (r == NULL)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    memset(&w, 0, sizeof w);
    w.call = call;
    w.call_ctx = call_ctx;
    w.r = r;
    w.tree_mode = tree_mode;
    w.out = out;
    w.rules = rules;
    w.lim = lim;
    w.err = err;
    w.part = part;
    if (!tree_mode) /* a tree walker has no parser context to report errors */
        xml->xmlTextReaderSetStructuredErrorHandler(r, on_xml_error, &w);
    rc = run(&w);
    xml->xmlFreeTextReader(r);
    free(w.stack);
    return rc;
}

/* ---- the pre-scan ------------------------------------------------------ */

/* The end of s[i..len) after the first `pat`, or len. */
static size_t skip_past(const unsigned char *s, size_t i, size_t len, const char *pat)
{
    size_t k = strlen(pat);

    while (i < len) {
        const unsigned char *p = memchr(s + i, pat[0], len - i);
        if (p == NULL)
            return len;
        i = (size_t)(p - s);
        if (len - i >= k && memcmp(s + i, pat, k) == 0)
            return i + k;
        i++;
    }
    return len;
}

/* HTML's raw-text elements: their content is no markup ("a<b && c=1"). */
static size_t skip_raw_text(const unsigned char *s, size_t i, size_t len, size_t name_at)
{
    static const char *const raw[] = {"script", "style"};

    for (size_t k = 0; k < 2; k++) {
        size_t n = strlen(raw[k]);
        if (len - name_at > n && g_ascii_strncasecmp((const char *)s + name_at, raw[k], n) == 0 &&
            !g_ascii_isalnum(s[name_at + n])) {
            for (; i < len; i++)
                if (s[i] == '<' && i + 2 + n <= len && s[i + 1] == '/' &&
                    g_ascii_strncasecmp((const char *)s + i + 2, raw[k], n) == 0)
                    return i;
        }
    }
    return i;
}

/* The bytes a start tag's scan must look at; one table load per byte
 * instead of four compares (the pre-scan reads every byte of a part). */
static const unsigned char tag_stop[256] = {['"'] = 1, ['\''] = 1, ['='] = 1, ['>'] = 1};

/* One start tag from s[i] = '<': counts its attributes (each '=' outside
 * a quoted value) up to its '>'; returns where it ends. */
static size_t scan_tag(const unsigned char *s, size_t i, size_t len, unsigned *n_attr)
{
    *n_attr = 0;
    for (i++; i < len; i++) {
        unsigned char c;
        while (!tag_stop[s[i]])
            if (++i == len)
                return len;
        c = s[i];
        if (c == '"' || c == '\'') {   /* a quoted value: to its closing quote */
            const unsigned char *q = memchr(s + i + 1, c, len - i - 1);
            if (q == NULL)
                return len;
            i = (size_t)(q - s);
        } else if (c == '=') {
            ++*n_attr;
        } else {
            return i + 1;   /* '>' */
        }
    }
    return len;
}

/* XML allows no '<' inside a tag, not even in a quoted value, so a start
 * tag at s[*i] ends before the next '<'; and an attribute takes at least
 * five bytes (` a=""`).  A tag without room for more than `cap` of them
 * need not be counted: then *i moves to that next '<' and 1 is returned.
 * One memchr per tag instead of a look at each byte of it.  (Malformed
 * XML with a '<' in a value stops libxml2 there, before any attribute
 * after it.)  HTML allows '<' in values, so its tags are always counted. */
static int too_small_to_count(const unsigned char *s, size_t *i, size_t len, unsigned cap)
{
    const unsigned char *next = memchr(s + *i + 1, '<', len - *i - 1);
    size_t end = next ? (size_t)(next - s) : len;

    if (end - *i >= 5 * ((size_t)cap + 1))
        return 0;
    *i = end;
    return 1;
}

int gc_xml_prescan(const unsigned char *s, size_t len, int html, const char *part,
                   const gc_limits *lim, gc_err *err)
{
    size_t i = 0, n_elements = 0;

    while (i < len) {
        if (s[i] != '<') {
            const unsigned char *lt = memchr(s + i, '<', len - i);
            if (lt == NULL)
                break;
            i = (size_t)(lt - s);
        }
        if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0)
            i = skip_past(s, i + 4, len, "-->");
        else if (len - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0)
            i = skip_past(s, i + 9, len, "]]>");
        else if (len - i >= 2 && (s[i + 1] == '!' || s[i + 1] == '?' || s[i + 1] == '/'))
            i = skip_past(s, i + 2, len, ">");
        else if (!html && too_small_to_count(s, &i, len, lim->xml_attributes))
            continue;
        else {
            unsigned n_attr;
            size_t name_at = i + 1;
            i = scan_tag(s, i, len, &n_attr);
            if (n_attr > lim->xml_attributes) {
                if (html)
                    gc_err_set(err, GC_ELIMIT, NULL, 0, 0,
                               "HTML file has an element with more than %u attributes",
                               lim->xml_attributes);
                else
                    gc_err_set(err, GC_ELIMIT, part, 0, 0,
                               "XML part '%s' has an element with more than %u attributes",
                               part, lim->xml_attributes);
                gc_err_detail(err, "xml_attributes");
                return GC_ELIMIT;
            }
            if (html && ++n_elements > lim->html_elements) {
                gc_err_set(err, GC_ELIMIT, part, 0, 0, "HTML file has more than %u elements",
                           lim->html_elements);
                gc_err_detail(err, "html_elements");
                return GC_ELIMIT;
            }
            if (html)
                i = skip_raw_text(s, i, len, name_at);
        }
    }
    return 0;
}

int gc_xml_extract(gc_text *out, const unsigned char *data, size_t len, const char *part,
                   const gc_xml_rules *rules, const gc_limits *lim, gc_err *err)
{
    return gc_xml_extract_cb(out, data, len, part, rules, NULL, NULL, lim, err);
}

int gc_xml_extract_cb(gc_text *out, const unsigned char *data, size_t len, const char *part,
                      const gc_xml_rules *rules, gc_xml_elem_fn call, void *call_ctx,
                      const gc_limits *lim, gc_err *err)
{
    int rc;

    if ((xml = gc_xml_lib(err)) == NULL)
        return err ? err->code : GC_EFORMAT;
    if (len > INT_MAX) /* libxml2 takes sizes as int */
        return gc_err_set(err, GC_ELIMIT, part, 0, 0, "XML part '%s' is too large", part);
    if (prologue_has_doctype(data, len))
        return dtd_error(part, err);
    if ((rc = gc_xml_prescan(data, len, 0, part, lim, err)) < 0)
        return rc;
    /* Never NOENT, DTDLOAD, DTDATTR, XINCLUDE or HUGE (docs/SECURITY.md §2.1). */
    return walk_reader(xml->xmlReaderForMemory((const char *)data, (int)len, NULL, NULL,
                                          XML_PARSE_NONET | XML_PARSE_NOERROR |
                                              XML_PARSE_NOWARNING),
                       0, out, part, rules, call, call_ctx, lim, err);
}

int gc_xml_extract_doc(gc_text *out, struct _xmlDoc *doc, const char *part,
                       const gc_xml_rules *rules, const gc_limits *lim, gc_err *err)
{
    if ((xml = gc_xml_lib(err)) == NULL)
        return err ? err->code : GC_EFORMAT;
    return walk_reader(xml->xmlReaderWalker(doc), 1, out, part, rules, NULL, NULL, lim, err);
}
