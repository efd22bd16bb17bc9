/* data_int.h: the in-memory lexicon and roles, shared by the core modules
 * that build and read them (build.c, store.c, lexicon.c, roles.c,
 * matcher_build.c, freeze.c, snapshot_*.c, headings.c; match.c, segment.c,
 * score.c).  Not part of the public API.
 *
 * Everything is allocated while building and never changes afterwards.
 * Strings live in one GStringChunk (or in a snapshot, see snapshot.h);
 * arrays are GArrays.  Words of aliases are interned as "atoms" (small
 * integers), so matching compares ints.  At the end of a build the data is
 * "frozen" (freeze.c): per-skill lists become ranges over one array and the
 * string tables become flat gc_strtabs, the form a snapshot can hold. */
#ifndef GC_DATA_INT_H
#define GC_DATA_INT_H

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "gapcheck.h"
#include "base/strtab.h"

/* GLib containers take gpointer; our interned strings are const.  The cast
 * through uintptr_t states that the container never writes through it. */
#define GC_UNCONST(p) ((gpointer)(uintptr_t)(const void *)(p))

enum { GC_CTX_ANY = 0, GC_CTX_LIST = 1, GC_CTX_TECH = 2, GC_CTX_NEAR = 3 };

typedef struct gc_pos {
    const char *file;   /* interned */
    unsigned line, col;
} gc_pos;

typedef struct gc_phrase {
    uint32_t tok0, n_toks;    /* atoms in d->alias_atoms */
} gc_phrase;

typedef struct gc_alias {
    uint32_t skill;
    uint32_t tok0, n_toks;    /* atoms in d->alias_atoms; n_toks 0 = regex alias */
    uint32_t exact0;          /* case: exact → original words in d->exact_words */
    uint32_t near0, n_near;   /* `near` phrases in d->near_phrases */
    uint8_t case_exact, context, is_not;  /* is_not: a skill's `not` phrase */
    uint32_t regex;           /* index in the matcher's regex list (regex aliases) */
    const char *pattern;
    gc_pos pos;
} gc_alias;

/* A list frozen into d->refs: refs[off .. off + n). */
typedef struct gc_range {
    uint32_t off, n;
} gc_range;

typedef struct gc_skill {
    const char *id, *name, *category;
    /* while building (NULL once frozen): */
    GArray *aliases;          /* uint32 alias indexes (not phrases included) */
    GArray *nots;             /* uint32 alias indexes with is_not */
    GArray *implies, *requires; /* uint32 skill indexes (resolved at build) */
    GPtrArray *implies_ids, *requires_ids; /* names until resolved */
    GArray *implies_pos, *requires_pos;    /* gc_pos of each name */
    /* once built: what runtime code reads */
    gc_range r_aliases, r_nots, r_implies, r_requires;
    gc_pos pos, category_pos;
    int user;
    int dead;                 /* replaced by a user override */
} gc_skill;

typedef struct gc_phase {
    const char *id, *title;
    double months;
    GArray *skills;           /* uint32 skill indexes */
    GArray *weights;          /* double */
    GPtrArray *skill_ids;     /* names until resolved */
    GArray *skill_pos;        /* gc_pos */
    GPtrArray *milestones;    /* const char* */
} gc_phase;

/* The ranges roles.c enforces on a role's numbers, checked again when a
 * snapshot is read: a planted cache file must not carry what YAML cannot
 * (an implied credit of 100 or a NaN weight once made a report loop). */
#define GC_ROLE_HOURS_MIN 1.0
#define GC_ROLE_HOURS_MAX 80.0
#define GC_PHASE_MONTHS_MAX 120.0
#define GC_WEIGHT_MIN 0.1
#define GC_WEIGHT_MAX 10.0
#define GC_ROLE_ALIAS_MAX 40       /* characters of a role alias */

/* The time-to-ready model's constants (data/model.c; lexicon/model.yaml
 * says where each comes from; src/model/credit.c uses them), and the share
 * of skills that makes two roles related (roles.c, gc_role_related), which
 * only the lexicon's block may set. */
typedef struct gc_model {
    double full_depth_months, half_life_months, relearn_floor, listed_credit, title_credit;
    double related_share;
} gc_model;

struct gc_role {
    const char *id, *title, *summary;
    double hours_per_week, months, implied_credit;
    GPtrArray *titles;        /* folded job titles that are this role ("ml engineer") */
    GPtrArray *aliases;       /* other names --role takes ("frontend") */
    GArray *alias_pos;        /* gc_pos of each, while building */
    gc_model model;           /* the lexicon's model with the role's overrides */
    gc_model model_own;       /* the role's `model:` values ... */
    unsigned model_set;       /* ... and which of them it set (bit i = field i) */
    GPtrArray *phases;        /* gc_phase* */
    GPtrArray *codes;         /* O*NET / ESCO codes, "onet:15-2051.00" */
    gc_pos pos;
    int user, dead;
};

typedef struct gc_section {
    const char *id;
} gc_section;

/* A phrase that puts its line in a section (job postings: "a plus"). */
typedef struct gc_cue {
    uint32_t section;
    gc_phrase phrase;
} gc_cue;

/* A word or phrase of job postings (lexicon/jobs.yaml, postings.c): what
 * joins alternatives ("or", "/"), leads a list of them ("one of"), and
 * how a posting asks for years ("years", "3 to 5", "up to", "experience",
 * number words).  `value` is a number word's number, else 0. */
enum { GC_PW_OR = 1, GC_PW_LEAD, GC_PW_UNIT, GC_PW_TO, GC_PW_AT_MOST, GC_PW_NUMBER,
       GC_PW_EXPERIENCE, GC_PW_KINDS };
#define GC_PW_YEARS_MAX 50   /* the most years a posting can ask that we read */
typedef struct gc_pword {
    uint32_t kind, value;
    gc_phrase phrase;
} gc_pword;

struct gc_data {
    gc_limits lim;
    GStringChunk *strings;
    GArray *skills;           /* gc_skill */
    GArray *aliases;          /* gc_alias */
    GPtrArray *roles;         /* gc_role* */
    GArray *sections;         /* gc_section */
    GArray *cues;             /* gc_cue */
    GArray *pwords;           /* gc_pword */
    GPtrArray *categories;    /* const char* ids */
    GHashTable *category_names; /* id → display name */
    GHashTable *skill_by_id;  /* id → index+1 (while building) */
    GHashTable *role_by_id;   /* id → gc_role* */
    GHashTable *role_by_alias; /* alias → gc_role* (live roles, once linked) */
    GHashTable *heading_to_section; /* folded heading key → index+1 */
    GHashTable *date_words;   /* folded word → GC_CAL_CODE + 1 (calendar.c) */
    uint64_t date_shapes[27]; /* per first letter (26: any other), bit per length */
    gc_model model;           /* the `model:` block */
    unsigned model_set;       /* its fields set so far (all five, once built) */
    uint64_t heading_words[64];     /* Bloom filter of the keys' first words */
    /* matcher tables */
    GHashTable *atoms;        /* folded word → atom+1 (while building) */
    GHashTable *names;        /* folded name or literal alias → skill+1 (while building) */
    GArray *alias_atoms;      /* int32 atoms of literal aliases, concatenated */
    GPtrArray *exact_words;   /* original-case words of case-exact aliases */
    GArray *near_phrases;     /* gc_phrase: atoms in alias_atoms */
    GArray *first_index;      /* per atom: offset into by_first (uint32), +1 slot */
    GArray *by_first;         /* alias indexes grouped by first atom, longest first */
    GPtrArray *regexes;       /* compiled regex aliases (opaque, see match.c) */
    GArray *regex_alias;      /* uint32 alias index of each regex */
    /* frozen (freeze.c): */
    uint32_t *refs;           /* the lists of every skill, see gc_range */
    uint32_t n_refs;
    gc_strtab tab_atoms;      /* folded word → atom; entry i is atom i */
    gc_strtab tab_names;      /* folded name or literal alias → skill */
    gc_strtab tab_ids;        /* skill id → skill */
    int built;
};

/* The uint32 list of a frozen range. */
static inline const uint32_t *gc_refs(const gc_data *d, gc_range r)
{
    return d->refs + r.off;
}

/* Frees a skill's build-time lists (no-op once frozen). */
void gc_skill_free_lists(gc_skill *s);

/* 0 for a skill replaced by a user override. */
int gc_skill_live(const gc_data *d, size_t i);

/* store.c: the tables a build interns into.  Interns a string in the
 * data's chunk. */
const char *gc_data_intern(gc_data *d, const char *s);

/* Returns the atom of a folded word, adding it when `add`; -1 if absent. */
int32_t gc_data_atom(gc_data *d, const char *folded, int add);
int32_t gc_data_atom_lookup(const gc_data *d, const char *folded);

/* Appends the atoms of a literal phrase to d->alias_atoms (interning new
 * words); fails on an empty phrase or one of more than max_words words. */
int gc_data_phrase(gc_data *d, gc_phrase *out, const char *text, size_t max_words);

/* lexicon.c: parse one lexicon file's root node into d. */
struct gc_ynode;
int gc_lexicon_parse(gc_data *d, const struct gc_ynode *root, const char *file, int user,
                     gc_err *err);
/* Turns a pattern into atoms when it is a literal; returns 1 literal, 0 regex,
 * negative on error (a word too long). */
int gc_pattern_literal(const char *pattern, char *out, size_t cap);

/* postings.c: the `alternatives:` and `years:` blocks of a lexicon file. */
int gc_postings_parse(gc_data *d, const struct gc_ynode *root, const char *file, gc_err *err);

/* roles.c */
int gc_roles_parse(gc_data *d, const struct gc_ynode *root, const char *file, int user,
                   gc_err *err);
int gc_roles_link(gc_data *d, gc_err *err);
void gc_role_free_internal(gc_role *r);

/* matcher_build.c: builds the matcher tables after all skills are known. */
int gc_matcher_build(gc_data *d, gc_err *err);
void gc_matcher_free(gc_data *d);
/* Compiles the regex aliases listed in d->regex_alias (a snapshot keeps
 * patterns, not compiled code). */
int gc_matcher_compile_regexes(gc_data *d, gc_err *err);

/* freeze.c: turns a built data set into its flat runtime form. */
int gc_data_freeze(gc_data *d, gc_err *err);
/* Frees the tables only a build uses (the snapshot loader has none). */
void gc_data_drop_build_tables(gc_data *d);

/* calendar.c: the `dates:` block.  A word's code is kind << 8 | value:
 * a month 1-12, a season's start | end << 4, else 0. */
enum { GC_CAL_MONTH = 1, GC_CAL_SEASON, GC_CAL_PRESENT, GC_CAL_SINCE, GC_CAL_TO, GC_CAL_AND,
       GC_CAL_TITLE };
#define GC_CAL_CODE(kind, val) ((uint32_t)(kind) << 8 | (uint32_t)(val))
#define GC_CAL_KIND(code) ((code) >> 8)
#define GC_CAL_VALUE(code) ((code) & 0xFFu)
int gc_calendar_parse(gc_data *d, const struct gc_ynode *map, const char *file, gc_err *err);
/* The folded form of a calendar word or phrase ("Sept." → "sept"); its
 * length, 0 when nothing is left. */
size_t gc_calendar_key(char *dst, size_t cap, const char *s, size_t n);
/* The code of a folded key (gc_calendar_key), or 0. */
uint32_t gc_calendar_word(const gc_data *d, const char *key);
/* Adds a folded key with its code (+ 1) to d->date_words. */
void gc_calendar_insert(gc_data *d, const char *key, uint32_t code_plus_1);
/* The code of the text s[0..n) as a calendar word or phrase, or 0: the
 * key and the lookup, after a test of its first letter and length that
 * turns most words of a résumé away unfolded. */
uint32_t gc_calendar_lookup(const gc_data *d, const char *s, size_t n);

/* model.c: reads a `model:` block into *m, setting bit i of *set for each
 * field given (a role's block, `in_role`, may not set the lexicon-wide
 * related_share); 1 when every field of m is within its range. */
int gc_model_parse(gc_model *m, unsigned *set, const struct gc_ynode *map, const char *file,
                   int in_role, gc_err *err);
int gc_model_complete(const gc_model *m);
/* base with the fields `set` in `over` replaced. */
void gc_model_merge(gc_model *out, const gc_model *base, const gc_model *over, unsigned set);
#define GC_MODEL_ALL 0x3Fu

/* build.c: an empty data set, as a builder (or the snapshot loader)
 * starts it. */
gc_data *gc_data_new_internal(const gc_limits *lim);

/* roles.c: an empty role / phase (for the snapshot loader). */
gc_role *gc_role_new_internal(void);
gc_phase *gc_role_add_phase(gc_role *r);

#endif
