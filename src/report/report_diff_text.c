/* Text report of a comparison (gapcheck diff), for people: the two
 * versions, the role, months to ready and coverage before → after, a
 * table of the phases, the skills gained, lost and changed (how each is
 * shown before → after, and its credit towards the role), and the
 * positions added and removed.  Colour only when the caller says so;
 * lines wrap at o->width. */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "report/diff_formats.h"
#include "report/report_int.h"


/* "before: FILE (pdf, 1 page): 18 skills found" */
static void version(gc_buf *b, const char *label, const gc_result *r, const gc_report_opts *o)
{
    const gc_doc *doc = gc_result_doc(r);

    gc_buf_printf(b, "  %s ", label);
    gc_text_clean(b, gc_result_file(r), 0);
    gc_buf_printf(b, " (%s", gc_doc_format(doc));
    if (gc_doc_pages(doc))
        gc_buf_printf(b, ", %u page%s", gc_doc_pages(doc), gc_doc_pages(doc) == 1 ? "" : "s");
    gc_buf_printf(b, "): %zu skill%s found\n", gc_doc_n_found(doc),
                  gc_doc_n_found(doc) == 1 ? "" : "s");
    if (gc_doc_hidden_chars(doc))
        gc_buf_printf(b, "    %snote: %u characters of hidden text were ignored%s\n",
                      gc_col(o, YELLOW), gc_doc_hidden_chars(doc), gc_col(o, RESET));
}

static void person(gc_buf *b, const gc_diff *df, const gc_report_opts *o)
{
    const char *a = gc_doc_name(gc_result_doc(gc_diff_before(df)));
    const char *z = gc_doc_name(gc_result_doc(gc_diff_after(df)));

    if (o->redact || (a == NULL && z == NULL))
        return;
    gc_buf_adds(b, "  person: ");
    gc_text_clean(b, z ? z : a, 0);
    gc_buf_addc(b, '\n');
    if (a && z && !gc_diff_same_person(df)) {
        gc_buf_printf(b, "  %snote: the earlier version names ", gc_col(o, YELLOW));
        gc_text_clean(b, a, 0);
        gc_buf_printf(b, ": are these two versions of one résumé?%s\n", gc_col(o, RESET));
    }
}

static void experience(gc_buf *b, const gc_diff *df)
{
    const gc_experience *x = gc_result_experience(gc_diff_before(df));
    const gc_experience *y = gc_result_experience(gc_diff_after(df));
    size_t n = gc_experience_n_positions(x), m = gc_experience_n_positions(y);
    int as_of = gc_experience_as_of(y);

    if (n == 0 && m == 0) {
        gc_buf_adds(b, "  experience: no dated positions in either version\n");
        return;
    }
    gc_buf_adds(b, "  experience: ");
    gc_report_duration(b, gc_experience_total_months(x));
    gc_buf_printf(b, " in %zu dated position%s → ", n, n == 1 ? "" : "s");
    gc_report_duration(b, gc_experience_total_months(y));
    gc_buf_printf(b, " in %zu (as of %d-%02d)\n", m, as_of / 12, as_of % 12 + 1);
}

static void role(gc_buf *b, const gc_diff *df, const gc_report_opts *o)
{
    const gc_role *r = gc_diff_role(df);
    const gc_score *a = gc_diff_score_before(df), *z = gc_diff_score_after(df);
    double saved = gc_score_months_to_ready(a) - gc_score_months_to_ready(z);

    gc_buf_printf(b, "  target: %s (%s), %g months at %g h/week\n", gc_role_title(r),
                  gc_role_id(r), gc_role_months(r), gc_role_hours_per_week(r));
    if (gc_diff_role_by_fit(df))
        gc_buf_adds(b, "  note: no --role given: the role that fits the later version best\n");
    gc_buf_printf(b, "  %sready in about %.1f → ", gc_col(o, BOLD),
                  round(gc_score_months_to_ready(a) * 10) / 10);
    gc_report_months(b, gc_score_months_to_ready(z));
    gc_buf_printf(b, " at %g h/week%s", gc_score_hours(z), gc_col(o, RESET));
    if (round(saved * 10) != 0) {
        gc_buf_printf(b, " (%s", gc_col(o, saved > 0 ? GREEN : RED));
        gc_report_months(b, fabs(saved));
        gc_buf_printf(b, " %s%s)", saved > 0 ? "sooner" : "later", gc_col(o, RESET));
    }
    gc_buf_printf(b, "\n  coverage %d%% → %d%%\n", gc_report_pct(gc_score_coverage(a)),
                  gc_report_pct(gc_score_coverage(z)));
}

#define PHASE_COL 32   /* the phase titles' column */

static void phases(gc_buf *b, const gc_diff *df, const gc_report_opts *o)
{
    const gc_role *r = gc_diff_role(df);
    const gc_score *a = gc_diff_score_before(df), *z = gc_diff_score_after(df);

    gc_buf_printf(b, "\n  %s%-*s %-11s   %s%s\n", gc_col(o, BOLD), PHASE_COL, "phase", "coverage",
                  "months left", gc_col(o, RESET));
    for (size_t p = 0; p < gc_role_n_phases(r); p++) {
        double ca = gc_score_phase_coverage(a, p), cz = gc_score_phase_coverage(z, p);
        char *title = g_strdup_printf("%zu. %s", p + 1, gc_role_phase_title(r, p));
        size_t w = gc_visible_len(title);
        gc_buf_printf(b, "  %s", title);
        gc_buf_repeat(b, " ", w < PHASE_COL ? PHASE_COL - w + 1 : 1);
        g_free(title);
        gc_buf_printf(b, "%3d%% → %s%3d%%%s   %4.1f → %4.1f\n", gc_report_pct(ca),
                      gc_col(o, cz > ca + 1e-9 ? GREEN : cz < ca - 1e-9 ? RED : ""),
                      gc_report_pct(cz), gc_col(o, RESET), gc_score_phase_months_left(a, p),
                      gc_score_phase_months_left(z, p));
    }
}

/* ---- skills ------------------------------------------------------------ */

/* How one version shows a skill: "4 y, current", "listed only", "implied
 * by MLflow", or "" when it does not. */
static char *use_of(const gc_result *r, size_t skill)
{
    gc_buf u = {0};
    char *s;

    gc_report_use(&u, r, skill);
    s = g_strdup(u.data ? u.data : "");
    gc_buf_free(&u);
    return s;
}

static void evidence_lines(gc_buf *b, const gc_result *r, size_t s, const gc_report_opts *o)
{
    const gc_doc *doc = gc_result_doc(r);

    if (gc_doc_how(doc, s) != GC_EVIDENCED)
        return;
    for (size_t i = 0; i < gc_doc_n_evidence(doc, s); i++) {
        unsigned line;
        const char *sec;
        const char *text = gc_doc_evidence(doc, s, i, &line, &sec, NULL);
        gc_buf_printf(b, "         %sline %u", gc_col(o, DIM), line);
        if (sec)
            gc_buf_printf(b, " (%s)", sec);
        gc_buf_adds(b, ": ");
        gc_text_clean(b, text, o->redact);
        gc_buf_printf(b, "%s\n", gc_col(o, RESET));
    }
}

/* A part of a skill's line: whole, on the next line when it does not fit
 * on this one; word by word only when it is longer than a line. */
static void words(gc_wrap *w, const char *sep, const char *text)
{
    char **v;

    if (w->indent + gc_visible_len(text) <= w->width) {
        gc_wrap_item(w, sep, text);
        return;
    }
    v = g_strsplit(text, " ", -1);

    for (size_t i = 0; v[i]; i++)
        if (v[i][0])
            gc_wrap_item(w, i == 0 ? sep : " ", v[i]);
    g_strfreev(v);
}

/* "↑ Python  2.5 y, last used 2020-01 → 4 y, current  credit 60% → 100%" */
static void skill_line(gc_buf *b, const gc_diff *df, const gc_skill_diff *e,
                       const gc_report_opts *o)
{
    const gc_data *d = gc_diff_data(df);
    const gc_result *before = gc_diff_before(df), *after = gc_diff_after(df);
    int dir = e->direction;
    const char *mark = e->change == GC_CHANGE_GAINED ? "+" : e->change == GC_CHANGE_LOST ? "-"
                       : dir > 0 ? "↑" : dir < 0 ? "↓" : "~";
    char *ua = use_of(before, e->skill), *uz = use_of(after, e->skill);
    char *item;
    gc_wrap w;

    gc_buf_adds(b, "     ");
    w = gc_wrap_start(b, o->width, 7);
    item = g_strdup_printf("%s%s%s %s", gc_col(o, dir > 0 ? GREEN : dir < 0 ? RED : YELLOW), mark,
                           gc_col(o, RESET), gc_skill_name(d, e->skill));
    gc_wrap_item(&w, "", item);
    g_free(item);
    item = NULL;
    if (e->change == GC_CHANGE_GAINED && uz[0])
        item = g_strdup(uz);
    else if (e->change == GC_CHANGE_LOST && ua[0])
        item = g_strdup_printf("was %s", ua);
    else if (e->change == GC_CHANGE_CHANGED && strcmp(ua, uz) != 0)
        item = g_strdup_printf("%s → %s", ua[0] ? ua : "not shown", uz[0] ? uz : "not shown");
    if (item)
        words(&w, "  ", item);
    g_free(item);
    if (e->in_role && gc_report_pct(e->before.credit.credit) !=
                          gc_report_pct(e->after.credit.credit)) {
        item = g_strdup_printf("credit %d%% → %d%%%s", gc_report_pct(e->before.credit.credit),
                               gc_report_pct(e->after.credit.credit),
                               e->after.credit.basis == GC_BASIS_TITLE &&
                                       e->before.credit.basis != GC_BASIS_TITLE
                                   ? " (from the role's title)" : "");
        words(&w, "  ", item);
        g_free(item);
    }
    gc_buf_addc(b, '\n');
    if (o->explain)
        evidence_lines(b, e->change == GC_CHANGE_LOST ? before : after, e->skill, o);
    g_free(ua);
    g_free(uz);
}

static void skills(gc_buf *b, const gc_diff *df, gc_change which, const char *title,
                   const gc_report_opts *o)
{
    size_t n = gc_diff_count(df, which);

    if (n == 0)
        return;
    gc_buf_printf(b, "\n  %s%s (%zu)%s\n", gc_col(o, BOLD), title, n, gc_col(o, RESET));
    for (size_t i = 0; i < gc_diff_n_skills(df); i++)
        if (gc_diff_skill(df, i)->change == which)
            skill_line(b, df, gc_diff_skill(df, i), o);
}

/* ---- positions ---------------------------------------------------------- */

static void position(gc_buf *b, const gc_result *r, size_t i, const gc_report_opts *o)
{
    gc_position_info p;
    int months = gc_experience_position_months(gc_result_experience(r), i);

    gc_doc_position(gc_result_doc(r), i, &p);
    gc_buf_adds(b, "     ");
    gc_report_when(b, p.start);
    gc_buf_adds(b, " – ");
    gc_report_end(b, &p);
    gc_buf_adds(b, "  ");
    gc_text_clean(b, p.title ? p.title : "(no title)", o->redact);
    if (p.org) {
        gc_buf_adds(b, ", ");
        gc_text_clean(b, p.org, o->redact);
    }
    if (months >= 0) {
        gc_buf_adds(b, " (");
        gc_report_duration(b, months);
        gc_buf_addc(b, ')');
    }
    gc_buf_addc(b, '\n');
}

static void positions(gc_buf *b, const gc_diff *df, const gc_report_opts *o)
{
    if (gc_diff_n_added(df)) {
        gc_buf_printf(b, "\n  %spositions added (%zu)%s\n", gc_col(o, BOLD), gc_diff_n_added(df),
                      gc_col(o, RESET));
        for (size_t i = 0; i < gc_diff_n_added(df); i++)
            position(b, gc_diff_after(df), gc_diff_added(df, i), o);
    }
    if (gc_diff_n_removed(df)) {
        gc_buf_printf(b, "\n  %spositions removed (%zu)%s\n", gc_col(o, BOLD),
                      gc_diff_n_removed(df), gc_col(o, RESET));
        for (size_t i = 0; i < gc_diff_n_removed(df); i++)
            position(b, gc_diff_before(df), gc_diff_removed(df, i), o);
    }
}

/* "OLD → NEW"; when too long, "OLD →" and NEW on a line of its own. */
static void title(gc_buf *b, const gc_diff *df, const gc_report_opts *o)
{
    char *a = gc_report_clean(gc_result_file(gc_diff_before(df)), 0);
    char *z = gc_report_clean(gc_result_file(gc_diff_after(df)), 0);
    gc_wrap w;

    gc_buf_adds(b, gc_col(o, BOLD));
    w = gc_wrap_start(b, o->width, 2);
    gc_wrap_item(&w, "", a);
    gc_wrap_item(&w, " → ", z);
    gc_buf_printf(b, "%s\n", gc_col(o, RESET));
    g_free(a);
    g_free(z);
}

void gc_report_diff_text(gc_buf *b, const gc_diff *df, const gc_report_opts *o)
{
    size_t same = 0;

    for (size_t i = 0; i < gc_diff_n_skills(df); i++)
        same += gc_diff_skill(df, i)->change == GC_CHANGE_NONE &&
                gc_diff_skill(df, i)->after.how != GC_ABSENT;
    title(b, df, o);
    version(b, "before:", gc_diff_before(df), o);
    version(b, "after: ", gc_diff_after(df), o);
    person(b, df, o);
    experience(b, df);
    role(b, df, o);
    if (gc_diff_same(df)) {
        gc_buf_adds(b, "\n  no change: the same skills, coverage, months and positions\n");
        return;
    }
    phases(b, df, o);
    skills(b, df, GC_CHANGE_GAINED, "gained", o);
    if (gc_diff_count(df, GC_CHANGE_LOST)) {
        skills(b, df, GC_CHANGE_LOST, "lost", o);
        gc_buf_printf(b, "     %s", gc_col(o, DIM));
        gc_wrap w = gc_wrap_start(b, o->width, 5);
        words(&w, "", "no longer shown: ask before taking it for forgotten");
        gc_buf_printf(b, "%s\n", gc_col(o, RESET));
    }
    skills(b, df, GC_CHANGE_CHANGED, "changed", o);
    if (same)
        gc_buf_printf(b, "\n  %s%zu skill%s shown alike in both%s\n", gc_col(o, DIM), same,
                      same == 1 ? "" : "s", gc_col(o, RESET));
    positions(b, df, o);
}
