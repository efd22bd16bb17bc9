/* bench_data: in-process timings for `make bench` (scripts/bench/bench.sh):
 * data start-up (snapshot load, or YAML load + build) and matching speed.
 *     bench_data [-s SNAPSHOT] [-t TEXT] [FILE.yaml ...]
 * With -s the data comes from a snapshot file, else from the YAML files
 * (a path with a "roles/" component is a role file).  With -t, it times
 * gc_analyze_text on the text's first 10 KB and on the whole text in
 * 1 MiB pieces (MB/s).  Prints one line per measure; never pass/fail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gapcheck.h"

#define RUNS 21

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    return v[n / 2];
}

/* Reads a whole file; aligned, since a snapshot needs 8-byte alignment. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;

    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0 || (buf = aligned_alloc(16, ((size_t)n + 16) & ~15u)) == NULL ||
        fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "bench_data: %s: cannot read\n", path);
        exit(1);
    }
    fclose(f);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

static gc_data *load_yaml(char **files, size_t *lens, char **names, int n, const gc_limits *lim)
{
    gc_err err = GC_ERR_INIT;
    gc_data_builder *b = gc_data_builder_new(lim);
    gc_data *d = NULL;

    for (int i = 0; i < n; i++) {
        int roles = strncmp(names[i], "roles/", 6) == 0 || strstr(names[i], "/roles/") != NULL;
        if (gc_data_add(b, roles ? GC_DATA_ROLES : GC_DATA_LEXICON, names[i], files[i], lens[i],
                        0, &err) < 0) {
            gc_data_builder_free(b);
            b = NULL;
            break;
        }
    }
    if (b == NULL || gc_data_build(&d, b, &err) < 0) {
        fprintf(stderr, "bench_data: %s:%u:%u: %s\n", err.path, err.line, err.col, err.msg);
        exit(1);
    }
    return d;
}

static gc_data *load(const char *snap, size_t snap_len, char **files, size_t *lens,
                     char **names, int n, const gc_limits *lim)
{
    gc_err err = GC_ERR_INIT;
    gc_data *d = NULL;

    if (snap == NULL)
        return load_yaml(files, lens, names, n, lim);
    if (gc_data_from_snapshot(&d, snap, snap_len, lim, &err) < 0) {
        fprintf(stderr, "bench_data: snapshot: %s\n", err.msg);
        exit(1);
    }
    return d;
}

static double analyze_ms(const gc_data *d, const char *text, size_t len, const gc_limits *lim)
{
    gc_analyze_opts o = {NULL, 0, 0};
    gc_err err = GC_ERR_INIT;
    gc_doc *doc = NULL;
    double t0 = now_ms();

    if (gc_analyze_text(&doc, d, text, len, lim, &o, &err) < 0)
        fprintf(stderr, "bench_data: analyse: %s\n", err.msg);
    gc_doc_free(doc);
    return now_ms() - t0;
}

/* Median per 10 KB piece, then the whole text in 1 MiB pieces cut at
 * line ends, as MB/s. */
static void bench_match(const gc_data *d, const char *text, size_t len, const gc_limits *lim)
{
    double v[RUNS], total = 0;
    size_t n10 = len < 10240 ? len : 10240, found = 0;

    while (n10 < len && text[n10 - 1] != '\n')
        n10++;
    for (int r = 0; r < RUNS; r++)
        v[r] = analyze_ms(d, text, n10, lim);
    printf("match: %.3f ms per 10 KB (median of %d)\n", median(v, RUNS) * 10240.0 / (double)n10,
           RUNS);
    if (len < (4u << 20))
        return;
    for (size_t off = 0; off < len; found++) {
        size_t n = len - off < (1u << 20) ? len - off : (1u << 20);
        while (off + n < len && text[off + n - 1] != '\n')
            n++;
        total += analyze_ms(d, text + off, n, lim);
        off += n;
    }
    printf("match: %.1f MB/s over %.1f MB (%zu pieces of 1 MiB)\n",
           (double)len / 1e6 / (total / 1e3), (double)len / 1e6, found);
}

int main(int argc, char **argv)
{
    gc_limits lim = GC_LIMITS_INIT;
    const char *snap_path = NULL, *text_path = NULL;
    char *snap = NULL, *files[4096];
    size_t snap_len = 0, lens[4096];
    int n = 0, i = 1;
    double v[RUNS];

    lim.data_bytes = 64u << 20;  /* a 10,000-skill lexicon is over the 1 MiB default */
    for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
        if (strcmp(argv[i], "-s") == 0)
            snap_path = argv[i + 1];
        else if (strcmp(argv[i], "-t") == 0)
            text_path = argv[i + 1];
    }
    for (; i < argc && n < 4096; i++, n++)
        files[n] = slurp(argv[i], &lens[n]);
    if (snap_path)
        snap = slurp(snap_path, &snap_len);
    for (int r = 0; r < RUNS; r++) {
        double t0 = now_ms();
        gc_data *d = load(snap, snap_len, files, lens, argv + i - n, n, &lim);
        v[r] = now_ms() - t0;
        gc_data_free(d);
    }
    gc_data *d = load(snap, snap_len, files, lens, argv + i - n, n, &lim);
    printf("start-up: %zu skills, %zu aliases, %zu roles: %.3f ms (%s, median of %d)\n",
           gc_data_n_skills(d), gc_data_n_aliases(d), gc_data_n_roles(d), median(v, RUNS),
           snap ? "snapshot" : "YAML load + build", RUNS);
    if (text_path) {
        size_t len;
        char *text = slurp(text_path, &len);
        bench_match(d, text, len, &lim);
        free(text);
    }
    gc_data_free(d);
    for (int k = 0; k < n; k++)
        free(files[k]);
    free(snap);
    return 0;
}
