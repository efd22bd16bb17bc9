/* `gapcheck roles [show ID | related ID]`: browse the role catalogue, in
 * text or JSON Lines.  Related roles come from the core (gc_role_related),
 * both ways; this file only prints them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "gapcheck.h"

static int is_json(const gc_cli *cli)
{
    return strcmp(cli->format->name, "json") == 0;
}

static void json_phases(gc_buf *b, const gc_data *d, const gc_role *r)
{
    gc_buf_adds(b, ",\"phases\":[");
    for (size_t p = 0; p < gc_role_n_phases(r); p++) {
        gc_buf_adds(b, p ? ",{\"id\":" : "{\"id\":");
        gc_json_str(b, gc_role_phase_id(r, p));
        gc_buf_adds(b, ",\"title\":");
        gc_json_str(b, gc_role_phase_title(r, p));
        gc_buf_adds(b, ",\"months\":");
        gc_json_num(b, gc_role_phase_months(r, p), 2);
        gc_buf_adds(b, ",\"skills\":[");
        for (size_t i = 0; i < gc_role_phase_n_skills(r, p); i++) {
            double w;
            size_t s = gc_role_phase_skill(r, p, i, &w);
            gc_buf_adds(b, i ? ",{\"id\":" : "{\"id\":");
            gc_json_str(b, gc_skill_id(d, s));
            gc_buf_adds(b, ",\"weight\":");
            gc_json_num(b, w, 2);
            gc_buf_addc(b, '}');
        }
        gc_buf_adds(b, "],\"milestones\":[");
        for (size_t i = 0; i < gc_role_phase_n_milestones(r, p); i++) {
            gc_buf_adds(b, i ? "," : "");
            gc_json_str(b, gc_role_phase_milestone(r, p, i));
        }
        gc_buf_adds(b, "]}");
    }
    gc_buf_addc(b, ']');
}

static void json_role(gc_buf *b, const gc_data *d, const gc_role *r)
{
    gc_buf_adds(b, "{\"id\":");
    gc_json_str(b, gc_role_id(r));
    gc_buf_adds(b, ",\"title\":");
    gc_json_str(b, gc_role_title(r));
    gc_buf_adds(b, ",\"months\":");
    gc_json_num(b, gc_role_months(r), 2);
    gc_buf_adds(b, ",\"hours_per_week\":");
    gc_json_num(b, gc_role_hours_per_week(r), 2);
    gc_buf_adds(b, ",\"aliases\":[");
    for (size_t i = 0; i < gc_role_n_aliases(r); i++) {
        gc_buf_adds(b, i ? "," : "");
        gc_json_str(b, gc_role_alias(r, i));
    }
    gc_buf_addc(b, ']');
    json_phases(b, d, r);
    gc_buf_adds(b, "}\n");
}

static void text_role(gc_buf *b, const gc_data *d, const gc_role *r)
{
    gc_buf_printf(b, "%s (%s): %g months at %g h/week\n", gc_role_title(r), gc_role_id(r),
                  gc_role_months(r), gc_role_hours_per_week(r));
    if (gc_role_summary(r))
        gc_buf_printf(b, "  %s\n", gc_role_summary(r));
    for (size_t i = 0; i < gc_role_n_aliases(r); i++)
        gc_buf_printf(b, "%s%s%s", i ? ", " : "  also: --role ", gc_role_alias(r, i),
                      i + 1 == gc_role_n_aliases(r) ? "\n" : "");
    for (size_t p = 0; p < gc_role_n_phases(r); p++) {
        gc_buf_printf(b, "\n  %zu. %s (%g months)\n     skills:", p + 1, gc_role_phase_title(r, p),
                      gc_role_phase_months(r, p));
        for (size_t i = 0; i < gc_role_phase_n_skills(r, p); i++) {
            double w;
            size_t s = gc_role_phase_skill(r, p, i, &w);
            gc_buf_printf(b, "%s %s", i ? "," : "", gc_skill_name(d, s));
            if (w != 1)
                gc_buf_printf(b, " (×%g)", w);
        }
        gc_buf_addc(b, '\n');
        for (size_t i = 0; i < gc_role_phase_n_milestones(r, p); i++)
            gc_buf_printf(b, "     • %s\n", gc_role_phase_milestone(r, p, i));
    }
}

/* Distinct skills of a role (a skill belongs to one phase only). */
static size_t n_skills(const gc_role *r)
{
    size_t n = 0;

    for (size_t p = 0; p < gc_role_n_phases(r); p++)
        n += gc_role_phase_n_skills(r, p);
    return n;
}

static void text_related(gc_buf *b, const gc_related *v, size_t n, int shares_r,
                         const gc_role *r, double min)
{
    if (shares_r)
        gc_buf_printf(b, "roles that list more than %g%% of %s's %zu skills:\n", min * 100,
                      gc_role_id(r), n_skills(r));
    else
        gc_buf_printf(b, "roles of which %s lists more than %g%% of the skills:\n",
                      gc_role_id(r), min * 100);
    if (n == 0)
        gc_buf_adds(b, "  (none)\n");
    for (size_t i = 0; i < n; i++) {
        size_t whole = n_skills(shares_r ? r : v[i].role);
        gc_buf_printf(b, "  %-22s %-36s %3.0f%% (%.0f of %zu)\n", gc_role_id(v[i].role),
                      gc_role_title(v[i].role), v[i].share * 100, v[i].share * (double)whole,
                      whole);
    }
}

static void json_related(gc_buf *b, const gc_related *x)
{
    gc_buf_adds(b, "{\"id\":");
    gc_json_str(b, gc_role_id(x->role));
    gc_buf_adds(b, ",\"title\":");
    gc_json_str(b, gc_role_title(x->role));
    gc_buf_adds(b, ",\"overlap\":");
    gc_json_num(b, x->of_r, 3);
    gc_buf_adds(b, ",\"reverse_overlap\":");
    gc_json_num(b, x->of_role, 3);
    gc_buf_adds(b, "}\n");
}

/* Both directions.  JSON: one line per related role, those that list a
 * share of r's skills first (as before the reverse direction was added),
 * then the others. */
static void related(gc_buf *b, const gc_cli *cli, const gc_data *d, const gc_role *r)
{
    size_t cap = gc_data_n_roles(d) + 1;
    gc_related *to = calloc(cap, sizeof *to), *from = calloc(cap, sizeof *from);
    size_t n_to, n_from;

    if (to == NULL || from == NULL) {
        b->failed = 1;
        goto out;
    }
    n_to = gc_role_related(to, d, r, GC_RELATED_SHARES_R);
    n_from = gc_role_related(from, d, r, GC_RELATED_SHARED_BY_R);
    if (!is_json(cli)) {
        text_related(b, to, n_to, 1, r, gc_data_related_share(d));
        gc_buf_addc(b, '\n');
        text_related(b, from, n_from, 0, r, gc_data_related_share(d));
        goto out;
    }
    for (size_t i = 0; i < n_to; i++)
        json_related(b, &to[i]);
    for (size_t i = 0; i < n_from; i++)
        if (from[i].of_r <= gc_data_related_share(d))   /* not listed above */
            json_related(b, &from[i]);
out:
    free(to);
    free(from);
}

static void list(gc_buf *b, const gc_cli *cli, const gc_data *d)
{
    for (size_t i = 0; i < gc_data_n_roles(d); i++) {
        const gc_role *r = gc_data_role(d, i);
        if (is_json(cli))
            json_role(b, d, r);
        else
            gc_buf_printf(b, "%-22s %-36s %4g months at %g h/week\n", gc_role_id(r),
                          gc_role_title(r), gc_role_months(r), gc_role_hours_per_week(r));
    }
}

int gc_cmd_roles(const gc_cli *cli, const gc_data *d)
{
    gc_buf b = {0};
    const gc_role *r = NULL;
    const char *verb = cli->n_files ? cli->files[0] : NULL;
    int rc;

    if (verb && strcmp(verb, "show") && strcmp(verb, "related")) {
        gc_cli_error("roles", "unknown verb '%s' (use show ID or related ID)", verb);
        return EXIT_USAGE;
    }
    if (verb && cli->n_files != 2) {
        gc_cli_error("roles", "'%s' needs exactly one role id", verb);
        return EXIT_USAGE;
    }
    if (verb && (r = gc_cli_find_role(d, cli->files[1])) == NULL)
        return EXIT_DATA;
    if (verb == NULL)
        list(&b, cli, d);
    else if (verb[0] == 's' && is_json(cli))
        json_role(&b, d, r);
    else if (verb[0] == 's')
        text_role(&b, d, r);
    else
        related(&b, cli, d, r);
    rc = gc_out(&b) < 0 ? EXIT_SYSTEM : EXIT_ALL_OK;
    gc_buf_free(&b);
    return rc;
}
