/* Text report for people: per phase, ✓/~/✗ per skill, a coverage bar,
 * months left; the total time to ready; the next milestones.  Colour only
 * when the caller says so (a terminal, and NO_COLOR unset). */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "gapcheck.h"

#define BAR_WIDTH 20

static const char *col(const gc_report_opts *o, const char *code)
{
    return o->color ? code : "";
}

#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define RED "\033[31m"
#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RESET "\033[0m"

static void clean_str(gc_buf *b, const char *s, int redact)
{
    char *c = gc_report_clean(s, redact);
    gc_buf_adds(b, c);
    g_free(c);
}

static void bar(gc_buf *b, double cov, const gc_report_opts *o)
{
    size_t full;

    if (!(cov >= 0))
        cov = 0;   /* NaN too: a bar is drawn for any value, never a loop */
    if (cov > 1)
        cov = 1;
    full = (size_t)lround(cov * BAR_WIDTH);

    gc_buf_adds(b, col(o, cov >= 1 ? GREEN : cov > 0 ? YELLOW : RED));
    gc_buf_repeat(b, "█", full);
    gc_buf_adds(b, col(o, DIM));
    gc_buf_repeat(b, "░", BAR_WIDTH - full);
    gc_buf_adds(b, col(o, RESET));
}

static void months(gc_buf *b, double m)
{
    double r = isfinite(m) ? round(m * 10) / 10 : 0;

    gc_buf_printf(b, "%.1f month%s", r, r == 1.0 ? "" : "s");
}

static void evidence_lines(gc_buf *b, const gc_doc *doc, size_t s, const gc_report_opts *o)
{
    for (size_t i = 0; i < gc_doc_n_evidence(doc, s); i++) {
        unsigned line;
        const char *sec, *matched;
        const char *text = gc_doc_evidence(doc, s, i, &line, &sec, &matched);
        gc_buf_printf(b, "         %sline %u", col(o, DIM), line);
        if (sec)
            gc_buf_printf(b, " (%s)", sec);
        gc_buf_adds(b, ": ");
        clean_str(b, text, o->redact);
        gc_buf_printf(b, "%s\n", col(o, RESET));
    }
}

static void skill_line(gc_buf *b, const gc_data *d, const gc_doc *doc, size_t s,
                       const gc_report_opts *o)
{
    gc_how how = gc_doc_how(doc, s);

    if (how == GC_EVIDENCED)
        gc_buf_printf(b, "     %s✓%s %s", col(o, GREEN), col(o, RESET), gc_skill_name(d, s));
    else if (how == GC_IMPLIED)
        gc_buf_printf(b, "     %s~%s %s", col(o, YELLOW), col(o, RESET), gc_skill_name(d, s));
    else
        gc_buf_printf(b, "     %s✗%s %s", col(o, RED), col(o, RESET), gc_skill_name(d, s));
    if (how == GC_IMPLIED) {
        gc_buf_adds(b, " (implied by ");
        for (size_t k = 0; k < gc_doc_n_implied_by(doc, s); k++)
            gc_buf_printf(b, "%s%s", k ? ", " : "", gc_skill_name(d, gc_doc_implied_by(doc, s, k)));
        gc_buf_adds(b, ")");
    } else if (how == GC_EVIDENCED && !o->explain) {
        unsigned line;
        const char *sec, *matched;
        gc_doc_evidence(doc, s, 0, &line, &sec, &matched);
        gc_buf_printf(b, "%s  line %u%s%s%s", col(o, DIM), line, sec ? " (" : "", sec ? sec : "",
                      sec ? ")" : "");
        if (gc_doc_n_evidence(doc, s) > 1)
            gc_buf_printf(b, " +%zu more", gc_doc_n_evidence(doc, s) - 1);
        gc_buf_adds(b, col(o, RESET));
    }
    gc_buf_addc(b, '\n');
    if (o->explain && how == GC_EVIDENCED)
        evidence_lines(b, doc, s, o);
}

static void phase(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_score *sc, size_t p,
                  const gc_report_opts *o)
{
    const gc_role *r = gc_score_role(sc);
    double cov = gc_score_phase_coverage(sc, p);

    gc_buf_printf(b, "\n  %s%zu. %-28s%s ", col(o, BOLD), p + 1, gc_role_phase_title(r, p),
                  col(o, RESET));
    bar(b, cov, o);
    gc_buf_printf(b, " %3d%%  ", (int)lround(cov * 100));
    if (cov >= 1)
        gc_buf_adds(b, "done");
    else {
        months(b, gc_score_phase_months_left(sc, p));
        gc_buf_adds(b, " left");
    }
    gc_buf_addc(b, '\n');
    for (size_t i = 0; i < gc_role_phase_n_skills(r, p); i++)
        skill_line(b, d, doc, gc_role_phase_skill(r, p, i, NULL), o);
}

/* The unfinished phases in order, each with its missing skills in learning
 * order (prerequisites first) and its months at the reader's pace. */
static void plan(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_score *sc)
{
    const gc_role *r = gc_score_role(sc);
    size_t order[256];

    if (gc_score_next_phase(sc) >= gc_role_n_phases(r))
        return;
    gc_buf_printf(b, "\n  study plan at %g h/week:\n", gc_score_hours(sc));
    for (size_t p = 0; p < gc_role_n_phases(r); p++) {
        if (gc_score_phase_coverage(sc, p) >= 1 || gc_role_phase_n_skills(r, p) > 256)
            continue;
        size_t n = gc_plan_phase(order, d, doc, r, p);
        gc_buf_printf(b, "     %s, ", gc_role_phase_title(r, p));
        months(b, gc_score_phase_months_left(sc, p));
        gc_buf_adds(b, ": ");
        for (size_t i = 0; i < n; i++)
            gc_buf_printf(b, "%s%s", i ? " → " : "", gc_skill_name(d, order[i]));
        gc_buf_addc(b, '\n');
    }
}

static void role_report(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_score *sc,
                        const gc_report_opts *o)
{
    const gc_role *r = gc_score_role(sc);
    size_t next = gc_score_next_phase(sc);

    gc_buf_printf(b, "  target: %s (%s), %g months at %g h/week\n", gc_role_title(r),
                  gc_role_id(r), gc_role_months(r), gc_role_hours_per_week(r));
    gc_buf_printf(b, "  %sready in about ", col(o, BOLD));
    months(b, gc_score_months_to_ready(sc));
    gc_buf_printf(b, " at %g h/week%s (coverage %d%%)\n", gc_score_hours(sc), col(o, RESET),
                  (int)lround(gc_score_coverage(sc) * 100));
    for (size_t p = 0; p < gc_role_n_phases(r); p++)
        phase(b, d, doc, sc, p, o);
    plan(b, d, doc, sc);
    if (next < gc_role_n_phases(r) && gc_role_phase_n_milestones(r, next) > 0) {
        gc_buf_printf(b, "\n  next milestones (%s):\n", gc_role_phase_title(r, next));
        for (size_t i = 0; i < gc_role_phase_n_milestones(r, next); i++)
            gc_buf_printf(b, "     • %s\n", gc_role_phase_milestone(r, next, i));
    }
}

static void suggestions(gc_buf *b, const gc_report_more *m)
{
    gc_buf_adds(b, "\n  roles by time to ready:\n");
    for (size_t i = 0; i < m->n_suggestions; i++) {
        const gc_score *s = m->suggestions[i];
        gc_buf_printf(b, "    %2zu. %-34s %3d%%  ", i + 1, gc_role_title(gc_score_role(s)),
                      (int)lround(gc_score_coverage(s) * 100));
        months(b, gc_score_months_to_ready(s));
        gc_buf_printf(b, " (%s)\n", gc_role_id(gc_score_role(s)));
    }
}

static void job_skills(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_job *j,
                       int optional, const gc_report_opts *o)
{
    int any = 0;

    for (size_t i = 0; i < gc_job_n_skills(j); i++) {
        int opt;
        size_t s = gc_job_skill(j, i, &opt);
        if (opt != optional)
            continue;
        if (!any++)
            gc_buf_printf(b, "    %s:", optional ? "nice to have" : "required");
        int had = gc_doc_how(doc, s) == GC_EVIDENCED;
        gc_buf_printf(b, " %s%s%s %s", col(o, had ? GREEN : RED), had ? "✓" : "✗", col(o, RESET),
                      gc_skill_name(d, s));
    }
    if (any)
        gc_buf_addc(b, '\n');
}

static void job(gc_buf *b, const gc_data *d, const gc_doc *doc, const gc_report_more *m,
                const gc_report_opts *o)
{
    const gc_job *j = m->job;

    gc_buf_adds(b, "\n  job posting ");
    clean_str(b, m->job_file ? m->job_file : "", 0);
    if (gc_job_role(j))
        gc_buf_printf(b, " (closest role: %s)", gc_role_title(gc_job_role(j)));
    gc_buf_printf(b, "\n    match %d%%, ready in about ", (int)lround(gc_job_match(j) * 100));
    months(b, gc_job_months_to_ready(j));
    gc_buf_printf(b, " at %g h/week\n", gc_job_hours(j));
    job_skills(b, d, doc, j, 0, o);
    job_skills(b, d, doc, j, 1, o);
}

/* Without a role: every skill found, grouped by category. */
static void skills_report(gc_buf *b, const gc_data *d, const gc_doc *doc,
                          const gc_report_opts *o)
{
    const char *cat = NULL;

    for (size_t i = 0; i < gc_doc_n_found(doc); i++) {
        size_t s = gc_doc_found_skill(doc, i);
        (void)cat;
        skill_line(b, d, doc, s, o);
    }
    if (gc_doc_n_found(doc) == 0)
        gc_buf_adds(b, "  no known skills found\n");
}

/* One line for OCR, one per warning. */
static void ocr_notes(gc_buf *b, const gc_doc *doc, const gc_report_opts *o)
{
    size_t n = gc_doc_n_ocr_pages(doc);

    if (n > 0) {
        gc_buf_printf(b, "  note: %s ", strcmp(gc_doc_format(doc), "pdf") == 0 ?
                      (n == 1 ? "page" : "pages") : (n == 1 ? "picture" : "pictures"));
        for (size_t i = 0; i < n && i < 8; i++)
            gc_buf_printf(b, "%s%u", i ? ", " : "", gc_doc_ocr_page(doc, i));
        gc_buf_printf(b, "%s read with OCR (%s, mean word confidence %.0f%%", n > 8 ? " ..." : "",
                      gc_doc_ocr_lang(doc), gc_doc_ocr_confidence(doc));
        if (gc_doc_ocr_dropped(doc))
            gc_buf_printf(b, "; %u unsure words ignored", gc_doc_ocr_dropped(doc));
        gc_buf_adds(b, ")\n");
    }
    for (size_t i = 0; i < gc_doc_n_warnings(doc); i++) {
        const char *w = gc_doc_warning(doc, i);
        gc_buf_printf(b, "  %swarning: %s%s\n", col(o, YELLOW),
                      strcmp(w, "garbled_text") == 0 ?
                      "the text layer is mostly not words (a broken font encoding?): "
                      "skills found in it are unreliable" :
                      "some pages or pictures that need OCR were not read (OCR off or not "
                      "installed, or a size or time limit)", col(o, RESET));
    }
}

void gc_report_text(gc_buf *b, const gc_data *d, const char *file, const gc_doc *doc,
                    const gc_score *score, const gc_report_more *more,
                    const gc_report_opts *o)
{
    const gc_err *e = gc_doc_error(doc);

    gc_buf_printf(b, "%s", col(o, BOLD));
    clean_str(b, file, 0);
    gc_buf_printf(b, "%s", col(o, RESET));
    if (e != NULL) {
        gc_buf_printf(b, ": error: %s\n", e->msg);
        return;
    }
    gc_buf_printf(b, " (%s", gc_doc_format(doc));
    if (gc_doc_pages(doc))
        gc_buf_printf(b, ", %u page%s", gc_doc_pages(doc), gc_doc_pages(doc) == 1 ? "" : "s");
    gc_buf_printf(b, "): %zu skills found\n", gc_doc_n_found(doc));
    if (gc_doc_hidden_chars(doc))
        gc_buf_printf(b, "  %snote: %u characters of hidden text (white, tiny or off-page) "
                      "were ignored%s\n", col(o, YELLOW), gc_doc_hidden_chars(doc), col(o, RESET));
    if (gc_doc_text_bytes(doc) < 100)
        gc_buf_printf(b, "  note: only %zu bytes of text were found\n", gc_doc_text_bytes(doc));
    if (gc_doc_truncated(doc))
        gc_buf_adds(b, "  note: the document was cut at a size limit; later pages were not read\n");
    ocr_notes(b, doc, o);
    if (score != NULL)
        role_report(b, d, doc, score, o);
    else if (!more || (!more->n_suggestions && !more->job))
        skills_report(b, d, doc, o);
    if (more && more->n_suggestions)
        suggestions(b, more);
    if (more && more->job)
        job(b, d, doc, more, o);
}
