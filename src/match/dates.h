/* dates: the dates written on one line of a résumé — "Jan. 2019 – Present",
 * "03/2017 - 11/2019", "Fall 2011 – Spring 2012", "June – August 2017",
 * "seit 2020", "2018.10–2024.09" — as ranges of (year, month) with the
 * precision the résumé gives.  Month names, seasons, present words and
 * connectors come from the data (lexicon/dates.yaml); the forms of numeric
 * dates are here.  Pure: no allocation, bounded by the line's length. */
#ifndef GC_DATES_H
#define GC_DATES_H

#include <stddef.h>
#include <stdint.h>

#include "data/data_int.h"

enum { GC_DATE_YEAR = 1, GC_DATE_SEASON = 2, GC_DATE_MONTH = 3 };

typedef struct gc_date {
    uint16_t year;     /* 1900-2099 */
    uint8_t month;     /* 1-12; for GC_DATE_YEAR 0 */
    uint8_t prec;      /* GC_DATE_* */
} gc_date;

typedef struct gc_date_range {
    gc_date start, end;     /* end unused when `present` */
    uint8_t present;        /* "– Present", "seit 2020", an open "2026 –" */
    uint8_t single;         /* one date, not a range ("June 2017") */
    uint8_t day;            /* written with its day ("February 10, 2026") */
    uint16_t at, len;       /* the bytes of the line the dates take */
} gc_date_range;

/* The ranges on line[0..n) (n is cut at GC_DATE_LINE_BYTES), in order, at
 * most `max`; returns how many. */
size_t gc_dates_find(gc_date_range *out, size_t max, const gc_data *d, const char *line,
                     size_t n);

/* The line starts with a present word ("Present Leading a team of …"): an
 * open range on the line before ends there. */
int gc_dates_starts_present(const gc_data *d, const char *line, size_t n);

#endif
