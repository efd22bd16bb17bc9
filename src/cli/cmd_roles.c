/* `gapcheck roles [show ID | related ID]`: browse the role catalogue, in
 * text or JSON Lines.  Related roles are computed from the data: a role is
 * related when it lists more than 40% of this role's skills. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "gapcheck.h"

#define RELATED_MIN 0.4

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
    json_phases(b, d, r);
    gc_buf_adds(b, "}\n");
}

static void text_role(gc_buf *b, const gc_data *d, const gc_role *r)
{
    gc_buf_printf(b, "%s (%s): %g months at %g h/week\n", gc_role_title(r), gc_role_id(r),
                  gc_role_months(r), gc_role_hours_per_week(r));
    if (gc_role_summary(r))
        gc_buf_printf(b, "  %s\n", gc_role_summary(r));
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

typedef struct rel {
    const gc_role *r;
    double overlap;
} rel;

static int cmp_rel(const void *x, const void *y)
{
    const rel *a = x, *b = y;
    if (a->overlap != b->overlap)
        return a->overlap > b->overlap ? -1 : 1;
    return strcmp(gc_role_id(a->r), gc_role_id(b->r));
}

static void related(gc_buf *b, const gc_cli *cli, const gc_data *d, const gc_role *r)
{
    size_t n = 0;
    rel *v = calloc(gc_data_n_roles(d) + 1, sizeof *v);

    for (size_t i = 0; v && i < gc_data_n_roles(d); i++) {
        const gc_role *o = gc_data_role(d, i);
        double ov = gc_role_overlap(r, o);
        if (o != r && ov > RELATED_MIN)
            v[n++] = (rel){o, ov};
    }
    qsort(v, n, sizeof *v, cmp_rel);
    for (size_t i = 0; i < n; i++) {
        if (is_json(cli)) {
            gc_buf_adds(b, "{\"id\":");
            gc_json_str(b, gc_role_id(v[i].r));
            gc_buf_adds(b, ",\"title\":");
            gc_json_str(b, gc_role_title(v[i].r));
            gc_buf_adds(b, ",\"overlap\":");
            gc_json_num(b, v[i].overlap, 3);
            gc_buf_adds(b, "}\n");
        } else {
            gc_buf_printf(b, "%-22s %-36s %3.0f%% of %s's skills\n", gc_role_id(v[i].r),
                          gc_role_title(v[i].r), v[i].overlap * 100, gc_role_id(r));
        }
    }
    free(v);
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
    if (verb && (r = gc_data_find_role(d, cli->files[1])) == NULL) {
        gc_cli_error(NULL, "unknown role '%s' (see 'gapcheck roles')", cli->files[1]);
        return EXIT_DATA;
    }
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
