/* HTML report of a comparison (gapcheck diff), for a coach and a client:
 * one self-contained page in the client report's style (report_html.c:
 * inline CSS and SVG, no scripts, no external resources, prints on A4)
 * with the months to ready before → after, a before/after chart of the
 * coverage of each phase and one of the months left, the skills gained,
 * lost and changed, and the positions added and removed.  Every piece of
 * document text and every file name is escaped. */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "gapcheck.h"
#include "report/diff_formats.h"
#include "report/report_int.h"

#define BEFORE_FILL "#a3acb9"
#define AFTER_FILL "#2da44e"
#define AFTER_PART_FILL "#d4a72c"

static const char extra_css[] =
    ".up{color:#1a7f37}.down{color:#cf222e}.same{color:#5b6675}\n"
    "td.num{white-space:nowrap}\n";

static void esc(gc_buf *b, const char *s)
{
    gc_html_esc(b, s, 0);
}

static void esc_buf(gc_buf *b, gc_buf *tmp)
{
    esc(b, tmp->data ? tmp->data : "");
    gc_buf_free(tmp);
    *tmp = (gc_buf){0};
}

static const char *trend(double before, double after, int lower_is_better)
{
    double d = lower_is_better ? before - after : after - before;
    return d > 1e-9 ? "up" : d < -1e-9 ? "down" : "same";
}

/* Coverage per phase: a grey bar before, a coloured one after, on one
 * 0-100% axis, with a legend. */
static void coverage_chart(gc_buf *b, const gc_diff *df)
{
    const gc_role *r = gc_diff_role(df);
    const gc_score *a = gc_diff_score_before(df), *z = gc_diff_score_after(df);
    size_t n = gc_role_n_phases(r), row = 40, h = n * row + 48;

    gc_buf_printf(b, "<svg width=\"640\" height=\"%zu\" role=\"img\" aria-label=\"coverage per "
                  "phase, before and after\">\n", h);
    for (int t = 0; t <= 100; t += 25) {
        double x = 200 + 3.6 * t;
        gc_buf_printf(b, "<line x1=\"%.1f\" y1=\"2\" x2=\"%.1f\" y2=\"%zu\" stroke=\"#dde2e8\"/>"
                      "<text x=\"%.1f\" y=\"%zu\" font-size=\"11\" text-anchor=\"middle\" "
                      "fill=\"#5b6675\">%d%%</text>\n", x, x, n * row + 4, x, n * row + 17, t);
    }
    for (size_t p = 0; p < n; p++) {
        double ca = gc_score_phase_coverage(a, p), cz = gc_score_phase_coverage(z, p);
        size_t y = p * row + 4;
        ca = ca > 1 ? 1 : ca < 0 ? 0 : ca;
        cz = cz > 1 ? 1 : cz < 0 ? 0 : cz;
        gc_buf_printf(b, "<text x=\"0\" y=\"%zu\" font-size=\"12\">", y + 20);
        esc(b, gc_role_phase_title(r, p));
        gc_buf_printf(b, "</text>\n<rect x=\"200\" y=\"%zu\" width=\"360\" height=\"14\" "
                      "fill=\"#eef1f4\"/><rect x=\"200\" y=\"%zu\" width=\"%.1f\" height=\"14\" "
                      "fill=\"" BEFORE_FILL "\"/><text x=\"570\" y=\"%zu\" font-size=\"11\" "
                      "fill=\"#5b6675\">%d%%</text>\n", y, y, 360 * ca, y + 11,
                      gc_report_pct(ca));
        gc_buf_printf(b, "<rect x=\"200\" y=\"%zu\" width=\"360\" height=\"14\" fill=\"#eef1f4\"/>"
                      "<rect x=\"200\" y=\"%zu\" width=\"%.1f\" height=\"14\" fill=\"%s\"/>"
                      "<text x=\"570\" y=\"%zu\" font-size=\"12\" font-weight=\"600\">%d%%</text>\n",
                      y + 16, y + 16, 360 * cz, cz >= 1 ? AFTER_FILL : AFTER_PART_FILL, y + 27,
                      gc_report_pct(cz));
    }
    gc_buf_printf(b, "<rect x=\"200\" y=\"%zu\" width=\"10\" height=\"10\" fill=\"" BEFORE_FILL
                  "\"/><text x=\"214\" y=\"%zu\" font-size=\"11\">before</text>"
                  "<rect x=\"270\" y=\"%zu\" width=\"10\" height=\"10\" fill=\"" AFTER_FILL
                  "\"/><text x=\"284\" y=\"%zu\" font-size=\"11\">after</text>"
                  "<text x=\"340\" y=\"%zu\" font-size=\"11\" fill=\"#5b6675\">coverage of the "
                  "phase's skills</text>\n</svg>\n", h - 18, h - 9, h - 18, h - 9, h - 9);
}

/* Months left, one stacked bar before and one after, on the axis of the
 * whole roadmap's months at the reader's pace, with a legend per phase. */
static void months_chart(gc_buf *b, const gc_diff *df)
{
    static const char *const fill[] = {"#cf6b73", "#e0898f", "#b85560", "#eaa8ad"};
    const gc_role *r = gc_diff_role(df);
    const gc_score *sc[2] = {gc_diff_score_before(df), gc_diff_score_after(df)};
    static const char *const label[2] = {"before", "after"};
    size_t n = gc_role_n_phases(r);
    double total = 0;

    for (size_t p = 0; p < n; p++)
        total += gc_model_months_left(gc_role_phase_months(r, p), 0, gc_role_hours_per_week(r),
                                      gc_score_hours(sc[1]));
    if (!(total > 0))
        return;
    gc_buf_printf(b, "<svg width=\"640\" height=\"%zu\" role=\"img\" aria-label=\"months left "
                  "per phase, before and after\">\n", 100 + 16 * ((n + 1) / 2));
    for (int v = 0; v < 2; v++) {
        double x = 60;
        size_t y = 4 + (size_t)v * 26;
        gc_buf_printf(b, "<text x=\"0\" y=\"%zu\" font-size=\"12\">%s</text><rect x=\"60\" "
                      "y=\"%zu\" width=\"500\" height=\"18\" fill=\"#eef1f4\"/>\n", y + 13,
                      label[v], y);
        for (size_t p = 0; p < n; p++) {
            double w = 500 * gc_score_phase_months_left(sc[v], p) / total;
            gc_buf_printf(b, "<rect x=\"%.1f\" y=\"%zu\" width=\"%.1f\" height=\"18\" "
                          "fill=\"%s\"/>\n", x, y, w, fill[p % 4]);
            x += w;
        }
        gc_buf_printf(b, "<text x=\"566\" y=\"%zu\" font-size=\"12\">%.1f mo</text>\n", y + 13,
                      gc_score_months_to_ready(sc[v]));
    }
    for (int t = 0; t <= 4; t++)
        gc_buf_printf(b, "<text x=\"%.1f\" y=\"66\" font-size=\"11\" text-anchor=\"middle\" "
                      "fill=\"#5b6675\">%.0f</text>\n",
                      60 + 500.0 * t / 4 + (t == 0 ? 4 : t == 4 ? -8 : 0), total * t / 4);
    gc_buf_printf(b, "<text x=\"310\" y=\"80\" font-size=\"11\" text-anchor=\"middle\" "
                  "fill=\"#5b6675\">months left at %g h/week (the whole roadmap: %.0f)</text>\n",
                  gc_score_hours(sc[1]), total);
    for (size_t p = 0; p < n; p++) {
        size_t lx = (p % 2) * 300, ly = 96 + 16 * (p / 2);
        gc_buf_printf(b, "<rect x=\"%zu\" y=\"%zu\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                      "<text x=\"%zu\" y=\"%zu\" font-size=\"11\">", lx, ly - 9, fill[p % 4],
                      lx + 14, ly);
        esc(b, gc_role_phase_title(r, p));
        gc_buf_printf(b, ": %.1f → %.1f mo</text>\n", gc_score_phase_months_left(sc[0], p),
                      gc_score_phase_months_left(sc[1], p));
    }
    gc_buf_adds(b, "</svg>\n");
}

static void phase_table(gc_buf *b, const gc_diff *df)
{
    const gc_role *r = gc_diff_role(df);
    const gc_score *a = gc_diff_score_before(df), *z = gc_diff_score_after(df);

    gc_buf_adds(b, "<table>\n<thead><tr><th>Phase</th><th class=\"num\">Coverage before</th>"
                   "<th class=\"num\">after</th><th class=\"num\">Months left before</th>"
                   "<th class=\"num\">after</th></tr></thead>\n<tbody>\n");
    for (size_t p = 0; p < gc_role_n_phases(r); p++) {
        double ca = gc_score_phase_coverage(a, p), cz = gc_score_phase_coverage(z, p);
        double ma = gc_score_phase_months_left(a, p), mz = gc_score_phase_months_left(z, p);
        gc_buf_printf(b, "<tr><td>%zu. ", p + 1);
        esc(b, gc_role_phase_title(r, p));
        gc_buf_printf(b, "</td><td class=\"num\">%d%%</td><td class=\"num %s\">%d%%</td>"
                      "<td class=\"num\">%.1f</td><td class=\"num %s\">%.1f</td></tr>\n",
                      gc_report_pct(ca), trend(ca, cz, 0), gc_report_pct(cz), ma,
                      trend(ma, mz, 1), mz);
    }
    gc_buf_adds(b, "</tbody>\n</table>\n");
}

/* ---- skills ------------------------------------------------------------ */

static void first_evidence(gc_buf *b, const gc_result *r, size_t s, const gc_report_opts *o)
{
    const gc_doc *doc = gc_result_doc(r);
    unsigned line;
    const char *sec;
    const char *text;

    if (gc_doc_how(doc, s) != GC_EVIDENCED || gc_doc_n_evidence(doc, s) == 0)
        return;
    text = gc_doc_evidence(doc, s, 0, &line, &sec, NULL);
    gc_buf_printf(b, "line %u%s", line, sec ? " (" : "");
    if (sec) {
        esc(b, sec);
        gc_buf_addc(b, ')');
    }
    gc_buf_adds(b, ": “");
    gc_html_esc(b, text, o->redact);
    gc_buf_adds(b, "”");
}

static void use_cell(gc_buf *b, const gc_result *r, size_t skill)
{
    gc_buf tmp = {0};

    gc_report_use(&tmp, r, skill);
    if (tmp.len == 0)
        gc_buf_adds(&tmp, "—");
    esc_buf(b, &tmp);
}

static void skill_table(gc_buf *b, const gc_diff *df, gc_change which, const char *title,
                        const gc_report_opts *o)
{
    const gc_data *d = gc_diff_data(df);
    size_t n = gc_diff_count(df, which);

    if (n == 0)
        return;
    gc_buf_printf(b, "<h3>%s (%zu)</h3>\n<table>\n<thead><tr><th>Skill</th><th>Before</th>"
                  "<th>After</th><th class=\"num\">Credit</th><th>Evidence</th></tr></thead>\n"
                  "<tbody>\n", title, n);
    for (size_t i = 0; i < gc_diff_n_skills(df); i++) {
        const gc_skill_diff *e = gc_diff_skill(df, i);
        if (e->change != which)
            continue;
        double ca = e->before.credit.credit, cz = e->after.credit.credit;
        gc_buf_printf(b, "<tr><td class=\"%s\">%s ", trend(0, e->direction, 0),
                      which == GC_CHANGE_GAINED ? "+" : which == GC_CHANGE_LOST ? "−"
                      : e->direction > 0 ? "↑" : e->direction < 0 ? "↓" : "~");
        esc(b, gc_skill_name(d, e->skill));
        gc_buf_adds(b, "</td><td>");
        use_cell(b, gc_diff_before(df), e->skill);
        gc_buf_adds(b, "</td><td>");
        use_cell(b, gc_diff_after(df), e->skill);
        gc_buf_adds(b, "</td><td class=\"num\">");
        if (e->in_role)
            gc_buf_printf(b, "%d%% → %d%%", gc_report_pct(ca), gc_report_pct(cz));
        gc_buf_adds(b, "</td><td class=\"ev\">");
        first_evidence(b, which == GC_CHANGE_LOST ? gc_diff_before(df) : gc_diff_after(df),
                       e->skill, o);
        gc_buf_adds(b, "</td></tr>\n");
    }
    gc_buf_adds(b, "</tbody>\n</table>\n");
}

static void skills(gc_buf *b, const gc_diff *df, const gc_report_opts *o)
{
    size_t same = 0;

    for (size_t i = 0; i < gc_diff_n_skills(df); i++)
        same += gc_diff_skill(df, i)->change == GC_CHANGE_NONE &&
                gc_diff_skill(df, i)->after.how != GC_ABSENT;
    gc_buf_adds(b, "<h2>Skills</h2>\n<p class=\"muted\">Credit is what a skill of the role counts "
                   "towards it, before → after.</p>\n");
    skill_table(b, df, GC_CHANGE_GAINED, "Gained", o);
    skill_table(b, df, GC_CHANGE_LOST, "Lost: no longer shown", o);
    if (gc_diff_count(df, GC_CHANGE_LOST))
        gc_buf_printf(b, "<p class=\"muted\">%s</p>\n", gc_report_not_proof);
    skill_table(b, df, GC_CHANGE_CHANGED, "Changed", o);
    gc_buf_printf(b, "<p class=\"muted\">%zu skill%s shown alike in both versions.</p>\n", same,
                  same == 1 ? "" : "s");
}

/* ---- experience ------------------------------------------------------- */

static void position_rows(gc_buf *b, const gc_result *r, size_t i, const char *change,
                          const gc_report_opts *o)
{
    gc_position_info p;
    int m = gc_experience_position_months(gc_result_experience(r), i);

    gc_doc_position(gc_result_doc(r), i, &p);
    gc_buf_printf(b, "<tr><td>%s</td><td>", change);
    gc_report_when(b, p.start);
    gc_buf_adds(b, "</td><td>");
    if (p.present)
        gc_buf_adds(b, "present");
    else
        gc_report_when(b, p.end);
    gc_buf_adds(b, "</td><td>");
    gc_html_esc(b, p.title ? p.title : "", o->redact);
    gc_buf_adds(b, "</td><td>");
    gc_html_esc(b, p.org ? p.org : "", o->redact);
    gc_buf_printf(b, "</td><td class=\"num\">%d</td></tr>\n", m > 0 ? m : 0);
}

static void experience(gc_buf *b, const gc_diff *df, const gc_report_opts *o)
{
    const gc_experience *x = gc_result_experience(gc_diff_before(df));
    const gc_experience *y = gc_result_experience(gc_diff_after(df));
    size_t n = gc_experience_n_positions(x), m = gc_experience_n_positions(y);
    gc_buf tmp = {0};

    gc_buf_adds(b, "<h2>Experience</h2>\n<p>");
    gc_report_duration(&tmp, gc_experience_total_months(x));
    esc_buf(b, &tmp);
    gc_buf_printf(b, " in %zu dated position%s → ", n, n == 1 ? "" : "s");
    gc_report_duration(&tmp, gc_experience_total_months(y));
    esc_buf(b, &tmp);
    gc_buf_printf(b, " in %zu, as of %d-%02d.</p>\n", m, gc_experience_as_of(y) / 12,
                  gc_experience_as_of(y) % 12 + 1);
    if (gc_diff_n_added(df) + gc_diff_n_removed(df) == 0) {
        gc_buf_adds(b, "<p>No position was added or removed.</p>\n");
        return;
    }
    gc_buf_adds(b, "<table>\n<thead><tr><th>Change</th><th>From</th><th>To</th><th>Title</th>"
                   "<th>Organisation</th><th class=\"num\">Months</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < gc_diff_n_added(df); i++)
        position_rows(b, gc_diff_after(df), gc_diff_added(df, i), "added", o);
    for (size_t i = 0; i < gc_diff_n_removed(df); i++)
        position_rows(b, gc_diff_before(df), gc_diff_removed(df, i), "removed", o);
    gc_buf_adds(b, "</tbody>\n</table>\n");
}

/* ---- the page ------------------------------------------------------------ */

static void version_line(gc_buf *b, const char *label, const gc_result *r)
{
    const gc_doc *doc = gc_result_doc(r);

    gc_buf_printf(b, "%s: ", label);
    esc(b, gc_result_file(r));
    gc_buf_printf(b, " (%s, %zu skill%s found)", gc_doc_format(doc), gc_doc_n_found(doc),
                  gc_doc_n_found(doc) == 1 ? "" : "s");
}

static void summary(gc_buf *b, const gc_diff *df)
{
    const gc_role *r = gc_diff_role(df);
    const gc_score *a = gc_diff_score_before(df), *z = gc_diff_score_after(df);
    double ma = gc_score_months_to_ready(a), mz = gc_score_months_to_ready(z);

    gc_buf_adds(b, "<h2>Target role: ");
    esc(b, gc_role_title(r));
    gc_buf_adds(b, "</h2>\n");
    if (gc_diff_role_by_fit(df))
        gc_buf_adds(b, "<p class=\"muted\">No role was chosen: this is the role that fits the "
                       "later version best.</p>\n");
    gc_buf_printf(b, "<p class=\"big\">Ready in about %.1f → <span class=\"%s\">%.1f</span> "
                  "months at %g h/week", ma, trend(ma, mz, 1), mz, gc_score_hours(z));
    if (round((ma - mz) * 10) != 0)
        gc_buf_printf(b, " <span class=\"%s\">(%.1f months %s)</span>", trend(ma, mz, 1),
                      fabs(ma - mz), ma > mz ? "sooner" : "later");
    gc_buf_printf(b, "</p>\n<p>Coverage %d%% → %d%% <span class=\"muted\">(the full roadmap is "
                  "%g months at %g h/week)</span></p>\n", gc_report_pct(gc_score_coverage(a)),
                  gc_report_pct(gc_score_coverage(z)), gc_role_months(r),
                  gc_role_hours_per_week(r));
}

static void method_and_notes(gc_buf *b)
{
    gc_buf_adds(b, "<div class=\"box\"><h2>How this was estimated</h2>\n<ul>\n"
                   "<li>Both versions are measured against the same role at the same pace and "
                   "on the same date; a skill is gained when only the later version shows it, "
                   "lost when only the earlier one does, changed when how it is shown, its "
                   "months in dated positions or its credit moved.</li>\n");
    for (size_t i = 0; gc_report_method[i]; i++) {
        gc_buf_adds(b, "<li>");
        esc(b, gc_report_method[i]);
        gc_buf_adds(b, "</li>\n");
    }
    gc_buf_adds(b, "</ul></div>\n<h2>Coach notes</h2>\n<div class=\"notes\"></div>\n");
}

void gc_report_diff_html(gc_buf *b, const gc_diff *df, const gc_report_opts *o)
{
    const gc_doc *da = gc_result_doc(gc_diff_before(df)), *dz = gc_result_doc(gc_diff_after(df));
    const char *who = !o->redact && gc_doc_name(dz) ? gc_doc_name(dz)
                      : gc_result_file(gc_diff_after(df));
    char *title = g_strdup_printf("Progress: %s", who);

    gc_html_head(b, title, extra_css);
    g_free(title);
    gc_buf_adds(b, "<h1>Progress: ");
    gc_html_esc(b, who, 0);
    gc_buf_adds(b, "</h1>\n<p class=\"muted\">");
    version_line(b, "before", gc_diff_before(df));
    gc_buf_adds(b, "<br>");
    version_line(b, "after", gc_diff_after(df));
    if (o->date)
        gc_buf_printf(b, "<br>report of %s", o->date);
    gc_buf_adds(b, "</p>\n");
    if (!gc_diff_same_person(df) && !o->redact) {
        gc_buf_adds(b, "<p class=\"down\">The earlier version names ");
        gc_html_esc(b, gc_doc_name(da), 0);
        gc_buf_adds(b, ": are these two versions of one résumé?</p>\n");
    }
    summary(b, df);
    if (gc_diff_same(df))
        gc_buf_adds(b, "<p><b>No change:</b> the same skills, coverage, months and "
                       "positions.</p>\n");
    coverage_chart(b, df);
    months_chart(b, df);
    phase_table(b, df);
    skills(b, df, o);
    experience(b, df, o);
    method_and_notes(b);
    gc_buf_adds(b, "</body>\n</html>\n");
}
