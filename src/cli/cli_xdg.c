/* cli_xdg: the user's data overlay, $XDG_CONFIG_HOME/gapcheck/lexicon and
 * $XDG_CONFIG_HOME/gapcheck/roles (XDG_CONFIG_HOME defaults to
 * $HOME/.config; a relative value is ignored, as the XDG Base Directory
 * specification says).  Each folder that exists is loaded exactly like a
 * --lexicon / --roles directory given first on the command line, so the
 * same rules apply: user data replaces bundled ids, and an id defined twice
 * in user data is an error.  Also the cache folder for built user data,
 * $XDG_CACHE_HOME/gapcheck (default $HOME/.cache/gapcheck; cli_data.c).
 * Only the CLI reads the environment. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

/* The paths live as long as the process (cli only borrows them). */
static char lexicon_path[PATH_MAX], roles_path[PATH_MAX];

/* Puts dir first in *v when it exists (or exists but cannot be read: the
 * loader then says why).  Returns -1 only when out of memory. */
static int prepend_if_present(const char ***v, size_t *n, char *buf, size_t cap,
                              const char *base, const char *sub, const char *name)
{
    struct stat st;
    const char **p;
    int len = snprintf(buf, cap, "%s%s/gapcheck/%s", base, sub, name);

    if (len < 0 || (size_t)len >= cap)
        return 0;
    if (stat(buf, &st) != 0 && (errno == ENOENT || errno == ENOTDIR))
        return 0;
    p = realloc(*v, (*n + 1) * sizeof *p);
    if (p == NULL)
        return -1;
    memmove(p + 1, p, *n * sizeof *p);
    p[0] = buf;
    (*n)++;
    *v = p;
    return 0;
}

int gc_cli_add_xdg(gc_cli *cli)
{
    const char *base = getenv("XDG_CONFIG_HOME"), *sub = "";

    if (base == NULL || base[0] != '/') {
        base = getenv("HOME");
        sub = "/.config";
        if (base == NULL || base[0] != '/')
            return 0;
    }
    if (prepend_if_present(&cli->lexicon_dirs, &cli->n_lexicon_dirs, lexicon_path,
                           sizeof lexicon_path, base, sub, "lexicon") < 0 ||
        prepend_if_present(&cli->roles_dirs, &cli->n_roles_dirs, roles_path, sizeof roles_path,
                           base, sub, "roles") < 0)
        return -1;
    return 0;
}

const char *gc_cli_cache_dir(void)
{
    static char path[PATH_MAX];
    const char *base = getenv("XDG_CACHE_HOME"), *sub = "";
    int len;

    if (base == NULL || base[0] != '/') {
        base = getenv("HOME");
        sub = "/.cache";
        if (base == NULL || base[0] != '/')
            return NULL;
    }
    len = snprintf(path, sizeof path, "%s%s/gapcheck", base, sub);
    return len > 0 && (size_t)len < sizeof path ? path : NULL;
}
