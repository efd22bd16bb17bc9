/* doc_int.h: the layout of gc_doc, shared by match.c (which fills it),
 * analyze.c and doc.c (getters, serialisation).  Flat arrays of fixed-size
 * records plus one string pool, so a doc crosses a pipe as a few memcpy's
 * and can be bounds-checked field by field when it comes back. */
#ifndef GC_DOC_INT_H
#define GC_DOC_INT_H

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "gapcheck.h"
#include "match/dates.h"

typedef struct gc_ev {
    uint32_t skill, line, section;   /* section: index + 1, or 0 */
    uint32_t text, matched;          /* offsets in the pool */
} gc_ev;

typedef struct gc_imp {
    uint32_t skill, by;
} gc_imp;

typedef struct gc_miss {
    uint32_t skill, line;
    uint32_t reason, text;           /* pool offsets */
} gc_miss;

/* A dated work position (positions.c): the lines it spans, the line its
 * dates are on, title and organisation (pool offsets, 0 when unknown), and
 * its dates as precise as the résumé wrote them. */
typedef struct gc_position {
    uint32_t first_line, last_line, date_line;
    uint32_t title, org;
    gc_date start, end;              /* end unused when present */
    uint8_t present, pad[3];
} gc_position;

typedef struct gc_sec {
    uint32_t section, line;          /* section index + 1 */
} gc_sec;

/* Job postings only (posting.c).  Skills of one line that are alternatives
 * of one another ("FastAPI or Flask"); members in doc->alt_skills. */
typedef struct gc_alt {
    uint32_t line, section;          /* section index + 1, or 0 */
    uint32_t first, n;               /* alt_skills[first .. first + n) */
} gc_alt;

/* Years a posting asks ("4+ years of Python", "3-5 years of experience"). */
typedef struct gc_yask {
    uint32_t skill;                  /* n_skills: overall experience */
    uint32_t line, section;          /* section index + 1, or 0 */
    uint32_t min, max;               /* years; max 0: no upper bound */
    uint32_t text;                   /* pool: the words as written ("4+ years") */
    uint32_t ltext;                  /* pool: the line, trimmed */
} gc_yask;

/* A line before the posting's first heading: where its title is. */
typedef struct gc_head {
    uint32_t line, text;             /* text: pool */
} gc_head;

struct gc_doc {
    gc_err err;                      /* code != 0: the document failed */
    char format[16];
    uint32_t pages, hidden, truncated, n_skills;
    uint64_t text_bytes;
    uint8_t *how;                    /* n_skills entries: gc_how */
    GArray *found;                   /* uint32 skill indexes, ascending */
    GArray *ev, *imp, *miss, *secs;  /* gc_ev, gc_imp, gc_miss, gc_sec */
    GArray *positions;               /* gc_position, in document order */
    uint32_t name;                   /* the person's name (pool), 0 when unknown */
    GArray *alts, *alt_skills;       /* postings: gc_alt, uint32 skill indexes */
    GArray *yasks, *heads;           /* postings: gc_yask, gc_head */
    GString *pool;                   /* NUL-terminated strings */
    uint32_t warnings;               /* GC_WARN_* (base/text.h) */
    uint32_t ocr_words, ocr_dropped; /* words OCR kept, and left out */
    double ocr_conf;                 /* mean confidence of the kept words, 0..100 */
    char ocr_lang[GC_OCR_LANG_MAX];  /* "" without OCR */
    GArray *ocr_pages;               /* uint32: pages (pictures) read with OCR, ascending */
    GArray *ocr_lines;               /* uint32 pairs: [first, last] lines of OCR text */
    const gc_data *data;             /* for section names; not owned */
    char *text;                      /* normalised text, with keep_text */
};

gc_doc *gc_doc_new(const gc_data *d);
/* Adds a string to the pool; returns its offset. */
uint32_t gc_doc_str(gc_doc *doc, const char *s, size_t n);

#endif
