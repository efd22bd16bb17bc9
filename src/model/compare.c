/* compare: two versions of one person's résumé measured against one role
 * with the same request, and what changed between them — skills gained,
 * lost and changed (how shown, months, basis, credit), coverage and months
 * left per phase, months to ready, experience, positions added and
 * removed.  Coaching is measured by this progress between sessions
 * (`gapcheck diff`).  Pure; no I/O.  The definitions are gapcheck.h's. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "model/model_int.h"

/* A credit change smaller than this is rounding, not a change: reports
 * show whole percentages. */
#define CREDIT_EPS 0.005

struct gc_diff {
    const gc_data *d;
    gc_result *before, *after;
    const gc_score *sc_before, *sc_after;
    const gc_role *role;
    int by_fit;
    gc_skill_diff *skills;
    size_t n_skills;
    size_t *added, *removed;
    size_t n_added, n_removed;
};

const char *gc_change_name(gc_change c)
{
    static const char *const names[] = {"none", "gained", "lost", "changed"};
    return (unsigned)c < G_N_ELEMENTS(names) ? names[c] : "none";
}

/* ---- skills ----------------------------------------------------------- */

static gc_skill_side side(const gc_data *d, const gc_result *r, const gc_score *sc,
                          const gc_role *role, size_t skill, long phase, size_t at)
{
    const gc_doc *doc = gc_result_doc(r);
    const gc_experience *x = gc_result_experience(r);
    gc_skill_side s = {gc_doc_how(doc, skill), -1, -1, {0, 0, 0, GC_BASIS_NONE, 0}};
    gc_skill_use_info u;

    if (s.how == GC_EVIDENCED && gc_experience_skill(x, skill, &u)) {
        s.months = u.months;
        s.months_since = u.months_since;
    }
    if (phase >= 0)
        s.credit = gc_score_skill_credit(sc, (size_t)phase, at);
    else if (s.how != GC_ABSENT)
        s.credit = gc_model_credit(d, doc, x, role, NULL, skill);
    return s;
}

/* Credit counts for the role's skills only: another skill's own credit
 * moves with what implies it, which its months and basis already say. */
static gc_change classify(const gc_skill_side *a, const gc_skill_side *b, int in_role)
{
    if (a->how == GC_ABSENT && b->how != GC_ABSENT)
        return GC_CHANGE_GAINED;
    if (a->how != GC_ABSENT && b->how == GC_ABSENT)
        return GC_CHANGE_LOST;
    if (a->how != b->how || a->months != b->months || a->months_since != b->months_since ||
        a->credit.basis != b->credit.basis ||
        (in_role && fabs(a->credit.credit - b->credit.credit) >= CREDIT_EPS))
        return GC_CHANGE_CHANGED;
    return GC_CHANGE_NONE;
}

static int sign(double d)
{
    return (d > 0) - (d < 0);
}

static int direction(const gc_skill_diff *e)
{
    const gc_skill_side *a = &e->before, *b = &e->after;

    if (e->change == GC_CHANGE_GAINED || e->change == GC_CHANGE_LOST)
        return e->change == GC_CHANGE_GAINED ? 1 : -1;
    if (fabs(b->credit.credit - a->credit.credit) >= CREDIT_EPS)
        return sign(b->credit.credit - a->credit.credit);
    if (a->months != b->months)
        return sign(b->months - a->months);
    if (a->months_since != b->months_since && a->months_since >= 0 && b->months_since >= 0)
        return sign(a->months_since - b->months_since);
    return 0;
}

static void add_skill(gc_diff *df, size_t skill, long phase, size_t at)
{
    gc_skill_diff *e = &df->skills[df->n_skills++];

    e->skill = skill;
    e->in_role = phase >= 0;
    e->phase = phase;
    e->before = side(df->d, df->before, df->sc_before, df->role, skill, phase, at);
    e->after = side(df->d, df->after, df->sc_after, df->role, skill, phase, at);
    e->change = classify(&e->before, &e->after, e->in_role);
    e->direction = direction(e);
}

static int compare_skills(gc_diff *df, gc_err *err)
{
    size_t n = gc_data_n_skills(df->d);
    const gc_doc *a = gc_result_doc(df->before), *b = gc_result_doc(df->after);
    unsigned char *seen = calloc(n + 1, 1);

    df->skills = calloc(n + 1, sizeof *df->skills);
    if (seen == NULL || df->skills == NULL) {
        free(seen);
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t p = 0; p < gc_role_n_phases(df->role); p++)
        for (size_t i = 0; i < gc_role_phase_n_skills(df->role, p); i++) {
            size_t s = gc_role_phase_skill(df->role, p, i, NULL);
            if (s < n && !seen[s]) {
                seen[s] = 1;
                add_skill(df, s, (long)p, i);
            }
        }
    for (size_t s = 0; s < n; s++)
        if (!seen[s] && (gc_doc_how(a, s) != GC_ABSENT || gc_doc_how(b, s) != GC_ABSENT))
            add_skill(df, s, -1, 0);
    free(seen);
    return 0;
}

/* ---- positions -------------------------------------------------------- */

/* Appends s case-folded, with runs of white space as one space and none
 * at either end. */
static void fold(GString *k, const char *s)
{
    char *f = g_utf8_casefold(s ? s : "", -1);
    int space = 0;
    size_t start = k->len;

    for (const char *c = f; *c; c++) {
        if (g_ascii_isspace(*c)) {
            space = k->len > start;
            continue;
        }
        if (space)
            g_string_append_c(k, ' ');
        space = 0;
        g_string_append_c(k, *c);
    }
    g_free(f);
}

/* Title and organisation, folded: "" when neither. */
static char *position_key(const gc_doc *doc, size_t i, gc_position_info *p)
{
    GString *k = g_string_new(NULL);

    gc_doc_position(doc, i, p);
    if (p->title || p->org) {
        fold(k, p->title);
        g_string_append_c(k, '\t');
        fold(k, p->org);
    }
    return g_string_free(k, FALSE);
}

static int same_when(gc_when a, gc_when b)
{
    return a.year == b.year && a.month == b.month && a.precision == b.precision;
}

typedef struct pos_keys {
    size_t n;
    char **key;
    gc_position_info *info;
    long *match;   /* the other version's position, or -1 */
} pos_keys;

static void keys_of(pos_keys *k, const gc_doc *doc)
{
    k->n = gc_doc_n_positions(doc);
    k->key = g_new0(char *, k->n + 1);
    k->info = g_new0(gc_position_info, k->n + 1);
    k->match = g_new(long, k->n + 1);
    for (size_t i = 0; i < k->n; i++) {
        k->key[i] = position_key(doc, i, &k->info[i]);
        k->match[i] = -1;
    }
}

static void keys_free(pos_keys *k)
{
    for (size_t i = 0; i < k->n; i++)
        g_free(k->key[i]);
    g_free(k->key);
    g_free(k->info);
    g_free(k->match);
}

/* Pass 0: same title, organisation and start; pass 1: same title and
 * organisation (a corrected start date), never two untitled positions. */
static void match_positions(pos_keys *a, pos_keys *b)
{
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < a->n; i++) {
            if (a->match[i] >= 0 || (pass == 1 && a->key[i][0] == '\0'))
                continue;
            for (size_t j = 0; j < b->n; j++) {
                if (b->match[j] >= 0 || strcmp(a->key[i], b->key[j]) != 0 ||
                    (pass == 0 && !same_when(a->info[i].start, b->info[j].start)))
                    continue;
                a->match[i] = (long)j;
                b->match[j] = (long)i;
                break;
            }
        }
}

static int compare_positions(gc_diff *df, gc_err *err)
{
    pos_keys a, b;

    keys_of(&a, gc_result_doc(df->before));
    keys_of(&b, gc_result_doc(df->after));
    match_positions(&a, &b);
    df->added = calloc(b.n + 1, sizeof *df->added);
    df->removed = calloc(a.n + 1, sizeof *df->removed);
    if (df->added && df->removed) {
        for (size_t j = 0; j < b.n; j++)
            if (b.match[j] < 0)
                df->added[df->n_added++] = j;
        for (size_t i = 0; i < a.n; i++)
            if (a.match[i] < 0)
                df->removed[df->n_removed++] = i;
    }
    keys_free(&a);
    keys_free(&b);
    if (df->added == NULL || df->removed == NULL)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    return 0;
}

/* ---- the comparison ----------------------------------------------------- */

static int results(gc_diff *df, const char *before_file, gc_doc *before,
                   const char *after_file, gc_doc *after, const gc_request *req, gc_err *err)
{
    gc_request q = *req;
    int rc;

    q.suggest = q.role == NULL;   /* no role given: every role, for the best fit */
    q.posting = NULL;
    q.posting_file = NULL;
    rc = gc_result_new(&df->after, df->d, after_file, after, &q, err);
    if (rc < 0) {
        gc_doc_free(before);
        return rc;
    }
    df->sc_after = gc_result_main_score(df->after);
    if (df->sc_after == NULL) {
        gc_doc_free(before);
        return gc_err_set(err, GC_ENOROLE, NULL, 0, 0,
                          "no role fits the later version yet (none of the roles' skills "
                          "was found): choose one with --role");
    }
    df->role = gc_score_role(df->sc_after);
    df->by_fit = req->role == NULL;
    q.role = df->role;
    q.suggest = 0;
    if ((rc = gc_result_new(&df->before, df->d, before_file, before, &q, err)) < 0)
        return rc;
    df->sc_before = gc_result_score(df->before);
    return 0;
}

int gc_diff_new(gc_diff **out, const gc_data *d, const char *before_file, gc_doc *before,
                const char *after_file, gc_doc *after, const gc_request *req, gc_err *err)
{
    gc_diff *df;
    int rc;

    *out = NULL;
    for (int i = 0; i < 2; i++) {
        const gc_doc *doc = i ? after : before;
        if (doc == NULL || gc_doc_error(doc) != NULL) {
            const char *file = i ? after_file : before_file;
            rc = gc_err_set(err, GC_EUSAGE, NULL, 0, 0, "%s could not be analysed: %s",
                            file ? file : "a document",
                            doc ? gc_doc_error(doc)->msg : "no document");
            gc_doc_free(before);
            gc_doc_free(after);
            return rc;
        }
    }
    if ((df = calloc(1, sizeof *df)) == NULL) {
        gc_doc_free(before);
        gc_doc_free(after);
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    }
    df->d = d;
    if ((rc = results(df, before_file, before, after_file, after, req, err)) < 0 ||
        (rc = compare_skills(df, err)) < 0 || (rc = compare_positions(df, err)) < 0) {
        gc_diff_free(df);
        return rc;
    }
    *out = df;
    return 0;
}

void gc_diff_free(gc_diff *df)
{
    if (df == NULL)
        return;
    gc_result_free(df->before);
    gc_result_free(df->after);
    free(df->skills);
    free(df->added);
    free(df->removed);
    free(df);
}

const gc_data *gc_diff_data(const gc_diff *df) { return df->d; }
const gc_result *gc_diff_before(const gc_diff *df) { return df->before; }
const gc_result *gc_diff_after(const gc_diff *df) { return df->after; }
const gc_role *gc_diff_role(const gc_diff *df) { return df->role; }
int gc_diff_role_by_fit(const gc_diff *df) { return df->by_fit; }
const gc_score *gc_diff_score_before(const gc_diff *df) { return df->sc_before; }
const gc_score *gc_diff_score_after(const gc_diff *df) { return df->sc_after; }
size_t gc_diff_n_skills(const gc_diff *df) { return df->n_skills; }
const gc_skill_diff *gc_diff_skill(const gc_diff *df, size_t i) { return &df->skills[i]; }
size_t gc_diff_n_added(const gc_diff *df) { return df->n_added; }
size_t gc_diff_added(const gc_diff *df, size_t i) { return df->added[i]; }
size_t gc_diff_n_removed(const gc_diff *df) { return df->n_removed; }
size_t gc_diff_removed(const gc_diff *df, size_t i) { return df->removed[i]; }

size_t gc_diff_count(const gc_diff *df, gc_change c)
{
    size_t n = 0;

    for (size_t i = 0; i < df->n_skills; i++)
        n += df->skills[i].change == c;
    return n;
}

int gc_diff_same_person(const gc_diff *df)
{
    const char *a = gc_doc_name(gc_result_doc(df->before));
    const char *b = gc_doc_name(gc_result_doc(df->after));
    GString *ka, *kb;
    int same;

    if (a == NULL || b == NULL)
        return 1;
    ka = g_string_new(NULL);
    kb = g_string_new(NULL);
    fold(ka, a);
    fold(kb, b);
    same = strcmp(ka->str, kb->str) == 0;
    g_string_free(ka, TRUE);
    g_string_free(kb, TRUE);
    return same;
}

int gc_diff_same(const gc_diff *df)
{
    const gc_experience *a = gc_result_experience(df->before), *b = gc_result_experience(df->after);

    if (gc_diff_count(df, GC_CHANGE_NONE) != df->n_skills || df->n_added || df->n_removed ||
        gc_experience_total_months(a) != gc_experience_total_months(b) ||
        gc_experience_n_positions(a) != gc_experience_n_positions(b))
        return 0;
    for (size_t p = 0; p < gc_role_n_phases(df->role); p++)
        if (fabs(gc_score_phase_coverage(df->sc_before, p) -
                 gc_score_phase_coverage(df->sc_after, p)) > 1e-9)
            return 0;
    return 1;
}
