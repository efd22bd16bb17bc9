/* libFuzzer target: the date parser (src/match/dates.c) on every line of
 * the input, then the positions stage (positions.c) and the experience
 * model (experience.c) on the input placed under an EXPERIENCE heading,
 * with the bundled lexicon's calendar (lexicon/dates.yaml) loaded once.
 * Run it from the repository root, or set GAPCHECK_DATA to the directory
 * holding lexicon/ and roles/.
 *
 * Besides memory errors, it aborts when a documented property breaks:
 *   - gc_dates_find: at most `max` ranges, in line order, inside the
 *     searched bytes (GC_DATE_LINE_BYTES); years 1900-2099; a month of
 *     1-12 unless the precision is a year (then 0);
 *   - positions: at most GC_POSITIONS_MAX, first_line <= date_line <=
 *     last_line;
 *   - experience: a position's months are -1 (not started) or 1.., never
 *     more than the span from its earliest date to the as-of month; the
 *     total is the union, so at most the span from the earliest date of a
 *     started position to the as-of month and at most the sum of the parts;
 *     a skill's months at most the total. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "match/dates.h"
#include "match/normalize.h"

static gc_data *data;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    gc_limits lim = fuzz_limits();
    gc_err err = GC_ERR_INIT;
    const char *root = getenv("GAPCHECK_DATA");
    char lex[4096], roles[4096];
    gc_data_builder *b;

    (void)argc;
    (void)argv;
    fuzz_init_libs();
    if (root == NULL)
        root = ".";
    snprintf(lex, sizeof lex, "%s/lexicon", root);
    snprintf(roles, sizeof roles, "%s/roles", root);
    b = gc_data_builder_new(&lim);
    if (b == NULL || gc_data_add_dir(b, GC_DATA_LEXICON, lex, 0, &err) < 0 ||
        gc_data_add_dir(b, GC_DATA_ROLES, roles, 0, &err) < 0 ||
        gc_data_build(&data, b, &err) < 0) {
        fprintf(stderr, "fuzz_dates: cannot load %s: %s\n", lex, err.msg);
        exit(1);
    }
    return 0;
}

#define MUST(cond)                                                                   \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "fuzz_dates: property broken: %s (line %d)\n", #cond, __LINE__); \
            abort();                                                                 \
        }                                                                            \
    } while (0)

static void check_date(const gc_date *d)
{
    MUST(d->year >= GC_DATE_YEAR_MIN && d->year <= GC_DATE_YEAR_MAX);
    MUST(d->prec == GC_DATE_YEAR || d->prec == GC_DATE_SEASON || d->prec == GC_DATE_MONTH);
    MUST(d->prec == GC_DATE_YEAR ? d->month == 0 : d->month >= 1 && d->month <= 12);
}

static void check_line(const char *s, size_t n)
{
    gc_date_range r[8];
    size_t max = 1 + n % 8;   /* vary the room, the cut must hold at any */
    size_t got = gc_dates_find(r, max, data, s, n), searched = n < GC_DATE_LINE_BYTES ? n
                                                               : GC_DATE_LINE_BYTES;

    MUST(got <= max);
    for (size_t i = 0; i < got; i++) {
        check_date(&r[i].start);
        if (!r[i].present)
            check_date(&r[i].end);
        MUST((size_t)r[i].at + r[i].len <= searched);
        MUST(r[i].len > 0);
        MUST(i == 0 || r[i].at >= r[i - 1].at);
    }
    (void)gc_dates_starts_present(data, s, n);
}

/* The lower bound of a date in absolute months: January of a bare year. */
static int lower(gc_when w)
{
    return GC_MONTH(w.year, w.precision == GC_PREC_YEAR ? 1 : w.month);
}

static void check_experience(const gc_doc *doc, int as_of)
{
    gc_experience *x = NULL;
    gc_err err = GC_ERR_INIT;
    int earliest = as_of + 1, sum = 0;

    if (gc_experience_new(&x, data, doc, as_of, &err) < 0)
        return;
    MUST(gc_experience_n_positions(x) == gc_doc_n_positions(doc));
    for (size_t i = 0; i < gc_doc_n_positions(doc); i++) {
        gc_position_info p;
        gc_doc_position(doc, i, &p);
        int m = gc_experience_position_months(x, i), lo = lower(p.start);
        if (!p.present && lower(p.end) < lo)
            lo = lower(p.end);
        MUST(m == -1 || m >= 1);
        if (m < 0)
            continue;
        MUST(lo <= as_of);
        MUST(m <= as_of - lo + 1);
        if (lo < earliest)
            earliest = lo;
        sum += m;
    }
    int total = gc_experience_total_months(x);
    MUST(total >= 0);
    MUST(total <= sum);
    MUST(total == 0 || total <= as_of - earliest + 1);
    for (size_t f = 0; f < gc_doc_n_found(doc); f++) {
        gc_skill_use_info u;
        if (gc_experience_skill(x, gc_doc_found_skill(doc, f), &u)) {
            MUST(u.months >= 1 && u.months <= total);
            MUST(u.months_since >= 0);
        }
    }
    gc_experience_free(x);
}

static void check_positions(const char *text, size_t len)
{
    gc_limits lim = fuzz_limits();
    gc_err err = GC_ERR_INIT;
    gc_analyze_opts opts = {NULL, 0, 0};
    gc_doc *doc = NULL;

    if (gc_analyze_text(&doc, data, text, len, &lim, &opts, &err) < 0)
        return;
    MUST(gc_doc_n_positions(doc) <= GC_POSITIONS_MAX);
    for (size_t i = 0; i < gc_doc_n_positions(doc); i++) {
        gc_position_info p;
        gc_doc_position(doc, i, &p);
        MUST(p.first_line >= 1 && p.first_line <= p.date_line && p.date_line <= p.last_line);
    }
    check_experience(doc, GC_MONTH(2026, 12));
    check_experience(doc, GC_MONTH(1990, 6));   /* most dates lie after it */
    gc_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *buf, size_t size)
{
    char *norm = NULL;
    size_t nl = 0;
    gc_err err = GC_ERR_INIT;

    /* the date parser sees normalised lines (analyze.c normalises first) */
    if (gc_normalize(&norm, &nl, (const char *)buf, size, &err) < 0)
        return 0;
    for (size_t at = 0, lines = 0; at <= nl && lines < 4096; lines++) {
        const char *e = memchr(norm + at, '\n', nl - at);
        size_t n = e ? (size_t)(e - (norm + at)) : nl - at;
        check_line(norm + at, n);
        at += n + 1;
    }
    free(norm);
    /* positions: the raw input under an experience heading */
    char *text = malloc(size + 12);
    if (text == NULL)
        return 0;
    memcpy(text, "EXPERIENCE\n", 11);
    memcpy(text + 11, buf, size);
    check_positions(text, size + 11);
    free(text);
    return 0;
}
