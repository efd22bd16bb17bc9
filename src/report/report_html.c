/* HTML reports for career coaches: one self-contained page per résumé
 * (inline CSS, inline SVG charts, no scripts, no external resources) and an
 * index page with a small inline sorting script.  Prints on A4.  Every
 * piece of document text and every file name is escaped. */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "gapcheck.h"

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
    "@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}"
    "tr,svg{page-break-inside:avoid}}\n"
    "</style>\n";

static void esc(gc_buf *b, const char *s, int redact)
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

static void head(gc_buf *b, const char *title)
{
    gc_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n"
                   "<title>");
    esc(b, title, 0);
    gc_buf_adds(b, "</title>\n");
    gc_buf_adds(b, style);
    gc_buf_adds(b, "</head>\n<body>\n");
}

/* Horizontal bars: one per phase, coverage 0..1, labelled. */
static void coverage_chart(gc_buf *b, const gc_score *sc)
{
    const gc_role *r = gc_score_role(sc);
    size_t n = gc_role_n_phases(r);

    gc_buf_printf(b, "<svg width=\"640\" height=\"%zu\" role=\"img\" aria-label=\"coverage per "
                  "phase\">\n", n * 26 + 6);
    for (size_t p = 0; p < n; p++) {
        double c = gc_score_phase_coverage(sc, p);
        gc_buf_printf(b, "<text x=\"0\" y=\"%zu\" font-size=\"12\">", p * 26 + 17);
        esc(b, gc_role_phase_title(r, p), 0);
        gc_buf_printf(b, "</text><rect x=\"200\" y=\"%zu\" width=\"360\" height=\"16\" "
                      "fill=\"#eef1f4\"/><rect x=\"200\" y=\"%zu\" width=\"%.1f\" height=\"16\" "
                      "fill=\"%s\"/><text x=\"570\" y=\"%zu\" font-size=\"12\">%d%%</text>\n",
                      p * 26 + 4, p * 26 + 4, 360 * c, c >= 1 ? "#2da44e" : "#d4a72c",
                      p * 26 + 17, (int)lround(c * 100));
    }
    gc_buf_adds(b, "</svg>\n");
}

/* Months left per phase as a stacked bar against the full roadmap. */
static void months_chart(gc_buf *b, const gc_score *sc)
{
    const gc_role *r = gc_score_role(sc);
    double total = 0, x = 0;

    for (size_t p = 0; p < gc_role_n_phases(r); p++)
        total += gc_role_phase_months(r, p) * gc_role_hours_per_week(r) / gc_score_hours(sc);
    if (total <= 0)
        return;
    gc_buf_adds(b, "<svg width=\"640\" height=\"34\" role=\"img\" aria-label=\"months left\">\n"
                   "<rect x=\"0\" y=\"4\" width=\"560\" height=\"18\" fill=\"#eef1f4\"/>\n");
    for (size_t p = 0; p < gc_role_n_phases(r); p++) {
        double w = 560 * gc_score_phase_months_left(sc, p) / total;
        gc_buf_printf(b, "<rect x=\"%.1f\" y=\"4\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>\n",
                      x, w, p % 2 ? "#cf6b73" : "#e0898f");
        x += w;
    }
    gc_buf_printf(b, "<text x=\"566\" y=\"18\" font-size=\"12\">%.1f mo</text>\n</svg>\n",
                  gc_score_months_to_ready(sc));
}

static void skill_row(gc_buf *b, const gc_data *d, const gc_doc *doc, size_t s, int redact)
{
    gc_how how = gc_doc_how(doc, s);
    static const char *const mark[] = {"<span class=\"miss\">✗</span>",
                                       "<span class=\"imp\">~</span>",
                                       "<span class=\"have\">✓</span>"};

    gc_buf_printf(b, "<tr><td>%s ", mark[how]);
    esc(b, gc_skill_name(d, s), 0);
    gc_buf_adds(b, "</td><td class=\"ev\">");
    if (how == GC_EVIDENCED) {
        unsigned line;
        const char *sec, *matched;
        const char *text = gc_doc_evidence(doc, s, 0, &line, &sec, &matched);
        gc_buf_printf(b, "line %u%s", line, sec ? " (" : "");
        if (sec) {
            esc(b, sec, 0);
            gc_buf_addc(b, ')');
        }
        gc_buf_adds(b, ": “");
        esc(b, text, redact);
        gc_buf_adds(b, "”");
    } else if (how == GC_IMPLIED) {
        gc_buf_adds(b, "implied by ");
        for (size_t k = 0; k < gc_doc_n_implied_by(doc, s); k++) {
            gc_buf_adds(b, k ? ", " : "");
            esc(b, gc_skill_name(d, gc_doc_implied_by(doc, s, k)), 0);
        }
    }
    gc_buf_adds(b, "</td></tr>\n");
}

static void phases(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_score *sc, int redact)
{
    const gc_role *r = gc_score_role(sc);
    size_t order[256];

    for (size_t p = 0; p < gc_role_n_phases(r); p++) {
        gc_buf_printf(b, "<h3>%zu. ", p + 1);
        esc(b, gc_role_phase_title(r, p), 0);
        gc_buf_printf(b, " <span class=\"muted\">%d%%, %.1f months left</span></h3>\n<table>\n",
                      (int)lround(gc_score_phase_coverage(sc, p) * 100),
                      gc_score_phase_months_left(sc, p));
        for (size_t i = 0; i < gc_role_phase_n_skills(r, p); i++)
            skill_row(b, d, doc, gc_role_phase_skill(r, p, i, NULL), redact);
        gc_buf_adds(b, "</table>\n");
        size_t n = gc_role_phase_n_skills(r, p) <= 256 ? gc_plan_phase(order, d, doc, r, p) : 0;
        if (n > 0) {
            gc_buf_adds(b, "<p class=\"muted\">Learn next: ");
            for (size_t i = 0; i < n; i++) {
                gc_buf_adds(b, i ? " → " : "");
                esc(b, gc_skill_name(d, order[i]), 0);
            }
            gc_buf_adds(b, "</p>\n");
        }
        if (gc_score_phase_coverage(sc, p) < 1 && gc_role_phase_n_milestones(r, p) > 0) {
            gc_buf_adds(b, "<ul>\n");
            for (size_t i = 0; i < gc_role_phase_n_milestones(r, p); i++) {
                gc_buf_adds(b, "<li>");
                esc(b, gc_role_phase_milestone(r, p, i), 0);
                gc_buf_adds(b, "</li>\n");
            }
            gc_buf_adds(b, "</ul>\n");
        }
    }
}

static void role_section(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_score *sc,
                         int redact)
{
    const gc_role *r = gc_score_role(sc);

    gc_buf_adds(b, "<h2>");
    esc(b, gc_role_title(r), 0);
    gc_buf_printf(b, "</h2>\n<p class=\"big\">Ready in about %.1f months at %g h/week "
                  "<span class=\"muted\">(coverage %d%%; the full roadmap is %g months at %g "
                  "h/week)</span></p>\n", gc_score_months_to_ready(sc), gc_score_hours(sc),
                  (int)lround(gc_score_coverage(sc) * 100), gc_role_months(r),
                  gc_role_hours_per_week(r));
    coverage_chart(b, sc);
    months_chart(b, sc);
    phases(b, d, doc, sc, redact);
}

static void other_skills(gc_buf *b, const gc_data *d, const gc_doc *doc, int redact)
{
    gc_buf_adds(b, "<h2>All skills found</h2>\n<table>\n");
    for (size_t i = 0; i < gc_doc_n_found(doc); i++)
        skill_row(b, d, doc, gc_doc_found_skill(doc, i), redact);
    gc_buf_adds(b, "</table>\n");
}

void gc_report_html(gc_buf *b, const gc_data *d, const char *file, const gc_doc *doc,
                    const gc_score *score, const gc_report_more *more, const gc_report_opts *o)
{
    const gc_err *e = gc_doc_error(doc);

    (void)more;
    head(b, file);
    gc_buf_adds(b, "<h1>");
    esc(b, file, 0);
    gc_buf_adds(b, "</h1>\n");
    if (e != NULL) {
        gc_buf_adds(b, "<p class=\"miss\">This file could not be analysed: ");
        esc(b, e->msg, 0);
        gc_buf_adds(b, "</p>\n</body>\n</html>\n");
        return;
    }
    gc_buf_printf(b, "<p class=\"muted\">%s, %zu skills found", gc_doc_format(doc),
                  gc_doc_n_found(doc));
    if (gc_doc_hidden_chars(doc))
        gc_buf_printf(b, "; %u characters of hidden text were ignored", gc_doc_hidden_chars(doc));
    gc_buf_adds(b, "</p>\n");
    if (score != NULL)
        role_section(b, d, doc, score, o->redact);
    other_skills(b, d, doc, o->redact);
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

void gc_report_html_index(gc_buf *b, const gc_index_row *rows, size_t n, const char *title)
{
    head(b, title);
    gc_buf_adds(b, "<h1>");
    esc(b, title, 0);
    gc_buf_printf(b, "</h1>\n<p class=\"muted\">%zu résumé%s. Click a column to sort.</p>\n"
                  "<table>\n<thead><tr><th data-k=\"s\">Name</th><th data-k=\"s\">Best-fitting "
                  "role</th><th class=\"num\" data-k=\"n\">Coverage</th><th class=\"num\" "
                  "data-k=\"n\">Months to ready</th></tr></thead>\n<tbody>\n", n,
                  n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        const gc_index_row *r = &rows[i];
        gc_buf_adds(b, "<tr><td data-v=\"");
        esc(b, r->name, 0);
        gc_buf_adds(b, "\"><a href=\"");
        esc(b, r->href, 0);
        gc_buf_adds(b, "\">");
        esc(b, r->name, 0);
        gc_buf_adds(b, "</a></td>");
        if (r->error) {
            gc_buf_adds(b, "<td data-v=\"\" class=\"miss\">");
            esc(b, r->error, 0);
            gc_buf_adds(b, "</td><td data-v=\"-1\"></td><td data-v=\"9999\"></td></tr>\n");
            continue;
        }
        gc_buf_adds(b, "<td data-v=\"");
        esc(b, r->role ? r->role : "", 0);
        gc_buf_adds(b, "\">");
        esc(b, r->role ? r->role : "", 0);
        if (r->has_score)
            gc_buf_printf(b, "</td><td class=\"num\" data-v=\"%.3f\">%d%%</td><td class=\"num\" "
                          "data-v=\"%.2f\">%.1f</td></tr>\n", r->coverage,
                          (int)lround(r->coverage * 100), r->months, r->months);
        else
            gc_buf_adds(b, "</td><td data-v=\"-1\"></td><td data-v=\"9999\"></td></tr>\n");
    }
    gc_buf_adds(b, "</tbody>\n</table>\n");
    gc_buf_adds(b, sort_script);
    gc_buf_adds(b, "</body>\n</html>\n");
}
