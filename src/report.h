/* report.h: helpers shared by the report writers (report_text.c,
 * report_json.c, ...).  Each writer turns (file, doc, score) into bytes
 * appended to a gc_buf; nothing is printed here. */
#ifndef GC_REPORT_H
#define GC_REPORT_H

#include "buf.h"
#include "gapcheck.h"

/* Copies document text for display: C0/C1 controls and ESC become spaces
 * (no terminal escapes from a résumé), and with `redact` e-mail addresses
 * and phone numbers are masked.  Returns a g_malloc'd string. */
char *gc_report_clean(const char *s, int redact);

/* Writes s as a JSON string literal: quotes, escapes, invalid UTF-8 → U+FFFD. */
void gc_json_str(gc_buf *b, const char *s);

/* Writes a number with at most `digits` decimals and no trailing zeros. */
void gc_json_num(gc_buf *b, double v, int digits);

#endif
