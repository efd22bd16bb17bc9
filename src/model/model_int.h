/* model_int.h: the layouts behind the model's public types (gapcheck.h),
 * shared by experience.c, credit.c, score.c, job.c and result.c.  Not part
 * of the public API. */
#ifndef GC_MODEL_INT_H
#define GC_MODEL_INT_H

#include <stddef.h>

#include "data/data_int.h"
#include "gapcheck.h"
#include "match/dates.h"

/* A position resolved against the as-of month: [from, to] in absolute
 * months (year * 12 + month - 1), both counted. */
typedef struct gc_xposition {
    unsigned first_line, last_line;
    const char *title;          /* borrowed from the doc, or NULL */
    gc_date start, end;
    int present, live;          /* live: started by the as-of month */
    int from, to, months;
} gc_xposition;

/* One skill's use in dated positions. */
typedef struct gc_skill_use {
    int months;                 /* union of its positions; -1 in none */
    int first, last;            /* absolute months */
    gc_date first_when, last_when;
    int last_present, listed;   /* listed: evidence outside dated positions too */
} gc_skill_use;

struct gc_experience {
    int as_of, total_months;
    size_t n, n_skills;
    gc_xposition *pos;
    /* Only the evidenced skills, by id ascending: a few dozen of the
     * lexicon's thousand, and a document's result is built per file. */
    size_t n_use;
    uint32_t *use_id;
    gc_skill_use *use;
};

/* The use of one skill: {months -1} for one not evidenced. */
const gc_skill_use *gc_experience_use(const gc_experience *x, size_t skill);

/* Months covered by the [from, to] intervals (sorted in place). */
int gc_union_months(int (*iv)[2], size_t n);

/* credit.c: the length of the longest of r's titles standing in `title`
 * as whole words (case-folded), 0 when none does. */
size_t gc_model_title_match(const gc_role *r, const char *title);

/* plan.c: skills[0..n) in learning order: each after those of them it
 * requires (directly or through a chain), otherwise in the order given.
 * Writes n indexes to out; returns n. */
size_t gc_plan_order(size_t *out, const gc_data *d, const size_t *skills, size_t n);

#endif
