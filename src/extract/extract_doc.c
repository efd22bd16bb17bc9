/* Word 97-2003 (.doc) → text.  libgsf opens the OLE2 container (gsf_lib.c);
 * the rest is a bounded reader of our own ([MS-DOC]):
 *
 *   - the FIB at the start of the WordDocument stream: wIdent 0xA5EC and
 *     nFib ≥ 0xC0 (Word 97 and later; Word 6.0/95 files are refused with
 *     GC_EFORMAT "word95"), fEncrypted (GC_EENCRYPTED), fWhichTblStm (which
 *     of 0Table/1Table holds the tables), the character counts of the
 *     stories (main text, footnotes, headers, endnotes, text boxes) and
 *     fcClx/lcbClx, each found through the FIB's own counts (csw, cslw,
 *     cbRgFcLcb) and checked against the stream's size;
 *   - the piece table in the Clx (skipping its Prc records): n + 1
 *     non-decreasing character positions and n piece descriptors, each
 *     piece either 8-bit Windows-1252 at fc / 2 or UTF-16LE at fc; every
 *     piece must lie inside the WordDocument stream (GC_ECORRUPT
 *     "doc_piece"), and the pieces together may not hold more characters
 *     than the stream has bytes (GC_ECORRUPT "doc_pieces"), so the work is
 *     linear in the file whatever the counts claim;
 *   - the text of the stories, in this order: main text, footnotes,
 *     endnotes, text boxes, headers and footers (annotations and macros
 *     are not read).  Field instructions (between 0x13 and 0x14) are
 *     dropped, their results (0x14 to 0x15) kept; paragraph, line, page
 *     and section marks end lines; cell marks separate cells with a tab,
 *     two in a row end a table row; objects and other marks are dropped.
 *
 * Not read: character properties, so text Word hides (fVanish) or keeps
 * as a tracked deletion is extracted like the rest. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "extract/cp1252.h"
#include "extract/extract.h"
#include "extract/gsf_lib.h"

#define FIB_IDENT 0xA5EC
#define NFIB_WORD97 0xC0      /* Word 97 writes 0xC1; some writers 0xC0 */
#define CLX_PRC 0x01
#define CLX_PCDT 0x02

static unsigned le16(const unsigned char *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int corrupt(gc_err *err, const char *detail, const char *what)
{
    gc_err_set(err, GC_ECORRUPT, NULL, 0, 0, "damaged Word document: %s", what);
    gc_err_detail(err, detail);
    return GC_ECORRUPT;
}

/* ---- the container --------------------------------------------------------- */

/* Reads a whole stream of the OLE2 file; it can never be larger than the
 * file itself, whatever its directory entry says. */
static int read_stream(const gc_gsf_api *g, GsfInfile *ole, const char *name, size_t max,
                       unsigned char **out, size_t *len_out, gc_err *err)
{
    GsfInput *in = g->gsf_infile_child_by_name(ole, name);
    gsf_off_t size;
    int rc = 0;

    *out = NULL;
    *len_out = 0;
    if (in == NULL)
        return corrupt(err, "doc_stream", "a stream is missing");
    size = g->gsf_input_size(in);
    if (size < 0 || (uint64_t)size > max) {
        rc = corrupt(err, "doc_stream", "a stream is larger than the file");
    } else if ((*out = malloc((size_t)size + 1)) == NULL) {
        rc = gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    } else if (size > 0 && g->gsf_input_read(in, (size_t)size, *out) == NULL) {
        rc = corrupt(err, "doc_stream", "a stream cannot be read");
    }
    if (rc == 0)
        *len_out = (size_t)size;
    else {
        free(*out);
        *out = NULL;
    }
    g->g_object_unref(in);
    return rc;
}

static int has_child(const gc_gsf_api *g, GsfInfile *ole, const char *name)
{
    GsfInput *in = g->gsf_infile_child_by_name(ole, name);

    if (in == NULL)
        return 0;
    g->g_object_unref(in);
    return 1;
}

/* ---- the FIB ---------------------------------------------------------------- */

enum { STORY_MAIN, STORY_FTN, STORY_HDD, STORY_MCR, STORY_ATN, STORY_EDN, STORY_TXBX,
       STORY_HDRTXBX, N_STORIES };

typedef struct fib {
    int table1;                  /* fWhichTblStm: 1Table, else 0Table */
    uint32_t ccp[N_STORIES];
    uint32_t fc_clx, lcb_clx;
} fib;

static int read_fib(fib *f, const unsigned char *wd, size_t n, gc_err *err)
{
    size_t off, rglw, rgfclcb;
    unsigned ident, nfib, flags, csw, cslw, cbfclcb, i;

    if (n < 0x22)
        return corrupt(err, "doc_fib", "the file information block is cut short");
    ident = le16(wd);
    nfib = le16(wd + 2);
    flags = le16(wd + 0x0A);
    if (ident != FIB_IDENT)
        return corrupt(err, "doc_fib", "not a Word 97-2003 document");
    if (nfib < NFIB_WORD97) {
        gc_err_set(err, GC_EFORMAT, NULL, 0, 0,
                   "unsupported format: Word 6.0/95 document (save it as DOCX or PDF)");
        gc_err_detail(err, "word95");
        return GC_EFORMAT;
    }
    if (flags & 0x0100)   /* fEncrypted (RC4 or XOR obfuscation) */
        return gc_err_set(err, GC_EENCRYPTED, NULL, 0, 0,
                          "encrypted Office document (ask for an unprotected copy)");
    f->table1 = (flags & 0x0200) != 0;
    /* base (32 bytes), csw, fibRgW (csw × 2), cslw, fibRgLw (cslw × 4),
     * cbRgFcLcb, fibRgFcLcbBlob (cbRgFcLcb × 8) */
    csw = le16(wd + 0x20);
    off = 0x22 + (size_t)csw * 2;
    if (off + 2 > n)
        return corrupt(err, "doc_fib", "the file information block is cut short");
    cslw = le16(wd + off);
    rglw = off + 2;
    if (cslw < 3 + N_STORIES || rglw + (size_t)cslw * 4 + 2 > n)
        return corrupt(err, "doc_fib", "the file information block is cut short");
    for (i = 0; i < N_STORIES; i++)   /* after cbMac, lProductCreated, lProductRevised */
        f->ccp[i] = le32(wd + rglw + (3 + i) * 4);
    off = rglw + (size_t)cslw * 4;
    cbfclcb = le16(wd + off);
    rgfclcb = off + 2;
    if (cbfclcb < 34 || rgfclcb + (size_t)cbfclcb * 8 > n)
        return corrupt(err, "doc_fib", "the file information block is cut short");
    f->fc_clx = le32(wd + rgfclcb + 33 * 8);
    f->lcb_clx = le32(wd + rgfclcb + 33 * 8 + 4);
    return 0;
}

/* ---- the piece table -------------------------------------------------------- */

typedef struct piece {
    uint32_t cp, cp_end;         /* characters [cp, cp_end) */
    size_t pos;                  /* byte offset in WordDocument */
    int compressed;              /* 1 byte per character (Windows-1252), else UTF-16LE */
} piece;

static int read_pieces(piece **out, size_t *n_out, const fib *f, const unsigned char *tbl,
                       size_t tbl_len, size_t wd_len, gc_err *err)
{
    size_t pos = f->fc_clx, end, n, i;
    uint64_t chars = 0;
    const unsigned char *plc;
    uint32_t lcb;
    piece *p;

    *out = NULL;
    *n_out = 0;
    if (pos > tbl_len || f->lcb_clx > tbl_len - pos)
        return corrupt(err, "doc_clx", "the piece table lies outside the table stream");
    end = pos + f->lcb_clx;
    while (pos < end && tbl[pos] == CLX_PRC) {   /* Prc: 1 + 2 + cbGrpprl bytes */
        if (end - pos < 3)
            return corrupt(err, "doc_clx", "the piece table is cut short");
        size_t cb = le16(tbl + pos + 1);
        if (cb > end - pos - 3)
            return corrupt(err, "doc_clx", "the piece table is cut short");
        pos += 3 + cb;
    }
    if (end - pos < 5 || tbl[pos] != CLX_PCDT)
        return corrupt(err, "doc_clx", "no piece table");
    lcb = le32(tbl + pos + 1);
    plc = tbl + pos + 5;
    if (lcb > end - pos - 5 || lcb < 16 || (lcb - 4) % 12 != 0)
        return corrupt(err, "doc_clx", "the piece table has a wrong size");
    n = (lcb - 4) / 12;
    if (n > GC_DOC_PIECES) {
        gc_err_set(err, GC_ELIMIT, NULL, 0, 0, "more than %d pieces in a Word document",
                   GC_DOC_PIECES);
        gc_err_detail(err, "doc_pieces");
        return GC_ELIMIT;
    }
    if ((p = calloc(n, sizeof *p)) == NULL)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    for (i = 0; i < n; i++) {
        const unsigned char *pcd = plc + (n + 1) * 4 + i * 8;
        uint32_t fc = le32(pcd + 2);
        uint64_t count;

        p[i].cp = le32(plc + i * 4);
        p[i].cp_end = le32(plc + (i + 1) * 4);
        if (p[i].cp_end < p[i].cp) {
            free(p);
            return corrupt(err, "doc_piece", "the piece table is out of order");
        }
        count = p[i].cp_end - p[i].cp;
        p[i].compressed = (fc & 0x40000000u) != 0;
        p[i].pos = p[i].compressed ? (fc & 0x3FFFFFFFu) / 2 : fc;
        if (p[i].pos > wd_len || count * (p[i].compressed ? 1 : 2) > wd_len - p[i].pos) {
            free(p);
            return corrupt(err, "doc_piece", "a piece lies outside the document stream");
        }
        chars += count;
    }
    if (chars > wd_len) {
        free(p);
        return corrupt(err, "doc_pieces", "the pieces hold more text than the file");
    }
    *out = p;
    *n_out = n;
    return 0;
}

/* ---- the text --------------------------------------------------------------- */

typedef struct doc_out {
    gc_text *out;
    gc_err *err;
    int pending_tab;             /* a cell ended; its tab comes before more text */
    unsigned hi_surrogate;
    unsigned fields;             /* open fields */
    unsigned char field_code[GC_DOC_FIELD_DEPTH];   /* 1: still in its instruction */
    unsigned in_code;            /* open fields still in their instruction */
} doc_out;

static int put_cp(doc_out *d, unsigned cp)
{
    char u8[8];
    int rc;

    if (d->in_code)
        return 0;
    if (d->pending_tab) {
        d->pending_tab = 0;
        if ((rc = gc_text_putc(d->out, '\t', d->err)) < 0)
            return rc;
    }
    return gc_text_append(d->out, u8, (size_t)g_unichar_to_utf8(cp, u8), d->err);
}

static int end_line(doc_out *d)
{
    if (d->in_code)
        return 0;
    d->pending_tab = 0;
    return gc_text_endline(d->out, d->err);
}

/* One character of the text stream. */
static int put_char(doc_out *d, unsigned c)
{
    switch (c) {
    case 0x13:   /* field begin */
        if (d->fields < GC_DOC_FIELD_DEPTH)
            d->field_code[d->fields] = 1;
        d->fields++;
        d->in_code++;
        return 0;
    case 0x14:   /* field separator: the result follows */
        if (d->fields > 0 && d->fields <= GC_DOC_FIELD_DEPTH && d->field_code[d->fields - 1]) {
            d->field_code[d->fields - 1] = 0;
            d->in_code--;
        }
        return 0;
    case 0x15:   /* field end */
        if (d->fields == 0)
            return 0;
        d->fields--;
        if (d->fields >= GC_DOC_FIELD_DEPTH || d->field_code[d->fields])
            d->in_code--;
        return 0;
    case 0x0D: case 0x0B: case 0x0C: case 0x0E:   /* paragraph, line, page, column */
        return end_line(d);
    case 0x07:   /* cell mark; a second one in a row is the row's end */
        if (d->in_code)
            return 0;
        if (d->pending_tab)
            return end_line(d);
        d->pending_tab = d->out->len > 0 && d->out->buf[d->out->len - 1] != '\n';
        return 0;
    case 0x09:
        return put_cp(d, '\t');
    case 0x1E:   /* non-breaking hyphen */
        return put_cp(d, '-');
    default:
        if (c < 0x20 || (c >= 0x7F && c < 0xA0))
            return 0;   /* objects, footnote marks, optional hyphens ... */
        return put_cp(d, c);
    }
}

static int put_unit(doc_out *d, unsigned u)
{
    int rc = 0;

    if (u >= 0xDC00 && u <= 0xDFFF && d->hi_surrogate) {
        unsigned hi = d->hi_surrogate;
        d->hi_surrogate = 0;
        return put_cp(d, 0x10000 + ((hi - 0xD800) << 10) + (u - 0xDC00));
    }
    if (d->hi_surrogate) {
        d->hi_surrogate = 0;
        rc = put_cp(d, 0xFFFD);
    }
    if (rc == 0 && u >= 0xD800 && u <= 0xDBFF) {
        d->hi_surrogate = u;
        return 0;
    }
    if (rc == 0)
        rc = put_char(d, u >= 0xDC00 && u <= 0xDFFF ? 0xFFFD : u);
    return rc;
}

/* Characters [a, b) of the document, through the pieces that hold them. */
static int put_range(doc_out *d, const piece *p, size_t n, const unsigned char *wd, uint64_t a,
                     uint64_t b)
{
    size_t i;
    int rc = 0;

    for (i = 0; i < n && rc == 0; i++) {
        uint64_t s = a > p[i].cp ? a : p[i].cp, e = b < p[i].cp_end ? b : p[i].cp_end, k;

        for (k = s; k < e && rc == 0; k++) {
            size_t off = (size_t)(k - p[i].cp);
            rc = p[i].compressed ? put_unit(d, gc_cp1252(wd[p[i].pos + off]))
                                 : put_unit(d, le16(wd + p[i].pos + 2 * off));
        }
    }
    if (rc == 0 && d->hi_surrogate) {
        d->hi_surrogate = 0;
        rc = put_cp(d, 0xFFFD);
    }
    /* A story ends its fields, cells and lines. */
    d->fields = d->in_code = 0;
    if (rc == 0)
        rc = end_line(d);
    return rc;
}

static int doc_text(gc_text *out, const fib *f, const piece *p, size_t n,
                    const unsigned char *wd, gc_err *err)
{
    /* Stories follow each other in character positions, in FIB order. */
    static const int order[] = {STORY_MAIN, STORY_FTN, STORY_EDN, STORY_TXBX, STORY_HDD,
                                STORY_HDRTXBX};
    uint64_t start[N_STORIES + 1] = {0};
    doc_out d = {0};
    size_t i;
    int rc = 0;

    d.out = out;
    d.err = err;
    for (i = 0; i < N_STORIES; i++)
        start[i + 1] = start[i] + f->ccp[i];
    for (i = 0; i < sizeof order / sizeof order[0] && rc == 0; i++)
        if (f->ccp[order[i]] > 0)
            rc = put_range(&d, p, n, wd, start[order[i]], start[order[i] + 1]);
    return rc;
}

int gc_doc_from_streams(gc_text *out, const unsigned char *wd, size_t wd_len,
                        const unsigned char *tbl, size_t tbl_len, gc_err *err)
{
    piece *pieces = NULL;
    size_t n = 0;
    fib f = {0};
    int rc = read_fib(&f, wd, wd_len, err);

    if (rc == 0)
        rc = read_pieces(&pieces, &n, &f, tbl, tbl_len, wd_len, err);
    if (rc == 0)
        rc = doc_text(out, &f, pieces, n, wd, err);
    free(pieces);
    return rc;
}

int gc_extract_doc(gc_text *out, const unsigned char *data, size_t len, const gc_limits *lim,
                   gc_err *err)
{
    const gc_gsf_api *g = gc_gsf_lib(err);
    GsfInput *mem;
    GsfInfile *ole;
    GError *gerr = NULL;
    unsigned char *wd = NULL, *tbl = NULL;
    size_t wd_len = 0, tbl_len = 0;
    fib f = {0};
    int rc;

    (void)lim;   /* the caller bounded the input; gc_text bounds the output */
    if (g == NULL)
        return GC_EFORMAT;
    if ((mem = g->gsf_input_memory_new(data, (gsf_off_t)len, FALSE)) == NULL)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    ole = g->gsf_infile_msole_new(mem, &gerr);
    g->g_object_unref(mem);   /* the infile holds its own reference */
    if (ole == NULL) {
        g_clear_error(&gerr);
        return corrupt(err, "cfb", "its OLE2 container is damaged");
    }
    if (!has_child(g, ole, "WordDocument")) {
        g->g_object_unref(ole);
        gc_err_set(err, GC_EFORMAT, NULL, 0, 0,
                   "unsupported format: OLE2 file that is not a Word document");
        gc_err_detail(err, "cfb_not_word");
        return GC_EFORMAT;
    }
    rc = read_stream(g, ole, "WordDocument", len, &wd, &wd_len, err);
    if (rc == 0)
        rc = read_fib(&f, wd, wd_len, err);   /* which table stream, and refusals */
    if (rc == 0)
        rc = read_stream(g, ole, f.table1 ? "1Table" : "0Table", len, &tbl, &tbl_len, err);
    if (rc == 0)
        rc = gc_doc_from_streams(out, wd, wd_len, tbl, tbl_len, err);
    free(tbl);
    free(wd);
    g->g_object_unref(ole);
    return rc;
}
