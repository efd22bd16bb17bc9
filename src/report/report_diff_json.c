/* JSON report of a comparison (gapcheck diff): one object on one line.
 * Every quantity that changes is an object {"before": …, "after": …}, so
 * fields can be added without renaming any; schema/diff.schema.json is
 * the contract, README.md ("Comparing two versions") its description. */
#include <string.h>

#include <glib.h>

#include "gapcheck.h"
#include "report/diff_formats.h"
#include "report/report_int.h"

static void doc_str(gc_buf *b, const char *s, const gc_report_opts *o)
{
    char *clean = gc_report_clean(s, o->redact);
    gc_json_str(b, clean);
    g_free(clean);
}

static void pair_num(gc_buf *b, const char *key, double before, double after, int digits)
{
    gc_buf_printf(b, ",\"%s\":{\"before\":", key);
    gc_json_num(b, before, digits);
    gc_buf_adds(b, ",\"after\":");
    gc_json_num(b, after, digits);
    gc_buf_addc(b, '}');
}

static void when(gc_buf *b, gc_when w)
{
    gc_buf u = {0};
    gc_report_when(&u, w);
    gc_json_str(b, u.data ? u.data : "");
    gc_buf_free(&u);
}

static void version(gc_buf *b, const char *key, const gc_result *r, const gc_report_opts *o)
{
    const gc_doc *doc = gc_result_doc(r);

    gc_buf_printf(b, ",\"%s\":{\"file\":", key);
    gc_json_str(b, gc_result_file(r));
    gc_buf_adds(b, ",\"format\":");
    gc_json_str(b, gc_doc_format(doc));
    gc_buf_printf(b, ",\"pages\":%u,\"hidden_chars\":%u,\"skills_found\":%zu,\"person\":",
                  gc_doc_pages(doc), gc_doc_hidden_chars(doc), gc_doc_n_found(doc));
    if (gc_doc_name(doc) && !o->redact)
        doc_str(b, gc_doc_name(doc), o);
    else
        gc_buf_adds(b, "null");
    gc_buf_addc(b, '}');
}

static void role(gc_buf *b, const gc_diff *df)
{
    const gc_role *r = gc_diff_role(df);

    gc_buf_adds(b, ",\"role\":{\"id\":");
    gc_json_str(b, gc_role_id(r));
    gc_buf_adds(b, ",\"title\":");
    gc_json_str(b, gc_role_title(r));
    gc_buf_printf(b, ",\"by_fit\":%s,\"hours_per_week\":",
                  gc_diff_role_by_fit(df) ? "true" : "false");
    gc_json_num(b, gc_score_hours(gc_diff_score_after(df)), 2);
    gc_buf_adds(b, ",\"role_hours_per_week\":");
    gc_json_num(b, gc_role_hours_per_week(r), 2);
    gc_buf_adds(b, ",\"months\":");
    gc_json_num(b, gc_role_months(r), 2);
    gc_buf_addc(b, '}');
}

static void phases(gc_buf *b, const gc_diff *df)
{
    const gc_role *r = gc_diff_role(df);
    const gc_score *a = gc_diff_score_before(df), *z = gc_diff_score_after(df);

    gc_buf_adds(b, ",\"phases\":[");
    for (size_t p = 0; p < gc_role_n_phases(r); p++) {
        gc_buf_adds(b, p ? ",{\"id\":" : "{\"id\":");
        gc_json_str(b, gc_role_phase_id(r, p));
        gc_buf_adds(b, ",\"title\":");
        gc_json_str(b, gc_role_phase_title(r, p));
        gc_buf_adds(b, ",\"months\":");
        gc_json_num(b, gc_role_phase_months(r, p), 2);
        pair_num(b, "coverage", gc_score_phase_coverage(a, p), gc_score_phase_coverage(z, p), 3);
        pair_num(b, "months_remaining", gc_score_phase_months_left(a, p),
                 gc_score_phase_months_left(z, p), 2);
        gc_buf_addc(b, '}');
    }
    gc_buf_addc(b, ']');
}

static const char *how_name(gc_how h)
{
    return h == GC_EVIDENCED ? "evidenced" : h == GC_IMPLIED ? "implied" : "absent";
}

static void skill_side(gc_buf *b, const char *key, const gc_skill_side *s)
{
    gc_buf_printf(b, ",\"%s\":{\"how\":\"%s\",\"months\":", key, how_name(s->how));
    if (s->months >= 0)
        gc_buf_printf(b, "%d", s->months);
    else
        gc_buf_adds(b, "null");
    gc_buf_adds(b, ",\"credit\":");
    gc_json_num(b, s->credit.credit, 3);
    gc_buf_adds(b, ",\"basis\":");
    gc_json_str(b, gc_basis_name(s->credit.basis));
    gc_buf_addc(b, '}');
}

/* The ids of the skills with one change, in the comparison's order. */
static void id_list(gc_buf *b, const gc_diff *df, gc_change c)
{
    int first = 1;

    gc_buf_printf(b, ",\"%s\":[", gc_change_name(c));
    for (size_t i = 0; i < gc_diff_n_skills(df); i++) {
        const gc_skill_diff *e = gc_diff_skill(df, i);
        if (e->change != c)
            continue;
        gc_buf_adds(b, first ? "" : ",");
        gc_json_str(b, gc_skill_id(gc_diff_data(df), e->skill));
        first = 0;
    }
    gc_buf_addc(b, ']');
}

static void skills(gc_buf *b, const gc_diff *df)
{
    const gc_data *d = gc_diff_data(df);
    const gc_role *r = gc_diff_role(df);

    id_list(b, df, GC_CHANGE_GAINED);
    id_list(b, df, GC_CHANGE_LOST);
    id_list(b, df, GC_CHANGE_CHANGED);
    gc_buf_adds(b, ",\"skills\":[");
    for (size_t i = 0; i < gc_diff_n_skills(df); i++) {
        const gc_skill_diff *e = gc_diff_skill(df, i);
        gc_buf_adds(b, i ? ",{\"id\":" : "{\"id\":");
        gc_json_str(b, gc_skill_id(d, e->skill));
        gc_buf_adds(b, ",\"name\":");
        gc_json_str(b, gc_skill_name(d, e->skill));
        gc_buf_adds(b, ",\"category\":");
        gc_json_str(b, gc_skill_category(d, e->skill));
        gc_buf_printf(b, ",\"change\":\"%s\",\"direction\":%d,\"in_role\":%s,\"phase\":",
                      gc_change_name(e->change), e->direction, e->in_role ? "true" : "false");
        if (e->phase >= 0)
            gc_json_str(b, gc_role_phase_id(r, (size_t)e->phase));
        else
            gc_buf_adds(b, "null");
        skill_side(b, "before", &e->before);
        skill_side(b, "after", &e->after);
        gc_buf_addc(b, '}');
    }
    gc_buf_addc(b, ']');
}

static void position(gc_buf *b, const gc_result *r, size_t i, int first,
                     const gc_report_opts *o)
{
    gc_position_info p;
    int m = gc_experience_position_months(gc_result_experience(r), i);

    gc_doc_position(gc_result_doc(r), i, &p);
    gc_buf_printf(b, "%s{\"index\":%zu,\"title\":", first ? "" : ",", i);
    if (p.title)
        doc_str(b, p.title, o);
    else
        gc_buf_adds(b, "null");
    gc_buf_adds(b, ",\"org\":");
    if (p.org)
        doc_str(b, p.org, o);
    else
        gc_buf_adds(b, "null");
    gc_buf_adds(b, ",\"start\":");
    when(b, p.start);
    gc_buf_adds(b, ",\"end\":");
    if (p.present)
        gc_buf_adds(b, "\"present\"");
    else
        when(b, p.end);
    if (m >= 0)
        gc_buf_printf(b, ",\"months\":%d}", m);
    else
        gc_buf_adds(b, ",\"months\":null}");
}

static void positions(gc_buf *b, const gc_diff *df, const gc_report_opts *o)
{
    gc_buf_adds(b, ",\"positions\":{\"added\":[");
    for (size_t i = 0; i < gc_diff_n_added(df); i++)
        position(b, gc_diff_after(df), gc_diff_added(df, i), i == 0, o);
    gc_buf_adds(b, "],\"removed\":[");
    for (size_t i = 0; i < gc_diff_n_removed(df); i++)
        position(b, gc_diff_before(df), gc_diff_removed(df, i), i == 0, o);
    gc_buf_adds(b, "]}");
}

void gc_report_diff_json(gc_buf *b, const gc_diff *df, const gc_report_opts *o)
{
    const gc_result *a = gc_diff_before(df), *z = gc_diff_after(df);
    const gc_experience *xa = gc_result_experience(a), *xz = gc_result_experience(z);
    const gc_score *sa = gc_diff_score_before(df), *sz = gc_diff_score_after(df);
    int as_of = gc_experience_as_of(xz);

    gc_buf_printf(b, "{\"as_of\":\"%d-%02d\",\"same\":%s,\"same_person\":%s",
                  as_of / 12, as_of % 12 + 1, gc_diff_same(df) ? "true" : "false",
                  gc_diff_same_person(df) ? "true" : "false");
    version(b, "before", a, o);
    version(b, "after", z, o);
    role(b, df);
    pair_num(b, "coverage", gc_score_coverage(sa), gc_score_coverage(sz), 3);
    pair_num(b, "months_to_ready", gc_score_months_to_ready(sa), gc_score_months_to_ready(sz), 1);
    gc_buf_adds(b, ",\"experience\":{\"total_months\":{\"before\":");
    gc_buf_printf(b, "%d,\"after\":%d},\"positions\":{\"before\":%zu,\"after\":%zu}}",
                  gc_experience_total_months(xa), gc_experience_total_months(xz),
                  gc_experience_n_positions(xa), gc_experience_n_positions(xz));
    phases(b, df);
    skills(b, df);
    positions(b, df, o);
    gc_buf_adds(b, "}\n");
}
