/* Text normalisation; see normalize.h.  Pure-ASCII text (most résumés
 * written in English) skips the Unicode passes entirely. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "match/normalize.h"

/* What one code point becomes before NFKC: a replacement string, "" to
 * drop it, or NULL to keep it. */
static const char *map_char(gunichar c)
{
    switch (c) {
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
    case 0x200E: case 0x200F:
        return "";  /* soft hyphen, zero-width characters, direction marks */
    case 0x00A0: case 0x2007: case 0x202F: case 0x3000:
        return " ";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE63: case 0xFF0D:
        return "-";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
        return "\"";
    /* bullets, including the private-use glyphs Word's Symbol and Wingdings
     * fonts leave in PDFs (U+F0B7, U+F0A7, U+F076 ...) */
    case 0x2022: case 0x2023: case 0x2043: case 0x2219: case 0x25AA: case 0x25AB:
    case 0x25A0: case 0x25A1: case 0x25CF: case 0x25CB: case 0x25E6: case 0x25B8:
    case 0x25BA: case 0x25B6: case 0x27A2: case 0x2794: case 0x2756: case 0x00B7:
    case 0x2981: case 0x2B24: case 0xF0B7: case 0xF0A7: case 0xF076: case 0xF0D8:
    case 0xF0FC: case 0xF06C: case 0xF0A8: case 0x2027:
        return "\xE2\x80\xA2";
    default:
        break;
    }
    if (c < 0x20 && c != '\n' && c != '\t' && c != '\f')
        return " ";
    if (c >= 0x7F && c < 0xA0)
        return " ";
    if (g_unichar_type(c) == G_UNICODE_SPACE_SEPARATOR && c != ' ')
        return " ";
    return NULL;
}

/* Bytes kept as they are: printable ASCII, '\n', '\t' and '\f'. */
static const unsigned char plain_byte[256] = {
    [0x20 ... 0x7E] = 1, ['\n'] = 1, ['\t'] = 1, ['\f'] = 1,
};

#define HIGH_BITS 0x8080808080808080u
#define ONES 0x0101010101010101u

/* Length of the run of plain bytes at s: eight at a time while no byte of
 * the word is >= 0x80 or < 0x20 (then byte by byte, for '\n' and friends). */
static size_t plain_run(const char *s, size_t len)
{
    size_t i = 0;

    for (;;) {
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (((w | (w - 0x2020202020202020u) | (w + ONES)) & HIGH_BITS) != 0)
                break;   /* some byte >= 0x80, < 0x20 or 0x7F */
            i += 8;
        }
        size_t stop = i + 8 < len ? i + 8 : len;
        for (; i < stop; i++)
            if (!plain_byte[(unsigned char)s[i]])
                return i;
        if (i >= len)
            return len;
    }
}

/* Length of the run of ASCII bytes at s, eight at a time. */
static size_t ascii_run(const char *s, size_t len)
{
    size_t i = 0;

    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & HIGH_BITS)
            break;
        i += 8;
    }
    while (i < len && (unsigned char)s[i] < 0x80)
        i++;
    return i;
}

/* Maps characters one by one, replacing invalid UTF-8 with U+FFFD.  Runs
 * of plain ASCII (most of any résumé) are copied whole.  Returns whether
 * anything non-ASCII was written. */
static int map_into(GString *s, const char *in, size_t len)
{
    const char *p = in, *end = in + len;
    int high = 0;

    while (p < end) {
        const char *q = p + plain_run(p, (size_t)(end - p));
        g_string_append_len(s, p, q - p);
        if ((p = q) >= end)
            break;
        if (*p == '\0') {   /* a control; GLib's validator takes it for the end */
            g_string_append_c(s, ' ');
            p++;
            continue;
        }
        gunichar c = g_utf8_get_char_validated(p, end - p);
        if (c == (gunichar)-1 || c == (gunichar)-2) {
            g_string_append(s, "\xEF\xBF\xBD");
            high = 1;
            p++;
            continue;
        }
        const char *rep = map_char(c);
        const char *next = p + g_utf8_skip[(guchar)*p];
        if (rep != NULL)
            g_string_append(s, rep);
        else
            g_string_append_len(s, p, next - p);
        high |= rep == NULL ? (unsigned char)*p >= 0x80 : (unsigned char)rep[0] >= 0x80;
        p = next;
    }
    return high;
}


/* NFKC only where it can change something: runs of non-ASCII characters,
 * each with the character before it (a combining mark composes with its
 * base, which may be ASCII).  ASCII is its own NFKC form. */
static void nfkc_runs(GString *out, const char *s, size_t len)
{
    size_t i = 0;

    while (i < len) {
        size_t j = i + ascii_run(s + i, len - i);
        if (j == len) {
            g_string_append_len(out, s + i, (gssize)(len - i));
            return;
        }
        size_t start = j > i ? j - 1 : j;  /* keep the base character with its marks */
        g_string_append_len(out, s + i, (gssize)(start - i));
        size_t k = j;
        while (k < len && (unsigned char)s[k] >= 0x80)
            k++;
        gchar *n = g_utf8_normalize(s + start, (gssize)(k - start), G_NORMALIZE_NFKC);
        /* NFKC can produce new bullets or spaces (e.g. U+2024 → '.'): map
         * its output again, so the contract holds exactly */
        if (n != NULL)
            map_into(out, n, strlen(n));
        else
            g_string_append_len(out, s + start, (gssize)(k - start));
        g_free(n);
        i = k;
    }
}

int gc_normalize(char **out, size_t *len_out, const char *in, size_t len, gc_err *err)
{
    char *res;
    GString *mapped, *done;

    *out = NULL;
    if (plain_run(in, len) == len) {
        res = malloc(len + 1);
        if (res == NULL)
            return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
        memcpy(res, in, len);
        res[len] = '\0';
        *out = res;
        *len_out = len;
        return 0;
    }
    mapped = g_string_sized_new(len + 16);
    if (!map_into(mapped, in, len)) {
        done = mapped;
    } else {
        done = g_string_sized_new(mapped->len + 16);
        nfkc_runs(done, mapped->str, mapped->len);
        g_string_free(mapped, TRUE);
    }
    res = malloc(done->len + 1);
    if (res != NULL) {
        memcpy(res, done->str, done->len + 1);
        *len_out = done->len;
    }
    g_string_free(done, TRUE);
    if (res == NULL)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    *out = res;
    return 0;
}
