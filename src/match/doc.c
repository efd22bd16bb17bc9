/* gc_doc: what one document showed; getters and the serialised form used
 * to bring a result from the sandboxed child back to the parent.  The
 * decoder treats its input as hostile: every count and offset is checked. */
#include <stdlib.h>
#include <string.h>

#include "data/data_int.h"
#include "match/doc_int.h"
#include "extract/extract.h"

gc_doc *gc_doc_new(const gc_data *d)
{
    gc_doc *doc = g_new0(gc_doc, 1);

    doc->data = d;
    doc->n_skills = d ? d->skills->len : 0;
    doc->how = g_new0(uint8_t, doc->n_skills + 1);
    doc->found = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    doc->ev = g_array_new(FALSE, FALSE, sizeof(gc_ev));
    doc->imp = g_array_new(FALSE, FALSE, sizeof(gc_imp));
    doc->miss = g_array_new(FALSE, FALSE, sizeof(gc_miss));
    doc->secs = g_array_new(FALSE, FALSE, sizeof(gc_sec));
    doc->positions = g_array_new(FALSE, FALSE, sizeof(gc_position));
    doc->alts = g_array_new(FALSE, FALSE, sizeof(gc_alt));
    doc->alt_skills = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    doc->yasks = g_array_new(FALSE, FALSE, sizeof(gc_yask));
    doc->heads = g_array_new(FALSE, FALSE, sizeof(gc_head));
    doc->pool = g_string_new(NULL);
    g_string_append_c(doc->pool, '\0');  /* offset 0 is the empty string */
    doc->ocr_pages = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    doc->ocr_lines = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    return doc;
}

gc_doc *gc_doc_new_error(const gc_data *d, const gc_err *err)
{
    gc_doc *doc = gc_doc_new(d);
    doc->err = *err;
    if (doc->err.code == GC_OK)
        doc->err.code = GC_ECORRUPT;
    return doc;
}

uint32_t gc_doc_str(gc_doc *doc, const char *s, size_t n)
{
    uint32_t off = (uint32_t)doc->pool->len;
    g_string_append_len(doc->pool, s, (gssize)n);
    g_string_append_c(doc->pool, '\0');
    return off;
}

void gc_doc_free(gc_doc *doc)
{
    if (doc == NULL)
        return;
    g_free(doc->how);
    g_array_free(doc->found, TRUE);
    g_array_free(doc->ev, TRUE);
    g_array_free(doc->imp, TRUE);
    g_array_free(doc->miss, TRUE);
    g_array_free(doc->secs, TRUE);
    g_array_free(doc->positions, TRUE);
    g_array_free(doc->alts, TRUE);
    g_array_free(doc->alt_skills, TRUE);
    g_array_free(doc->yasks, TRUE);
    g_array_free(doc->heads, TRUE);
    g_string_free(doc->pool, TRUE);
    g_array_free(doc->ocr_pages, TRUE);
    g_array_free(doc->ocr_lines, TRUE);
    free(doc->text);
    g_free(doc);
}

/* ---- getters ------------------------------------------------------------- */

static const char *str(const gc_doc *doc, uint32_t off)
{
    return doc->pool->str + off;
}

static const char *section_name(const gc_doc *doc, uint32_t sec)
{
    if (sec == 0 || doc->data == NULL)
        return NULL;
    return g_array_index(doc->data->sections, gc_section, sec - 1).id;
}

const gc_err *gc_doc_error(const gc_doc *doc) { return doc->err.code ? &doc->err : NULL; }
const char *gc_doc_format(const gc_doc *doc) { return doc->format; }
unsigned gc_doc_pages(const gc_doc *doc) { return doc->pages; }
unsigned gc_doc_hidden_chars(const gc_doc *doc) { return doc->hidden; }
int gc_doc_truncated(const gc_doc *doc) { return (int)doc->truncated; }
size_t gc_doc_text_bytes(const gc_doc *doc) { return (size_t)doc->text_bytes; }
size_t gc_doc_n_found(const gc_doc *doc) { return doc->found->len; }
const char *gc_doc_text(const gc_doc *doc) { return doc->text; }

size_t gc_doc_found_skill(const gc_doc *doc, size_t i)
{
    return g_array_index(doc->found, uint32_t, i);
}

gc_how gc_doc_how(const gc_doc *doc, size_t skill)
{
    return skill < doc->n_skills ? (gc_how)doc->how[skill] : GC_ABSENT;
}

/* Evidence is sorted by skill: find the first record of a skill. */
static size_t ev_first(const gc_doc *doc, size_t skill, size_t *n_out)
{
    size_t lo = 0, hi = doc->ev->len;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (g_array_index(doc->ev, gc_ev, mid).skill < skill)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t n = 0;
    while (lo + n < doc->ev->len && g_array_index(doc->ev, gc_ev, lo + n).skill == skill)
        n++;
    *n_out = n;
    return lo;
}

size_t gc_doc_n_evidence(const gc_doc *doc, size_t skill)
{
    size_t n;
    ev_first(doc, skill, &n);
    return n;
}

const char *gc_doc_evidence(const gc_doc *doc, size_t skill, size_t i, unsigned *line_out,
                            const char **section_out, const char **matched_out)
{
    size_t n, first = ev_first(doc, skill, &n);
    const gc_ev *e = &g_array_index(doc->ev, gc_ev, first + i);

    if (line_out)
        *line_out = e->line;
    if (section_out)
        *section_out = section_name(doc, e->section);
    if (matched_out)
        *matched_out = str(doc, e->matched);
    return str(doc, e->text);
}

size_t gc_doc_n_implied_by(const gc_doc *doc, size_t skill)
{
    size_t n = 0;
    for (guint i = 0; i < doc->imp->len; i++)
        n += g_array_index(doc->imp, gc_imp, i).skill == skill;
    return n;
}

size_t gc_doc_implied_by(const gc_doc *doc, size_t skill, size_t k)
{
    for (guint i = 0; i < doc->imp->len; i++) {
        const gc_imp *x = &g_array_index(doc->imp, gc_imp, i);
        if (x->skill == skill && k-- == 0)
            return x->by;
    }
    return 0;
}

size_t gc_doc_n_misses(const gc_doc *doc) { return doc->miss->len; }

const char *gc_doc_miss(const gc_doc *doc, size_t i, size_t *skill_out, unsigned *line_out,
                        const char **text_out)
{
    const gc_miss *x = &g_array_index(doc->miss, gc_miss, i);

    *skill_out = x->skill;
    *line_out = x->line;
    *text_out = str(doc, x->text);
    return str(doc, x->reason);
}

/* ---- OCR and warnings ---------------------------------------------------- */

size_t gc_doc_n_ocr_pages(const gc_doc *doc) { return doc->ocr_pages->len; }
unsigned gc_doc_ocr_page(const gc_doc *doc, size_t i)
{
    return g_array_index(doc->ocr_pages, uint32_t, i);
}
double gc_doc_ocr_confidence(const gc_doc *doc) { return doc->ocr_conf; }
unsigned gc_doc_ocr_words(const gc_doc *doc) { return doc->ocr_words; }
unsigned gc_doc_ocr_dropped(const gc_doc *doc) { return doc->ocr_dropped; }
const char *gc_doc_ocr_lang(const gc_doc *doc) { return doc->ocr_lang; }

int gc_doc_line_ocr(const gc_doc *doc, unsigned line)
{
    for (guint i = 0; i + 1 < doc->ocr_lines->len; i += 2)
        if (line >= g_array_index(doc->ocr_lines, uint32_t, i) &&
            line <= g_array_index(doc->ocr_lines, uint32_t, i + 1))
            return 1;
    return 0;
}

int gc_doc_evidence_ocr(const gc_doc *doc, size_t skill, size_t i)
{
    unsigned line = 0;

    (void)gc_doc_evidence(doc, skill, i, &line, NULL, NULL);
    return gc_doc_line_ocr(doc, line);
}

static const struct {
    uint32_t bit;
    const char *name;
} warning_names[] = {
    {GC_WARN_GARBLED, "garbled_text"},
    {GC_WARN_OCR_INCOMPLETE, "ocr_incomplete"},
};
#define GC_WARN_ALL (GC_WARN_GARBLED | GC_WARN_OCR_INCOMPLETE)

size_t gc_doc_n_warnings(const gc_doc *doc)
{
    size_t n = 0;

    for (size_t k = 0; k < G_N_ELEMENTS(warning_names); k++)
        n += (doc->warnings & warning_names[k].bit) != 0;
    return n;
}

const char *gc_doc_warning(const gc_doc *doc, size_t i)
{
    for (size_t k = 0; k < G_N_ELEMENTS(warning_names); k++)
        if ((doc->warnings & warning_names[k].bit) && i-- == 0)
            return warning_names[k].name;
    return NULL;
}

size_t gc_doc_n_sections(const gc_doc *doc) { return doc->secs->len; }

const char *gc_doc_section(const gc_doc *doc, size_t i, unsigned *line_out)
{
    const gc_sec *s = &g_array_index(doc->secs, gc_sec, i);
    *line_out = s->line;
    return section_name(doc, s->section);
}

size_t gc_doc_n_positions(const gc_doc *doc) { return doc->positions->len; }
const char *gc_doc_name(const gc_doc *doc) { return doc->name ? str(doc, doc->name) : NULL; }

static gc_when when(const gc_date *d)
{
    return (gc_when){d->year, d->month, (gc_precision)d->prec};
}

void gc_doc_position(const gc_doc *doc, size_t i, gc_position_info *out)
{
    const gc_position *p = &g_array_index(doc->positions, gc_position, i);

    out->title = p->title ? str(doc, p->title) : NULL;
    out->org = p->org ? str(doc, p->org) : NULL;
    out->first_line = p->first_line;
    out->last_line = p->last_line;
    out->date_line = p->date_line;
    out->start = when(&p->start);
    out->end = when(&p->end);
    out->present = p->present;
}

/* ---- job postings ------------------------------------------------------- */

size_t gc_doc_n_alternatives(const gc_doc *doc) { return doc->alts->len; }

size_t gc_doc_alternatives(const gc_doc *doc, size_t i, unsigned *line_out,
                           const char **section_out)
{
    const gc_alt *a = &g_array_index(doc->alts, gc_alt, i);

    if (line_out)
        *line_out = a->line;
    if (section_out)
        *section_out = section_name(doc, a->section);
    return a->n;
}

size_t gc_doc_alternative_skill(const gc_doc *doc, size_t i, size_t k)
{
    return g_array_index(doc->alt_skills, uint32_t, g_array_index(doc->alts, gc_alt, i).first + k);
}

size_t gc_doc_n_years(const gc_doc *doc) { return doc->yasks->len; }

void gc_doc_years(const gc_doc *doc, size_t i, gc_years_info *out)
{
    const gc_yask *y = &g_array_index(doc->yasks, gc_yask, i);

    out->skill = y->skill < doc->n_skills ? (long)y->skill : -1;
    out->min = y->min;
    out->max = y->max;
    out->line = y->line;
    out->section = section_name(doc, y->section);
    out->text = str(doc, y->text);
    out->line_text = str(doc, y->ltext);
}

size_t gc_doc_n_heads(const gc_doc *doc) { return doc->heads->len; }

const char *gc_doc_head(const gc_doc *doc, size_t i, unsigned *line_out)
{
    const gc_head *h = &g_array_index(doc->heads, gc_head, i);

    if (line_out)
        *line_out = h->line;
    return str(doc, h->text);
}

/* ---- serialisation ------------------------------------------------------- */

#define DOC_MAGIC 0x32444347u  /* "GCD2" */

typedef struct doc_head {
    uint32_t magic, n_skills, pages, hidden, truncated;
    uint32_t n_found, n_ev, n_imp, n_miss, n_secs, n_positions, pool_len, name;
    uint32_t warnings, ocr_words, ocr_dropped, n_ocr_pages, n_ocr_lines;
    uint32_t n_alts, n_alt_skills, n_yasks, n_heads;
    uint64_t text_bytes;
    double ocr_conf;
    char format[16];
    char ocr_lang[GC_OCR_LANG_MAX];
    gc_err err;
} doc_head;

static void put(GString *s, const void *p, size_t n)
{
    g_string_append_len(s, p, (gssize)n);
}

int gc_doc_encode(char **buf_out, size_t *len_out, const gc_doc *doc, gc_err *err)
{
    doc_head h;
    GString *s = g_string_new(NULL);

    (void)err;
    memset(&h, 0, sizeof h);   /* padding too: the bytes cross a pipe */
    h.magic = DOC_MAGIC;
    h.n_skills = doc->n_skills;
    h.pages = doc->pages;
    h.hidden = doc->hidden;
    h.truncated = doc->truncated;
    h.n_found = doc->found->len;
    h.n_ev = doc->ev->len;
    h.n_imp = doc->imp->len;
    h.n_miss = doc->miss->len;
    h.n_secs = doc->secs->len;
    h.n_positions = doc->positions->len;
    h.pool_len = (uint32_t)doc->pool->len;
    h.name = doc->name;
    h.text_bytes = doc->text_bytes;
    h.err = doc->err;
    h.n_alts = doc->alts->len;
    h.n_alt_skills = doc->alt_skills->len;
    h.n_yasks = doc->yasks->len;
    h.n_heads = doc->heads->len;
    memcpy(h.format, doc->format, sizeof h.format);
    h.warnings = doc->warnings;
    h.ocr_words = doc->ocr_words;
    h.ocr_dropped = doc->ocr_dropped;
    h.n_ocr_pages = doc->ocr_pages->len;
    h.n_ocr_lines = doc->ocr_lines->len;
    h.ocr_conf = doc->ocr_conf;
    memcpy(h.ocr_lang, doc->ocr_lang, sizeof h.ocr_lang);
    put(s, &h, sizeof h);
    put(s, doc->how, doc->n_skills);
    put(s, doc->found->data, doc->found->len * sizeof(uint32_t));
    put(s, doc->ev->data, doc->ev->len * sizeof(gc_ev));
    put(s, doc->imp->data, doc->imp->len * sizeof(gc_imp));
    put(s, doc->miss->data, doc->miss->len * sizeof(gc_miss));
    put(s, doc->secs->data, doc->secs->len * sizeof(gc_sec));
    put(s, doc->positions->data, doc->positions->len * sizeof(gc_position));
    put(s, doc->ocr_pages->data, doc->ocr_pages->len * sizeof(uint32_t));
    put(s, doc->ocr_lines->data, doc->ocr_lines->len * sizeof(uint32_t));
    put(s, doc->alts->data, doc->alts->len * sizeof(gc_alt));
    put(s, doc->alt_skills->data, doc->alt_skills->len * sizeof(uint32_t));
    put(s, doc->yasks->data, doc->yasks->len * sizeof(gc_yask));
    put(s, doc->heads->data, doc->heads->len * sizeof(gc_head));
    put(s, doc->pool->str, doc->pool->len);
    *len_out = s->len;
    *buf_out = g_string_free(s, FALSE);
    return 0;
}

typedef struct reader {
    const char *p;
    size_t left;
} reader;

static int take(reader *r, GArray *a, size_t n, size_t size)
{
    if (n > r->left / (size ? size : 1))
        return -1;
    g_array_append_vals(a, r->p, (guint)n);
    r->p += n * size;
    r->left -= n * size;
    return 0;
}

static int valid_date(const gc_date *d)
{
    return d->year >= GC_DATE_YEAR_MIN && d->year <= GC_DATE_YEAR_MAX &&
           d->prec >= GC_DATE_YEAR && d->prec <= GC_DATE_MONTH &&
           (d->prec == GC_DATE_YEAR ? d->month == 0 : d->month >= 1 && d->month <= 12);
}

/* What the model will compute with: ordered lines, real dates. */
static int valid_position(const gc_position *p, size_t pool_len)
{
    return p->first_line >= 1 && p->first_line <= p->last_line && p->date_line >= p->first_line &&
           p->date_line <= p->last_line && p->title < pool_len && p->org < pool_len &&
           p->present <= 1 && valid_date(&p->start) && (p->present || valid_date(&p->end));
}

/* The OCR facts: pages ascending from 1, line pairs ordered, known
 * warnings, a confidence in 0..100 and a language list (gc_ocr_lang_valid's
 * characters), which reports print. */
static int valid_ocr(const gc_doc *doc)
{
    const uint32_t *pg = (const uint32_t *)(const void *)doc->ocr_pages->data;
    const uint32_t *ln = (const uint32_t *)(const void *)doc->ocr_lines->data;
    size_t n = strnlen(doc->ocr_lang, sizeof doc->ocr_lang);

    if ((doc->warnings & ~(uint32_t)GC_WARN_ALL) || n == sizeof doc->ocr_lang ||
        !(doc->ocr_conf >= 0 && doc->ocr_conf <= 100) || doc->ocr_lines->len % 2)
        return 0;
    if (strspn(doc->ocr_lang, "abcdefghijklmnopqrstuvwxyz_+") != n)
        return 0;
    for (guint i = 0; i < doc->ocr_pages->len; i++)
        if (pg[i] == 0 || (i > 0 && pg[i] <= pg[i - 1]))
            return 0;
    for (guint i = 0; i + 1 < doc->ocr_lines->len; i += 2)
        if (ln[i] == 0 || ln[i] > ln[i + 1])
            return 0;
    return 1;
}

/* A posting's groups, years and title lines: what the model indexes with. */
static int valid_posting(const gc_doc *doc, size_t n_sections)
{
    size_t pl = doc->pool->len;

    for (guint i = 0; i < doc->alts->len; i++) {
        const gc_alt *a = &g_array_index(doc->alts, gc_alt, i);
        if (a->section > n_sections || a->n < 2 || a->n > GC_POSTING_GROUP_SKILLS ||
            a->first > doc->alt_skills->len || a->n > doc->alt_skills->len - a->first)
            return 0;
    }
    for (guint i = 0; i < doc->alt_skills->len; i++)
        if (g_array_index(doc->alt_skills, uint32_t, i) >= doc->n_skills)
            return 0;
    for (guint i = 0; i < doc->yasks->len; i++) {
        const gc_yask *y = &g_array_index(doc->yasks, gc_yask, i);
        if (y->skill > doc->n_skills || y->section > n_sections || y->text >= pl ||
            y->ltext >= pl ||
            y->min < 1 || y->min > GC_PW_YEARS_MAX || (y->max && y->max <= y->min) ||
            y->max > GC_PW_YEARS_MAX)
            return 0;
    }
    for (guint i = 0; i < doc->heads->len; i++)
        if (g_array_index(doc->heads, gc_head, i).text >= pl)
            return 0;
    return 1;
}

static int valid(const gc_doc *doc, size_t n_sections)
{
    const char *pool = doc->pool->str;
    size_t pl = doc->pool->len;

    if (pl == 0 || pool[pl - 1] != '\0')
        return 0;
    for (guint i = 0; i < doc->found->len; i++)
        if (g_array_index(doc->found, uint32_t, i) >= doc->n_skills)
            return 0;
    for (guint i = 0; i < doc->ev->len; i++) {
        const gc_ev *e = &g_array_index(doc->ev, gc_ev, i);
        if (e->skill >= doc->n_skills || e->section > n_sections || e->text >= pl ||
            e->matched >= pl || (i > 0 && e->skill < g_array_index(doc->ev, gc_ev, i - 1).skill))
            return 0;
    }
    for (guint i = 0; i < doc->imp->len; i++) {
        const gc_imp *x = &g_array_index(doc->imp, gc_imp, i);
        if (x->skill >= doc->n_skills || x->by >= doc->n_skills)
            return 0;
    }
    for (guint i = 0; i < doc->miss->len; i++) {
        const gc_miss *x = &g_array_index(doc->miss, gc_miss, i);
        if (x->skill >= doc->n_skills || x->reason >= pl || x->text >= pl)
            return 0;
    }
    for (guint i = 0; i < doc->secs->len; i++)
        if (g_array_index(doc->secs, gc_sec, i).section > n_sections)
            return 0;
    for (uint32_t i = 0; i < doc->n_skills; i++)
        if (doc->how[i] > GC_EVIDENCED)
            return 0;
    for (guint i = 0; i < doc->positions->len; i++)
        if (!valid_position(&g_array_index(doc->positions, gc_position, i), pl))
            return 0;
    return valid_ocr(doc) && valid_posting(doc, n_sections);
}

static int decode_body(gc_doc *doc, reader *r, const doc_head *h)
{
    if (h->n_skills > r->left)
        return -1;
    memcpy(doc->how, r->p, h->n_skills);
    r->p += h->n_skills;
    r->left -= h->n_skills;
    if (take(r, doc->found, h->n_found, sizeof(uint32_t)) < 0 ||
        take(r, doc->ev, h->n_ev, sizeof(gc_ev)) < 0 ||
        take(r, doc->imp, h->n_imp, sizeof(gc_imp)) < 0 ||
        take(r, doc->miss, h->n_miss, sizeof(gc_miss)) < 0 ||
        take(r, doc->secs, h->n_secs, sizeof(gc_sec)) < 0 ||
        h->n_positions > GC_POSITIONS_MAX ||
        take(r, doc->positions, h->n_positions, sizeof(gc_position)) < 0 ||
        take(r, doc->ocr_pages, h->n_ocr_pages, sizeof(uint32_t)) < 0 ||
        take(r, doc->ocr_lines, h->n_ocr_lines, sizeof(uint32_t)) < 0 ||
        h->n_alts > GC_POSTING_GROUPS || take(r, doc->alts, h->n_alts, sizeof(gc_alt)) < 0 ||
        h->n_alt_skills > GC_POSTING_GROUPS * GC_POSTING_GROUP_SKILLS ||
        take(r, doc->alt_skills, h->n_alt_skills, sizeof(uint32_t)) < 0 ||
        h->n_yasks > GC_POSTING_YEARS || take(r, doc->yasks, h->n_yasks, sizeof(gc_yask)) < 0 ||
        h->n_heads > GC_POSTING_HEADS || take(r, doc->heads, h->n_heads, sizeof(gc_head)) < 0 ||
        r->left != h->pool_len)
        return -1;
    g_string_truncate(doc->pool, 0);
    g_string_append_len(doc->pool, r->p, (gssize)h->pool_len);
    return 0;
}

int gc_doc_decode(gc_doc **out, const gc_data *d, const char *buf, size_t len, gc_err *err)
{
    doc_head h;
    reader r = {buf + sizeof h, len - sizeof h};
    gc_doc *doc;

    *out = NULL;
    if (len < sizeof h)
        return gc_err_set(err, GC_ECRASH, NULL, 0, 0, "the parser sent a truncated result");
    memcpy(&h, buf, sizeof h);
    if (h.magic != DOC_MAGIC || h.n_skills != d->skills->len)
        return gc_err_set(err, GC_ECRASH, NULL, 0, 0, "the parser sent a malformed result");
    doc = gc_doc_new(d);
    /* The error code and the format name are the child's word too: only a
     * known code (or none) and a known format name, which reports print
     * (an error document may have none). */
    h.format[sizeof h.format - 1] = '\0';
    doc->warnings = h.warnings;
    doc->ocr_conf = h.ocr_conf;
    memcpy(doc->ocr_lang, h.ocr_lang, sizeof doc->ocr_lang);
    if (decode_body(doc, &r, &h) < 0 || !valid(doc, d->sections->len) || h.name >= h.pool_len ||
        h.err.code > 0 || strcmp(gc_code_name(h.err.code), "unknown") == 0 ||
        (gc_format_from_name(h.format) < 0 && (h.format[0] || !h.err.code))) {
        gc_doc_free(doc);
        return gc_err_set(err, GC_ECRASH, NULL, 0, 0, "the parser sent a malformed result");
    }
    doc->name = h.name;
    doc->pages = h.pages;
    doc->hidden = h.hidden;
    doc->truncated = h.truncated;
    doc->text_bytes = h.text_bytes;
    doc->ocr_words = h.ocr_words;
    doc->ocr_dropped = h.ocr_dropped;
    memcpy(doc->format, h.format, sizeof doc->format);
    doc->format[sizeof doc->format - 1] = '\0';
    doc->err = h.err;
    doc->err.msg[sizeof doc->err.msg - 1] = '\0';
    doc->err.detail[sizeof doc->err.detail - 1] = '\0';
    doc->err.path[sizeof doc->err.path - 1] = '\0';
    *out = doc;
    return 0;
}
