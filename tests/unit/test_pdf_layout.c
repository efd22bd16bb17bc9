/* pdf_layout without poppler: made-up pages of characters with boxes, and
 * the text in the order a reader reads it.  Characters are 6 pt wide and
 * 10 pt high; a "line" is placed at its top-left corner. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#include "extract/pdf_layout.h"

typedef struct page {
    gunichar u[4096];
    gc_glyph_box r[4096];
    unsigned char vis[4096];
    size_t n;
} page;

/* One line of text at (x, y), then poppler's '\n' (a box of its own). */
static void put(page *p, double x, double y, const char *s, unsigned char vis)
{
    for (const char *c = s; *c; c++) {
        p->u[p->n] = (gunichar)(unsigned char)*c;
        p->r[p->n] = (gc_glyph_box){x, y, x + 6, y + 10};
        p->vis[p->n++] = vis;
        x += 6;
    }
    p->u[p->n] = '\n';
    p->r[p->n] = (gc_glyph_box){x, y, x + 1, y + 10};
    p->vis[p->n++] = GC_GLYPH_VISIBLE;
}

static char *lay_out(const page *p, unsigned *hidden)
{
    GString *out = g_string_new(NULL);
    unsigned h = gc_pdf_layout_page(out, p->u, p->r, p->vis, p->n);
    if (hidden)
        *hidden = h;
    return g_string_free(out, FALSE);
}

static void one_column(void)
{
    page p = {0};
    put(&p, 72, 100, "Experience", GC_GLYPH_VISIBLE);
    put(&p, 72, 114, "Built Python services", GC_GLYPH_VISIBLE);
    char *t = lay_out(&p, NULL);
    CHECK_STR(t, "Experience\nBuilt Python services\n");
    g_free(t);
}

/* A sidebar and a main column, lines interleaved in poppler's order: the
 * sidebar is read whole, then the main column. */
static void two_columns(void)
{
    page p = {0};
    static const char *const side[] = {"SKILLS", "Python", "Docker", "Kubernetes", "Go"};
    static const char *const main_[] = {"EXPERIENCE", "Senior engineer at Acme",
                                        "Built the billing platform", "Led a team of five",
                                        "Moved services to Kubernetes"};
    for (int i = 0; i < 5; i++) {
        put(&p, 40, 100 + 14 * i, side[i], GC_GLYPH_VISIBLE);
        put(&p, 250, 100 + 14 * i, main_[i], GC_GLYPH_VISIBLE);
    }
    char *t = lay_out(&p, NULL);
    CHECK_STR(t, "SKILLS\nPython\nDocker\nKubernetes\nGo\nEXPERIENCE\nSenior engineer at Acme\n"
                 "Built the billing platform\nLed a team of five\nMoved services to Kubernetes\n");
    g_free(t);
}

/* A sparse date column beside the content is no column: each row is read
 * across, its cells joined by a tab, so a date stays beside its title. */
static void label_column(void)
{
    page p = {0};
    put(&p, 40, 100, "2019-2023", GC_GLYPH_VISIBLE);
    put(&p, 150, 100, "Data engineer, Acme", GC_GLYPH_VISIBLE);
    put(&p, 150, 114, "Spark pipelines on AWS", GC_GLYPH_VISIBLE);
    put(&p, 150, 128, "Airflow and dbt models", GC_GLYPH_VISIBLE);
    put(&p, 40, 142, "2016-2019", GC_GLYPH_VISIBLE);
    put(&p, 150, 142, "Analyst, Beta", GC_GLYPH_VISIBLE);
    put(&p, 150, 156, "SQL reports in Tableau", GC_GLYPH_VISIBLE);
    put(&p, 150, 170, "Excel models for finance", GC_GLYPH_VISIBLE);
    char *t = lay_out(&p, NULL);
    CHECK(strstr(t, "2019-2023\tData engineer, Acme\n") != NULL);
    CHECK(strstr(t, "2016-2019\tAnalyst, Beta\n") != NULL);
    CHECK(strstr(t, "Spark pipelines on AWS") < strstr(t, "2016-2019"));
    g_free(t);
}

static void hidden_text(void)
{
    page p = {0};
    unsigned hidden = 0;
    put(&p, 72, 100, "Skills: Go", GC_GLYPH_VISIBLE);
    put(&p, 72, 114, "python java", GC_GLYPH_HIDDEN);
    char *t = lay_out(&p, &hidden);
    CHECK_STR(t, "Skills: Go\n");
    CHECK(hidden == 10);   /* "python java" less its space */
    g_free(t);
}

static void dehyphenate(void)
{
    static const char *const cases[][2] = {
        {"deploy-\nment of models\n", "deployment of models\n"},
        {"e-\nCommerce site\n", "e-Commerce site\n"},
        {"micro\xC2\xAD\nservices\n", "microservices\n"},
        {"2019-\n2020\n", "2019-\n2020\n"},           /* digits: no word to join */
        {"tab\tkept\x01 bell dropped\n", "tab\tkept bell dropped\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        GString *in = g_string_new(cases[i][0]);
        GString *out = gc_pdf_dehyphenate(in);
        CHECK_STR(out->str, cases[i][1]);
        g_string_free(in, TRUE);
        g_string_free(out, TRUE);
    }
}

/* One code point per character, malformed bytes included, so index i
 * still matches poppler's rectangle i. */
static void decode(void)
{
    size_t n = 0;
    gunichar *u = gc_pdf_decode_chars("a\xC3\xA9\xFF" "b", &n);
    CHECK(n == 4);
    CHECK(u[0] == 'a' && u[1] == 0xE9 && u[2] == 0xFFFD && u[3] == 'b');
    g_free(u);
}

/* Boxes that do not match the text: one synthetic line each, in order. */
static void synthetic(void)
{
    page p = {0};
    const char *s = "first line\nsecond line\n";
    gc_glyph_box *r;
    for (const char *c = s; *c; c++) {
        p.u[p.n] = (gunichar)*c;
        p.vis[p.n++] = GC_GLYPH_VISIBLE;
    }
    r = gc_pdf_synth_boxes(p.u, p.n);
    memcpy(p.r, r, p.n * sizeof *r);
    g_free(r);
    char *t = lay_out(&p, NULL);
    CHECK_STR(t, "first line\nsecond line\n");
    g_free(t);
}

/* Many fragments: poppler's order, one a line, in bounded time. */
static void pathological(void)
{
    static page p;
    p.n = 0;
    for (int i = 0; i < 2040 && p.n + 3 < 4096; i++)
        put(&p, (i * 37) % 500, (i * 53) % 700, "x", GC_GLYPH_VISIBLE);
    char *t = lay_out(&p, NULL);
    CHECK(strlen(t) >= 2040);
    g_free(t);
}

int main(void)
{
    one_column();
    two_columns();
    label_column();
    hidden_text();
    dehyphenate();
    decode();
    synthetic();
    pathological();
    return test_summary("test_pdf_layout");
}
