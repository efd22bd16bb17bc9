/* lexicon: reads lexicon YAML (categories, sections, skills) into gc_data.
 * Strict: unknown keys, wrong types, bad ids and duplicates are errors at
 * their file:line:col.  References (category, implies, requires) are
 * resolved later, in build.c, once every file is in.  See lexicon/README.md
 * for the schema. */
#include <string.h>

#include <glib.h>

#include "data/data_int.h"
#include "data/headings.h"
#include "base/tokenize.h"
#include "data/yaml_load.h"

static gc_pos pos_of(gc_data *d, const gc_ynode *n, const char *file)
{
    return (gc_pos){gc_data_intern(d, file), n->line, n->col};
}

static int valid_id(const char *s)
{
    if (!g_ascii_islower(s[0]) && !g_ascii_isdigit(s[0]))
        return 0;
    for (const char *p = s; *p; p++)
        if (!g_ascii_islower(*p) && !g_ascii_isdigit(*p) && !strchr("+#.-", *p))
            return 0;
    return strlen(s) <= 64;
}

static int get_id(const char **out, const gc_ynode *map, const char *file, gc_err *err)
{
    const gc_ynode *v = gc_ymap_get(map, "id");

    if (gc_ystring(out, map, "id", file, err) < 0)
        return GC_EDATA;
    if (!valid_id(*out))
        return gc_err_set(err, GC_EDATA, file, v->line, v->col,
                          "invalid id '%s': use lowercase letters, digits and + # . -", *out);
    return 0;
}

static int parse_categories(gc_data *d, const gc_ynode *seq, const char *file, gc_err *err)
{
    static const char *const keys[] = {"id", "name", NULL};

    if (gc_yexpect(seq, GC_Y_SEQ, "categories", file, err) < 0)
        return GC_EDATA;
    for (size_t i = 0; i < seq->n; i++) {
        const gc_ynode *c = seq->items[i];
        const char *id, *name;
        if (gc_yexpect(c, GC_Y_MAP, "category", file, err) < 0 ||
            gc_ymap_check(c, keys, keys, file, err) < 0 || get_id(&id, c, file, err) < 0 ||
            gc_ystring(&name, c, "name", file, err) < 0)
            return GC_EDATA;
        if (g_hash_table_contains(d->category_names, id))
            return gc_err_set(err, GC_EDATA, file, c->line, c->col,
                              "duplicate category '%s'", id);
        id = gc_data_intern(d, id);
        g_hash_table_insert(d->category_names, GC_UNCONST(id), GC_UNCONST(gc_data_intern(d, name)));
        g_ptr_array_add(d->categories, GC_UNCONST(id));
    }
    return 0;
}

static unsigned section_index(gc_data *d, const char *id)
{
    for (unsigned i = 0; i < d->sections->len; i++)
        if (strcmp(g_array_index(d->sections, gc_section, i).id, id) == 0)
            return i;
    gc_section s = {gc_data_intern(d, id)};
    g_array_append_val(d->sections, s);
    return d->sections->len - 1;
}

static int parse_headings(gc_data *d, unsigned sec, const gc_ynode *seq, const char *file,
                          gc_err *err)
{
    char key[256];

    if (gc_yexpect(seq, GC_Y_SEQ, "headings", file, err) < 0)
        return GC_EDATA;
    for (size_t j = 0; j < seq->n; j++) {
        const gc_ynode *h = seq->items[j];
        if (gc_yexpect(h, GC_Y_SCALAR, "heading", file, err) < 0)
            return GC_EDATA;
        if (gc_heading_key(key, sizeof key, h->str, h->len) == 0)
            return gc_err_set(err, GC_EDATA, file, h->line, h->col,
                              "heading '%s' has no letters", h->str);
        gpointer old = g_hash_table_lookup(d->heading_to_section, key);
        if (old != NULL && GPOINTER_TO_UINT(old) != sec + 1)
            return gc_err_set(err, GC_EDATA, file, h->line, h->col,
                              "heading '%s' already belongs to section '%s'", h->str,
                              g_array_index(d->sections, gc_section,
                                            GPOINTER_TO_UINT(old) - 1).id);
        gc_heading_add(d, gc_data_intern(d, key), sec + 1);
    }
    return 0;
}

static int parse_sections(gc_data *d, const gc_ynode *seq, const char *file, gc_err *err)
{
    static const char *const keys[] = {"id", "headings", NULL};

    if (gc_yexpect(seq, GC_Y_SEQ, "sections", file, err) < 0)
        return GC_EDATA;
    for (size_t i = 0; i < seq->n; i++) {
        const gc_ynode *s = seq->items[i];
        const char *id;
        if (gc_yexpect(s, GC_Y_MAP, "section", file, err) < 0 ||
            gc_ymap_check(s, keys, keys, file, err) < 0 || get_id(&id, s, file, err) < 0)
            return GC_EDATA;
        if (parse_headings(d, section_index(d, id), gc_ymap_get(s, "headings"), file, err) < 0)
            return GC_EDATA;
    }
    return 0;
}

static int parse_cues(gc_data *d, const gc_ynode *seq, const char *file, gc_err *err)
{
    static const char *const keys[] = {"id", "phrases", NULL};

    if (gc_yexpect(seq, GC_Y_SEQ, "cues", file, err) < 0)
        return GC_EDATA;
    for (size_t i = 0; i < seq->n; i++) {
        const gc_ynode *c = seq->items[i], *ph;
        const char *id;
        if (gc_yexpect(c, GC_Y_MAP, "cue", file, err) < 0 ||
            gc_ymap_check(c, keys, keys, file, err) < 0 || get_id(&id, c, file, err) < 0 ||
            gc_yexpect(ph = gc_ymap_get(c, "phrases"), GC_Y_SEQ, "phrases", file, err) < 0)
            return GC_EDATA;
        for (size_t k = 0; k < ph->n; k++) {
            gc_cue cue = {section_index(d, id), {0, 0}};
            if (gc_yexpect(ph->items[k], GC_Y_SCALAR, "phrase", file, err) < 0)
                return GC_EDATA;
            if (gc_data_phrase(d, &cue.phrase, ph->items[k]->str, 8) < 0)
                return gc_err_set(err, GC_EDATA, file, ph->items[k]->line, ph->items[k]->col,
                                  "a cue phrase needs 1 to 8 words");
            g_array_append_val(d->cues, cue);
        }
    }
    return 0;
}

/* Appends an alias (or a `not` phrase) of skill `si`; returns its index. */
static uint32_t add_alias(gc_data *d, uint32_t si, const char *pattern, const gc_ynode *at,
                          const char *file, int is_not)
{
    gc_alias a;

    memset(&a, 0, sizeof a);
    a.skill = si;
    a.pattern = gc_data_intern(d, pattern);
    a.pos = pos_of(d, at, file);
    a.is_not = (uint8_t)is_not;
    g_array_append_val(d->aliases, a);
    return d->aliases->len - 1;
}

static int parse_enum(uint8_t *out, const gc_ynode *v, const char *const *names,
                      const char *what, const char *file, gc_err *err)
{
    if (gc_yexpect(v, GC_Y_SCALAR, what, file, err) < 0)
        return GC_EDATA;
    for (uint8_t i = 0; names[i]; i++)
        if (strcmp(v->str, names[i]) == 0) {
            *out = i;
            return 0;
        }
    return gc_err_set(err, GC_EDATA, file, v->line, v->col, "invalid %s '%s'", what, v->str);
}

static int parse_near(gc_data *d, gc_alias *a, const gc_ynode *seq, const char *file,
                      gc_err *err)
{
    if (gc_yexpect(seq, GC_Y_SEQ, "near", file, err) < 0)
        return GC_EDATA;
    a->near0 = d->near_phrases->len;
    for (size_t i = 0; i < seq->n; i++) {
        const gc_ynode *w = seq->items[i];
        gc_phrase ph;
        if (gc_yexpect(w, GC_Y_SCALAR, "near word", file, err) < 0)
            return GC_EDATA;
        if (gc_data_phrase(d, &ph, w->str, 8) < 0)
            return gc_err_set(err, GC_EDATA, file, w->line, w->col,
                              "a near phrase needs 1 to 8 words: '%s'", w->str);
        g_array_append_val(d->near_phrases, ph);
    }
    a->n_near = (uint32_t)seq->n;
    return 0;
}

static int parse_alias_map(gc_data *d, uint32_t si, const gc_ynode *m, const char *file,
                           gc_err *err)
{
    static const char *const keys[] = {"pattern", "case", "context", "near", NULL};
    static const char *const req[] = {"pattern", NULL};
    static const char *const cases[] = {"any", "exact", NULL};
    static const char *const ctxs[] = {"any", "list", "tech", "near", NULL};
    const char *pattern;
    const gc_ynode *v;
    uint32_t ai;

    if (gc_ymap_check(m, keys, req, file, err) < 0 ||
        gc_ystring(&pattern, m, "pattern", file, err) < 0)
        return GC_EDATA;
    ai = add_alias(d, si, pattern, gc_ymap_get(m, "pattern"), file, 0);
    gc_alias *a = &g_array_index(d->aliases, gc_alias, ai);
    if ((v = gc_ymap_get(m, "case")) && parse_enum(&a->case_exact, v, cases, "case", file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(m, "context")) && parse_enum(&a->context, v, ctxs, "context", file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(m, "near"))) {
        if (a->context != GC_CTX_TECH && a->context != GC_CTX_NEAR)
            return gc_err_set(err, GC_EDATA, file, v->line, v->col,
                              "'near' needs 'context: tech' or 'context: near'");
        if (parse_near(d, a, v, file, err) < 0)
            return GC_EDATA;
    }
    return 0;
}

static int parse_aliases(gc_data *d, uint32_t si, const gc_ynode *seq, const char *key,
                         const char *file, gc_err *err)
{
    gc_skill *sk = &g_array_index(d->skills, gc_skill, si);
    int is_not = strcmp(key, "not") == 0;

    if (gc_yexpect(seq, GC_Y_SEQ, key, file, err) < 0)
        return GC_EDATA;
    if (seq->n == 0 && !is_not)
        return gc_err_set(err, GC_EDATA, file, seq->line, seq->col, "a skill needs an alias");
    for (size_t i = 0; i < seq->n; i++) {
        const gc_ynode *a = seq->items[i];
        uint32_t ai;
        if (a->kind == GC_Y_MAP && !is_not) {
            if (parse_alias_map(d, si, a, file, err) < 0)
                return GC_EDATA;
            ai = d->aliases->len - 1;
        } else {
            if (gc_yexpect(a, GC_Y_SCALAR, is_not ? "not phrase" : "alias", file, err) < 0)
                return GC_EDATA;
            if (a->len == 0)
                return gc_err_set(err, GC_EDATA, file, a->line, a->col, "empty pattern");
            ai = add_alias(d, si, a->str, a, file, is_not);
        }
        g_array_append_val(is_not ? sk->nots : sk->aliases, ai);
    }
    return 0;
}

static int parse_refs(gc_data *d, GPtrArray *ids, GArray *posv, const gc_ynode *seq,
                      const char *key, const char *file, gc_err *err)
{
    if (gc_yexpect(seq, GC_Y_SEQ, key, file, err) < 0)
        return GC_EDATA;
    for (size_t i = 0; i < seq->n; i++) {
        const gc_ynode *r = seq->items[i];
        if (gc_yexpect(r, GC_Y_SCALAR, key, file, err) < 0)
            return GC_EDATA;
        gc_pos p = pos_of(d, r, file);
        g_ptr_array_add(ids, GC_UNCONST(gc_data_intern(d, r->str)));
        g_array_append_val(posv, p);
    }
    return 0;
}

static void skill_init(gc_skill *s)
{
    memset(s, 0, sizeof *s);
    s->aliases = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    s->nots = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    s->implies = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    s->requires = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    s->implies_ids = g_ptr_array_new();
    s->requires_ids = g_ptr_array_new();
    s->implies_pos = g_array_new(FALSE, FALSE, sizeof(gc_pos));
    s->requires_pos = g_array_new(FALSE, FALSE, sizeof(gc_pos));
}

/* A second definition of an id: a user file may replace bundled data;
 * anything else is a duplicate. */
static int claim_id(gc_data *d, const char *id, const gc_ynode *at, const char *file, int user,
                    gc_err *err)
{
    gpointer old = g_hash_table_lookup(d->skill_by_id, id);

    if (old == NULL)
        return 0;
    gc_skill *o = &g_array_index(d->skills, gc_skill, GPOINTER_TO_UINT(old) - 1);
    if (user && !o->user) {
        o->dead = 1;
        return 0;
    }
    return gc_err_set(err, GC_EDATA, file, at->line, at->col,
                      "duplicate skill id '%s' (first defined at %s:%u:%u)", id, o->pos.file,
                      o->pos.line, o->pos.col);
}

static int parse_skill(gc_data *d, const gc_ynode *m, const char *file, int user, gc_err *err)
{
    static const char *const keys[] = {"id", "name", "category", "aliases", "implies",
                                       "requires", "not", NULL};
    static const char *const req[] = {"id", "name", "category", "aliases", NULL};
    const char *id, *name, *cat;
    const gc_ynode *v;
    gc_skill s;

    if (gc_yexpect(m, GC_Y_MAP, "skill", file, err) < 0 ||
        gc_ymap_check(m, keys, req, file, err) < 0 || get_id(&id, m, file, err) < 0 ||
        gc_ystring(&name, m, "name", file, err) < 0 ||
        gc_ystring(&cat, m, "category", file, err) < 0 ||
        claim_id(d, id, gc_ymap_get(m, "id"), file, user, err) < 0)
        return GC_EDATA;
    skill_init(&s);
    s.id = gc_data_intern(d, id);
    s.name = gc_data_intern(d, name);
    s.category = gc_data_intern(d, cat);
    s.pos = pos_of(d, m, file);
    s.category_pos = pos_of(d, gc_ymap_get(m, "category"), file);
    s.user = user;
    g_array_append_val(d->skills, s);
    uint32_t si = d->skills->len - 1;
    g_hash_table_insert(d->skill_by_id, GC_UNCONST(s.id), GUINT_TO_POINTER(si + 1));
    gc_skill *sp = &g_array_index(d->skills, gc_skill, si);
    if (parse_aliases(d, si, gc_ymap_get(m, "aliases"), "aliases", file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(m, "not")) && parse_aliases(d, si, v, "not", file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(m, "implies")) &&
        parse_refs(d, sp->implies_ids, sp->implies_pos, v, "implies", file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(m, "requires")) &&
        parse_refs(d, sp->requires_ids, sp->requires_pos, v, "requires", file, err) < 0)
        return GC_EDATA;
    return 0;
}

int gc_lexicon_parse(gc_data *d, const gc_ynode *root, const char *file, int user, gc_err *err)
{
    static const char *const keys[] = {"categories", "sections", "cues", "skills", "dates",
                                       "model", "alternatives", "years", NULL};
    const gc_ynode *v;

    if (root == NULL)
        return 0;
    if (gc_yexpect(root, GC_Y_MAP, "lexicon file", file, err) < 0 ||
        gc_ymap_check(root, keys, NULL, file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(root, "categories")) && parse_categories(d, v, file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(root, "sections")) && parse_sections(d, v, file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(root, "cues")) && parse_cues(d, v, file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(root, "dates")) && gc_calendar_parse(d, v, file, err) < 0)
        return GC_EDATA;
    if (gc_postings_parse(d, root, file, err) < 0)
        return GC_EDATA;
    if ((v = gc_ymap_get(root, "model")) != NULL) {
        /* one block in the bundled data; a user's replaces any field of it */
        if (d->model_set && !user)
            return gc_err_set(err, GC_EDATA, file, v->line, v->col,
                              "a second 'model:' block (only one is allowed, or a user "
                              "lexicon's)");
        if (gc_model_parse(&d->model, &d->model_set, v, file, 0, err) < 0)
            return GC_EDATA;
    }
    if ((v = gc_ymap_get(root, "skills")) != NULL) {
        if (gc_yexpect(v, GC_Y_SEQ, "skills", file, err) < 0)
            return GC_EDATA;
        for (size_t i = 0; i < v->n; i++)
            if (parse_skill(d, v->items[i], file, user, err) < 0)
                return GC_EDATA;
    }
    return 0;
}

/* A pattern is literal when it has no regex syntax other than escaped
 * punctuation ('c\+\+', 'node\.js'); writes the unescaped text to out. */
int gc_pattern_literal(const char *pattern, char *out, size_t cap)
{
    size_t o = 0;

    for (const char *p = pattern; *p; p++) {
        char c = *p;
        if (c == '\\') {
            c = p[1];
            if (c == '\0' || g_ascii_isalnum(c))
                return 0;  /* \d, \b, \s ... are regex syntax */
            p++;
        } else if (strchr(".^$*+?()[]{}|", c)) {
            return 0;
        }
        if (o + 1 >= cap)
            return -1;
        out[o++] = c;
    }
    out[o] = '\0';
    return 1;
}
