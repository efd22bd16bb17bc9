/* Bounded zip access over libzip; see zipread.h.  zip_t never leaves this
 * file.  The archive is only ever read (zip_discard, never zip_close), and
 * sizes from the archive are used only as a clamped hint for the first
 * buffer: libzip 1.7.3 delivers the real inflated bytes whatever the header
 * claims (docs/SECURITY.md Z2), so the budgets below are the only real bound. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/zip_lib.h"
#include "extract/zipread.h"

/* libzip, loaded by gc_zip_open on first use (libload.h). */
static const gc_zip_api *zip;

#define FIRST_BUF_MIN 4096

struct gc_zip {
    zip_t *za;
    const gc_limits *lim;
    size_t n;            /* entries in the central directory */
    const char **names;  /* raw names, owned by libzip, valid until discard */
    size_t used;         /* inflated bytes delivered so far, all parts */
};

static int open_error(int zcode, gc_err *err)
{
    switch (zcode) {
    case ZIP_ER_MEMORY:
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    case ZIP_ER_NOZIP:
        gc_err_set(err, GC_ECORRUPT, NULL, 0, 0, "corrupt zip archive: no central directory");
        gc_err_detail(err, "zip_nozip");
        return GC_ECORRUPT;
    case ZIP_ER_INCONS:
        /* Also what overlapping entries (one local header shared by many
         * central entries) give with ZIP_CHECKCONS: docs/SECURITY.md Z3. */
        gc_err_set(err, GC_ECORRUPT, NULL, 0, 0, "corrupt zip archive: inconsistent entries");
        gc_err_detail(err, "zip_inconsistent");
        return GC_ECORRUPT;
    default:
        gc_err_set(err, GC_ECORRUPT, NULL, 0, 0, "corrupt zip archive (libzip error %d)", zcode);
        gc_err_detail(err, "zip_open");
        return GC_ECORRUPT;
    }
}

static int load_names(gc_zip *z, gc_err *err)
{
    zip_int64_t n = zip->zip_get_num_entries(z->za, 0);
    size_t i;

    if (n < 0)
        n = 0;
    if ((zip_uint64_t)n > z->lim->zip_entries) {
        gc_err_set(err, GC_ELIMIT, NULL, 0, 0,
                   "zip archive has %lld entries, more than the %u allowed", (long long)n,
                   z->lim->zip_entries);
        gc_err_detail(err, "zip_entries");
        return GC_ELIMIT;
    }
    z->n = (size_t)n;
    z->names = calloc(z->n ? z->n : 1, sizeof *z->names);
    if (z->names == NULL)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    for (i = 0; i < z->n; i++) {
        /* Raw bytes: part names we look for are ASCII, and this skips
         * libzip's CP437 guessing on every entry. */
        const char *s = zip->zip_get_name(z->za, i, ZIP_FL_ENC_RAW);
        z->names[i] = s ? s : "";
    }
    return 0;
}

int gc_zip_open(gc_zip **out, const unsigned char *data, size_t len, const gc_limits *lim,
                gc_err *err)
{
    zip_error_t ze;
    zip_source_t *src;
    zip_t *za;
    gc_zip *z;
    int rc;

    *out = NULL;
    if ((zip = gc_zip_lib(err)) == NULL)
        return err ? err->code : GC_EFORMAT;
    zip->zip_error_init(&ze);
    src = zip->zip_source_buffer_create(data, len, 0, &ze);
    za = src ? zip->zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
    if (za == NULL) {
        rc = src ? zip->zip_error_code_zip(&ze) : ZIP_ER_MEMORY;
        if (src != NULL)
            zip->zip_source_free(src);
        zip->zip_error_fini(&ze);
        return open_error(rc, err);
    }
    zip->zip_error_fini(&ze);
    z = calloc(1, sizeof *z);
    if (z == NULL) {
        zip->zip_discard(za);
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    }
    z->za = za;
    z->lim = lim;
    if ((rc = load_names(z, err)) < 0) {
        gc_zip_close(z);
        return rc;
    }
    *out = z;
    return 0;
}

void gc_zip_close(gc_zip *z)
{
    if (z == NULL)
        return;
    zip->zip_discard(z->za);
    free(z->names);
    free(z);
}

int gc_zip_has(const gc_zip *z, const char *name)
{
    size_t i;

    for (i = 0; i < z->n; i++)
        if (strcasecmp(z->names[i], name) == 0)
            return 1;
    return 0;
}

/* Finds the single entry called `name`.  OPC part names are
 * case-insensitive, so two entries differing only in case are ambiguous:
 * different readers would pick different ones (docs/SECURITY.md Z6). */
static int find_entry(const gc_zip *z, const char *name, zip_uint64_t *idx, gc_err *err)
{
    size_t i, hits = 0;

    for (i = 0; i < z->n; i++) {
        if (strcasecmp(z->names[i], name) == 0) {
            *idx = i;
            hits++;
        }
    }
    if (hits == 0)
        return gc_err_set(err, GC_EFORMAT, name, 0, 0, "part '%s' is missing", name);
    if (hits > 1) {
        gc_err_set(err, GC_ECORRUPT, name, 0, 0,
                   "part '%s' appears %zu times (names differ only in case)", name, hits);
        gc_err_detail(err, "zip_duplicate");
        return GC_ECORRUPT;
    }
    return 0;
}

static int encrypted_error(const char *name, gc_err *err)
{
    gc_err_set(err, GC_EENCRYPTED, name, 0, 0, "part '%s' is password-protected", name);
    gc_err_detail(err, "zip_encrypted");
    return GC_EENCRYPTED;
}

static int entry_error(int zcode, const char *name, gc_err *err)
{
    if (zcode == ZIP_ER_NOPASSWD || zcode == ZIP_ER_WRONGPASSWD || zcode == ZIP_ER_ENCRNOTSUPP)
        return encrypted_error(name, err);
    if (zcode == ZIP_ER_MEMORY)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    if (zcode == ZIP_ER_COMPNOTSUPP)
        return gc_err_set(err, GC_EFORMAT, name, 0, 0,
                          "part '%s' uses an unsupported zip compression method", name);
    gc_err_set(err, GC_ECORRUPT, name, 0, 0, "part '%s' is damaged (libzip error %d)", name, zcode);
    gc_err_detail(err, "zip_data");
    return GC_ECORRUPT;
}

static int budget_error(const gc_zip *z, const char *name, size_t limit, gc_err *err)
{
    if (limit < z->lim->zip_part_bytes)
        gc_err_set(err, GC_ELIMIT, name, 0, 0,
                   "zip parts inflate beyond the %zu-byte budget per file",
                   z->lim->zip_total_bytes);
    else
        gc_err_set(err, GC_ELIMIT, name, 0, 0, "part '%s' inflates beyond the %zu-byte budget",
                   name, limit);
    gc_err_detail(err, "zip_budget");
    return GC_ELIMIT;
}

/* The bytes this part may still inflate to: its own cap, or what is left of
 * the archive-wide budget if that is smaller. */
static size_t part_limit(const gc_zip *z)
{
    size_t left = z->used < z->lim->zip_total_bytes ? z->lim->zip_total_bytes - z->used : 0;
    return left < z->lim->zip_part_bytes ? left : z->lim->zip_part_bytes;
}

static int grow_buf(unsigned char **buf, size_t *room, size_t limit, gc_err *err)
{
    size_t want = *room > (limit + 1) / 2 ? limit + 1 : *room * 2;
    unsigned char *p = realloc(*buf, want + 1);

    if (p == NULL)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    *buf = p;
    *room = want;
    return 0;
}

/* Reads zf to its end into a buffer that may hold one byte more than
 * `limit`, so reaching that byte proves the budget is exceeded without
 * inflating anything further. */
static int inflate_all(gc_zip *z, zip_file_t *zf, const char *name, size_t hint,
                       unsigned char **out, size_t *len_out, gc_err *err)
{
    size_t limit = part_limit(z), len = 0;
    size_t first = hint < FIRST_BUF_MIN ? FIRST_BUF_MIN : hint;
    size_t room = (first < limit ? first : limit) + 1;
    unsigned char *buf = malloc(room + 1);
    zip_int64_t got;
    int rc = 0;

    if (buf == NULL)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    for (;;) {
        if (len == room && (rc = grow_buf(&buf, &room, limit, err)) < 0)
            break;
        got = zip->zip_fread(zf, buf + len, room - len);
        if (got < 0) {
            rc = entry_error(zip->zip_error_code_zip(zip->zip_file_get_error(zf)), name, err);
            break;
        }
        if (got == 0) {
            buf[len] = '\0';
            *out = buf;
            *len_out = len;
            return 0;
        }
        len += (size_t)got;
        z->used += (size_t)got;
        if (len > limit) {
            rc = budget_error(z, name, limit, err);
            break;
        }
    }
    free(buf);
    return rc;
}

static int check_stat(zip_t *za, zip_uint64_t idx, const char *name, size_t *hint, gc_err *err)
{
    zip_stat_t st;

    zip->zip_stat_init(&st);
    if (zip->zip_stat_index(za, idx, 0, &st) < 0)
        return entry_error(zip->zip_error_code_zip(zip->zip_get_error(za)), name, err);
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        return encrypted_error(name, err);
    if ((st.valid & ZIP_STAT_COMP_METHOD) &&
        !zip->zip_compression_method_supported(st.comp_method, 0))
        return entry_error(ZIP_ER_COMPNOTSUPP, name, err);
    *hint = (st.valid & ZIP_STAT_SIZE) && st.size < (zip_uint64_t)SIZE_MAX ? (size_t)st.size : 0;
    return 0;
}

int gc_zip_read(gc_zip *z, const char *name, unsigned char **out, size_t *len_out,
                gc_err *err)
{
    zip_uint64_t idx = 0;
    zip_file_t *zf;
    size_t hint = 0;
    int rc;

    *out = NULL;
    *len_out = 0;
    if ((rc = find_entry(z, name, &idx, err)) < 0 ||
        (rc = check_stat(z->za, idx, name, &hint, err)) < 0)
        return rc;
    zf = zip->zip_fopen_index(z->za, idx, 0);
    if (zf == NULL)
        return entry_error(zip->zip_error_code_zip(zip->zip_get_error(z->za)), name, err);
    rc = inflate_all(z, zf, name, hint, out, len_out, err);
    zip->zip_fclose(zf);
    return rc;
}

/* Natural, case-insensitive order: digit runs compare as numbers, so
 * word/header2.xml comes before word/header10.xml. */
static int natural_cmp(const char *a, const char *b)
{
    while (*a && *b) {
        if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
            size_t na, nb;
            int c;
            while (*a == '0' && isdigit((unsigned char)a[1]))
                a++;
            while (*b == '0' && isdigit((unsigned char)b[1]))
                b++;
            for (na = 0; isdigit((unsigned char)a[na]); na++) {}
            for (nb = 0; isdigit((unsigned char)b[nb]); nb++) {}
            if (na != nb)
                return na < nb ? -1 : 1;
            if ((c = strncmp(a, b, na)) != 0)
                return c;
            a += na;
            b += nb;
            continue;
        }
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return tolower((unsigned char)*a) - tolower((unsigned char)*b);
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

static int cmp_names(const void *pa, const void *pb)
{
    const char *const *a = pa, *const *b = pb;
    int c = natural_cmp(*a, *b);
    return c ? c : strcmp(*a, *b);
}

static int has_affixes(const char *s, const char *prefix, const char *suffix)
{
    size_t n = strlen(s), np = prefix ? strlen(prefix) : 0, ns = suffix ? strlen(suffix) : 0;

    return n >= np + ns && strncasecmp(s, prefix ? prefix : "", np) == 0 &&
           strcasecmp(s + n - ns, suffix ? suffix : "") == 0;
}

int gc_zip_list(const gc_zip *z, const char *prefix, const char *suffix, size_t max,
                const char ***names_out, size_t *n_out, gc_err *err)
{
    const char **v = calloc(z->n + 1, sizeof *v);
    size_t i, n = 0;

    *names_out = NULL;
    *n_out = 0;
    if (v == NULL)
        return gc_err_set(err, GC_ENOMEM, NULL, 0, 0, "out of memory");
    for (i = 0; i < z->n; i++)
        if (has_affixes(z->names[i], prefix, suffix))
            v[n++] = z->names[i];
    qsort(v, n, sizeof *v, cmp_names);
    if (n > max)
        n = max;
    v[n] = NULL;
    *names_out = v;
    *n_out = n;
    return 0;
}
