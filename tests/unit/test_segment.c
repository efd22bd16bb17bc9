/* segment.c + headings.c: section headings from the data (the mini
 * lexicon's, in English, German, French and Spanish), however a document
 * draws them — capitals, letter-spaced, small capitals split by a PDF,
 * rules and bullets around them, a trailing colon — and the lines that only
 * look like one; "Label: content" lines; a table whose first cell is the
 * heading; '\f' ending a line; a heading split over two lines.  Then the
 * same through gc_analyze_text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "data/headings.h"
#include "match/segment.h"
#include "testdata.h"

#define MAX_LINES 64

static const gc_data *D;

/* Section id of a line's sec[] value ("-" before any heading). */
static const char *sec_id(uint16_t v)
{
    return v == 0 ? "-" : g_array_index(D->sections, gc_section, v - 1).id;
}

/* Runs gc_segment over text; fills sec and head for lines 1..n, returns n. */
static size_t segment(const char *text, uint16_t *sec, uint8_t *head)
{
    size_t len = strlen(text), n = 1;

    for (size_t i = 0; i < len; i++)
        n += text[i] == '\n' || text[i] == '\f';
    if (n >= MAX_LINES)
        abort();
    gc_segment(sec, head, D, text, len, n);
    return n;
}

/* The one line "text" alone: its section id if it is a heading, else NULL. */
static const char *heading(const char *line)
{
    uint16_t sec[MAX_LINES];
    uint8_t head[MAX_LINES];

    segment(line, sec, head);
    return head[1] ? sec_id(sec[1]) : NULL;
}

static void is_heading(const char *line, const char *want)
{
    const char *got = heading(line);
    if (got == NULL || strcmp(got, want) != 0)
        fprintf(stderr, "'%s': got %s, want heading %s\n", line, got ? got : "no heading", want);
    CHECK(got != NULL && strcmp(got, want) == 0);
}

static void not_heading(const char *line)
{
    const char *got = heading(line);
    if (got != NULL)
        fprintf(stderr, "'%s': a %s heading, want none\n", line, got);
    CHECK(got == NULL);
}

static void languages(void)
{
    is_heading("Skills", "skills");
    is_heading("Technical Skills", "skills");
    is_heading("WORK EXPERIENCE", "experience");
    is_heading("education", "education");
    is_heading("Projects", "projects");
    /* German, French, Spanish */
    is_heading("Kenntnisse", "skills");
    is_heading("BERUFSERFAHRUNG", "experience");
    is_heading("Ausbildung", "education");
    is_heading("Projekte", "projects");
    is_heading("Comp\xC3\xA9tences", "skills");
    is_heading("COMP\xC3\x89TENCES", "skills");
    is_heading("Exp\xC3\xA9rience professionnelle", "experience");
    is_heading("Formation", "education");
    is_heading("Projets", "projects");
    is_heading("Habilidades", "skills");
    is_heading("Experiencia Laboral", "experience");
    is_heading("Formaci\xC3\xB3n", "education");
    is_heading("Proyectos", "projects");
}

static void drawn(void)
{
    /* letter-spaced, with a double space between words */
    is_heading("S K I L L S", "skills");
    is_heading("E X P E R I E N C E", "experience");
    is_heading("W O R K  E X P E R I E N C E", "experience");
    is_heading("B E R U F S E R F A H R U N G", "experience");
    /* small capitals split by a PDF: a capital alone before the rest */
    is_heading("T ECHNICAL S KILLS", "skills");
    is_heading("W ORK E XPERIENCE", "experience");
    is_heading("E DUCATION", "education");
    /* rules, marks and bullets around it; a colon after it */
    is_heading("Skills:", "skills");
    is_heading("## Projects ##", "projects");
    is_heading("--- EDUCATION ---", "education");
    is_heading("=== Experience ===", "experience");
    is_heading("| Skills |", "skills");
    is_heading("* Skills", "skills");
    is_heading("\xE2\x80\xA2 Education", "education");
    is_heading("  Experience  ", "experience");
    is_heading("1. Education", "education");
}

static void look_alikes(void)
{
    not_heading("Python skills");
    not_heading("Experience with Docker and Kubernetes");
    not_heading("Skills I learned at Acme were many and varied indeed");
    not_heading("Education matters");
    not_heading("S K I L L");                /* no such heading */
    not_heading("Sk ills");
    not_heading("");
    not_heading("   ");
    not_heading("-----");
    not_heading("Experience experience experience experience experience xx");
}

/* Sections of a document, line by line. */
static void document(void)
{
    uint16_t sec[MAX_LINES];
    uint8_t head[MAX_LINES];
    const char *text =
        "Jane Doe\n"                                   /* 1: before any heading */
        "SKILLS\n"                                     /* 2 */
        "Python, Docker\n"                             /* 3 */
        "Experience:\n"                                /* 4 */
        "Engineer, Acme\n"                             /* 5 */
        "Skills: Go, SQL\n"                            /* 6: a label, not a heading */
        "Shipped services\n"                           /* 7: still experience */
        "EDUCATION\tBSc, Uni Berlin\n"                 /* 8: a table's first cell */
        "MSc, TU\n"                                    /* 9 */
        "Projets\fPython tool\n"                       /* 10, 11: \f ends a line */
        "Education: BSc\n";                            /* 12: a label in projects */
    static const char *const want[] = {NULL, "-", "skills", "skills", "experience",
                                       "experience", "skills", "experience", "education",
                                       "education", "projects", "projects", "education"};
    static const int want_head[] = {0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0};
    size_t n = segment(text, sec, head);

    CHECK(n == 13);   /* the last '\n' ends line 12; line 13 is empty */
    for (size_t i = 1; i <= 12; i++) {
        if (strcmp(sec_id(sec[i]), want[i]) != 0 || head[i] != want_head[i])
            fprintf(stderr, "line %zu: %s%s, want %s%s\n", i, sec_id(sec[i]),
                    head[i] ? " (heading)" : "", want[i], want_head[i] ? " (heading)" : "");
        CHECK_STR(sec_id(sec[i]), want[i]);
        CHECK(head[i] == want_head[i]);
    }
    CHECK_STR(sec_id(sec[13]), "projects");   /* the section runs on: the label did not move it */
}

/* A heading in two boxes ("Emp", "loyment": Awesome-CV's accent letters)
 * is one heading on both lines; a short word above a lower-case line that
 * makes no heading with it is none. */
static void split_in_two(void)
{
    uint16_t sec[MAX_LINES];
    uint8_t head[MAX_LINES];
    size_t n = segment("Jane Doe\nExp\nerience\nEngineer, Acme\nSki\nlls\nGo\nUse\nless", sec,
                       head);

    CHECK(n == 9);
    CHECK(head[2] && head[3] && !head[4] && head[5] && head[6] && !head[8] && !head[9]);
    CHECK_STR(sec_id(sec[3]), "experience");
    CHECK_STR(sec_id(sec[4]), "experience");
    CHECK_STR(sec_id(sec[6]), "skills");
    CHECK_STR(sec_id(sec[9]), "skills");
}

/* The heading key and its first-word filter agree for every heading of the
 * data: a heading the filter rejected could never be found. */
static void keys(void)
{
    char key[256];
    uint32_t b1, b2;

    CHECK(gc_heading_key(key, sizeof key, "W O R K  E X P E R I E N C E", 28) > 0 &&
          strcmp(key, "work experience") == 0);
    CHECK(gc_heading_key(key, sizeof key, "--Skills & Tools:--", 19) > 0 &&
          strcmp(key, "skills tools") == 0);
    CHECK(gc_heading_key(key, sizeof key, "123 !!", 6) == 0);
    /* small capitals after an accented capital ("ÉTUDES", "ÜBER MICH") */
    CHECK(gc_heading_key(key, sizeof key, "\xC3\x89 TUDES", 8) > 0 && strcmp(key, "\xC3\xA9tudes") == 0);
    CHECK(gc_heading_key(key, sizeof key, "\xC3\x9C BER MICH", 11) > 0 &&
          strcmp(key, "\xC3\xBC" "ber mich") == 0);
    CHECK(gc_heading_key(key, sizeof key, "R\xC3\x89 SUM\xC3\x89", 10) > 0 &&
          strcmp(key, "r\xC3\xA9 sum\xC3\xA9") == 0);   /* two letters before: a word */
    CHECK(gc_heading_letter_spaced("S K I L L S", 11));
    CHECK(!gc_heading_letter_spaced("SKILLS", 6));
    CHECK(!gc_heading_letter_spaced("A B", 3));   /* two letters: an initial, not a heading */
    CHECK(gc_heading_bits("Skills", 6, &b1, &b2));
    CHECK(!gc_heading_bits("S K I L L S", 11, &b1, &b2));   /* one-letter word: cannot tell */
    CHECK(!gc_heading_bits("Comp\xC3\xA9tences", 12, &b1, &b2));
    /* a key too long for the buffer is no key, not an overrun */
    char big[300];
    memset(big, 'a', sizeof big);
    CHECK(gc_heading_key(key, sizeof key, big, sizeof big) == 0);
    char tiny[8];
    CHECK(gc_heading_key(tiny, sizeof tiny, "Experience", 10) < sizeof tiny);
}

/* The same through the public API: sections in order, and evidence lines
 * carry the section of their line. */
static void through_analyze(void)
{
    gc_doc *doc = analyze_str(D, "Jane Doe\nB E R U F S E R F A H R U N G\nPython bei Acme\n"
                                 "Kenntnisse: Docker\nProyectos\nAWS\n");
    unsigned line = 0;
    const char *sec = NULL;

    CHECK(gc_doc_n_sections(doc) == 2);
    CHECK_STR(gc_doc_section(doc, 0, &line), "experience");
    CHECK(line == 2);
    CHECK_STR(gc_doc_section(doc, 1, &line), "projects");
    CHECK(line == 5);
    long py = gc_data_find_skill(D, "python"), dk = gc_data_find_skill(D, "docker");
    long aws = gc_data_find_skill(D, "aws");
    gc_doc_evidence(doc, (size_t)py, 0, &line, &sec, NULL);
    CHECK_STR(sec, "experience");
    gc_doc_evidence(doc, (size_t)dk, 0, &line, &sec, NULL);
    CHECK_STR(sec, "skills");   /* the label */
    gc_doc_evidence(doc, (size_t)aws, 0, &line, &sec, NULL);
    CHECK_STR(sec, "projects");
    gc_doc_free(doc);
}

int main(void)
{
    gc_data *d = load_mini();

    D = d;
    languages();
    drawn();
    look_alikes();
    document();
    split_in_two();
    keys();
    through_analyze();
    gc_data_free(d);
    return test_summary("test_segment");
}
