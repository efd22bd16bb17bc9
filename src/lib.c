/* lib: process-wide set-up and the runtime versions of the linked
 * libraries (for --version and bug reports). */
#include <stdio.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <glib.h>
#include <libxml/parser.h>
#include <pcre2.h>
#include <yaml.h>
#include <zip.h>

#include "gapcheck.h"
#include "extract.h"
#include "pdf_api.h"

void gc_init(void)
{
    gc_extract_init();
}

void gc_preload(void)
{
    (void)gc_pdf_api_get(NULL);   /* a failure is reported per PDF */
}

void gc_library_versions(gc_buf *b)
{
    char pcre[32] = "";
    const gc_pdf_api *pdf = gc_pdf_api_get(NULL);

    pcre2_config(PCRE2_CONFIG_VERSION, pcre);
    gc_buf_printf(b, "poppler %s, libxml2 %s, libzip %s, PCRE2 %s, libyaml %s, GLib %u.%u.%u",
                  pdf ? pdf->poppler_get_version() : "(not loadable)", xmlParserVersion, zip_libzip_version(), pcre,
                  yaml_get_version_string(), glib_major_version, glib_minor_version,
                  glib_micro_version);
}
