/* An LD_PRELOAD shim for the output tests: rename(2) fails with EIO when
 * its destination ends in $GC_FAIL_RENAME (jq's inject_errors idea), so a
 * test can make one rename of a commit fail and check the others are put
 * back.  Built by the test that uses it; never linked into gapcheck. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rename(const char *from, const char *to)
{
    static int (*real)(const char *, const char *);
    const char *suffix = getenv("GC_FAIL_RENAME");
    size_t n = strlen(to), k = suffix ? strlen(suffix) : 0;

    if (k && n >= k && strcmp(to + n - k, suffix) == 0) {
        errno = EIO;
        return -1;
    }
    if (real == NULL)
        *(void **)&real = dlsym(RTLD_NEXT, "rename");
    return real(from, to);
}
