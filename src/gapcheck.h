/* gapcheck.h: the public API of libgapcheck, the résumé skill-gap core.
 *
 * Pipeline: extract → normalize → segment → match → score → report.
 *   gc_data     the lexicon (skills, aliases, sections) and the roles, loaded
 *               once, immutable afterwards, so it can be shared by forked
 *               workers without locks.
 *   gc_doc      what one résumé showed: skills with evidence, near misses.
 *               Self-contained and serialisable, so a sandboxed child process
 *               can compute it and hand it to the parent over a pipe.
 *   gc_score    a gc_doc measured against one role: per-phase coverage, gaps,
 *               months to ready.  Pure arithmetic.
 *
 * Rules: the core never prints, exits or reads the environment.  Fallible
 * functions return 0 or a negative gc_code and fill a gc_err (first error
 * wins); on failure *out is left NULL.  Whatever comes back through **out
 * belongs to the caller and is freed with the matching gc_*_free (which
 * accepts NULL).  Const pointers returned by getters are borrowed.
 *
 * Memory, one policy (README, "Out of memory"): an allocation whose size
 * the input decides (file bytes, inflated parts, pixels, text, tokens) is
 * checked and fails that document with GC_ENOMEM; every other allocation
 * is small bookkeeping sized by counts gc_limits.h already bounds, made
 * with GLib, which aborts the process on failure.  Parsing runs in a child
 * under an address-space and RSS limit, so there an abort costs one file
 * (parser_crashed or limit), never the batch; the model's few checked
 * callocs return GC_ENOMEM rather than a wrong number.  All memory the API
 * hands out is freed with the gc_*_free of its type (malloc/GLib inside
 * are an implementation detail); a gc_buf that failed to grow says so in
 * `failed` and its writer reports GC_ENOMEM. */
#ifndef GAPCHECK_H
#define GAPCHECK_H

#include <stddef.h>

#include "gc_err.h"
#include "gc_limits.h"

#define GC_VERSION "0.1.0"

typedef struct gc_data gc_data;
typedef struct gc_data_builder gc_data_builder;
typedef struct gc_doc gc_doc;
typedef struct gc_score gc_score;
typedef struct gc_role gc_role;

/* ---- data: lexicon + roles ------------------------------------------- */

typedef enum gc_data_kind { GC_DATA_LEXICON, GC_DATA_ROLES } gc_data_kind;

/* Starts a data set.  Files are added one by one, then gc_data_build links
 * and validates them.  `lim` is copied. */
gc_data_builder *gc_data_builder_new(const gc_limits *lim);

/* Adds one YAML file held in memory; `name` (e.g. "lexicon/ml.yaml") is used
 * in error positions.  `user` marks user data: a user skill or role whose id
 * exists in non-user data replaces it; duplicates within one origin are
 * errors.  Errors: GC_EDATA, GC_ELIMIT, GC_ENOMEM. */
int gc_data_add(gc_data_builder *b, gc_data_kind kind, const char *name, const char *buf,
                size_t len, int user, gc_err *err);

/* Adds every *.yaml file of a directory, in name order. */
int gc_data_add_dir(gc_data_builder *b, gc_data_kind kind, const char *dir, int user,
                    gc_err *err);

/* The paths gc_data_add_dir would read, in its order, for a caller that
 * reads them itself (e.g. to key a cache of the built data): a
 * NULL-terminated array freed with gc_strv_free.  Errors: GC_EIO. */
int gc_data_list_dir(char ***names_out, size_t *n_out, const char *dir, gc_err *err);
void gc_strv_free(char **v);

/* Resolves references (categories, implies, requires, role skills),
 * compiles the matcher, and frees the builder whatever happens.
 * Errors: GC_EDATA (with file:line:col), GC_ENOMEM. */
int gc_data_build(gc_data **out, gc_data_builder *b, gc_err *err);

void gc_data_builder_free(gc_data_builder *b);
void gc_data_free(gc_data *d);

/* A built data set as one flat, pointer-free blob (a "snapshot"), so a
 * program can embed its data compiled and start without parsing YAML.
 * *buf_out is the caller's (free()); the same data gives the same bytes.
 * Errors: GC_EDATA (d was not built by gc_data_build). */
int gc_data_snapshot(char **buf_out, size_t *len_out, const gc_data *d, gc_err *err);

/* Loads a snapshot made by the same build of libgapcheck.  Strings point
 * into `buf`, which must stay valid (and unchanged) until gc_data_free; it
 * must be 8-byte aligned.  The blob is checked (magic, version, checksum,
 * every offset and index), so a damaged one is GC_EDATA, never a crash.
 * `lim` is copied and used at match time. */
int gc_data_from_snapshot(gc_data **out, const void *buf, size_t len, const gc_limits *lim,
                          gc_err *err);
/* The same for a snapshot that is part of the program's own read-only
 * image, built and loaded back at build time (tools/snapshot.c) and as
 * trusted as its code: the checksum over the whole blob (a third of a
 * load, and a read of every page of it) is skipped; every offset and index
 * is still checked, so it can never crash. */
int gc_data_from_embedded_snapshot(gc_data **out, const void *buf, size_t len,
                                   const gc_limits *lim, gc_err *err);

/* Counts and lookups; indexes are stable for the life of the gc_data. */
size_t gc_data_n_skills(const gc_data *d);
size_t gc_data_n_aliases(const gc_data *d);
size_t gc_data_n_roles(const gc_data *d);
const gc_role *gc_data_role(const gc_data *d, size_t i);
const gc_role *gc_data_find_role(const gc_data *d, const char *id);
/* Skill index by id, or -1. */
long gc_data_find_skill(const gc_data *d, const char *id);
const char *gc_skill_id(const gc_data *d, size_t skill);
const char *gc_skill_name(const gc_data *d, size_t skill);
const char *gc_skill_category(const gc_data *d, size_t skill);
/* Learning prerequisites of a skill (its `requires` list). */
size_t gc_skill_n_requires(const gc_data *d, size_t skill);
size_t gc_skill_require(const gc_data *d, size_t skill, size_t i);

/* Looks up a skill by id, display name or any literal alias
 * (case-insensitive); -1 when none. */
long gc_data_lookup_skill(const gc_data *d, const char *word);
/* Display name of a skill category ("languages" → "Programming languages"),
 * or NULL for an unknown one. */
const char *gc_data_category_name(const gc_data *d, const char *category);
/* Looks up a role by id or by one of its aliases (roles' `aliases:`),
 * ASCII case-insensitively; NULL when none. */
const gc_role *gc_data_lookup_role(const gc_data *d, const char *name);

/* "Did you mean": up to `cap` skills (indexes) or roles whose names are
 * close to `word`, best first, for a message about an unknown one.  A name
 * is close when it starts with the word, has it as a word, or is within a
 * typo of it (roles: ids, aliases, titles and job titles; skills: ids,
 * names and literal aliases).  Returns how many; 0 when nothing is close. */
size_t gc_data_suggest_skills(size_t *out, size_t cap, const gc_data *d, const char *word);
size_t gc_data_suggest_roles(const gc_role **out, size_t cap, const gc_data *d,
                             const char *word);

/* Extra checks for `gapcheck lint` (slow or picky ones that load skips):
 * calls `report` once per problem, returns the number of problems. */
typedef void (*gc_lint_fn)(const gc_err *problem, void *ctx);
int gc_data_lint(const gc_data *d, gc_lint_fn report, void *ctx);

/* ---- roles -------------------------------------------------------------- */

const char *gc_role_id(const gc_role *r);
const char *gc_role_title(const gc_role *r);
const char *gc_role_summary(const gc_role *r);
double gc_role_hours_per_week(const gc_role *r);
double gc_role_months(const gc_role *r);
size_t gc_role_n_phases(const gc_role *r);
const char *gc_role_phase_id(const gc_role *r, size_t phase);
const char *gc_role_phase_title(const gc_role *r, size_t phase);
double gc_role_phase_months(const gc_role *r, size_t phase);
size_t gc_role_phase_n_skills(const gc_role *r, size_t phase);
size_t gc_role_phase_skill(const gc_role *r, size_t phase, size_t i, double *weight_out);
size_t gc_role_phase_n_milestones(const gc_role *r, size_t phase);
const char *gc_role_phase_milestone(const gc_role *r, size_t phase, size_t i);
/* Credit (0..1) an implied-only skill earns in this role's coverage. */
double gc_role_implied_credit(const gc_role *r);
/* Fraction of a's distinct skills that b also lists (0..1); see README. */
double gc_role_overlap(const gc_role *a, const gc_role *b);
/* Other names the role is known by (`aliases:`), which --role accepts. */
size_t gc_role_n_aliases(const gc_role *r);
const char *gc_role_alias(const gc_role *r, size_t i);

/* Related roles (README, "Related roles"), in both directions: the roles
 * that list more than the lexicon's related_share (model.yaml) of r's
 * distinct skills, and the roles more than that share of whose skills r
 * lists.  The measure is not symmetric, so the two lists differ. */
typedef enum gc_relation {
    GC_RELATED_SHARES_R,     /* gc_role_overlap(r, other) > share */
    GC_RELATED_SHARED_BY_R,  /* gc_role_overlap(other, r) > share */
} gc_relation;
typedef struct gc_related {
    const gc_role *role;     /* the other role (borrowed) */
    double share;            /* the overlap that relates it, per gc_relation */
    double of_r;             /* gc_role_overlap(r, role): of r's skills, role lists this share */
    double of_role;          /* gc_role_overlap(role, r): of role's skills, r lists this share */
} gc_related;
/* Writes to out (room for gc_data_n_roles(d)) the roles related to r one
 * way, largest share first, then by id; returns how many. */
size_t gc_role_related(gc_related *out, const gc_data *d, const gc_role *r, gc_relation which);
/* The share above which roles are related (lexicon/model.yaml). */
double gc_data_related_share(const gc_data *d);

/* ---- analysis ----------------------------------------------------------- */

typedef struct gc_analyze_opts {
    const char *explain_skill;   /* id: also collect near misses for it (or NULL) */
    int keep_text;               /* keep the normalised text in the doc (debug) */
    int posting;                 /* a job posting: apply cue phrases ("a plus") */
} gc_analyze_opts;

/* 1 when `lang` is a valid --ocr-lang value (gc_limits.ocr_lang): one to
 * four tesseract language names of 3-16 characters [a-z_], joined by '+'.
 * Whether their data is installed shows when OCR first runs. */
int gc_ocr_lang_valid(const char *lang);

/* Runs extract → normalize → segment → match on one document's bytes.
 * Errors: those of the extractors (GC_EFORMAT, GC_ECORRUPT, GC_EENCRYPTED,
 * GC_ENOTEXT, GC_ELIMIT, GC_ENOMEM).  Not thread-safe with respect to the
 * PDF library: run one document per process (see the CLI's isolation). */
int gc_analyze(gc_doc **out, const gc_data *d, const unsigned char *buf, size_t len,
               const gc_limits *lim, const gc_analyze_opts *opts, gc_err *err);

/* Matching only, on UTF-8 text already extracted (used by tests, fuzzers
 * and job postings).  `text` need not be normalised. */
int gc_analyze_text(gc_doc **out, const gc_data *d, const char *text, size_t len,
                    const gc_limits *lim, const gc_analyze_opts *opts, gc_err *err);

void gc_doc_free(gc_doc *doc);

/* Serialised form, for crossing a process boundary.  gc_doc_decode checks
 * every length against the buffer and the data set (hostile-safe). */
int gc_doc_encode(char **buf_out, size_t *len_out, const gc_doc *doc, gc_err *err);
int gc_doc_decode(gc_doc **out, const gc_data *d, const char *buf, size_t len, gc_err *err);

/* A document that failed: carries the error so reports can show it.
 * `d` may be NULL (the doc then knows no skills). */
gc_doc *gc_doc_new_error(const gc_data *d, const gc_err *err);
const gc_err *gc_doc_error(const gc_doc *doc);  /* NULL when analysed */

typedef enum gc_how { GC_ABSENT = 0, GC_IMPLIED = 1, GC_EVIDENCED = 2 } gc_how;

const char *gc_doc_format(const gc_doc *doc);
unsigned gc_doc_pages(const gc_doc *doc);
unsigned gc_doc_hidden_chars(const gc_doc *doc);
int gc_doc_truncated(const gc_doc *doc);
size_t gc_doc_text_bytes(const gc_doc *doc);
/* Skills found, in lexicon order; index into them with 0..n-1. */
size_t gc_doc_n_found(const gc_doc *doc);
size_t gc_doc_found_skill(const gc_doc *doc, size_t i);
gc_how gc_doc_how(const gc_doc *doc, size_t skill);
size_t gc_doc_n_evidence(const gc_doc *doc, size_t skill);
/* Evidence i of a skill: the line's text (trimmed), 1-based line, section id
 * (or NULL) and the exact words matched. */
const char *gc_doc_evidence(const gc_doc *doc, size_t skill, size_t i, unsigned *line_out,
                            const char **section_out, const char **matched_out);
/* Skills whose evidence implies `skill` (only for GC_IMPLIED). */
size_t gc_doc_n_implied_by(const gc_doc *doc, size_t skill);
size_t gc_doc_implied_by(const gc_doc *doc, size_t skill, size_t i);
/* Near misses: candidates rejected by a context rule, with the reason. */
size_t gc_doc_n_misses(const gc_doc *doc);
const char *gc_doc_miss(const gc_doc *doc, size_t i, size_t *skill_out, unsigned *line_out,
                        const char **text_out);
/* Dated work positions read from the experience section (or a JSON
 * Resume's work[]), in document order.  Dates are as precise as the
 * résumé wrote them; "present" is resolved by the model (gc_experience),
 * never here. */
typedef enum gc_precision { GC_PREC_YEAR = 1, GC_PREC_SEASON = 2, GC_PREC_MONTH = 3 } gc_precision;
typedef struct gc_when {
    unsigned year, month;        /* month 1-12; 0 with GC_PREC_YEAR */
    gc_precision precision;
} gc_when;
typedef struct gc_position_info {
    const char *title, *org;     /* NULL when the résumé does not say (borrowed) */
    unsigned first_line, last_line, date_line;   /* the lines it spans, its dates' line */
    gc_when start, end;          /* end unused when `present` */
    int present;                 /* "– Present", "seit 2020", an open range */
} gc_position_info;
size_t gc_doc_n_positions(const gc_doc *doc);
/* The person's name as the résumé's first lines give it, or NULL. */
const char *gc_doc_name(const gc_doc *doc);
void gc_doc_position(const gc_doc *doc, size_t i, gc_position_info *out);

/* OCR: the pages (DOCX/ODT: the pictures, in document order) read with
 * OCR, 1-based and ascending; the mean confidence (0-100) of the words it
 * kept (0 when none), how many it kept and left out (under the confidence
 * floor, GC_OCR_MIN_CONF), and the languages used ("" without OCR). */
size_t gc_doc_n_ocr_pages(const gc_doc *doc);
unsigned gc_doc_ocr_page(const gc_doc *doc, size_t i);
double gc_doc_ocr_confidence(const gc_doc *doc);
unsigned gc_doc_ocr_words(const gc_doc *doc);
unsigned gc_doc_ocr_dropped(const gc_doc *doc);
const char *gc_doc_ocr_lang(const gc_doc *doc);
/* 1 when a line (1-based) of the text, or evidence i of a skill, was read
 * with OCR. */
int gc_doc_line_ocr(const gc_doc *doc, unsigned line);
int gc_doc_evidence_ocr(const gc_doc *doc, size_t skill, size_t i);
/* Warnings about the result, by name: "garbled_text" (a text layer mostly
 * not words was read as it is: skills found in it are unreliable),
 * "ocr_incomplete" (a page or picture that needed OCR was not read, or
 * not to its end: no OCR, --ocr never, the pixel cap or the time budget). */
size_t gc_doc_n_warnings(const gc_doc *doc);
const char *gc_doc_warning(const gc_doc *doc, size_t i);

/* Job postings (gc_analyze_opts.posting) only; a résumé has none of these.
 * Alternatives: skills of one posting line joined by an "or" word or
 * after a lead phrase (lexicon/jobs.yaml, `alternatives:`), one group per
 * line and run: the number of its skills, its line and section. */
size_t gc_doc_n_alternatives(const gc_doc *doc);
size_t gc_doc_alternatives(const gc_doc *doc, size_t i, unsigned *line_out,
                           const char **section_out);
size_t gc_doc_alternative_skill(const gc_doc *doc, size_t i, size_t k);
/* Years the posting asks ("4+ years of Python", "3-5 years of experience"). */
typedef struct gc_years_info {
    long skill;                  /* the skill asked for, or -1: overall experience */
    unsigned min, max;           /* years; max 0 when open ("4+") */
    unsigned line;
    const char *section;         /* the line's section id, or NULL */
    const char *text;            /* the words as written: "4+ years" */
    const char *line_text;       /* the whole line, trimmed */
} gc_years_info;
size_t gc_doc_n_years(const gc_doc *doc);
void gc_doc_years(const gc_doc *doc, size_t i, gc_years_info *out);
/* The first lines before the posting's first heading (where its title
 * stands), trimmed, in order. */
size_t gc_doc_n_heads(const gc_doc *doc);
const char *gc_doc_head(const gc_doc *doc, size_t i, unsigned *line_out);

/* Section ids seen in the document, in order of appearance. */
size_t gc_doc_n_sections(const gc_doc *doc);
const char *gc_doc_section(const gc_doc *doc, size_t i, unsigned *line_out);
const char *gc_doc_text(const gc_doc *doc);  /* only with keep_text */

/* ---- the model: experience, credit, scores -------------------------- */

/* A month as one number: year × 12 + month − 1 (GC_MONTH(2026, 12)). */
#define GC_MONTH(year, month) ((int)(year) * 12 + (int)(month) - 1)

/* What the person did, for how long, how recently: the doc's positions
 * resolved against `as_of` (a GC_MONTH; "present" means it, later starts
 * are left out), and per skill the months of the positions whose lines
 * show it (a union: overlapping jobs count once).  README.md gives the
 * conventions for years and seasons.  Errors: GC_ENOMEM. */
typedef struct gc_experience gc_experience;
int gc_experience_new(gc_experience **out, const gc_data *d, const gc_doc *doc, int as_of,
                      gc_err *err);
void gc_experience_free(gc_experience *x);
int gc_experience_as_of(const gc_experience *x);
int gc_experience_total_months(const gc_experience *x);   /* union of all positions */
size_t gc_experience_n_positions(const gc_experience *x);  /* = gc_doc_n_positions */
/* Months of position i, or -1 when it starts after the as-of month. */
int gc_experience_position_months(const gc_experience *x, size_t i);

typedef struct gc_skill_use_info {
    int months;                  /* in dated positions; -1 when in none */
    gc_when first_used, last_used;   /* as precise as the résumé wrote them */
    int last_present;            /* last used "present" (last_used unset) */
    int months_since;            /* since last use, 0 when present */
    int listed;                  /* named outside dated positions too */
} gc_skill_use_info;
/* Returns 1 when the skill is in a dated position, else 0 (months -1). */
int gc_experience_skill(const gc_experience *x, size_t skill, gc_skill_use_info *out);

/* Why a skill earns its credit (gc_model_credit). */
typedef enum gc_basis {
    GC_BASIS_NONE, GC_BASIS_POSITIONS, GC_BASIS_LISTED, GC_BASIS_IMPLIED, GC_BASIS_TITLE
} gc_basis;
typedef struct gc_credit {
    double credit;               /* 0..1: what the skill counts for */
    double depth, recency;       /* the factors of its stronger sign, else 0 */
    gc_basis basis;              /* its stronger sign */
    double title;                /* the role title's share, combined in (0 without) */
} gc_credit;
const char *gc_basis_name(gc_basis b);   /* "positions", "listed" … */

/* The model (src/model/credit.c, README): the credit of `skill` towards
 * role r from the résumé; `title` is gc_model_title_credit(x, r) (or NULL:
 * no title credit). */
gc_credit gc_model_credit(const gc_data *d, const gc_doc *doc, const gc_experience *x,
                          const gc_role *r, const gc_credit *title, size_t skill);
/* The credit every skill of r earns from positions held under r's titles. */
gc_credit gc_model_title_credit(const gc_experience *x, const gc_role *r);
/* Your study hours per week: `hours_per_week` when > 0, else the role's. */
double gc_model_hours(const gc_role *r, double hours_per_week);
/* phase months × (1 − coverage) × role h/week ÷ your h/week. */
double gc_model_months_left(double phase_months, double coverage, double role_hours,
                            double hours_per_week);

/* Measures `doc` against `role` at `hours_per_week` of study (> 0, ≤ 168):
 * coverage of a phase = Σ weight × credit ÷ Σ weight; months left per
 * phase from gc_model_months_left.  Errors: GC_EUSAGE (hours), GC_ENOMEM. */
int gc_score_new(gc_score **out, const gc_data *d, const gc_doc *doc, const gc_experience *x,
                 const gc_role *role, double hours_per_week, gc_err *err);
void gc_score_free(gc_score *s);

const gc_role *gc_score_role(const gc_score *s);
double gc_score_hours(const gc_score *s);
double gc_score_coverage(const gc_score *s);         /* whole role, weighted: its fit */
double gc_score_months_to_ready(const gc_score *s);
double gc_score_phase_coverage(const gc_score *s, size_t phase);
double gc_score_phase_months_left(const gc_score *s, size_t phase);
/* The credit of skill i of a phase, with its factors. */
gc_credit gc_score_skill_credit(const gc_score *s, size_t phase, size_t i);
/* The credit from positions held under one of the role's titles. */
gc_credit gc_score_title_credit(const gc_score *s);
/* Index of the first phase with coverage < 1, or n_phases when done. */
size_t gc_score_next_phase(const gc_score *s);

/* Study plan: writes to out (room for the phase's skill count) the phase's
 * skills not yet at full credit, prerequisites first (`requires`),
 * otherwise in the role's order; returns how many. */
size_t gc_plan_phase(size_t *out, const gc_data *d, const gc_score *s, size_t phase);

/* ---- job postings ------------------------------------------------------ */

typedef struct gc_job gc_job;

/* Measures a résumé against a job posting the way a recruiter reads one
 * (README.md, "Job postings"):
 *   - the posting's skills are required unless it names them only under a
 *     nice-to-have heading or on lines with a nice-to-have cue;
 *   - they form requirements: alternatives ("FastAPI or Flask") are one,
 *     met by the best of them; sub-skills sit under an umbrella the posting
 *     names too (S3, EKS under AWS: the lexicon's `implies`), one
 *     requirement credited with the mean of its parts;
 *   - years asked ("4+ years of Python") scale a skill's credit by
 *     0.5 + 0.5 × shown ÷ asked while not met; overall experience asked is
 *     a requirement of its own, credited shown ÷ asked;
 *   - the closest catalogue role is the one whose title (roles' `titles:`)
 *     the posting's title line holds, else the one sharing most skills
 *     (Jaccard); requirements go on its phases, to estimate months and a
 *     study plan with the same model as roles; optional ones weigh half. */
int gc_job_new(gc_job **out, const gc_data *d, const gc_doc *posting, const gc_doc *resume,
               const gc_experience *x, double hours_per_week, gc_err *err);
void gc_job_free(gc_job *j);
const gc_role *gc_job_role(const gc_job *j);    /* closest role, or NULL */
/* 1 when the role was chosen by the posting's title, 0 by shared skills. */
int gc_job_role_by_title(const gc_job *j);
/* The posting's title line (the first line before its first heading that
 * holds a role's title, else its first line), or NULL; borrowed. */
const char *gc_job_title(const gc_job *j, unsigned *line_out);
/* The posting's skills, in the order it first names them. */
size_t gc_job_n_skills(const gc_job *j);
/* Skill i of the posting; *optional_out 1 for nice-to-have. */
size_t gc_job_skill(const gc_job *j, size_t i, int *optional_out);
/* What the résumé earns for skill i of the posting: the model (credit.c),
 * times the years factor when the posting asks years of it. */
gc_credit gc_job_skill_credit(const gc_job *j, size_t i);

/* Years asked and what the résumé shows of them. */
typedef struct gc_job_years {
    unsigned min, max;           /* years asked; max 0 when open ("4+") */
    unsigned line;               /* the posting line that asks them */
    const char *text;            /* as written: "4+ years" (borrowed) */
    const char *line_text;       /* the posting line (borrowed) */
    int shown;                   /* months in dated positions; -1: none dated */
    int met;                     /* shown ≥ min years */
    double factor;               /* on the skill's credit (1 when met); overall: the credit */
} gc_job_years;
/* 1 (and *out) when the posting asks years of skill i, else 0. */
int gc_job_skill_years(const gc_job *j, size_t i, gc_job_years *out);
/* 1 (and *out) when it asks years of experience overall. */
int gc_job_experience_years(const gc_job *j, gc_job_years *out);

/* Requirements, in the order the posting first names them.  Each is a list
 * of parts, each part a list of alternatives (indexes of the posting's
 * skills, as gc_job_skill takes); with `umbrella`, part 0 is the umbrella
 * skill and the others sit under it.  Overall experience asked is a
 * requirement with no parts (`experience`). */
typedef struct gc_job_req {
    size_t n_parts;
    int optional, umbrella, experience;
    double credit;               /* 0..1: the mean of its parts' credits */
    unsigned line;               /* the first posting line naming it */
    size_t phase;                /* of gc_job_role; its phase count when none */
} gc_job_req;
size_t gc_job_n_reqs(const gc_job *j);
void gc_job_req_get(const gc_job *j, size_t r, gc_job_req *out);
size_t gc_job_req_part_n(const gc_job *j, size_t r, size_t part);
size_t gc_job_req_part_skill(const gc_job *j, size_t r, size_t part, size_t k);
double gc_job_req_part_credit(const gc_job *j, size_t r, size_t part);   /* best member's */

double gc_job_match(const gc_job *j);           /* weighted fraction had, 0..1 */
double gc_job_months_to_ready(const gc_job *j);
double gc_job_hours(const gc_job *j);
/* Months left in phase p of gc_job_role (0 when it holds no requirement). */
double gc_job_phase_months_left(const gc_job *j, size_t phase);
/* Study plan: the skills to learn or deepen for requirements below full
 * credit (of alternatives, the best one only), phase by phase of the
 * closest role, prerequisites first (`requires`), else in posting order.
 * Step i: the index of a posting skill; *phase_out its phase. */
size_t gc_job_plan_n(const gc_job *j);
size_t gc_job_plan_step(const gc_job *j, size_t i, size_t *phase_out);

/* ---- the result of one document ---------------------------------------- */

/* What the user asked of every document. */
typedef struct gc_request {
    const gc_role *role;         /* --role: measure against it, or NULL */
    int suggest;                 /* --suggest: every role, best fit first */
    const gc_doc *posting;       /* --job: a parsed posting, or NULL (borrowed) */
    const char *posting_file;    /* its name as the user gave it */
    double hours_per_week;       /* your study pace; 0: each role's own */
    int as_of;                   /* GC_MONTH of "present"; the CLI passes this month */
    int explain;                 /* show the evidence of every skill */
} gc_request;

/* Everything a report shows about one document, assembled in the core:
 * the doc (taken over, even on error), its experience, the chosen role's
 * score, the ranked suggestions, the posting's match.  An error document
 * gives a result too, with only its error.  Errors: GC_ENOMEM, GC_EUSAGE
 * (hours). */
typedef struct gc_result gc_result;
int gc_result_new(gc_result **out, const gc_data *d, const char *file, gc_doc *doc,
                  const gc_request *req, gc_err *err);
void gc_result_free(gc_result *r);
const gc_data *gc_result_data(const gc_result *r);
const char *gc_result_file(const gc_result *r);       /* as the user gave it */
const gc_doc *gc_result_doc(const gc_result *r);
const gc_request *gc_result_request(const gc_result *r);
const gc_experience *gc_result_experience(const gc_result *r);   /* NULL on error */
const gc_score *gc_result_score(const gc_result *r);   /* --role, else NULL */
size_t gc_result_n_suggestions(const gc_result *r);   /* --suggest */
const gc_score *gc_result_suggestion(const gc_result *r, size_t i);
const gc_job *gc_result_job(const gc_result *r);       /* --job, else NULL */
/* With --suggest: 0 when no role has any coverage ("no role fits yet"). */
int gc_result_fits(const gc_result *r);
/* The chosen role's score, else the best-fitting role's, else NULL. */
const gc_score *gc_result_main_score(const gc_result *r);

/* ---- two versions of one résumé compared (src/model/compare.c) --------- */

/* What changed between an earlier and a later version of one person's
 * résumé, measured against one role with the same request (hours, as-of
 * month): skills gained, lost and changed, coverage and months left per
 * phase, months to ready, experience, positions added and removed.
 * Before and after are the two gc_results, which a report reads as usual. */
typedef struct gc_diff gc_diff;

typedef enum gc_change {
    GC_CHANGE_NONE,      /* shown alike in both (or in neither) */
    GC_CHANGE_GAINED,    /* absent before, evidenced or implied after */
    GC_CHANGE_LOST,      /* evidenced or implied before, absent after */
    GC_CHANGE_CHANGED,   /* see gc_skill_diff */
} gc_change;
const char *gc_change_name(gc_change c);   /* "none", "gained", "lost", "changed" */

/* One skill in one version. */
typedef struct gc_skill_side {
    gc_how how;
    int months;          /* in dated positions; -1 when in none (or absent) */
    int months_since;    /* since its last use there, 0 when current; -1 as months */
    gc_credit credit;    /* towards the role (the score's, with the title's
                            share) for a skill of the role; for another
                            skill its own credit under the role's model */
} gc_skill_side;

/* A skill is CHANGED when both versions show it (or the role lists it) and
 * how it is shown (evidenced or implied), its months in dated positions or
 * since its last use there, its basis (listed only → positions …) or, for
 * a skill of the role, its credit by half a percentage point or more
 * differ. */
typedef struct gc_skill_diff {
    size_t skill;
    gc_change change;
    int in_role;         /* the role lists it */
    long phase;          /* the first phase listing it, or -1 */
    int direction;       /* 1 better, -1 worse, 0 neither: gained or lost, else
                            by credit, else by months, else by recency */
    gc_skill_side before, after;
} gc_skill_diff;

/* Builds both results (taking over both docs, even on error) with `req`
 * and compares them.  req->role NULL: the role that fits `after` best
 * (gc_result_main_score with --suggest), and gc_diff_role_by_fit says so.
 * req->suggest and req->posting are not used.  Errors: GC_EUSAGE (a doc
 * that failed: compare only analysed documents; hours), GC_ENOROLE (no
 * role given and none fits `after`), GC_ENOMEM. */
int gc_diff_new(gc_diff **out, const gc_data *d, const char *before_file, gc_doc *before,
                const char *after_file, gc_doc *after, const gc_request *req, gc_err *err);
void gc_diff_free(gc_diff *df);
const gc_data *gc_diff_data(const gc_diff *df);
const gc_result *gc_diff_before(const gc_diff *df);
const gc_result *gc_diff_after(const gc_diff *df);
const gc_role *gc_diff_role(const gc_diff *df);
int gc_diff_role_by_fit(const gc_diff *df);   /* 1: chosen as the best fit of `after` */
const gc_score *gc_diff_score_before(const gc_diff *df);
const gc_score *gc_diff_score_after(const gc_diff *df);
/* Every skill of the role (in roadmap order), then every other skill
 * either version shows (in lexicon order), each once. */
size_t gc_diff_n_skills(const gc_diff *df);
const gc_skill_diff *gc_diff_skill(const gc_diff *df, size_t i);
size_t gc_diff_count(const gc_diff *df, gc_change c);   /* skills with that change */
/* Positions of `after` not in `before` (indexes into after's positions)
 * and of `before` not in `after`.  Two positions are the same when their
 * titles and organisations are equal (case and spacing aside), preferring
 * the one with the same start; a changed end date ("present" → 2025-05)
 * keeps a position. */
size_t gc_diff_n_added(const gc_diff *df);
size_t gc_diff_added(const gc_diff *df, size_t i);
size_t gc_diff_n_removed(const gc_diff *df);
size_t gc_diff_removed(const gc_diff *df, size_t i);
/* 0 when both versions name a person (gc_doc_name) and the names differ,
 * case and spacing aside: perhaps not two versions of one résumé. */
int gc_diff_same_person(const gc_diff *df);
/* 1 when nothing a report shows differs: skills, scores, experience,
 * positions. */
int gc_diff_same(const gc_diff *df);

/* ---- reports ------------------------------------------------------------- */

typedef struct gc_report_opts {
    int color;          /* ANSI colour (the CLI decides: tty and no NO_COLOR) */
    int explain;        /* show the evidence line of every skill */
    int redact;         /* mask e-mail addresses and phone numbers (and the name) */
    int width;          /* columns to wrap text at; 0: 80 */
    const char *date;   /* the run's date ("2026-12-05") for report headings, or NULL */
} gc_report_opts;

typedef struct gc_buf {
    char *data;
    size_t len, cap;
    int failed;         /* an allocation failed; contents are incomplete */
} gc_buf;

void gc_buf_free(gc_buf *b);

/* A line of the index page of -o DIR. */
typedef struct gc_index_row {
    const char *file;   /* as it should be shown: relative to the folder given */
    const char *href;   /* the report's file name in DIR */
    const char *person; /* the name the résumé gives, or NULL */
    const char *role;   /* the chosen role's title, or the best fit's, or NULL */
    const char *error;  /* a failed document's message, or NULL */
    double coverage, months;
    int total_months;   /* of dated experience; -1 unknown */
    int has_score;
} gc_index_row;

/* Fills a row from a result; strings are borrowed from r, file and href. */
void gc_index_row_set(gc_index_row *row, const gc_result *r, const char *file,
                      const char *href);

typedef struct gc_index {
    const gc_index_row *rows;
    size_t n;
    const char *title;
    const gc_request *req;   /* what was asked: names the role column */
} gc_index;

/* The output formats, one table (report/formats.c): each prints every
 * part a gc_result holds (role, suggestions, job, experience, evidence). */
typedef struct gc_report_format {
    const char *name;        /* --format NAME */
    const char *ext;         /* file extension with -o DIR, or NULL: not for -o */
    int whole_page;          /* one document per output: several need -o DIR */
    /* before the first document (CSV/TSV header), or NULL */
    void (*header)(gc_buf *b, const gc_data *d, const gc_request *q, const gc_report_opts *o);
    /* one document; never fails except for memory (b->failed) */
    void (*document)(gc_buf *b, const gc_result *r, const gc_report_opts *o);
    /* the index page of -o DIR, or NULL */
    void (*index)(gc_buf *b, const gc_index *ix, const gc_report_opts *o);
} gc_report_format;
const gc_report_format *gc_report_format_find(const char *name);
const gc_report_format *gc_report_format_at(size_t i);   /* NULL past the last */

/* The formats of a comparison (gapcheck diff), a table of their own
 * (report/diff_formats.c): one whole report per gc_diff. */
typedef struct gc_diff_format {
    const char *name;        /* --format NAME */
    /* never fails except for memory (b->failed) */
    void (*write)(gc_buf *b, const gc_diff *df, const gc_report_opts *o);
} gc_diff_format;
const gc_diff_format *gc_diff_format_find(const char *name);
const gc_diff_format *gc_diff_format_at(size_t i);   /* NULL past the last */

/* Runtime versions of the linked libraries, e.g. "poppler 22.12.0, libxml2 ...". */
void gc_library_versions(gc_buf *b);

/* Loads now, once, the parsing libraries (loaded on first use otherwise)
 * that a document beginning with these bytes needs, judged from its magic
 * bytes only: poppler-glib for a PDF, libxml2 and libzip for DOCX, ODT and
 * HTML, libgsf for a Word 97-2003 .doc, md4c for Markdown.  Processes
 * forked afterwards share them instead of each loading its own: a batch calls it with each file's first bytes before forking
 * its worker, so a batch of DOCX files never maps poppler.  Returns 1 once
 * all of them are loaded (there is nothing left to look at).  A library
 * that cannot be loaded is reported by each file that needs it. */
int gc_preload_for(const unsigned char *head, size_t len);

/* Whether a file is in a format gapcheck reads, judged from its first
 * bytes only (never its name), for a caller choosing which files of a
 * folder to analyse: `head` is the file's first GC_READABLE_HEAD bytes (or
 * all of a shorter file).  Returns 1 for PDF, DOCX, ODT, flat ODT, HTML,
 * RTF, Word 97-2003 (any OLE2 file), JSON Resume, Markdown and text; 0 for
 * an empty file, a binary one (NUL bytes, or more than 1 byte in 32 a
 * control character), and text that is data: tab-separated lines with the
 * same number of tabs (2 rows or more), comma-separated ones likewise (3
 * rows or more), a JSON document that is not a JSON Resume, or XML other
 * than flat ODT and HTML.  A zip is a document only when its central
 * directory names word/document.xml or content.xml: with `tail` NULL it
 * returns -1, asking for the call again with `tail` holding the file's
 * last GC_READABLE_TAIL bytes (or all of it).  Reads nothing itself. */
int gc_format_readable(const unsigned char *head, size_t head_len, const unsigned char *tail,
                       size_t tail_len);

/* The fonts poppler renders with (fontconfig: its configuration files and
 * font caches, 4-8 ms), set up now, once, so that processes forked
 * afterwards share them: a PDF with white text is rendered.  Does nothing
 * unless a PDF library is loaded; gc_fonts_pending says 1 while it would
 * do something.  fontconfig rewrites a stale or missing cache as it starts:
 * call it where creating and writing files is refused (the command line
 * runs it on a read-only thread, src/cli/sandbox.h), and it keeps the fonts
 * it scanned in memory instead. */
int gc_fonts_pending(void);
void gc_preload_fonts(void);

/* ---- small utilities the command line shares with the core ------------- */

/* Appending to a gc_buf; an allocation failure sets b->failed and later
 * appends do nothing, so a report is written whole or not at all. */
void gc_buf_add(gc_buf *b, const void *p, size_t n);
void gc_buf_adds(gc_buf *b, const char *s);
void gc_buf_addc(gc_buf *b, char c);
void gc_buf_printf(gc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void gc_buf_repeat(gc_buf *b, const char *s, size_t n);   /* n copies of s */

/* Document text made safe to show: C0/C1 controls and ESC become spaces (no
 * terminal escapes from a résumé); with `redact`, e-mail addresses and phone
 * numbers are masked.  Returns a g_malloc'd string (free with g_free). */
char *gc_report_clean(const char *s, int redact);
/* s as a JSON string literal: escapes, invalid UTF-8 → U+FFFD. */
void gc_json_str(gc_buf *b, const char *s);
/* A number with at most `digits` decimals and no trailing zeros. */
void gc_json_num(gc_buf *b, double v, int digits);

/* Bounded whole-file reads into a malloc'd, NUL-terminated buffer.
 * Errors: GC_EIO (errno kept; directories and special files refused),
 * GC_ELIMIT ("input_bytes"), GC_ENOMEM. */
int gc_read_file(char **out, size_t *len_out, const char *path, size_t max, gc_err *err);
int gc_read_fd(char **out, size_t *len_out, int fd, size_t max, gc_err *err);
/* Writes all of p[0..n) to fd, retrying short writes and EINTR.  Returns 0,
 * or -1 with errno set (a write that makes no progress is EIO). */
int gc_write_fd(int fd, const void *p, size_t n);

#endif
