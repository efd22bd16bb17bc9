/* Extractors: bytes of one document in, UTF-8 text out (see text.h for the
 * shape).  Each lives in extract_<format>.c, sees only text, gc_err and
 * limits, and knows nothing about skills.  All work on memory buffers: the
 * caller has already read the file under limits->input_bytes.
 *
 * Every extractor returns 0 or a negative gc_code with `err` filled:
 *   GC_EENCRYPTED, GC_ECORRUPT, GC_ELIMIT (+ detail naming the limit),
 *   GC_ENOTEXT (no usable text), GC_ENOMEM, GC_EFORMAT.
 * On failure `out` may hold partial text; the caller frees it either way. */
#ifndef GC_EXTRACT_H
#define GC_EXTRACT_H

#include <stddef.h>

#include "gc_err.h"
#include "gc_limits.h"
#include "base/text.h"

typedef enum gc_format {
    GC_FMT_UNKNOWN = 0,
    GC_FMT_PDF,
    GC_FMT_DOCX,
    GC_FMT_ODT,      /* zipped OpenDocument text */
    GC_FMT_FODT,     /* flat OpenDocument XML */
    GC_FMT_HTML,
    GC_FMT_TEXT,     /* plain text, any supported encoding */
    GC_FMT_RTF,      /* Rich Text Format (extract_rtf.c) */
    GC_FMT_DOC,      /* OLE2/CFB: Word 97-2003 .doc, or an encrypted OOXML file */
    GC_FMT_ZIP,      /* a zip that is neither DOCX nor ODT */
    GC_FMT_BINARY,   /* something that is not text */
    GC_FMT_JSONRESUME, /* a JSON Resume document (jsonresume.org) */
    GC_FMT_MARKDOWN, /* text that looks like Markdown (gc_sniff_markdown) */
    GC_N_FORMATS
} gc_format;

typedef int (*gc_extract_fn)(gc_text *out, const unsigned char *data, size_t len,
                             const gc_limits *lim, gc_err *err);

int gc_extract_pdf(gc_text *out, const unsigned char *data, size_t len,
                   const gc_limits *lim, gc_err *err);
int gc_extract_docx(gc_text *out, const unsigned char *data, size_t len,
                    const gc_limits *lim, gc_err *err);
int gc_extract_odt(gc_text *out, const unsigned char *data, size_t len,
                   const gc_limits *lim, gc_err *err);
int gc_extract_fodt(gc_text *out, const unsigned char *data, size_t len,
                    const gc_limits *lim, gc_err *err);
int gc_extract_html(gc_text *out, const unsigned char *data, size_t len,
                    const gc_limits *lim, gc_err *err);
int gc_extract_plain(gc_text *out, const unsigned char *data, size_t len,
                     const gc_limits *lim, gc_err *err);
int gc_extract_jsonresume(gc_text *out, const unsigned char *data, size_t len,
                          const gc_limits *lim, gc_err *err);
int gc_extract_rtf(gc_text *out, const unsigned char *data, size_t len,
                   const gc_limits *lim, gc_err *err);
int gc_extract_doc(gc_text *out, const unsigned char *data, size_t len,
                   const gc_limits *lim, gc_err *err);
/* The Word 97 reader past the OLE2 container: the WordDocument stream and
 * the table stream its FIB names (extract_doc.c; the fuzz target drives it
 * directly, so mutations reach it without first breaking the container). */
int gc_doc_from_streams(gc_text *out, const unsigned char *wd, size_t wd_len,
                        const unsigned char *tbl, size_t tbl_len, gc_err *err);
int gc_extract_markdown(gc_text *out, const unsigned char *data, size_t len,
                        const gc_limits *lim, gc_err *err);
/* 1 when text (UTF-8 or Windows-1252, no NUL) looks like Markdown: within
 * its first GC_MD_SNIFF_WINDOW bytes, an ATX heading line ("# Skills"), an
 * inline link or image ("[text](url)") or a reference definition
 * ("[id]: url").  Bullets, emphasis and underlined headings alone are not
 * enough: plain-text résumés use them too (extract_md.c). */
int gc_sniff_markdown(const unsigned char *data, size_t len);
/* A JSON object with a top-level "basics" or "work" key (extract_json.c). */
int gc_sniff_jsonresume(const unsigned char *data, size_t len);

/* Detects the format from the first bytes (never from a file name). */
gc_format gc_sniff(const unsigned char *data, size_t len);
const char *gc_format_name(gc_format f);
/* The format a name stands for, or -1 for a name no format has. */
int gc_format_from_name(const char *name);

/* Sniffs and runs the matching extractor; unsupported formats give
 * GC_EFORMAT with a message naming the format. */
int gc_extract(gc_text *out, gc_format *fmt_out, const unsigned char *data, size_t len,
               const gc_limits *lim, gc_err *err);

#endif
