/* Shared report helpers; see report.h. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "gapcheck.h"

/* E-mail: word chars, dots, plus and hyphens around an '@' with a dot
 * after it.  Masks the whole run. */
static size_t email_len(const char *s, size_t at_off, size_t *start)
{
    size_t a = at_off, b = at_off + 1;
    int dot = 0;

    while (a > 0 && (g_ascii_isalnum(s[a - 1]) || strchr("._%+-", s[a - 1])))
        a--;
    while (s[b] && (g_ascii_isalnum(s[b]) || s[b] == '.' || s[b] == '-')) {
        dot |= s[b] == '.';
        b++;
    }
    if (a == at_off || !dot)
        return 0;
    *start = a;
    return b - a;
}

/* Phone: a run of digits, spaces, dots, dashes, parentheses and a leading
 * '+' holding 7 to 15 digits. */
static size_t phone_len(const char *s)
{
    size_t i = 0, digits = 0;

    if (s[0] == '+')
        i++;
    while (s[i] && (g_ascii_isdigit(s[i]) || strchr(" .-()", s[i]))) {
        digits += (size_t)g_ascii_isdigit(s[i]);
        i++;
    }
    while (i > 0 && !g_ascii_isdigit(s[i - 1]))
        i--;
    return digits >= 7 && digits <= 15 ? i : 0;
}

static void redact(GString *s)
{
    for (size_t i = 0; i < s->len; i++) {
        size_t start, n;
        if (s->str[i] == '@' && (n = email_len(s->str, i, &start)) > 0) {
            g_string_erase(s, (gssize)start, (gssize)n);
            g_string_insert(s, (gssize)start, "[email]");
            i = start + 6;
        } else if ((g_ascii_isdigit(s->str[i]) || s->str[i] == '+') &&
                   (i == 0 || !g_ascii_isalnum(s->str[i - 1])) && (n = phone_len(s->str + i))) {
            g_string_erase(s, (gssize)i, (gssize)n);
            g_string_insert(s, (gssize)i, "[phone]");
            i += 6;
        }
    }
}

char *gc_report_clean(const char *in, int mask)
{
    GString *s = g_string_new(NULL);

    if (in == NULL)
        in = "";   /* a renderer never crashes on a missing field */
    for (const unsigned char *p = (const unsigned char *)in; *p; p++) {
        if (*p < 0x20 || *p == 0x7F)
            g_string_append_c(s, ' ');
        else if (*p == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0) {  /* C1 control */
            g_string_append_c(s, ' ');
            p++;
        } else
            g_string_append_c(s, (char)*p);
    }
    if (mask)
        redact(s);
    return g_string_free(s, FALSE);
}

void gc_json_str(gc_buf *b, const char *s)
{
    const char *p = s, *end = s + strlen(s);

    gc_buf_addc(b, '"');
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c == '"' || c == '\\') {
            gc_buf_addc(b, '\\');
            gc_buf_addc(b, (char)c);
            p++;
        } else if (c < 0x20 || c == 0x7F) {
            gc_buf_printf(b, "\\u%04x", c);
            p++;
        } else if (c < 0x80) {
            gc_buf_addc(b, (char)c);
            p++;
        } else {
            gunichar u = g_utf8_get_char_validated(p, end - p);
            if (u == (gunichar)-1 || u == (gunichar)-2) {
                gc_buf_adds(b, "\\ufffd");
                p++;
            } else {
                size_t n = (size_t)g_utf8_skip[c];
                gc_buf_add(b, p, n);
                p += n;
            }
        }
    }
    gc_buf_addc(b, '"');
}

void gc_json_num(gc_buf *b, double v, int digits)
{
    char tmp[64];
    double scale = pow(10, digits);

    if (!isfinite(v))
        v = 0;   /* JSON has no NaN or infinity */
    v = round(v * scale) / scale;
    if (v == 0)
        v = 0;  /* no "-0" */
    snprintf(tmp, sizeof tmp, "%.*f", digits, v);
    if (strchr(tmp, '.')) {
        size_t n = strlen(tmp);
        while (tmp[n - 1] == '0')
            tmp[--n] = '\0';
        if (tmp[n - 1] == '.')
            tmp[--n] = '\0';
    }
    gc_buf_adds(b, tmp);
}
