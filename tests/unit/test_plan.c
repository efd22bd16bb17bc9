/* plan.c: the study plan of a phase — the skills below full credit,
 * prerequisites (`requires`, directly or through a chain) before the skills
 * that need them, otherwise in the role's order; skills at full credit
 * left out; nothing from outside the phase.  The mini data plus a chain
 * linear-algebra ← statistics ← causal-inference and a role that lists
 * them against the learning order. */
#include <string.h>

#include <glib.h>

#include "harness.h"
#include "testdata.h"

#define AS_OF GC_MONTH(2026, 12)

static const char extra_lexicon[] =
    "skills:\n"
    "  - {id: linear-algebra, name: Linear algebra, category: ml, aliases: [linear algebra]}\n"
    "  - {id: statistics, name: Statistics, category: ml, aliases: [statistics],\n"
    "     requires: [linear-algebra]}\n"
    "  - {id: causal-inference, name: Causal inference, category: ml,\n"
    "     aliases: [causal inference], requires: [statistics]}\n";

static const char extra_role[] =
    "id: planner\n"
    "title: Plan tester\n"
    "hours_per_week: 10\n"
    "months: 6\n"
    "phases:\n"
    "  - id: one\n"
    "    title: Against the learning order\n"
    "    months: 3\n"
    "    skills: [causal-inference, docker, statistics, linear-algebra]\n"
    "  - id: two\n"
    "    title: A prerequisite outside the phase\n"
    "    months: 3\n"
    "    skills: [kubernetes, pytorch]\n";

static gc_data *load(void)
{
    gc_limits lim = GC_LIMITS_INIT;
    gc_err err = GC_ERR_INIT;
    gc_data_builder *b = gc_data_builder_new(&lim);
    gc_data *d = NULL;

    if (gc_data_add_dir(b, GC_DATA_LEXICON, "tests/fixtures/data/mini/lex", 0, &err) < 0 ||
        gc_data_add(b, GC_DATA_LEXICON, "plan.yaml", extra_lexicon, strlen(extra_lexicon), 0,
                    &err) < 0 ||
        gc_data_add_dir(b, GC_DATA_ROLES, "tests/fixtures/data/mini/roles", 0, &err) < 0 ||
        gc_data_add(b, GC_DATA_ROLES, "planner.yaml", extra_role, strlen(extra_role), 0, &err) < 0 ||
        gc_data_build(&d, b, &err) < 0) {
        fprintf(stderr, "cannot load the plan data: %s:%u:%u: %s\n", err.path, err.line, err.col,
                err.msg);
        exit(1);
    }
    return d;
}

/* The plan of one phase as "id id id". */
static void plan_of(char *out, size_t cap, const gc_data *d, const char *text, const char *role,
                    size_t phase)
{
    gc_doc *doc = analyze_str(d, text);
    gc_experience *x = NULL;
    gc_score *s = NULL;
    gc_err err = GC_ERR_INIT;
    const gc_role *r = gc_data_find_role(d, role);
    size_t ids[32], n = 0, o = 0;

    out[0] = '\0';
    if (gc_experience_new(&x, d, doc, AS_OF, &err) == 0 &&
        gc_score_new(&s, d, doc, x, r, gc_role_hours_per_week(r), &err) == 0)
        n = gc_plan_phase(ids, d, s, phase);
    for (size_t i = 0; i < n && o < cap; i++)
        o += (size_t)snprintf(out + o, cap - o, "%s%s", i ? " " : "", gc_skill_id(d, ids[i]));
    gc_score_free(s);
    gc_experience_free(x);
    gc_doc_free(doc);
}

static void expect(const gc_data *d, const char *text, const char *role, size_t phase,
                   const char *want)
{
    char got[512];

    plan_of(got, sizeof got, d, text, role, phase);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "plan of %s phase %zu for '%s':\n  got  %s\n  want %s\n", role, phase,
                text, got, want);
    CHECK_STR(got, want);
}

/* A résumé with one current position of two years using `skills`: full
 * credit for each. */
static char *current(const char *skills)
{
    return g_strdup_printf("EXPERIENCE\nAnalyst, Acme\tJan 2024 - Present\nUsed %s daily.\n",
                           skills);
}

static void order(const gc_data *d)
{
    /* nothing known: the chain first (linear algebra, statistics, causal
     * inference), then the role's order for the rest */
    expect(d, "nothing", "planner", 0,
           "linear-algebra statistics causal-inference docker");
    /* a prerequisite outside the phase (python for pytorch) is not added */
    expect(d, "nothing", "planner", 1, "kubernetes pytorch");
    /* the mini role lists python before pytorch already */
    expect(d, "nothing", "mle", 0, "python machine-learning pytorch");
    expect(d, "nothing", "mle", 2, "mlops distributed-systems tensorflow");
}

static void full_credit(const gc_data *d)
{
    char *t = current("docker and linear algebra");
    expect(d, t, "planner", 0, "statistics causal-inference");
    g_free(t);
    /* the chain holds through a skill already had: statistics is known,
     * linear algebra (which it requires) still comes before causal
     * inference (which requires statistics) */
    t = current("statistics");
    expect(d, t, "planner", 0, "linear-algebra causal-inference docker");
    g_free(t);
    /* every skill of the phase at full credit: nothing to plan */
    t = current("causal inference, docker, statistics, linear algebra");
    expect(d, t, "planner", 0, "");
    g_free(t);
    /* below full credit stays in: only listed (0.5), implied (EC2 ⇒ AWS) */
    expect(d, "Skills: docker, EC2, rest api", "mle", 1, "rest-apis docker aws");
    /* a position of one month is not full depth either */
    expect(d, "EXPERIENCE\nAnalyst, Acme\tDec 2026 - Dec 2026\nDocker, REST API and AWS.\n", "mle",
           1, "rest-apis docker aws");
    t = current("rest api, docker, aws");
    expect(d, t, "mle", 1, "");
    g_free(t);
}

/* Skill a requires b, directly or through a chain. */
static int needs(const gc_data *d, size_t a, size_t b, int depth)
{
    for (size_t q = 0; depth < 64 && q < gc_skill_n_requires(d, a); q++) {
        size_t r = gc_skill_require(d, a, q);
        if (r == b || needs(d, r, b, depth + 1))
            return 1;
    }
    return 0;
}

/* For every phase and résumé: the plan holds exactly the skills below full
 * credit, each once, every prerequisite in it (through a chain too) before
 * the skill. */
static void properties(const gc_data *d)
{
    static const char *const texts[] = {
        "nothing", "Skills: statistics, pytorch", "EC2 MLflow tensorflow",
        "EXPERIENCE\nEngineer, A\tJan 2015 - Present\nPython, PyTorch, statistics, docker.\n",
        "EXPERIENCE\nEngineer, A\tJan 2015 - Present\nStatistics.\n",
    };
    for (size_t r = 0; r < gc_data_n_roles(d); r++) {
        const gc_role *role = gc_data_role(d, r);
        for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
            gc_doc *doc = analyze_str(d, texts[t]);
            gc_experience *x = NULL;
            gc_score *s = NULL;
            gc_err err = GC_ERR_INIT;
            CHECK(gc_experience_new(&x, d, doc, AS_OF, &err) == 0 &&
                  gc_score_new(&s, d, doc, x, role, 10, &err) == 0);
            for (size_t p = 0; s && p < gc_role_n_phases(role); p++) {
                size_t ids[32], n = gc_plan_phase(ids, d, s, p), below = 0;
                for (size_t i = 0; i < gc_role_phase_n_skills(role, p); i++) {
                    size_t sk = gc_role_phase_skill(role, p, i, NULL);
                    int in = 0;
                    for (size_t k = 0; k < n; k++)
                        in += ids[k] == sk;
                    int want = gc_score_skill_credit(s, p, i).credit < 1.0 - 1e-9;
                    below += (size_t)want;
                    CHECK(in == want);
                }
                CHECK(n == below);
                for (size_t k = 0; k < n; k++)
                    for (size_t j = k + 1; j < n; j++)
                        CHECK(!needs(d, ids[k], ids[j], 0));
            }
            gc_score_free(s);
            gc_experience_free(x);
            gc_doc_free(doc);
        }
    }
}

int main(void)
{
    gc_data *d = load();

    order(d);
    full_credit(d);
    properties(d);
    gc_data_free(d);
    return test_summary("test_plan");
}
