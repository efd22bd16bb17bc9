/* xml_text: the one streaming walker that turns an XML part (DOCX, ODT, FODT)
 * into gc_text, driven by a per-format table of element rules.  Elements are
 * matched by namespace URI + local name, never by prefix.
 *
 * Security (docs/SECURITY.md X1-X6): libxml2's xmlTextReader with NONET and no
 * entity substitution; any DOCTYPE or entity reference is rejected
 * (GC_ECORRUPT "dtd_forbidden") before anything is expanded; diagnostics go
 * to a handler that keeps only the code and line, never document text; our
 * own depth counter enforces lim->xml_depth (GC_ELIMIT "xml_depth").  Relies
 * on gc_xml_lib() having installed the deny-all entity loader (xml_lib.c).
 * xmlTextReader never leaves xml_text.c.  Thread-safe (no shared state). */
#ifndef GC_XML_TEXT_H
#define GC_XML_TEXT_H

#include <stddef.h>

#include "gc_err.h"
#include "gc_limits.h"
#include "base/text.h"

/* What an element means; flags combine (ODF text:p is TEXT | PARA). */
enum {
    GC_XML_TEXT = 1u << 0,   /* character data anywhere inside it is text */
    GC_XML_PARA = 1u << 1,   /* its end ends a line ('\n') */
    GC_XML_CELL = 1u << 2,   /* its end separates table cells ('\t') */
    GC_XML_ROW = 1u << 3,    /* its end ends a table row ('\n') */
    GC_XML_SKIP = 1u << 4,   /* ignore the whole subtree */
    GC_XML_EMIT = 1u << 5,   /* its start appends `emit` (tab, line break) */
    GC_XML_REPEAT = 1u << 6, /* with EMIT: repeat `emit` N times, N from the
                                attribute `count_attr` in the element's own
                                namespace (ODF text:s text:c), 1 if absent */
    GC_XML_VERBATIM = 1u << 7, /* text inside keeps its whitespace (HTML pre) */
    GC_XML_CALL = 1u << 8,   /* its start is reported to gc_xml_extract_cb's callback */
};

typedef struct gc_xml_rule {
    const char *ns;         /* namespace URI; NULL: element without one (HTML) */
    const char *local;      /* local name */
    unsigned flags;
    const char *emit;       /* for GC_XML_EMIT */
    const char *count_attr; /* for GC_XML_REPEAT */
} gc_xml_rule;

#define GC_XML_RULES_MAX 4

typedef struct gc_xml_rules {
    /* Up to GC_XML_RULES_MAX rule arrays, each ended by a rule whose `local`
     * is NULL; unused slots are NULL.  The first matching rule wins, so a
     * per-pass array placed first can override a shared one. */
    const gc_xml_rule *sets[GC_XML_RULES_MAX];
    /* 1: XML whitespace runs in text collapse to one space and are dropped
     * at line starts (ODF, like HTML); 0: text is kept verbatim (DOCX w:t). */
    unsigned collapse_space;
} gc_xml_rules;

/* Appends the text of XML part xml[0..len) to `out` following `rules`.
 * Separators ('\t' after a cell, '\n' after a paragraph or row) are written
 * lazily, so a table row reads "a\tb\n", a multi-paragraph cell keeps its
 * line breaks, and runs of empty paragraphs give one line break; the part's
 * last line is ended.  `part` names the part in error records.
 * Errors: GC_ECORRUPT "dtd_forbidden" (DOCTYPE, entity reference),
 * GC_ECORRUPT "xml" (not well-formed; line kept, text never), GC_ELIMIT
 * "xml_depth", GC_ELIMIT "text_bytes" (from gc_text), GC_ENOMEM. */
int gc_xml_extract(gc_text *out, const unsigned char *xml, size_t len, const char *part,
                   const gc_xml_rules *rules, const gc_limits *lim, gc_err *err);

/* An element reported to a callback (GC_XML_CALL): only good during the
 * call.  gc_xml_elem_attr returns a copy of its attribute `name` in
 * namespace `ns` (NULL: none), to free(), or NULL. */
typedef struct gc_xml_elem gc_xml_elem;
typedef int (*gc_xml_elem_fn)(void *ctx, const gc_xml_elem *e, const char *local);
char *gc_xml_elem_attr(const gc_xml_elem *e, const char *ns, const char *name);

/* gc_xml_extract, reporting the start of every GC_XML_CALL element to
 * fn(ctx, ...) in document order; a negative return stops the walk with
 * that code. */
int gc_xml_extract_cb(gc_text *out, const unsigned char *xml, size_t len, const char *part,
                      const gc_xml_rules *rules, gc_xml_elem_fn fn, void *ctx,
                      const gc_limits *lim, gc_err *err);

/* A linear pass over raw XML or HTML bytes before libxml2 sees them: more
 * than lim->xml_attributes attributes (namespace declarations included) on
 * one element is GC_ELIMIT "xml_attributes" (libxml2 checks duplicates in
 * quadratic time: 100,000 attributes took 18 s), and with `html`, more
 * than lim->html_elements elements is GC_ELIMIT "html_elements" (the HTML
 * tree is built whole: 20 MiB of <p>x</p> took 822 MB). */
int gc_xml_prescan(const unsigned char *data, size_t len, int html, const char *part,
                   const gc_limits *lim, gc_err *err);

struct _xmlDoc;

/* Same walk over a tree built by libxml2's HTML parser (extract_html.c owns
 * the document; this only reads it).  Its doctype node is ignored: the HTML
 * parser never reads an internal subset.  Errors as above minus "xml". */
int gc_xml_extract_doc(gc_text *out, struct _xmlDoc *doc, const char *part,
                       const gc_xml_rules *rules, const gc_limits *lim, gc_err *err);


#endif
