/* RTF → text, with a reader of our own (Debian has no maintained RTF
 * library, and `unrtf --text` writes invalid UTF-8).  One linear pass over
 * the bytes with a stack of group states, never recursion:
 *
 *   - group nesting is capped at GC_RTF_DEPTH (GC_ELIMIT "rtf_depth");
 *   - \uN is a UTF-16 unit (surrogate pairs joined); the \ucN characters
 *     of its fallback that follow are skipped, a pending skip ends at a
 *     brace, so a huge \ucN swallows at most the rest of its group;
 *   - \'hh bytes (and raw bytes above 0x7F) are decoded through the code
 *     page in force: \ansicpgN (\ansi, \mac, \pc, \pca) for the document,
 *     the current font's \fcharsetN or \cpgN from the font table.
 *     Windows-1252 is decoded by table; others by GLib's iconv converters,
 *     bad sequences become U+FFFD;
 *   - destinations that hold no document text are skipped whole: every
 *     {\*\...} one we do not know, the font, colour, style, list and
 *     revision tables, \info, \pict, \object, field instructions
 *     (\fldinst, whose result \fldrslt is kept), bookmarks, annotations;
 *     \binN skips N raw bytes (a length past the end of the file is
 *     GC_ECORRUPT "rtf_bin");
 *   - hidden (\v) and tracked-deleted (\deleted) text is dropped, as the
 *     reader of the printed page never sees it;
 *   - \par, \line, \sect, \page and table rows end lines, \cell separates
 *     cells with a tab (written lazily, so a row reads "a\tb\n"), \tab is a
 *     tab; runs of empty paragraphs give one line break, as xml_text does
 *     for DOCX, so an RTF and a DOCX of one document read alike.
 *
 * Text of shapes (\shptxt inside {\*\shpinst}) is kept and their drawing
 * fallback (\shprslt) skipped, so a text box counts once. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "extract/cp1252.h"
#include "extract/extract.h"

#define REPLACEMENT 0xFFFDu
#define WORD_MAX 32        /* RTF control words are at most 32 letters */
#define PARAM_DIGITS 10    /* a parameter is a signed 16- or 32-bit number */
#define BYTES_MAX 64       /* code-page bytes converted at a time */
#define CONVERTERS 4       /* iconv converters kept open per document */

enum dest { DEST_TEXT, DEST_SKIP, DEST_FONTTBL };

typedef struct rtf_group {
    unsigned char dest;
    unsigned char hidden;  /* \v or \deleted in force */
    unsigned char star;    /* {\* seen: the next control word must be known */
    unsigned char own_line; /* a footnote, header or footer: lines of its own */
    long uc;               /* \ucN */
    int cpg;               /* code page of \'hh bytes here */
} rtf_group;

typedef struct rtf {
    const unsigned char *p, *end;
    gc_text *out;
    gc_err *err;
    rtf_group g[GC_RTF_DEPTH];
    unsigned depth;            /* g[depth] is the current group; 0 before "{" */
    int default_cpg;
    int deff;
    int font_num[GC_RTF_FONTS], font_cpg[GC_RTF_FONTS];
    unsigned n_fonts;
    long cur_font;             /* index of the font-table entry being read, or -1 */
    long skip;                 /* fallback characters still to skip after \uN */
    unsigned hi_surrogate;
    unsigned char bytes[BYTES_MAX + 4];
    size_t n_bytes;
    int bytes_cpg;
    int pending_tab;           /* a cell ended; its tab is written before more text */
    struct { int cpg; GIConv cd; } conv[CONVERTERS];
    unsigned n_conv;
} rtf;

/* ---- output ----------------------------------------------------------- */

static int put_utf8(rtf *r, const char *s, size_t n)
{
    int rc;

    if (r->pending_tab) {
        r->pending_tab = 0;
        if ((rc = gc_text_putc(r->out, '\t', r->err)) < 0)
            return rc;
    }
    return gc_text_append(r->out, s, n, r->err);
}

static int put_cp(rtf *r, unsigned cp)
{
    char u8[8];

    if ((cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp < 0xA0))
        return 0;   /* controls never reach the text */
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        cp = REPLACEMENT;
    return put_utf8(r, u8, (size_t)g_unichar_to_utf8(cp, u8));
}

static GIConv converter(rtf *r, int cpg)
{
    char name[24];
    GIConv cd;
    unsigned i;

    for (i = 0; i < r->n_conv; i++)
        if (r->conv[i].cpg == cpg)
            return r->conv[i].cd;
    switch (cpg) {
    case 10000: snprintf(name, sizeof name, "MACINTOSH"); break;
    case 936: snprintf(name, sizeof name, "GBK"); break;
    case 65001: snprintf(name, sizeof name, "UTF-8"); break;
    default: snprintf(name, sizeof name, "CP%d", cpg); break;
    }
    cd = g_iconv_open("UTF-8", name);
    if (r->n_conv < CONVERTERS) {   /* a failure is cached too */
        r->conv[r->n_conv].cpg = cpg;
        r->conv[r->n_conv].cd = cd;
        r->n_conv++;
    } else if (cd != (GIConv)-1) {
        g_iconv_close(cd);
        cd = (GIConv)-1;
    }
    return cd;
}

/* Converts the pending code-page bytes.  Unless `all`, an incomplete
 * multi-byte sequence at the end is kept for the next byte. */
static int flush_bytes(rtf *r, int all)
{
    GIConv cd;
    char out[BYTES_MAX * 4 + 8];
    size_t i = 0;
    int rc = 0;

    if (r->n_bytes == 0)
        return 0;
    if (r->bytes_cpg == 1252 || (cd = converter(r, r->bytes_cpg)) == (GIConv)-1) {
        for (i = 0; i < r->n_bytes && rc == 0; i++)
            rc = put_cp(r, gc_cp1252(r->bytes[i]));
        r->n_bytes = 0;
        return rc;
    }
    while (i < r->n_bytes && rc == 0) {
        gchar *in = (gchar *)r->bytes + i, *o = out;
        gsize in_left = r->n_bytes - i, out_left = sizeof out;
        gsize res = g_iconv(cd, &in, &in_left, &o, &out_left);
        int e = errno;
        size_t k, start = 0;

        /* Control characters a code page maps below U+0020 are dropped. */
        for (k = 0; k < (size_t)(o - out) && rc == 0; k++) {
            if ((unsigned char)out[k] < 0x20) {
                if (k > start)
                    rc = put_utf8(r, out + start, k - start);
                start = k + 1;
            }
        }
        if (rc == 0 && k > start)
            rc = put_utf8(r, out + start, k - start);
        i = r->n_bytes - in_left;
        if (res != (gsize)-1)
            break;
        if (e == EINVAL && !all) {   /* incomplete sequence: wait for more */
            memmove(r->bytes, r->bytes + i, r->n_bytes - i);
            r->n_bytes -= i;
            g_iconv(cd, NULL, NULL, NULL, NULL);
            return rc;
        }
        if (e == E2BIG)
            continue;
        g_iconv(cd, NULL, NULL, NULL, NULL);   /* EILSEQ, or EINVAL at the end */
        if (rc == 0)
            rc = put_cp(r, REPLACEMENT);
        i++;
    }
    r->n_bytes = 0;
    return rc;
}

static int text_visible(const rtf *r)
{
    return r->depth > 0 && r->g[r->depth].dest == DEST_TEXT && !r->g[r->depth].hidden;
}

static int put_byte(rtf *r, unsigned char b)
{
    int cpg = r->g[r->depth].cpg, rc = 0;

    if (!text_visible(r))
        return 0;
    if (r->n_bytes > 0 && r->bytes_cpg != cpg)
        rc = flush_bytes(r, 1);
    r->bytes_cpg = cpg;
    if (rc == 0)
        r->bytes[r->n_bytes++] = b;
    if (rc == 0 && r->n_bytes >= BYTES_MAX)
        rc = flush_bytes(r, 0);
    return rc;
}

/* Everything but code-page bytes goes through here, so pending bytes and a
 * lone high surrogate are settled first. */
static int settle(rtf *r)
{
    int rc = flush_bytes(r, 1);

    if (rc == 0 && r->hi_surrogate) {
        r->hi_surrogate = 0;
        rc = put_cp(r, REPLACEMENT);
    }
    return rc;
}

static int put_text_cp(rtf *r, unsigned cp)
{
    int rc;

    if (!text_visible(r))
        return 0;
    if ((rc = settle(r)) < 0)
        return rc;
    return put_cp(r, cp);
}

static int end_line(rtf *r)
{
    int rc;

    if (!text_visible(r))
        return 0;
    if ((rc = settle(r)) < 0)
        return rc;
    r->pending_tab = 0;
    return gc_text_endline(r->out, r->err);
}

static int end_cell(rtf *r)
{
    int rc;

    if (!text_visible(r))
        return 0;
    if ((rc = settle(r)) < 0)
        return rc;
    /* An empty first cell still separates: write the earlier tab now. */
    if (r->pending_tab && (rc = put_utf8(r, "", 0)) < 0)
        return rc;
    r->pending_tab = r->out->len > 0 && r->out->buf[r->out->len - 1] != '\n';
    return 0;
}

static int put_unicode(rtf *r, long n)
{
    unsigned u = (unsigned)(n < 0 ? n + 65536 : n) & 0xFFFFu;
    int rc;

    if (!text_visible(r))
        return 0;
    if ((rc = flush_bytes(r, 1)) < 0)
        return rc;
    if (u >= 0xD800 && u <= 0xDBFF) {
        if (r->hi_surrogate && (rc = put_cp(r, REPLACEMENT)) < 0)
            return rc;
        r->hi_surrogate = u;
        return 0;
    }
    if (u >= 0xDC00 && u <= 0xDFFF) {
        unsigned hi = r->hi_surrogate;
        r->hi_surrogate = 0;
        return put_cp(r, hi ? 0x10000 + ((hi - 0xD800) << 10) + (u - 0xDC00) : REPLACEMENT);
    }
    if ((rc = settle(r)) < 0)
        return rc;
    return put_cp(r, u);
}

/* ---- code pages -------------------------------------------------------- */

/* \fcharsetN → Windows code page; 0 means "the document's". */
static int charset_cpg(long cs)
{
    switch (cs) {
    case 0: return 1252;
    case 77: return 10000;
    case 128: return 932;
    case 129: return 949;
    case 130: return 1361;
    case 134: return 936;
    case 136: return 950;
    case 161: return 1253;
    case 162: return 1254;
    case 163: return 1258;
    case 177: return 1255;
    case 178: return 1256;
    case 186: return 1257;
    case 204: return 1251;
    case 222: return 874;
    case 238: return 1250;
    case 254: return 437;
    case 255: return 850;
    default: return 0;   /* 1 DEFAULT, 2 SYMBOL, unknown */
    }
}

static int sane_cpg(long cpg)
{
    return cpg > 0 && cpg < 100000 ? (int)cpg : 0;
}

static int font_cpg(const rtf *r, long num)
{
    unsigned i;

    for (i = 0; i < r->n_fonts; i++)
        if (r->font_num[i] == num)
            return r->font_cpg[i] ? r->font_cpg[i] : r->default_cpg;
    return r->default_cpg;
}

/* ---- control words ------------------------------------------------------ */

/* Destinations whose whole group is skipped. */
static const char *const skip_dests[] = {
    "aftncn", "aftnsep", "aftnsepc", "annotation", "atnauthor", "atndate", "atnicn",
    "atnid", "atnparent", "atnref", "atntime", "atrfend", "atrfstart", "author", "bkmkend",
    "bkmkstart", "blipuid", "buptim", "category", "colorschememapping", "colortbl",
    "comment", "company", "creatim", "datafield", "datastore", "defchp", "defpap", "do",
    "doccomm", "docvar", "falt", "fchars", "ffdeftext", "ffentrymcr", "ffexitmcr",
    "ffformat", "ffhelptext", "ffl", "ffname", "ffstattext", "filetbl", "fldinst",
    "fontemb", "fontfile", "footnotesep", "ftncn", "ftnsep", "ftnsepc", "generator",
    "header_info", "hlinkbase", "info", "keywords", "latentstyles", "lchars",
    "listoverridetable", "listpicture", "listtable", "manager", "mmathPr", "nonshppict",
    "objalias", "objclass", "objdata", "object", "objname", "objsect", "objtime",
    "operator", "pgdsctbl", "pict", "pn", "pnseclvl", "pntxta", "pntxtb", "printim",
    "private", "propname", "protusertbl", "revtbl", "revtim", "rsidtbl", "shprslt", "sn",
    "sp", "stylesheet", "subject", "sv", "tc", "template", "themedata", "title", "txe",
    "userprops", "wgrffmtfilter", "writereservation", "writereservhash", "xe", "xform",
    "xmlattrname", "xmlattrvalue", "xmlclose", "xmlname", "xmlnstbl", "xmlopen",
};

/* Destinations whose text is set apart on lines of its own, so a footnote
 * read where its mark stands does not run into the sentence around it. */
static const char *const own_line_dests[] = {
    "footer", "footerf", "footerl", "footerr", "footnote", "header", "headerf", "headerl",
    "headerr",
};

/* Starred destinations whose text is document text. */
static const char *const keep_starred[] = {"shpinst", "shptxt"};

static int in_list(const char *w, const char *const *list, size_t n)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {   /* skip_dests is sorted (strcmp) */
        size_t mid = (lo + hi) / 2;
        int c = strcmp(w, list[mid]);
        if (c == 0)
            return 1;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

static int is_keep_starred(const char *w)
{
    for (size_t i = 0; i < sizeof keep_starred / sizeof keep_starred[0]; i++)
        if (strcmp(w, keep_starred[i]) == 0)
            return 1;
    return 0;
}

static const struct { const char *word; unsigned cp; } symbols[] = {
    {"bullet", 0x2022}, {"emdash", 0x2014}, {"emspace", ' '}, {"endash", 0x2013},
    {"enspace", ' '}, {"ldblquote", 0x201C}, {"lquote", 0x2018}, {"qmspace", ' '},
    {"rdblquote", 0x201D}, {"rquote", 0x2019},
};

static int control_word(rtf *r, const char *w, int has_param, long param)
{
    rtf_group *g = &r->g[r->depth];
    size_t i;

    if (r->depth == 0)
        return 0;
    if (g->star) {
        g->star = 0;
        if (!is_keep_starred(w)) {
            g->dest = DEST_SKIP;
            return 0;
        }
    }
    if (g->dest == DEST_SKIP)
        return 0;
    if (in_list(w, skip_dests, sizeof skip_dests / sizeof skip_dests[0])) {
        g->dest = DEST_SKIP;
        return 0;
    }
    if (in_list(w, own_line_dests, sizeof own_line_dests / sizeof own_line_dests[0])) {
        g->own_line = 1;
        return end_line(r);
    }
    if (strcmp(w, "fonttbl") == 0) {
        g->dest = DEST_FONTTBL;
        r->cur_font = -1;
        return 0;
    }
    if (g->dest == DEST_FONTTBL) {
        if (strcmp(w, "f") == 0 && has_param) {
            r->cur_font = -1;
            for (i = 0; i < r->n_fonts; i++)
                if (r->font_num[i] == param)
                    r->cur_font = (long)i;
            if (r->cur_font < 0 && r->n_fonts < GC_RTF_FONTS) {
                r->cur_font = r->n_fonts;
                r->font_num[r->n_fonts] = (int)param;
                r->font_cpg[r->n_fonts++] = 0;
            }
        } else if (strcmp(w, "fcharset") == 0 && r->cur_font >= 0) {
            r->font_cpg[r->cur_font] = charset_cpg(param);
        } else if (strcmp(w, "cpg") == 0 && r->cur_font >= 0 && sane_cpg(param)) {
            r->font_cpg[r->cur_font] = sane_cpg(param);
        }
        return 0;
    }
    /* Document and character properties. */
    if (strcmp(w, "ansicpg") == 0) {
        if (sane_cpg(param))
            r->default_cpg = g->cpg = sane_cpg(param);
    } else if (strcmp(w, "ansi") == 0) {
        r->default_cpg = g->cpg = 1252;
    } else if (strcmp(w, "mac") == 0) {
        r->default_cpg = g->cpg = 10000;
    } else if (strcmp(w, "pc") == 0) {
        r->default_cpg = g->cpg = 437;
    } else if (strcmp(w, "pca") == 0) {
        r->default_cpg = g->cpg = 850;
    } else if (strcmp(w, "deff") == 0) {
        r->deff = (int)param;
    } else if (strcmp(w, "f") == 0) {
        g->cpg = font_cpg(r, param);
    } else if (strcmp(w, "plain") == 0) {
        g->hidden = 0;
        g->cpg = font_cpg(r, r->deff);
    } else if (strcmp(w, "v") == 0 || strcmp(w, "deleted") == 0) {
        g->hidden = !has_param || param != 0;
    } else if (strcmp(w, "uc") == 0) {
        g->uc = param < 0 ? 0 : param;
    } else if (strcmp(w, "u") == 0) {
        int rc = put_unicode(r, param);
        r->skip = g->uc;
        return rc;
    } else if (strcmp(w, "par") == 0 || strcmp(w, "line") == 0 || strcmp(w, "sect") == 0 ||
               strcmp(w, "page") == 0 || strcmp(w, "row") == 0 || strcmp(w, "nestrow") == 0 ||
               strcmp(w, "lbr") == 0) {
        return end_line(r);
    } else if (strcmp(w, "cell") == 0 || strcmp(w, "nestcell") == 0) {
        return end_cell(r);
    } else if (strcmp(w, "tab") == 0) {
        return put_text_cp(r, '\t');
    } else {
        for (i = 0; i < sizeof symbols / sizeof symbols[0]; i++)
            if (strcmp(w, symbols[i].word) == 0)
                return put_text_cp(r, symbols[i].cp);
    }
    return 0;
}

static int control_symbol(rtf *r, unsigned char c)
{
    switch (c) {
    case '\\': case '{': case '}':
        return put_text_cp(r, c);
    case '~':
        return put_text_cp(r, 0xA0);
    case '_':
        return put_text_cp(r, '-');
    case '\r': case '\n':   /* "\<newline>" is \par */
        return end_line(r);
    case '*':
        if (r->depth > 0)
            r->g[r->depth].star = 1;
        return 0;
    default:               /* \- optional hyphen, \| \: index marks ... */
        return 0;
    }
}

static int hexval(unsigned char c)
{
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* ---- the pass ------------------------------------------------------------ */

static int open_group(rtf *r)
{
    if (r->depth + 1 >= GC_RTF_DEPTH) {
        gc_err_set(r->err, GC_ELIMIT, NULL, 0, 0,
                   "RTF groups nested deeper than %d", GC_RTF_DEPTH - 1);
        gc_err_detail(r->err, "rtf_depth");
        return GC_ELIMIT;
    }
    r->g[r->depth + 1] = r->g[r->depth];
    r->depth++;
    r->g[r->depth].star = 0;
    r->g[r->depth].own_line = 0;
    if (r->depth == 1) {   /* the document group */
        r->g[1].dest = DEST_TEXT;
        r->g[1].uc = 1;
    }
    return 0;
}

/* Reads "\word[-]digits[ ]" at r->p (just past the backslash). */
static int read_control(rtf *r)
{
    char w[WORD_MAX + 1];
    size_t n = 0;
    long long v = 0;
    int neg = 0, has_param = 0, digits = 0;

    while (r->p < r->end && g_ascii_isalpha(*r->p)) {
        if (n < WORD_MAX)
            w[n++] = (char)*r->p;
        r->p++;
    }
    w[n] = '\0';
    if (r->p < r->end && *r->p == '-' && r->p + 1 < r->end && g_ascii_isdigit(r->p[1])) {
        neg = 1;
        r->p++;
    }
    while (r->p < r->end && g_ascii_isdigit(*r->p)) {
        if (digits++ < PARAM_DIGITS)
            v = v * 10 + (*r->p - '0');
        has_param = 1;
        r->p++;
    }
    if (v > 0x7FFFFFFF)
        v = 0x7FFFFFFF;
    if (neg)
        v = -v;
    if (r->p < r->end && *r->p == ' ')
        r->p++;
    if (strcmp(w, "bin") == 0) {
        size_t skip = has_param && v > 0 ? (size_t)v : 0;
        if (skip > (size_t)(r->end - r->p)) {
            gc_err_set(r->err, GC_ECORRUPT, NULL, 0, 0,
                       "damaged RTF: \\bin%lld runs past the end of the file", v);
            gc_err_detail(r->err, "rtf_bin");
            return GC_ECORRUPT;
        }
        r->p += skip;
        if (r->skip > 0)
            r->skip--;
        return 0;
    }
    if (r->skip > 0) {   /* part of a \uN fallback */
        r->skip--;
        return 0;
    }
    return control_word(r, w, has_param, (long)v);
}

static int rtf_pass(rtf *r)
{
    int rc = 0;

    while (rc == 0 && r->p < r->end) {
        unsigned char c = *r->p++;

        switch (c) {
        case '{':
            r->skip = 0;
            rc = settle(r);
            if (rc == 0)
                rc = open_group(r);
            break;
        case '}':
            r->skip = 0;
            rc = settle(r);
            if (r->depth > 0 && --r->depth == 0)
                return rc;   /* the end of the document group */
            if (rc == 0 && r->g[r->depth + 1].own_line)
                rc = end_line(r);
            break;
        case '\\':
            if (r->p >= r->end)
                break;
            if (g_ascii_isalpha(*r->p)) {
                rc = read_control(r);
            } else if (*r->p == '\'') {
                int hi = r->p + 1 < r->end ? hexval(r->p[1]) : -1;
                int lo = r->p + 2 < r->end ? hexval(r->p[2]) : -1;
                r->p += 1 + (hi >= 0) + (hi >= 0 && lo >= 0);
                if (r->skip > 0)
                    r->skip--;
                else if (hi >= 0 && lo >= 0)
                    rc = put_byte(r, (unsigned char)(hi << 4 | lo));
            } else {
                c = *r->p++;
                if (r->skip > 0)
                    r->skip--;
                else
                    rc = control_symbol(r, c);
            }
            break;
        case '\r': case '\n':
            break;
        default:
            if (r->skip > 0)
                r->skip--;
            else if (c >= 0x80)
                rc = put_byte(r, c);
            else if (c == '\t')
                rc = put_text_cp(r, '\t');
            else if (c >= 0x20 && text_visible(r)) {
                /* A run of plain ASCII text at once. */
                const unsigned char *s = r->p - 1;
                while (r->p < r->end && *r->p >= 0x20 && *r->p < 0x7F && *r->p != '\\' &&
                       *r->p != '{' && *r->p != '}')
                    r->p++;
                rc = settle(r);
                if (rc == 0)
                    rc = put_utf8(r, (const char *)s, (size_t)(r->p - s));
            }
            break;
        }
    }
    if (rc == 0)
        rc = settle(r);
    return rc;
}

int gc_extract_rtf(gc_text *out, const unsigned char *data, size_t len, const gc_limits *lim,
                   gc_err *err)
{
    rtf *r = calloc(1, sizeof *r);
    int rc;

    (void)lim;   /* the caller bounded the input; gc_text bounds the output */
    if (r == NULL)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    r->p = data;
    r->end = data + len;
    r->out = out;
    r->err = err;
    r->default_cpg = 1252;
    r->g[0].cpg = 1252;
    r->g[0].uc = 1;
    r->g[0].dest = DEST_TEXT;
    r->cur_font = -1;
    rc = rtf_pass(r);
    if (rc == 0)
        rc = gc_text_endline(out, err);
    for (unsigned i = 0; i < r->n_conv; i++)
        if (r->conv[i].cd != (GIConv)-1)
            g_iconv_close(r->conv[i].cd);
    free(r);
    return rc;
}
