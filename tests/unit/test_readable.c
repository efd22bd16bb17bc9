/* gc_format_readable: which files of a folder -r takes, from their first
 * bytes (and a zip's last ones). */
#include <string.h>

#include "gapcheck.h"
#include "harness.h"

#define READABLE(lit) gc_format_readable((const unsigned char *)(lit), sizeof(lit) - 1, NULL, 0)

/* A central-directory header (PK\1\2, name at +46) for `name`. */
static size_t central_header(unsigned char *out, const char *name)
{
    size_t n = strlen(name);

    memset(out, 0, 46);
    memcpy(out, "PK\1\2", 4);
    out[28] = (unsigned char)n;
    memcpy(out + 46, name, n);
    return 46 + n;
}

static void test_documents(void)
{
    CHECK(READABLE("%PDF-1.7\n") == 1);
    CHECK(READABLE("{\\rtf1\\ansi Skills") == 1);
    CHECK(READABLE("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest") == 1);
    CHECK(READABLE("<!DOCTYPE html><html><body>Python</body></html>") == 1);
    CHECK(READABLE("{\"basics\": {\"name\": \"Ann\"}, \"work\": []}") == 1);
    CHECK(READABLE("Ann Berg\nSkills: Python, SQL\n") == 1);
    CHECK(READABLE("# Ann Berg\n\n## Skills\n- Python\n") == 1);
    CHECK(READABLE("\xFF\xFEP\0y\0t\0h\0o\0n\0") == 1);   /* UTF-16 with a BOM */
    /* a résumé line or two with commas is not a table */
    CHECK(READABLE("Python, SQL, Docker\nBerlin, Germany\n") == 1);
    /* a stray control character from a PDF copy is still text */
    CHECK(READABLE("Ann Berg\x01\nSkills: Python, SQL, Docker, Kubernetes, AWS\n") == 1);
}

static void test_not_documents(void)
{
    unsigned char tail[128];
    size_t n;

    CHECK(gc_format_readable(NULL, 0, NULL, 0) == 0);                     /* empty */
    CHECK(READABLE("\x89PNG\r\n\x1a\n\0\0\0\rIHDR") == 0);
    CHECK(READABLE("file\tsource\nanna.txt\tclient\n") == 0);             /* TSV */
    CHECK(READABLE("# file\tskills\na.pdf\tPython\nb.pdf\tGo\n") == 0);   /* a '#' header */
    CHECK(READABLE("name,role\nann,mle\n\"berg, ben\",qa\ncara,sre\n") == 0);   /* CSV */
    CHECK(READABLE("{\"theme\": \"dark\"}\n") == 0);                      /* JSON */
    CHECK(READABLE("[1, 2, 3]\n") == 0);
    CHECK(READABLE("<?xml version=\"1.0\"?>\n<rss/>\n") == 0);
    CHECK(READABLE("\x01\x02\x03\x04 binary \x05\x06\x07\x08\x0e\x0f") == 0);
    /* a zip: the head cannot tell, the central directory can */
    CHECK(READABLE("PK\3\4\x14\0\0\0\x08\0") == -1);
    n = central_header(tail, "word/document.xml");
    CHECK(gc_format_readable((const unsigned char *)"PK\3\4\x14\0", 6, tail, n) == 1);
    n = central_header(tail, "cv.txt");
    CHECK(gc_format_readable((const unsigned char *)"PK\3\4\x14\0", 6, tail, n) == 0);
    n = central_header(tail, "xl/workbook.xml");
    CHECK(gc_format_readable((const unsigned char *)"PK\3\4\x14\0", 6, tail, n) == 0);
}

int main(void)
{
    test_documents();
    test_not_documents();
    return test_summary("test_readable");
}
