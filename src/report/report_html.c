/* HTML reports for career coaches: one self-contained page per résumé
 * (inline CSS, inline SVG charts, no scripts, no external resources) and an
 * index page with a small inline sorting script.  Prints on A4.  Every
 * piece of document text and every file name is escaped. */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "gapcheck.h"
#include "report/formats.h"
#include "report/report_int.h"

static const char style[] =
    "<style>\n"
    "@page{size:A4;margin:16mm}\n"
    "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d232b;"
    "max-width:860px;margin:24px auto;padding:0 16px}\n"
    "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:22px 0 6px}"
    "h3{font-size:15px;margin:14px 0 4px}\n"
    ".muted{color:#5b6675}.big{font-size:18px;font-weight:600}\n"
    "table{border-collapse:collapse;width:100%;margin:6px 0}"
    "th,td{border-bottom:1px solid #dde2e8;padding:4px 6px;text-align:left;vertical-align:top}\n"
    "th{background:#f3f5f8}td.num,th.num{text-align:right}\n"
    ".have{color:#1a7f37}.imp{color:#9a6700}.miss{color:#cf222e}\n"
    ".ev{font-size:12px;color:#5b6675}\n"
    "svg{display:block;margin:6px 0}\n"
    "th[data-k]{cursor:pointer}\n"
    ".box{border:1px solid #dde2e8;border-radius:6px;padding:8px 12px;margin:12px 0;"
    "background:#fafbfc}\n"
    ".notes{border:1px solid #b8c0ca;border-radius:6px;min-height:150px;margin:8px 0;"
    "background:repeating-linear-gradient(#fff 0 27px,#e6e9ee 27px 28px)}\n"
    ".summary{font-size:15px}.ms li{list-style:'☐  '}\n"
    "@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}"
    "tr,svg,.box,.notes,h2,h3{page-break-inside:avoid}h2,h3{page-break-after:avoid}"
    ".noprint{display:none}}\n"
    "</style>\n";

void gc_html_esc(gc_buf *b, const char *s, int redact)
{
    char *c = gc_report_clean(s, redact);

    for (const char *p = c; *p; p++) {
        switch (*p) {
        case '&': gc_buf_adds(b, "&amp;"); break;
        case '<': gc_buf_adds(b, "&lt;"); break;
        case '>': gc_buf_adds(b, "&gt;"); break;
        case '"': gc_buf_adds(b, "&quot;"); break;
        case '\'': gc_buf_adds(b, "&#39;"); break;
        default: gc_buf_addc(b, *p);
        }
    }
    g_free(c);
}

static void esc(gc_buf *b, const char *s, int redact)
{
    gc_html_esc(b, s, redact);
}

void gc_html_head(gc_buf *b, const char *title, const char *extra_css)
{
    gc_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n"
                   "<title>");
    esc(b, title, 0);
    gc_buf_adds(b, "</title>\n");
    gc_buf_adds(b, style);
    if (extra_css)
        gc_buf_printf(b, "<style>\n%s</style>\n", extra_css);
    gc_buf_adds(b, "</head>\n<body>\n");
}

static void head(gc_buf *b, const char *title)
{
    gc_html_head(b, title, NULL);
}

static void esc_buf(gc_buf *b, gc_buf *tmp)
{
    esc(b, tmp->data ? tmp->data : "", 0);
    gc_buf_free(tmp);
    *tmp = (gc_buf){0};
}

/* How the document was read: notes muted, warnings in the colour of a gap
 * (a result the coach should not trust as it is). */
static void notes(gc_buf *b, const gc_doc *doc)
{
    gc_buf t = {0};
    int kind;

    for (size_t i = 0; (kind = gc_report_doc_note(&t, doc, i)) != GC_NOTE_NONE; i++) {
        gc_buf_printf(b, "<p class=\"%s\">%s", kind == GC_NOTE_WARNING ? "miss" : "muted",
                      kind == GC_NOTE_WARNING ? "<strong>Warning:</strong> " : "");
        esc_buf(b, &t);
        gc_buf_adds(b, ".</p>\n");
    }
}

/* Coverage per phase: one bar each on a 0-100% axis with its ticks. */
static void coverage_chart(gc_buf *b, const gc_score *sc)
{
    const gc_role *r = gc_score_role(sc);
    size_t n = gc_role_n_phases(r), h = n * 26 + 30;

    gc_buf_printf(b, "<svg width=\"640\" height=\"%zu\" role=\"img\" aria-label=\"coverage per "
                  "phase\">\n", h);
    for (int t = 0; t <= 100; t += 25) {
        double x = 200 + 3.6 * t;
        gc_buf_printf(b, "<line x1=\"%.1f\" y1=\"2\" x2=\"%.1f\" y2=\"%zu\" stroke=\"#dde2e8\"/>"
                      "<text x=\"%.1f\" y=\"%zu\" font-size=\"11\" text-anchor=\"middle\" "
                      "fill=\"#5b6675\">%d%%</text>\n", x, x, n * 26 + 4, x, n * 26 + 17, t);
    }
    gc_buf_printf(b, "<text x=\"380\" y=\"%zu\" font-size=\"11\" text-anchor=\"middle\" "
                  "fill=\"#5b6675\">coverage of the phase's skills</text>\n", h - 1);
    for (size_t p = 0; p < n; p++) {
        double c = gc_score_phase_coverage(sc, p);
        c = c > 1 ? 1 : c < 0 ? 0 : c;
        gc_buf_printf(b, "<text x=\"0\" y=\"%zu\" font-size=\"12\">", p * 26 + 17);
        esc(b, gc_role_phase_title(r, p), 0);
        gc_buf_printf(b, "</text><rect x=\"200\" y=\"%zu\" width=\"360\" height=\"16\" "
                      "fill=\"#eef1f4\"/><rect x=\"200\" y=\"%zu\" width=\"%.1f\" height=\"16\" "
                      "fill=\"%s\"/><text x=\"570\" y=\"%zu\" font-size=\"12\">%d%%</text>\n",
                      p * 26 + 4, p * 26 + 4, 360 * c, c >= 1 ? "#2da44e" : "#d4a72c",
                      p * 26 + 17, gc_report_pct(c));
    }
    gc_buf_adds(b, "</svg>\n");
}

/* Months left per phase, stacked on an axis of the whole roadmap's months
 * at the reader's pace, with a legend naming each phase. */
static void months_chart(gc_buf *b, const gc_score *sc)
{
    static const char *const fill[] = {"#cf6b73", "#e0898f", "#b85560", "#eaa8ad"};
    const gc_role *r = gc_score_role(sc);
    size_t n = gc_role_n_phases(r);
    double total = 0, x = 0;

    for (size_t p = 0; p < n; p++)
        total += gc_model_months_left(gc_role_phase_months(r, p), 0, gc_role_hours_per_week(r),
                                      gc_score_hours(sc));
    if (!(total > 0))
        return;
    gc_buf_printf(b, "<svg width=\"640\" height=\"%zu\" role=\"img\" aria-label=\"months left "
                  "per phase\">\n<rect x=\"0\" y=\"4\" width=\"560\" height=\"18\" "
                  "fill=\"#eef1f4\"/>\n", 60 + 16 * ((n + 1) / 2));
    for (size_t p = 0; p < n; p++) {
        double w = 560 * gc_score_phase_months_left(sc, p) / total;
        gc_buf_printf(b, "<rect x=\"%.1f\" y=\"4\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>\n",
                      x, w, fill[p % 4]);
        x += w;
    }
    for (int t = 0; t <= 4; t++)
        gc_buf_printf(b, "<text x=\"%.1f\" y=\"36\" font-size=\"11\" text-anchor=\"middle\" "
                      "fill=\"#5b6675\">%.0f</text>\n", 560.0 * t / 4 + (t == 0 ? 4 : t == 4 ? -8 : 0),
                      total * t / 4);
    gc_buf_printf(b, "<text x=\"566\" y=\"18\" font-size=\"12\">%.1f mo</text>\n"
                  "<text x=\"280\" y=\"50\" font-size=\"11\" text-anchor=\"middle\" "
                  "fill=\"#5b6675\">months at %g h/week (the whole roadmap: %.0f)</text>\n",
                  gc_score_months_to_ready(sc), gc_score_hours(sc), total);
    for (size_t p = 0; p < n; p++) {
        size_t lx = (p % 2) * 300, ly = 66 + 16 * (p / 2);
        gc_buf_printf(b, "<rect x=\"%zu\" y=\"%zu\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                      "<text x=\"%zu\" y=\"%zu\" font-size=\"11\">", lx, ly - 9, fill[p % 4],
                      lx + 14, ly);
        esc(b, gc_role_phase_title(r, p), 0);
        gc_buf_printf(b, ": %.1f mo</text>\n", gc_score_phase_months_left(sc, p));
    }
    gc_buf_adds(b, "</svg>\n");
}

static void evidence(gc_buf *b, const gc_doc *doc, size_t s, const gc_report_opts *o)
{
    size_t n = gc_doc_n_evidence(doc, s);

    for (size_t i = 0; i < n && (o->explain || i < 1); i++) {
        unsigned line;
        const char *sec;
        const char *text = gc_doc_evidence(doc, s, i, &line, &sec, NULL);
        gc_buf_printf(b, "%sline %u%s", i ? "<br>" : "", line, sec ? " (" : "");
        if (sec) {
            esc(b, sec, 0);
            gc_buf_addc(b, ')');
        }
        gc_buf_adds(b, ": “");
        esc(b, text, o->redact);
        gc_buf_adds(b, "”");
    }
    if (!o->explain && n > 1)
        gc_buf_printf(b, " <span class=\"muted\">+%zu more</span>", n - 1);
}

static const char *mark(gc_how how)
{
    static const char *const m[] = {"<span class=\"miss\">✗</span>",
                                    "<span class=\"imp\">~</span>",
                                    "<span class=\"have\">✓</span>"};
    return m[how];
}

/* One skill: mark, name, how the résumé shows it, evidence, credit. */
static void skill_row(gc_buf *b, const gc_result *r, size_t s, const gc_credit *c,
                      const gc_report_opts *o)
{
    const gc_doc *doc = gc_result_doc(r);
    gc_how how = gc_doc_how(doc, s);
    gc_buf tmp = {0};

    gc_buf_printf(b, "<tr><td>%s ", mark(how));
    esc(b, gc_skill_name(gc_result_data(r), s), 0);
    gc_buf_adds(b, "</td><td>");
    gc_report_use(&tmp, r, s);
    if (c && c->basis == GC_BASIS_TITLE)
        gc_buf_adds(&tmp, tmp.len ? "; held the role's title" : "held the role's title");
    esc_buf(b, &tmp);
    gc_buf_adds(b, "</td><td class=\"ev\">");
    if (how == GC_EVIDENCED)
        evidence(b, doc, s, o);
    gc_buf_adds(b, "</td>");
    if (c)
        gc_buf_printf(b, "<td class=\"num\">%d%%</td>", gc_report_pct(c->credit));
    gc_buf_adds(b, "</tr>\n");
}

static void phases(gc_buf *b, const gc_result *r, const gc_score *sc, const gc_report_opts *o)
{
    const gc_role *role = gc_score_role(sc);

    for (size_t p = 0; p < gc_role_n_phases(role); p++) {
        gc_buf_printf(b, "<h3>%zu. ", p + 1);
        esc(b, gc_role_phase_title(role, p), 0);
        gc_buf_printf(b, " <span class=\"muted\">%d%% covered, %.1f months left</span></h3>\n"
                      "<table>\n<thead><tr><th>Skill</th><th>How the résumé shows it</th>"
                      "<th>Evidence</th><th class=\"num\">Credit</th></tr></thead>\n<tbody>\n",
                      gc_report_pct(gc_score_phase_coverage(sc, p)),
                      gc_score_phase_months_left(sc, p));
        for (size_t i = 0; i < gc_role_phase_n_skills(role, p); i++) {
            gc_credit c = gc_score_skill_credit(sc, p, i);
            skill_row(b, r, gc_role_phase_skill(role, p, i, NULL), &c, o);
        }
        gc_buf_adds(b, "</tbody>\n</table>\n");
    }
    gc_buf_printf(b, "<p class=\"muted\">%s</p>\n", gc_report_not_proof);
}

/* The study plan in order, then each unfinished phase's milestones. */
static void plan(gc_buf *b, const gc_result *r, const gc_score *sc)
{
    const gc_data *d = gc_result_data(r);
    const gc_role *role = gc_score_role(sc);
    size_t order[256];

    if (gc_score_next_phase(sc) >= gc_role_n_phases(role)) {
        gc_buf_adds(b, "<h2>Study plan</h2>\n<p>Every phase is covered.</p>\n");
        return;
    }
    gc_buf_printf(b, "<h2>Study plan at %g h/week</h2>\n<ol>\n", gc_score_hours(sc));
    for (size_t p = 0; p < gc_role_n_phases(role); p++) {
        if (gc_score_phase_coverage(sc, p) >= 1 - 1e-9 || gc_role_phase_n_skills(role, p) > 256)
            continue;
        size_t n = gc_plan_phase(order, d, sc, p);
        gc_buf_adds(b, "<li><b>");
        esc(b, gc_role_phase_title(role, p), 0);
        gc_buf_printf(b, "</b>, %.1f months: ", gc_score_phase_months_left(sc, p));
        for (size_t i = 0; i < n; i++) {
            gc_buf_adds(b, i ? " → " : "");
            esc(b, gc_skill_name(d, order[i]), 0);
        }
        gc_buf_adds(b, "\n<ul class=\"ms\">\n");
        for (size_t i = 0; i < gc_role_phase_n_milestones(role, p); i++) {
            gc_buf_adds(b, "<li>");
            esc(b, gc_role_phase_milestone(role, p, i), 0);
            gc_buf_adds(b, "</li>\n");
        }
        gc_buf_adds(b, "</ul></li>\n");
    }
    gc_buf_adds(b, "</ol>\n");
}

static void role_section(gc_buf *b, const gc_result *r, const gc_score *sc,
                         const gc_report_opts *o)
{
    const gc_role *role = gc_score_role(sc);

    gc_buf_adds(b, "<h2>Target role: ");
    esc(b, gc_role_title(role), 0);
    gc_buf_printf(b, "</h2>\n<p class=\"big\">Ready in about %.1f months at %g h/week "
                  "<span class=\"muted\">(coverage %d%%; the full roadmap is %g months at %g "
                  "h/week)</span></p>\n", gc_score_months_to_ready(sc), gc_score_hours(sc),
                  gc_report_pct(gc_score_coverage(sc)), gc_role_months(role),
                  gc_role_hours_per_week(role));
    if (gc_score_title_credit(sc).credit > 0)
        gc_buf_printf(b, "<p>Having held the role's title, every skill of it counts at least "
                      "%d%%.</p>\n", gc_report_pct(gc_score_title_credit(sc).credit));
    coverage_chart(b, sc);
    months_chart(b, sc);
    phases(b, r, sc, o);
    plan(b, r, sc);
}

static void suggestions(gc_buf *b, const gc_result *r)
{
    gc_buf_adds(b, "<h2>Roles by fit</h2>\n");
    if (!gc_result_fits(r)) {
        gc_buf_adds(b, "<p>No role fits yet: none of the roles' skills was found.</p>\n");
        return;
    }
    gc_buf_adds(b, "<table>\n<thead><tr><th class=\"num\">#</th><th>Role</th><th class=\"num\">"
                   "Coverage</th><th class=\"num\">Months to ready</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < gc_result_n_suggestions(r); i++) {
        const gc_score *s = gc_result_suggestion(r, i);
        gc_buf_printf(b, "<tr><td class=\"num\">%zu</td><td>", i + 1);
        esc(b, gc_role_title(gc_score_role(s)), 0);
        gc_buf_printf(b, "</td><td class=\"num\">%d%%</td><td class=\"num\">%.1f</td></tr>\n",
                      gc_report_pct(gc_score_coverage(s)), gc_score_months_to_ready(s));
    }
    gc_buf_adds(b, "</tbody>\n</table>\n");
}

static void job(gc_buf *b, const gc_result *r, const gc_report_opts *o)
{
    const gc_data *d = gc_result_data(r);
    const gc_job *j = gc_result_job(r);
    const gc_role *role = gc_job_role(j);
    const char *file = gc_result_request(r)->posting_file, *title = gc_job_title(j, NULL);
    gc_buf tmp = {0};
    unsigned lines[32];

    gc_buf_adds(b, "<h2>Job posting: ");
    esc(b, file ? file : "", 0);
    gc_buf_adds(b, "</h2>\n");
    if (title) {
        gc_buf_adds(b, "<p>Title: <b>");
        esc(b, title, o->redact);
        gc_buf_adds(b, "</b></p>\n");
    }
    gc_buf_printf(b, "<p class=\"big\">Match %d%%, ready in about %.1f months at %g "
                  "h/week", gc_report_pct(gc_job_match(j)), gc_job_months_to_ready(j),
                  gc_job_hours(j));
    if (role) {
        gc_buf_adds(b, " <span class=\"muted\">(closest role: ");
        esc(b, gc_role_title(role), 0);
        gc_buf_printf(b, ", by %s)</span>", gc_job_role_by_title(j) ? "its title" : "shared skills");
    }
    gc_buf_adds(b, "</p>\n<table>\n<thead><tr><th>Requirement</th><th>Required</th><th>Years asked"
                   "</th><th>Shown</th><th class=\"num\">Credit</th></tr></thead>\n<tbody>\n");
    for (size_t q = 0; q < gc_job_n_reqs(j); q++) {
        gc_job_req rq;
        gc_job_years y;
        gc_job_req_get(j, q, &rq);
        gc_buf_printf(b, "<tr><td>%s ", rq.credit >= 0.995 ? mark(GC_EVIDENCED)
                                        : rq.credit > 0 ? mark(GC_IMPLIED) : mark(GC_ABSENT));
        gc_report_job_req(&tmp, d, j, q);
        esc(b, tmp.data ? tmp.data : "", 0);
        gc_buf_free(&tmp);
        tmp = (gc_buf){0};
        size_t n = gc_report_job_req_lines(lines, G_N_ELEMENTS(lines), r, q);
        if (n > 0)
            gc_buf_adds(b, "<div class=\"ev\">");
        for (size_t i = 0; i < n && (o->explain || i < 1); i++) {
            const char *sec, *text = gc_report_posting_line(r, lines[i], &sec);
            gc_buf_printf(b, "%sposting line %u%s", i ? "<br>" : "", lines[i], sec ? " (" : "");
            if (sec) {
                esc(b, sec, 0);
                gc_buf_addc(b, ')');
            }
            gc_buf_adds(b, ": “");
            esc(b, text, o->redact);
            gc_buf_adds(b, "”");
        }
        if (!o->explain && n > 1)
            gc_buf_printf(b, " <span class=\"muted\">+%zu more</span>", n - 1);
        if (n > 0)
            gc_buf_adds(b, "</div>");
        gc_buf_printf(b, "</td><td>%s</td><td>", rq.optional ? "nice to have" : "required");
        if (gc_report_job_req_years(j, q, &y)) {
            gc_report_years_asked(b, &y);
            gc_buf_adds(b, "</td><td>");
            if (y.shown >= 0)
                gc_report_duration(b, y.shown);
            else
                gc_buf_adds(b, "none dated");
            gc_buf_printf(b, " %s", mark(y.met ? GC_EVIDENCED : GC_ABSENT));
        } else {
            gc_buf_adds(b, "</td><td>");
        }
        gc_buf_printf(b, "</td><td class=\"num\">%d%%</td></tr>\n", gc_report_pct(rq.credit));
    }
    gc_buf_adds(b, "</tbody>\n</table>\n");
    if (gc_job_plan_n(j) == 0)
        return;
    gc_buf_printf(b, "<h3>Study plan at %g h/week</h3>\n<ul>\n", gc_job_hours(j));
    for (size_t i = 0; i < gc_job_plan_n(j);) {
        size_t phase, p2, k = gc_job_plan_step(j, i, &phase);
        gc_buf_adds(b, "<li><b>");
        esc(b, role && phase < gc_role_n_phases(role) ? gc_role_phase_title(role, phase) : "Other",
            0);
        gc_buf_adds(b, "</b>");
        if (role && phase < gc_role_n_phases(role)) {
            gc_buf_adds(b, ", ");
            gc_report_months(b, gc_job_phase_months_left(j, phase));
        }
        gc_buf_adds(b, ": ");
        for (int first = 1; i < gc_job_plan_n(j) && (k = gc_job_plan_step(j, i, &p2), p2 == phase);
             i++, first = 0) {
            gc_buf_adds(b, first ? "" : " → ");
            esc(b, gc_skill_name(d, gc_job_skill(j, k, NULL)), 0);
        }
        gc_buf_adds(b, "</li>\n");
    }
    gc_buf_adds(b, "</ul>\n");
}

static void experience(gc_buf *b, const gc_result *r, const gc_report_opts *o)
{
    const gc_doc *doc = gc_result_doc(r);
    const gc_experience *x = gc_result_experience(r);
    size_t n = gc_doc_n_positions(doc);
    gc_buf tmp = {0};

    gc_buf_adds(b, "<h2>Experience</h2>\n");
    if (n == 0) {
        gc_buf_adds(b, "<p>No dated positions were found.</p>\n");
        return;
    }
    gc_report_duration(&tmp, gc_experience_total_months(x));
    gc_buf_adds(b, "<p>");
    esc_buf(b, &tmp);
    gc_buf_printf(b, " of dated experience in %zu position%s, as of %d-%02d.</p>\n<table>\n"
                  "<thead><tr><th>From</th><th>To</th><th>Title</th><th>Organisation</th>"
                  "<th class=\"num\">Months</th></tr></thead>\n<tbody>\n", n, n == 1 ? "" : "s",
                  gc_experience_as_of(x) / 12, gc_experience_as_of(x) % 12 + 1);
    for (size_t i = 0; i < n; i++) {
        gc_position_info p;
        gc_doc_position(doc, i, &p);
        gc_buf_adds(b, "<tr><td>");
        gc_report_when(b, p.start);
        gc_buf_adds(b, "</td><td>");
        gc_report_end(b, &p);
        gc_buf_adds(b, "</td><td>");
        esc(b, p.title ? p.title : "", o->redact);
        gc_buf_adds(b, "</td><td>");
        esc(b, p.org ? p.org : "", o->redact);
        gc_buf_printf(b, "</td><td class=\"num\">%d</td></tr>\n",
                      gc_experience_position_months(x, i) > 0 ? gc_experience_position_months(x, i)
                                                               : 0);
    }
    gc_buf_adds(b, "</tbody>\n</table>\n");
}

static void all_skills(gc_buf *b, const gc_result *r, const gc_report_opts *o)
{
    const gc_doc *doc = gc_result_doc(r);

    gc_buf_adds(b, "<h2>All skills found</h2>\n");
    if (gc_doc_n_found(doc) == 0) {
        gc_buf_adds(b, "<p>No known skills were found.</p>\n");
        return;
    }
    gc_buf_adds(b, "<table>\n<thead><tr><th>Skill</th><th>How the résumé shows it</th>"
                   "<th>Evidence</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < gc_doc_n_found(doc); i++)
        skill_row(b, r, gc_doc_found_skill(doc, i), NULL, o);
    gc_buf_adds(b, "</tbody>\n</table>\n");
}

static void method_and_notes(gc_buf *b)
{
    gc_buf_adds(b, "<div class=\"box\"><h2>How this was estimated</h2>\n<ul>\n");
    for (size_t i = 0; gc_report_method[i]; i++) {
        gc_buf_adds(b, "<li>");
        esc(b, gc_report_method[i], 0);
        gc_buf_adds(b, "</li>\n");
    }
    gc_buf_adds(b, "</ul></div>\n<h2>Coach notes</h2>\n<div class=\"notes\"></div>\n");
}

void gc_report_html(gc_buf *b, const gc_result *r, const gc_report_opts *o)
{
    const gc_doc *doc = gc_result_doc(r);
    const gc_err *e = gc_doc_error(doc);
    const char *who = !e && gc_doc_name(doc) && !o->redact ? gc_doc_name(doc) : gc_result_file(r);

    head(b, who);
    gc_buf_adds(b, "<h1>");
    esc(b, who, 0);
    gc_buf_adds(b, "</h1>\n<p class=\"muted\">");
    esc(b, gc_result_file(r), 0);
    if (e == NULL)
        gc_buf_printf(b, " · %s, %zu skills found", gc_doc_format(doc), gc_doc_n_found(doc));
    if (o->date)
        gc_buf_printf(b, " · report of %s", o->date);
    gc_buf_adds(b, "</p>\n");
    if (e != NULL) {
        gc_buf_adds(b, "<p class=\"miss\">This file could not be analysed: ");
        esc(b, e->msg, 0);
        gc_buf_adds(b, "</p>\n</body>\n</html>\n");
        return;
    }
    notes(b, doc);
    experience(b, r, o);
    if (gc_result_score(r) != NULL)
        role_section(b, r, gc_result_score(r), o);
    if (gc_result_request(r)->suggest)
        suggestions(b, r);
    if (gc_result_job(r))
        job(b, r, o);
    all_skills(b, r, o);
    method_and_notes(b);
    gc_buf_adds(b, "</body>\n</html>\n");
}

static const char sort_script[] =
    "<script>\n"
    "document.querySelectorAll('th[data-k]').forEach(function(th,i){\n"
    " th.addEventListener('click',function(){\n"
    "  var tb=th.closest('table').tBodies[0],rows=Array.from(tb.rows),k=th.dataset.k;\n"
    "  var dir=th.dataset.dir==='asc'?-1:1;th.dataset.dir=dir>0?'asc':'desc';\n"
    "  rows.sort(function(a,b){var x=a.cells[i].dataset.v,y=b.cells[i].dataset.v;\n"
    "   if(k==='n'){x=parseFloat(x);y=parseFloat(y);return (x-y)*dir;}\n"
    "   return x.localeCompare(y)*dir;});\n"
    "  rows.forEach(function(r){tb.appendChild(r);});});});\n"
    "</script>\n";

void gc_report_html_index(gc_buf *b, const gc_index *ix, const gc_report_opts *o)
{
    int chosen = ix->req && ix->req->role;
    size_t ok = 0, failed = 0;

    for (size_t i = 0; i < ix->n; i++)
        ok += ix->rows[i].error == NULL, failed += ix->rows[i].error != NULL;
    head(b, ix->title);
    gc_buf_adds(b, "<h1>");
    esc(b, ix->title, 0);
    gc_buf_printf(b, "</h1>\n<p class=\"muted\">%zu résumé%s: %zu analysed, %zu could not be "
                  "read%s%s. Click a column heading to sort.</p>\n"
                  "<table>\n<thead><tr><th data-k=\"s\">File</th><th data-k=\"s\">Person</th>"
                  "<th data-k=\"s\">%s</th><th class=\"num\" data-k=\"n\">Experience (y)</th>"
                  "<th class=\"num\" data-k=\"n\">Coverage</th><th class=\"num\" "
                  "data-k=\"n\">Months to ready</th></tr></thead>\n<tbody>\n", ix->n,
                  ix->n == 1 ? "" : "s", ok, failed, o->date ? "; " : "", o->date ? o->date : "",
                  chosen ? "Role" : "Best-fitting role");
    for (size_t i = 0; i < ix->n; i++) {
        const gc_index_row *r = &ix->rows[i];
        const char *person = r->person && !o->redact ? r->person : "";
        gc_buf_adds(b, "<tr><td data-v=\"");
        esc(b, r->file, 0);
        gc_buf_adds(b, "\"><a href=\"");
        esc(b, r->href, 0);
        gc_buf_adds(b, "\">");
        esc(b, r->file, 0);
        gc_buf_adds(b, "</a></td><td data-v=\"");
        esc(b, person, 0);
        gc_buf_adds(b, "\">");
        esc(b, person, 0);
        gc_buf_adds(b, "</td>");
        if (r->error) {
            gc_buf_adds(b, "<td data-v=\"\" class=\"miss\">");
            esc(b, r->error, 0);
            gc_buf_adds(b, "</td><td data-v=\"-1\"></td><td data-v=\"-1\"></td>"
                           "<td data-v=\"9999\"></td></tr>\n");
            continue;
        }
        gc_buf_adds(b, "<td data-v=\"");
        esc(b, r->role ? r->role : "", 0);
        gc_buf_adds(b, "\">");
        esc(b, r->role ? r->role : "", 0);
        if (r->total_months >= 0)
            gc_buf_printf(b, "</td><td class=\"num\" data-v=\"%d\">%.1f", r->total_months,
                          r->total_months / 12.0);
        else
            gc_buf_adds(b, "</td><td class=\"num\" data-v=\"-1\">");
        if (r->has_score)
            gc_buf_printf(b, "</td><td class=\"num\" data-v=\"%.3f\">%d%%</td><td class=\"num\" "
                          "data-v=\"%.2f\">%.1f</td></tr>\n", r->coverage,
                          gc_report_pct(r->coverage), r->months, r->months);
        else
            gc_buf_adds(b, "</td><td data-v=\"-1\"></td><td data-v=\"9999\"></td></tr>\n");
    }
    gc_buf_adds(b, "</tbody>\n</table>\n");
    gc_buf_adds(b, sort_script);
    gc_buf_adds(b, "</body>\n</html>\n");
}
