/* snapshot.h: the layout of a data snapshot, shared by its writer
 * (snapshot_write.c) and reader (snapshot_read.c).  Not part of the API.
 *
 * A snapshot is a header followed by sections, each 8-byte aligned.  It
 * holds no pointers: strings are offsets into the S_STR pool (every string
 * NUL-terminated, the pool ends in NUL), indexes refer to other sections.
 * Same machine and compiler on both sides (it is made by our own build), so
 * records are plain C structs; SNAP_VERSION changes with any of them. */
#ifndef GC_SNAPSHOT_H
#define GC_SNAPSHOT_H

#include <stdint.h>

#include "data/data_int.h"

#define SNAP_MAGIC "GCSNAP\r\n"
#define SNAP_VERSION 4u

enum {
    S_STR, S_STRLIST, S_SKILLS, S_REFS, S_ALIASES, S_ALIAS_ATOMS, S_NEAR, S_FIRST,
    S_BYFIRST, S_REGEX, S_CUES, S_SECTIONS, S_CATEGORIES, S_HEADINGS, S_ROLES, S_PHASES,
    S_PSKILLS, S_EXACT, S_TAB_ATOMS, S_TAB_NAMES, S_TAB_IDS, S_DATEWORDS, S_MODEL, S_PWORDS, N_SECT
};

typedef struct snap_sect {
    uint32_t off, len;        /* bytes, from the start of the blob */
} snap_sect;

typedef struct snap_hdr {
    char magic[8];
    uint32_t version, n_sect;
    uint64_t size;            /* of the whole blob */
    uint64_t sum;             /* snap_checksum of everything after the header */
    snap_sect s[N_SECT];
} snap_hdr;

typedef struct s_pos {
    uint32_t file, line, col;
} s_pos;

typedef struct s_skill {
    uint32_t id, name, category, user, dead;
    s_pos pos, category_pos;
    gc_range aliases, nots, implies, requires;   /* in S_REFS */
} s_skill;

typedef struct s_alias {
    uint32_t skill, tok0, n_toks, exact0, near0, n_near, regex, pattern;
    uint8_t case_exact, context, is_not, pad;
    s_pos pos;
} s_alias;

typedef struct s_role {
    double hours_per_week, months, implied_credit;
    gc_model model;                     /* resolved: the lexicon's with its overrides */
    uint32_t id, title, summary;        /* summary: UINT32_MAX when absent */
    gc_range phases, codes, titles, aliases;   /* in S_PHASES, then S_STRLIST */
    s_pos pos;
} s_role;

typedef struct s_phase {
    double months;
    uint32_t id, title;
    gc_range skills, milestones;        /* in S_PSKILLS, S_STRLIST */
} s_phase;

typedef struct s_pskill {
    double weight;
    uint32_t skill, pad;
} s_pskill;

typedef struct s_pair {
    uint32_t key, val;                  /* S_CATEGORIES: id, name; S_HEADINGS: key, section + 1;
                                           S_DATEWORDS: key, GC_CAL_CODE */
} s_pair;

/* A string table section: n, n_slots, key[n], val[n], slot[n_slots]. */

#define SNAP_NO_STR UINT32_MAX

/* 64-bit multiply-xor over 8-byte words: catches a damaged blob at a few
 * hundredths of a millisecond for the bundled data. */
uint64_t snap_checksum(const unsigned char *p, size_t n);

#endif
