/* gc_limits: every bound gapcheck applies to hostile input, in one place.
 * Defaults come from ../notes/security.md §2.6; each one can be overridden
 * from the command line.  A limit of 0 never means "unlimited". */
#ifndef GC_LIMITS_H
#define GC_LIMITS_H

#include <stddef.h>

typedef struct gc_limits {
    size_t input_bytes;      /* largest input file read */
    unsigned pages;          /* PDF pages extracted; the rest is marked truncated */
    size_t text_bytes;       /* extracted UTF-8 text kept per document */
    unsigned zip_entries;    /* entries in a zip central directory */
    size_t zip_part_bytes;   /* inflated bytes read from one zip part */
    size_t zip_total_bytes;  /* inflated bytes read from one zip file, all parts */
    unsigned xml_depth;      /* element nesting in any XML part */
    unsigned xml_attributes; /* attributes + namespace declarations on one element */
    unsigned html_elements;  /* elements in one HTML file (its tree is built whole) */
    unsigned timeout_ms;     /* wall clock per input file (parse + match) */
    size_t memory_bytes;     /* address-space limit of a parser process */
    size_t rss_bytes;        /* resident memory of a parser process, watched by the parent */
    size_t data_bytes;       /* one lexicon/roles YAML file */
    unsigned data_depth;     /* YAML nesting */
    size_t regex_bytes;      /* one user pattern's length */
    unsigned regex_nest;     /* parenthesis nesting in a pattern */
    unsigned match_limit;    /* PCRE2 match limit (per start position!) */
    unsigned heap_kib;       /* PCRE2 heap limit */
} gc_limits;

/* Fixed bounds, the same for every run. */
/* Pixels of the small render that tells white text on a dark band from
 * hidden white text (16 MB at 4 bytes a pixel, whatever the page size). */
#define GC_PDF_BG_PIXELS (4.0 * 1024 * 1024)

#define GC_LIMITS_INIT {                                                       \
    20u << 20, 50, 2u << 20, 5000, 16u << 20, 32u << 20, 256, 512, 250000, 30000, \
    (size_t)1 << 30, 200u << 20, 1u << 20, 32, 1024, 64, 100000, 16384 }

#endif
