/* dates.c: every date style issue 15 lists, read from one line each, and
 * lines that hold numbers but no position dates. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "match/dates.h"
#include "match/normalize.h"
#include "testdata.h"

static void fmt(char *b, size_t cap, const gc_date *d)
{
    if (d->prec == GC_DATE_YEAR)
        snprintf(b, cap, "%u", d->year);
    else
        snprintf(b, cap, "%u-%02u", d->year, d->month);
}

/* The ranges of a line as "start..end" joined by " | ". */
static void ranges(char *out, size_t cap, const gc_data *d, const char *line)
{
    gc_date_range r[8];
    char *norm = NULL, a[16], e[16];
    size_t nl = 0, o = 0;
    gc_err err = GC_ERR_INIT;

    gc_normalize(&norm, &nl, line, strlen(line), &err);
    size_t n = gc_dates_find(r, 8, d, norm, nl);
    out[0] = '\0';
    for (size_t i = 0; i < n && o < cap; i++) {
        fmt(a, sizeof a, &r[i].start);
        if (r[i].present)
            snprintf(e, sizeof e, "present");
        else
            fmt(e, sizeof e, &r[i].end);
        o += (size_t)snprintf(out + o, cap - o, "%s%s..%s", i ? " | " : "", a, e);
    }
    free(norm);
}

static const char *const cases[][2] = {
    /* month names, abbreviated or full, with or without a period */
    {"Dec. 2011 – Feb. 2012", "2011-12..2012-02"},
    {"Sept 2019 - June 2020", "2019-09..2020-06"},
    {"March 2015 – July 2016", "2015-03..2016-07"},
    {"MAY 2001 - AUG 2001", "2001-05..2001-08"},
    /* German, Spanish, French */
    {"März 2020 – heute", "2020-03..present"},
    {"Oktober 2013 ‑ März 2017", "2013-10..2017-03"},
    {"ene. 2019 - actualidad", "2019-01..present"},
    {"sept. 2016 a dic. 2018", "2016-09..2018-12"},
    {"févr. 2018 – aujourd'hui", "2018-02..present"},
    {"janv. 2015 au juil. 2017", "2015-01..2017-07"},
    {"mars 2019 - en cours", "2019-03..present"},
    /* numeric forms */
    {"03/2017 - 11/2019", "2017-03..2019-11"},
    {"3/2008-7/2008", "2008-03..2008-07"},
    {"05/04 - 06/14", "2004-05..2014-06"},
    {"01/10/2017-31/08/2018", "2017-10..2018-08"},
    {"2018-10 – 2024-09", "2018-10..2024-09"},
    {"2018.10–2024.09", "2018-10..2024-09"},
    {"09.2015 - 03.2018", "2015-09..2018-03"},
    /* years, single years, open ranges */
    {"2016 – 2018", "2016..2018"},
    {"2007", "2007..2007"},
    {"2026 –", "2026..present"},
    {"2016-17", "2016..2017"},
    /* seasons; one year written once for a range */
    {"Summer 2011", "2011-06..2011-08"},
    {"Fall 2011 – Spring 2012", "2011-09..2012-05"},
    {"June – August 2017", "2017-06..2017-08"},
    {"November – February 2020", "2019-11..2020-02"},
    /* present words */
    {"Jan 2019 - Present", "2019-01..present"},
    {"Nov 2019 to Till Date", "2019-11..present"},
    {"2025.02–pres.", "2025-02..present"},
    {"January 2021 – Current", "2021-01..present"},
    {"seit 2020", "2020..present"},
    {"desde marzo 2018", "2018-03..present"},
    {"depuis 2015", "2015..present"},
    /* dashes and words between dates */
    {"Jan 2019 — Mar 2020", "2019-01..2020-03"},
    {"Jan 2019 to Mar 2020", "2019-01..2020-03"},
    {"Jan 2019 bis Mar 2020", "2019-01..2020-03"},
    {"Jan 2019 Mar 2020", "2019-01..2020-03"},   /* a soft hyphen removed */
    {"Aug. 2014 - Exp. Apr. 2016", "2014-08..2016-04"},
    /* OCR slips: a speck after the month; an end it cannot read is no "present" */
    {"Jan 2017 - Apr? 2020", "2017-01..2020-04"},
    {"Jan 2017 - Apr", "2017-01..2017-01"},
    /* two periods in one entry */
    {"Summer 2012 and 2013", "2012-06..2012-08 | 2013-06..2013-08"},
    {"Sep. 2013, Mar. 2011 - Oct. 2011", "2013-09..2013-09 | 2011-03..2011-10"},
    /* dates beside a title */
    {"Software Engineer, Acme\t2015 - 2020", "2015..2020"},
    {"2021 - Machine Learning Engineer, OpenAI", "2021..present"},
    /* no dates */
    {"Python 3, C++17, 2x faster", ""},
    {"Managed a team of 12 across 3 regions", ""},
    {"year 0 and 0/0/0", ""},
    {"May I help you", ""},
};

int main(void)
{
    gc_data *d = load_mini();
    char got[256];

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ranges(got, sizeof got, d, cases[i][0]);
        if (strcmp(got, cases[i][1]) != 0)
            fprintf(stderr, "'%s': got '%s', want '%s'\n", cases[i][0], got, cases[i][1]);
        CHECK_STR(got, cases[i][1]);
    }
    /* years outside 1900-2099 are no dates; 2099 is (the model drops it) */
    ranges(got, sizeof got, d, "1850 - 1899");
    CHECK_STR(got, "");
    ranges(got, sizeof got, d, "2099 - 2100");
    CHECK_STR(got, "2099..2099");
    /* a 10,000-range line is cut at GC_DATE_LINE_BYTES, never overrun */
    static char big[60000];
    for (size_t i = 0; i + 12 < sizeof big; i += 12)
        memcpy(big + i, "2019 - 2020 ", 12);
    gc_date_range r[4];
    CHECK(gc_dates_find(r, 4, d, big, strlen(big)) == 4);
    gc_data_free(d);
    return test_summary("test_dates");
}
