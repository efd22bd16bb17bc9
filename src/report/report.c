/* Shared report helpers; see report.h. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "gapcheck.h"
#include "report/report_int.h"

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

/* ---- what every format says about a skill --------------------------------- */

const char gc_report_not_proof[] =
    "A skill the résumé does not name is not proof the person lacks it: ask about it.";

const char *const gc_report_method[] = {
    "Each skill counts from what the résumé shows: in dated positions, by how long it was "
    "used (a full year counts fully) and how recently (half the credit goes after about "
    "11 months without use, never below half; a skill also in the skills list or summary "
    "counts as current); named only in a skills list, summary or project, half; implied by "
    "another skill (MLflow implies MLOps), half of that skill's.",
    "Having held the role's own title counts for every skill of the role, up to half, "
    "combined with what the résumé shows of the skill itself: 1 − (1 − skill) × (1 − title).",
    "A phase's coverage is the weighted share of its skills' credit; its months left are the "
    "phase's months times what is not covered, scaled from the role's pace to yours.",
    "The phases, their months and the constants are data anyone can read and argue with "
    "(roles/*.yaml, lexicon/model.yaml).",
    NULL,
};

void gc_report_when(gc_buf *b, gc_when w)
{
    if (w.precision == GC_PREC_YEAR || w.month == 0)
        gc_buf_printf(b, "%u", w.year);
    else
        gc_buf_printf(b, "%u-%02u", w.year, w.month);
}

void gc_report_duration(gc_buf *b, int months)
{
    if (months < 12) {
        gc_buf_printf(b, "%d mo", months < 0 ? 0 : months);
        return;
    }
    double y = round(months / 6.0) / 2;   /* to half a year */
    gc_buf_printf(b, y == floor(y) ? "%.0f y" : "%.1f y", y);
}

int gc_report_pct(double share)
{
    if (!(share >= 0))
        return 0;
    return (int)lround((share > 1 ? 1 : share) * 100);
}

void gc_report_months(gc_buf *b, double m)
{
    double r = isfinite(m) && m > 0 ? round(m * 10) / 10 : 0;
    gc_buf_printf(b, "%.1f month%s", r, r == 1.0 ? "" : "s");
}

void gc_report_use(gc_buf *b, const gc_result *r, size_t skill)
{
    const gc_doc *doc = gc_result_doc(r);
    const gc_data *d = gc_result_data(r);
    const gc_experience *x = gc_result_experience(r);
    gc_skill_use_info u;

    switch (gc_doc_how(doc, skill)) {
    case GC_EVIDENCED:
        if (x && gc_experience_skill(x, skill, &u)) {
            gc_report_duration(b, u.months);
            if (u.last_present) {
                gc_buf_adds(b, ", current");
            } else {
                gc_buf_adds(b, ", last used ");
                gc_report_when(b, u.last_used);
            }
        } else {
            gc_buf_adds(b, "listed only");
        }
        break;
    case GC_IMPLIED:
        gc_buf_adds(b, "implied by ");
        for (size_t k = 0; k < gc_doc_n_implied_by(doc, skill); k++)
            gc_buf_printf(b, "%s%s", k ? ", " : "", gc_skill_name(d, gc_doc_implied_by(doc, skill, k)));
        break;
    default:
        break;
    }
}

/* ---- wrapping text at the terminal's width -------------------------------- */

/* Characters a terminal shows: UTF-8 characters, colour escapes left out. */
size_t gc_visible_len(const char *s)
{
    size_t n = 0;

    while (*s) {
        if (*s == '\033') {
            while (*s && *s != 'm')
                s++;
            if (*s)
                s++;
            continue;
        }
        n += ((unsigned char)*s & 0xC0) != 0x80;
        s++;
    }
    return n;
}

void gc_wrap_item(gc_wrap *w, const char *sep, const char *item)
{
    size_t ni = gc_visible_len(item), ns = w->first ? 0 : gc_visible_len(sep);

    if (!w->first && w->col + ns + ni > w->width) {
        char *end = g_strchomp(g_strdup(sep));   /* "A →" ends the line */
        gc_buf_adds(w->b, end);
        g_free(end);
        gc_buf_addc(w->b, '\n');
        gc_buf_repeat(w->b, " ", w->indent);
        w->col = w->indent;
    } else if (!w->first) {
        gc_buf_adds(w->b, sep);
        w->col += ns;
    }
    gc_buf_adds(w->b, item);
    w->col += ni;
    w->first = 0;
}

gc_wrap gc_wrap_start(gc_buf *b, int width, size_t indent)
{
    gc_wrap w = {b, 0, indent, width > 20 ? (size_t)width : 80, 1};
    size_t i = b->len;

    while (i > 0 && b->data[i - 1] != '\n')
        i--;
    if (b->data) {
        char save = b->data[b->len];
        b->data[b->len] = '\0';
        w.col = gc_visible_len(b->data + i);
        b->data[b->len] = save;
    }
    return w;
}

void gc_report_years_asked(gc_buf *b, const gc_job_years *y)
{
    if (y->max)
        gc_buf_printf(b, "%u–%u years", y->min, y->max);
    else
        gc_buf_printf(b, "%u+ year%s", y->min, y->min == 1 ? "" : "s");
}

void gc_report_years(gc_buf *b, const gc_job_years *y)
{
    gc_report_years_asked(b, y);
    gc_buf_adds(b, " asked, ");
    if (y->shown < 0) {
        gc_buf_adds(b, "none shown in dated positions");
        return;
    }
    gc_report_duration(b, y->shown);
    gc_buf_adds(b, " shown");
}

static const char *job_mark(double c)
{
    return c >= 0.995 ? "✓" : c > 0 ? "~" : "✗";
}

/* One part: "PyTorch", "FastAPI or Flask", with marks and the years asked
 * of each skill when `marks`. */
static void job_part(gc_buf *b, const gc_data *d, const gc_job *j, size_t q, size_t p,
                     int marks)
{
    size_t n = gc_job_req_part_n(j, q, p);
    gc_job_years y;

    for (size_t i = 0; i < n; i++) {
        size_t k = gc_job_req_part_skill(j, q, p, i);
        gc_buf_adds(b, i ? " or " : "");
        if (marks)
            gc_buf_printf(b, "%s ", job_mark(gc_job_skill_credit(j, k).credit));
        gc_buf_adds(b, gc_skill_name(d, gc_job_skill(j, k, NULL)));
        if (marks && gc_job_skill_years(j, k, &y)) {
            gc_buf_adds(b, " (");
            gc_report_years(b, &y);
            gc_buf_addc(b, ')');
        }
    }
}

void gc_report_job_req(gc_buf *b, const gc_data *d, const gc_job *j, size_t q)
{
    gc_job_req rq;

    gc_job_req_get(j, q, &rq);
    if (rq.experience) {
        gc_buf_adds(b, "experience");
        return;
    }
    if (rq.umbrella) {
        job_part(b, d, j, q, 0, 0);
        gc_buf_printf(b, ": %s itself", job_mark(gc_job_req_part_credit(j, q, 0)));
        for (size_t p = 1; p < rq.n_parts; p++) {
            gc_buf_adds(b, ", ");
            job_part(b, d, j, q, p, 1);
        }
        return;
    }
    job_part(b, d, j, q, 0, 0);
    if (gc_job_req_part_n(j, q, 0) > 1 && rq.credit > 0) {
        size_t best = gc_job_req_part_skill(j, q, 0, 0);
        for (size_t i = 1; i < gc_job_req_part_n(j, q, 0); i++) {
            size_t k = gc_job_req_part_skill(j, q, 0, i);
            if (gc_job_skill_credit(j, k).credit > gc_job_skill_credit(j, best).credit)
                best = k;
        }
        gc_buf_printf(b, " (via %s)", gc_skill_name(d, gc_job_skill(j, best, NULL)));
    }
}

int gc_report_job_req_years(const gc_job *j, size_t q, gc_job_years *y)
{
    gc_job_req rq;

    gc_job_req_get(j, q, &rq);
    if (rq.experience)
        return gc_job_experience_years(j, y);
    if (rq.umbrella || gc_job_req_part_n(j, q, 0) == 1)
        return gc_job_skill_years(j, gc_job_req_part_skill(j, q, 0, 0), y);
    /* alternatives: the years of the one that meets it best */
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < gc_job_req_part_n(j, q, 0); i++) {
        size_t k = gc_job_req_part_skill(j, q, 0, i);
        if (gc_job_skill_years(j, k, NULL) &&
            (best == SIZE_MAX || gc_job_skill_credit(j, k).credit > gc_job_skill_credit(j, best).credit))
            best = k;
    }
    return best != SIZE_MAX && gc_job_skill_years(j, best, y);
}

static int cmp_uint(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return x < y ? -1 : x > y;
}

size_t gc_report_job_req_lines(unsigned *out, size_t cap, const gc_result *r, size_t q)
{
    const gc_job *j = gc_result_job(r);
    const gc_doc *post = gc_result_request(r)->posting;
    gc_job_req rq;
    gc_job_years y;
    size_t n = 0;

    gc_job_req_get(j, q, &rq);
    if (rq.experience && gc_job_experience_years(j, &y) && cap > 0)
        out[n++] = y.line;
    for (size_t p = 0; post && p < rq.n_parts; p++)
        for (size_t i = 0; i < gc_job_req_part_n(j, q, p); i++) {
            size_t s = gc_job_skill(j, gc_job_req_part_skill(j, q, p, i), NULL);
            for (size_t e = 0; e < gc_doc_n_evidence(post, s) && n < cap; e++) {
                unsigned line;
                size_t k = 0;
                gc_doc_evidence(post, s, e, &line, NULL, NULL);
                while (k < n && out[k] != line)
                    k++;
                if (k == n)
                    out[n++] = line;
            }
        }
    qsort(out, n, sizeof *out, cmp_uint);
    return n;
}

const char *gc_report_posting_line(const gc_result *r, unsigned line, const char **section_out)
{
    const gc_doc *post = gc_result_request(r)->posting;
    const gc_job *j = gc_result_job(r);
    gc_job_years y;

    *section_out = NULL;
    for (size_t f = 0; post && f < gc_doc_n_found(post); f++) {
        size_t s = gc_doc_found_skill(post, f);
        for (size_t e = 0; e < gc_doc_n_evidence(post, s); e++) {
            unsigned at;
            const char *text = gc_doc_evidence(post, s, e, &at, section_out, NULL);
            if (at == line)
                return text;
        }
    }
    if (j && gc_job_experience_years(j, &y) && y.line == line)
        return y.line_text;
    return "";
}

void gc_report_end(gc_buf *b, const gc_position_info *p)
{
    if (p->present)
        gc_buf_adds(b, "present");
    else
        gc_report_when(b, p->end);
}

/* ---- text reports ------------------------------------------------------ */

const char *gc_col(const gc_report_opts *o, const char *code)
{
    return o->color ? code : "";
}

void gc_text_clean(gc_buf *b, const char *s, int redact)
{
    char *c = gc_report_clean(s, redact);
    gc_buf_adds(b, c);
    g_free(c);
}

/* ---- how a document was read --------------------------------------------- */

static void ocr_note(gc_buf *b, const gc_doc *doc)
{
    size_t n = gc_doc_n_ocr_pages(doc);

    gc_buf_printf(b, "%s ", strcmp(gc_doc_format(doc), "pdf") == 0 ?
                  (n == 1 ? "page" : "pages") : (n == 1 ? "picture" : "pictures"));
    for (size_t i = 0; i < n && i < 8; i++)
        gc_buf_printf(b, "%s%u", i ? ", " : "", gc_doc_ocr_page(doc, i));
    gc_buf_printf(b, "%s read with OCR (%s, mean word confidence %.0f%%", n > 8 ? " ..." : "",
                  gc_doc_ocr_lang(doc), gc_doc_ocr_confidence(doc));
    if (gc_doc_ocr_dropped(doc))
        gc_buf_printf(b, "; %u unsure words ignored", gc_doc_ocr_dropped(doc));
    gc_buf_adds(b, ")");
}

static const char *warning_words(const char *w)
{
    return strcmp(w, "garbled_text") == 0 ?
           "the text layer is mostly not words (a broken font encoding?): skills found in it "
           "are unreliable" :
           "some pages or pictures that need OCR were not read (OCR off or not installed, or "
           "a size or time limit)";
}

int gc_report_doc_note(gc_buf *b, const gc_doc *doc, size_t i)
{
    if (gc_doc_hidden_chars(doc) && i-- == 0) {
        gc_buf_printf(b, "%u characters of hidden text (white, tiny or off-page) were ignored",
                      gc_doc_hidden_chars(doc));
        return GC_NOTE_ALERT;
    }
    if (gc_doc_text_bytes(doc) < 100 && i-- == 0) {
        gc_buf_printf(b, "only %zu bytes of text were found", gc_doc_text_bytes(doc));
        return GC_NOTE_PLAIN;
    }
    if (gc_doc_truncated(doc) && i-- == 0) {
        gc_buf_adds(b, "the document was cut at a size limit; later pages were not read");
        return GC_NOTE_PLAIN;
    }
    if (gc_doc_n_ocr_pages(doc) && i-- == 0) {
        ocr_note(b, doc);
        return GC_NOTE_PLAIN;
    }
    if (i < gc_doc_n_warnings(doc)) {
        gc_buf_adds(b, warning_words(gc_doc_warning(doc, i)));
        return GC_NOTE_WARNING;
    }
    return GC_NOTE_NONE;
}
