/* Minimal unit-test harness: CHECK(expr) records a pass or a failure with its
 * location; test_summary() prints "N passed, N failed" (a line CI runners
 * recognise) and returns the process exit status. */
#ifndef GC_HARNESS_H
#define GC_HARNESS_H

#include <stdio.h>

static int test_passed, test_failed;

#define CHECK(expr)                                                              \
    do {                                                                         \
        if (expr) {                                                              \
            test_passed++;                                                       \
        } else {                                                                 \
            test_failed++;                                                       \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #expr); \
        }                                                                        \
    } while (0)

#define CHECK_STR(a, b)                                                          \
    do {                                                                         \
        const char *a_ = (a), *b_ = (b);                                         \
        if (a_ && b_ && strcmp(a_, b_) == 0) {                                   \
            test_passed++;                                                       \
        } else {                                                                 \
            test_failed++;                                                       \
            fprintf(stderr, "%s:%d: '%s' != '%s'\n", __FILE__, __LINE__,         \
                    a_ ? a_ : "(null)", b_ ? b_ : "(null)");                     \
        }                                                                        \
    } while (0)

static inline int test_summary(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, test_passed, test_failed);
    return test_failed ? 1 : 0;
}

#endif
