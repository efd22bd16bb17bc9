/* gc_limits: every bound gapcheck applies to hostile input, in one place
 * (résumés, zip containers, XML, YAML, user regexes, the parser children).
 * The struct holds the bounds a caller may change (the CLI has an option
 * for most); the GC_* constants below are fixed.  A limit of 0 never means
 * "unlimited".  The reasons for the values: docs/SECURITY.md. */
#ifndef GC_LIMITS_H
#define GC_LIMITS_H

#include <stddef.h>

/* When pages and pictures are read with OCR (libtesseract, loaded on first
 * need): AUTO only image-only pages, pictures that make up a document with
 * almost no text, and garbled text layers; NEVER not at all; ALWAYS every
 * PDF page and every DOCX/ODT picture. */
typedef enum gc_ocr_mode { GC_OCR_AUTO = 0, GC_OCR_NEVER = 1, GC_OCR_ALWAYS = 2 } gc_ocr_mode;

#define GC_OCR_LANG_MAX 40   /* bytes of an --ocr-lang value ("eng+deu+spa+fra") */

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
    gc_ocr_mode ocr;         /* --ocr */
    char ocr_lang[GC_OCR_LANG_MAX]; /* tesseract languages, '+'-joined ("eng") */
    unsigned ocr_page_ms;    /* wall clock for recognising one page or picture */
    size_t ocr_pixels;       /* larger pages/pictures are not OCRed (ocrmypdf's --skip-big) */
} gc_limits;

#define GC_LIMITS_INIT {                                                      \
    .input_bytes = 20u << 20,                                                 \
    .pages = 50,                                                              \
    .text_bytes = 2u << 20,                                                   \
    .zip_entries = 5000,                                                      \
    .zip_part_bytes = 16u << 20,                                              \
    .zip_total_bytes = 32u << 20,                                             \
    .xml_depth = 256,                                                         \
    .xml_attributes = 512,                                                    \
    .html_elements = 250000,                                                  \
    .timeout_ms = 30000,                                                      \
    .memory_bytes = (size_t)1 << 30,                                          \
    .rss_bytes = 200u << 20,                                                  \
    .data_bytes = 1u << 20,                                                   \
    .data_depth = 32,                                                         \
    .regex_bytes = 1024,                                                      \
    .regex_nest = 64,                                                         \
    .match_limit = 100000,                                                    \
    .heap_kib = 16384,                                                        \
    .ocr = GC_OCR_AUTO,                                                       \
    .ocr_lang = "eng",                                                        \
    .ocr_page_ms = 10000,                                                     \
    .ocr_pixels = 12u << 20,                                                  \
}

/* ---- fixed bounds ---------------------------------------------------- */

/* Documents */
#define GC_SNIFF_PDF_WINDOW 1024       /* bytes searched for "%PDF-" */
#define GC_SNIFF_MARKUP_WINDOW 65536   /* how far comments may push the root element */
#define GC_READABLE_HEAD 4096          /* first bytes -r reads to tell a résumé format */
#define GC_READABLE_TAIL 65536         /* last bytes of a zip read for its entry names */
#define GC_CFB_SCAN 65536              /* bytes of an OLE2 file searched for encryption */
#define GC_DOCX_HEADERS_MAX 16         /* headers/footers read per kind (Word writes ≤ 3) */
#define GC_XML_REPEAT_MAX 64           /* ODF text:s count: beyond adds nothing */
#define GC_JSON_KEY_MAX 64             /* bytes of a JSON key kept for evidence paths */
#define GC_JSON_PATH_MAX 512           /* a longer JSON path is cut (résumés: ~25 bytes) */
#define GC_JSON_SNIFF_WINDOW 65536     /* bytes looked at to tell JSON Resume */
#define GC_JSON_SNIFF_DEPTH 32         /* nesting followed while sniffing */
#define GC_JSON_SENTENCE_SPLIT 100     /* longer values are cut at sentence ends */
/* RTF, Word 97-2003 .doc and Markdown */
#define GC_RTF_DEPTH 256               /* RTF group nesting ({...}); Word writes < 20 */
#define GC_RTF_FONTS 1024              /* font-table entries whose code page is kept */
#define GC_DOC_PIECES 65536            /* pieces in a .doc piece table (Word: a few hundred) */
#define GC_DOC_FIELD_DEPTH 64          /* nested fields whose code/result state is kept */
#define GC_MD_SNIFF_WINDOW 65536       /* bytes looked at to tell Markdown from plain text */
/* Dates and positions (src/match/dates.c, positions.c) */
#define GC_DATE_LINE_BYTES 512         /* bytes of a line searched for dates */
#define GC_DATE_LINE_TOKENS 256        /* tokens of that line */
#define GC_DATE_YEAR_MIN 1900          /* years read as dates; a later --as-of drops */
#define GC_DATE_YEAR_MAX 2099          /*   those after it, so 2099 is never "now" */
#define GC_POSITIONS_MAX 200           /* work positions kept per document */
/* PDF layout */
#define GC_PDF_PAGE_FRAGS 20000        /* above this, poppler's order, no layout */
#define GC_PDF_CUT_DEPTH 48            /* recursion of the XY cut */
#define GC_PDF_BANDS 400               /* bounds the quadratic search for column runs */
/* Pixels of the small render that tells white text on a dark band from
 * hidden white text (16 MB at 4 bytes a pixel, whatever the page size). */
#define GC_PDF_BG_PIXELS (4.0 * 1024 * 1024)
/* OCR (extract/ocr.c, pdf_ocr.c, ocr_pictures.c, image.c).  Pages are rendered at
 * GC_OCR_DPI to 8-bit grey: 150 dpi reads the same words as 300 dpi on the
 * corpus's scans at half the time and memory (README, "OCR").  A page
 * larger than lim->ocr_pixels at that resolution is rendered at a lower
 * one down to GC_OCR_DPI_MIN, and skipped below it. */
#define GC_OCR_DPI 150
#define GC_OCR_DPI_MIN 100
#define GC_OCR_MIN_CONF 50             /* words below this confidence (0-100) are dropped */
#define GC_OCR_PAGE_TEXT 40            /* a page with fewer visible characters is "almost no text" */
#define GC_OCR_IMAGE_SHARE 0.10        /* ... and is OCRed if images cover this share of it */
#define GC_OCR_DOC_SHARE 0.75          /* OCR stops once this share of the file's timeout is spent */
#define GC_OCR_PICTURES 64             /* DOCX/ODT pictures looked at */
#define GC_OCR_DOC_TEXT 200            /* a DOCX/ODT with fewer visible characters has its pictures read */
#define GC_OCR_PICTURE_MIN 16          /* pictures narrower or lower (pixels) are not read */
#define GC_OCR_WORDLIKE 0.40           /* a text layer with a smaller share of word-like tokens is garbled */
#define GC_OCR_WORDLIKE_MIN 30         /* tokens needed before the share is trusted */
#define GC_OCR_WORDLIKE_SAMPLE 300     /* tokens judged per page, at most */
/* Matching and data */
#define GC_MATCH_MISSES 400            /* near misses kept per document */
#define GC_MATCH_EVIDENCE 100          /* evidence lines kept per skill */
#define GC_MATCH_EVIDENCE_BYTES 200    /* bytes of one evidence line */
#define GC_POSTING_GROUPS 256          /* alternatives groups kept per job posting */
#define GC_POSTING_GROUP_SKILLS 16     /* skills kept per group ("one of" lists are short) */
#define GC_POSTING_YEARS 64            /* years asked kept per job posting */
#define GC_POSTING_HEADS 3             /* lines before the first heading read as its title */
#define GC_ALIAS_WORDS 16              /* words in one literal alias */
#define GC_LINT_SLOW_US 2000           /* a pattern slower per 16 KiB subject is reported */
/* The command line */
#define GC_INPUTS_MAX 1000000          /* files in one run */
#define GC_INPUT_DEPTH 32              /* directory nesting followed by -r */
#define GC_INPUT_LIST_BYTES (64u << 20) /* a --files-from list */
#define GC_RESULT_BYTES (64u << 20)    /* a child's result; larger is a broken child */
#define GC_CACHE_BYTES (64u << 20)     /* a data cache file read */
#define GC_REPORT_NAME_BYTES 64        /* a report file name derived from an input */

#endif
