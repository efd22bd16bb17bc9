/* Shared set-up of the fuzz targets: one-time library initialisation and a
 * silenced g_log (poppler and GLib would otherwise print on every input).
 * Limits are the CLI defaults, except a few pages and no OCR, so that one input stays
 * well under libFuzzer's -timeout on a content bomb that the CLI would only
 * stop with its per-file child deadline (docs/SECURITY.md P3). */
#ifndef GC_FUZZ_COMMON_H
#define GC_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "gapcheck.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_quiet_log(const gchar *domain, GLogLevelFlags level, const gchar *msg,
                           gpointer user)
{
    (void)domain;
    (void)level;
    (void)msg;
    (void)user;
}

static inline gc_limits fuzz_limits(void)
{
    gc_limits lim = GC_LIMITS_INIT;
    lim.pages = 5;
    /* OCR takes a second a page: a fuzzer would spend its time in
     * tesseract.  Which pages want OCR is still decided (and fuzzed). */
    lim.ocr = GC_OCR_NEVER;
    return lim;
}

static inline void fuzz_init_libs(void)
{
    g_log_set_default_handler(fuzz_quiet_log, NULL);
}

#endif
