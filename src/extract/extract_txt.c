/* Plain text and Markdown → UTF-8 text.  Encodings: UTF-8 (BOM dropped),
 * UTF-16 LE/BE when a BOM says so, else Windows-1252 (a superset of the
 * printable Latin-1 range) for bytes that are not valid UTF-8.  Line ends
 * become '\n'; other control characters except tab are dropped so they can
 * never reach a terminal or a report.  Markdown markup is kept: it is
 * harmless for matching.  Text holding NUL characters is treated as binary. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "extract/extract.h"

#define REPLACEMENT 0xFFFDu

/* Windows-1252 0x80-0x9F; 0 marks the five undefined bytes. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static int binary_error(gc_err *err)
{
    gc_err_set(err, GC_EFORMAT, NULL, 0, 0, "unsupported format: binary file");
    gc_err_detail(err, "binary");
    return GC_EFORMAT;
}

/* Appends s[0..n) with CRLF and CR turned into LF, FF/VT into LF, and
 * other C0 controls and DEL dropped. */
static int append_lines(gc_text *out, const char *s, size_t n, gc_err *err)
{
    size_t i = 0, run;
    int rc = 0;

    while (i < n && rc == 0) {
        unsigned char c;
        for (run = i; run < n; run++) {
            c = (unsigned char)s[run];
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
                break;
        }
        if (run > i)
            rc = gc_text_append(out, s + i, run - i, err);
        if (rc < 0 || run == n)
            break;
        c = (unsigned char)s[run];
        if (c == '\r' || c == '\f' || c == '\v')
            rc = gc_text_putc(out, '\n', err);
        i = run + 1;
        if (c == '\r' && i < n && s[i] == '\n')
            i++;
    }
    return rc;
}

static int append_owned(gc_text *out, char *s, size_t n, gc_err *err)
{
    int rc = append_lines(out, s, n, err);
    g_free(s);
    return rc;
}

static unsigned read_unit(const unsigned char *p, int little)
{
    return little ? (unsigned)p[0] | (unsigned)p[1] << 8 : (unsigned)p[0] << 8 | (unsigned)p[1];
}

/* UTF-16 with its BOM already skipped.  Unpaired surrogates and an odd
 * trailing byte become U+FFFD; a U+0000 unit means binary data. */
static int decode_utf16(gc_text *out, const unsigned char *p, size_t len, int little,
                        gc_err *err)
{
    char *u8 = g_malloc(len / 2 * 3 + 4), *w = u8;
    size_t i;

    for (i = 0; i + 1 < len; i += 2) {
        gunichar cp = read_unit(p + i, little);
        if (cp == 0) {
            g_free(u8);
            return binary_error(err);
        }
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < len) {
            unsigned lo = read_unit(p + i + 2, little);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF)
            cp = REPLACEMENT;
        w += g_unichar_to_utf8(cp, w);
    }
    if (len % 2)
        w += g_unichar_to_utf8(REPLACEMENT, w);
    return append_owned(out, u8, (size_t)(w - u8), err);
}

static int decode_cp1252(gc_text *out, const unsigned char *p, size_t len, gc_err *err)
{
    char *u8 = g_malloc(len * 3 + 1), *w = u8;
    size_t i;

    for (i = 0; i < len; i++) {
        gunichar cp = p[i];
        if (cp >= 0x80 && cp <= 0x9F)
            cp = cp1252_high[cp - 0x80] ? cp1252_high[cp - 0x80] : REPLACEMENT;
        w += g_unichar_to_utf8(cp, w);
    }
    return append_owned(out, u8, (size_t)(w - u8), err);
}

int gc_extract_plain(gc_text *out, const unsigned char *data, size_t len,
                     const gc_limits *lim, gc_err *err)
{
    int utf8_bom = len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF;

    (void)lim; /* the caller bounded the input; gc_text bounds the output */
    if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
        return decode_utf16(out, data + 2, len - 2, data[0] == 0xFF, err);
    if (utf8_bom) {
        data += 3;
        len -= 3;
    }
    if (memchr(data, '\0', len) != NULL)
        return binary_error(err);
    if (g_utf8_validate((const char *)data, (gssize)len, NULL))
        return append_lines(out, (const char *)data, len, err);
    /* A UTF-8 BOM is a promise: repair the bad bytes rather than reread the
     * whole file as Windows-1252. */
    if (utf8_bom) {
        char *fixed = g_utf8_make_valid((const char *)data, (gssize)len);
        return append_owned(out, fixed, strlen(fixed), err);
    }
    return decode_cp1252(out, data, len, err);
}
