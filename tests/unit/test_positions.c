/* positions.c: which dated lines of the experience section start a
 * position, and which lines each position spans.  Synthetic résumés on the
 * mini data set, through gc_analyze_text. */
#include <string.h>

#include "harness.h"
#include "testdata.h"

static const gc_data *D;

/* "START..END first-last" of each position, one a line, into out. */
static void positions(char *out, size_t cap, const char *text)
{
    gc_doc *doc = analyze_str(D, text);
    size_t at = 0;

    out[0] = '\0';
    for (size_t i = 0; i < gc_doc_n_positions(doc) && at < cap; i++) {
        gc_position_info p;
        gc_doc_position(doc, i, &p);
        if (p.present)
            at += (size_t)snprintf(out + at, cap - at, "%u..present %u-%u\n", p.start.year,
                                   p.first_line, p.last_line);
        else
            at += (size_t)snprintf(out + at, cap - at, "%u..%u %u-%u\n", p.start.year,
                                   p.end.year, p.first_line, p.last_line);
    }
    gc_doc_free(doc);
}

static void expect(const char *text, const char *want)
{
    char got[1024];

    positions(got, sizeof got, text);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "---\n%s--- got:\n%s--- want:\n%s", text, got, want);
    CHECK_STR(got, want);
}

/* A range inside a bullet's sentence is a client or project of the entry
 * above; the entry keeps its bullets.  At a bullet's start it still is an
 * entry ("• 2019 - 2021: Developer, Acme"). */
static void bullet_ranges(void)
{
    expect("Experience\n"
           "Independent Contracting 2004 - Present\n"
           "\xE2\x80\xA2 Acme - shirtmakers (2008-2009). Built a showroom in Rails.\n"
           "\xE2\x80\xA2 Idance - video (2004-2005). Designed a shop in PHP and MySQL.\n"
           "Globex, Inc June 2001 - Dec 2003\n"
           "\xE2\x80\xA2 Programmed features.",
           "2004..present 2-4\n2001..2003 5-6\n");
    expect("Experience\n"
           "\xE2\x80\xA2 2019 - 2021: Developer, Acme\n"
           "\xE2\x80\xA2 2016 - 2019: Analyst, Globex",
           "2019..2021 2-2\n2016..2019 3-3\n");
}

/* "Title (2008 - 2014): what I did …": a long line whose lead before the
 * colon ends with the range is an entry; a range inside a long sentence
 * is not. */
static void lead_ranges(void)
{
    expect("Experience\n"
           "Consultant (2008 - 2014): Founded a school for testing. Built an ordering system "
           "for a shirtmaker. Consulting in Ruby on Rails, Node.js and D3 data visualization for "
           "many clients. Rapid prototyping and delivery.\n"
           "Web Developer, Globex (2006 - 2007): Introduced automated testing.",
           "2008..2014 2-2\n2006..2007 3-3\n");
    expect("Experience\n"
           "Web Developer, Globex 2006 - 2007\n"
           "Introduced automated testing for the platform that the company had built over the "
           "years (2001 - 2005) and that served many customers across the whole country and "
           "abroad, with a team of ten.",
           "2006..2007 2-3\n");
}

/* An employer's range right above a role dated within it is no position
 * of its own; a role with a body of its own keeps its range. */
static void group_ranges(void)
{
    expect("Experience\n"
           "Shoppers Drug Mart\tJan 2016 - Jan 2021\n"
           "Evening Supervisor\tJune 2020 - Jan 2021\n"
           "Cashier\tMay 2016 - Nov 2018\n"
           "Globex\tMay 2014 - Aug 2015",
           "2020..2021 3-3\n2016..2018 4-4\n2014..2015 5-5\n");
    expect("Experience\n"
           "Developer, Acme\t2016 - 2021\n"
           "Built the shop.\n"
           "Developer, Globex\t2017 - 2018",
           "2016..2021 2-3\n2017..2018 4-4\n");
}

/* A short title line above "Org | dates | place" starts that entry; a
 * longer sentence above it stays with the entry before. */
static void titles_above_org_line(void)
{
    expect("Experience\n"
           "Fractional CTO\n"
           "Humane Tech | June 2025 - Mar 2026 | Remote\n"
           "Built tools.\n"
           "Infrastructure Engineer\n"
           "Tobiko | Mar 2024 - Oct 2024 | Remote\n"
           "Built pipelines.",
           "2025..2026 2-4\n2024..2024 5-7\n");
    expect("Experience\n"
           "Acme | June 2025 - Mar 2026 | Remote\n"
           "Principal coordinator and facilitator for security efforts with external teams\n"
           "Globex | Mar 2024 - Oct 2024 | Remote",
           "2025..2026 2-3\n2024..2024 4-4\n");
}

/* The shipped headings end the experience section: dated open-source
 * projects after "Open Source Projects" are no positions. */
static void shipped_headings(void)
{
    gc_data *d = load_shipped_data();
    const gc_data *mini = D;

    D = d;
    expect("Experience\n"
           "Developer, Acme\tNov 2024 - Present\n"
           "Built a chatbot.\n"
           "Open Source Projects\n"
           "Scan MCP (2024 - Present)\n"
           "A server for scanners.",
           "2024..present 2-3\n");
    D = mini;
    gc_data_free(d);
}

int main(void)
{
    gc_data *d = load_mini();

    D = d;
    bullet_ranges();
    lead_ranges();
    group_ranges();
    titles_above_org_line();
    shipped_headings();
    gc_data_free(d);
    return test_summary("test_positions");
}
