/* `gapcheck skills [search WORD]`: the skill catalogue, for people writing
 * their own roles: every skill's id, name and category, or those whose id,
 * name or category holds WORD (or that WORD names exactly, by an alias), in
 * text or JSON Lines.  Sorted by category, then id. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "cli/commands.h"
#include "gapcheck.h"

static const gc_data *sort_data;   /* qsort has no context argument */

static int cmp_skill(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    int c = strcmp(gc_skill_category(sort_data, a), gc_skill_category(sort_data, b));

    return c ? c : strcmp(gc_skill_id(sort_data, a), gc_skill_id(sort_data, b));
}

/* A user skill that replaced a bundled one leaves the old one behind, dead:
 * the id then finds the new one. */
static int live(const gc_data *d, size_t s)
{
    return gc_data_find_skill(d, gc_skill_id(d, s)) == (long)s;
}

static int contains(const char *hay, const char *folded_word)
{
    char *h = g_utf8_casefold(hay ? hay : "", -1);
    int hit = strstr(h, folded_word) != NULL;

    g_free(h);
    return hit;
}

static int matches(const gc_data *d, size_t s, const char *folded_word, long named)
{
    const char *cat = gc_skill_category(d, s);

    return (long)s == named || contains(gc_skill_id(d, s), folded_word) ||
           contains(gc_skill_name(d, s), folded_word) || contains(cat, folded_word) ||
           contains(gc_data_category_name(d, cat), folded_word);
}

static void print(gc_buf *b, const gc_data *d, size_t s, int json)
{
    const char *cat = gc_skill_category(d, s), *cat_name = gc_data_category_name(d, cat);

    if (!json) {
        gc_buf_printf(b, "%-26s %-34s %s\n", gc_skill_id(d, s), gc_skill_name(d, s), cat);
        return;
    }
    gc_buf_adds(b, "{\"id\":");
    gc_json_str(b, gc_skill_id(d, s));
    gc_buf_adds(b, ",\"name\":");
    gc_json_str(b, gc_skill_name(d, s));
    gc_buf_adds(b, ",\"category\":");
    gc_json_str(b, cat);
    gc_buf_adds(b, ",\"category_name\":");
    gc_json_str(b, cat_name ? cat_name : cat);
    gc_buf_adds(b, "}\n");
}

int gc_cmd_skills(const gc_cli *cli, const gc_data *d)
{
    const char *verb = cli->n_files ? cli->files[0] : NULL;
    char *word = NULL;
    size_t *v, n = 0;
    long named = -1;
    gc_buf b = {0};
    int json = strcmp(cli->format->name, "json") == 0, rc = EXIT_ALL_OK;

    if (verb && (strcmp(verb, "search") || cli->n_files != 2)) {
        gc_cli_error("skills", "%s", strcmp(verb, "search") ? "use 'skills' or 'skills search WORD'"
                                                             : "'search' needs one WORD");
        return EXIT_USAGE;
    }
    if ((v = calloc(gc_data_n_skills(d) + 1, sizeof *v)) == NULL)
        return EXIT_SYSTEM;
    if (verb) {
        word = g_utf8_casefold(cli->files[1], -1);
        named = gc_data_lookup_skill(d, cli->files[1]);
    }
    for (size_t s = 0; s < gc_data_n_skills(d); s++)
        if (live(d, s) && (word == NULL || matches(d, s, word, named)))
            v[n++] = s;
    sort_data = d;
    qsort(v, n, sizeof *v, cmp_skill);
    if (!json && n > 0)
        gc_buf_printf(&b, "%-26s %-34s %s\n", "id", "name", "category");
    for (size_t i = 0; i < n; i++)
        print(&b, d, v[i], json);
    if (gc_out(&b) < 0)
        rc = EXIT_SYSTEM;
    else if (n == 0) {   /* nothing holds the word: maybe a typo */
        gc_cli_unknown_skill(d, cli->files[1]);
        rc = EXIT_DATA;
    }
    gc_buf_free(&b);
    g_free(word);
    free(v);
    return rc;
}
