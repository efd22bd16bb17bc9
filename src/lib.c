/* lib: process-wide set-up and the runtime versions of the linked
 * libraries (for --version and bug reports). */
#include <stdio.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <glib.h>
#include <libxml/parser.h>
#include <pcre2.h>
#include <poppler.h>
#include <yaml.h>
#include <zip.h>

#include "gapcheck.h"
#include "extract.h"

void gc_init(void)
{
    gc_extract_init();
}

void gc_library_versions(gc_buf *b)
{
    char pcre[32] = "";

    pcre2_config(PCRE2_CONFIG_VERSION, pcre);
    gc_buf_printf(b, "poppler %s, libxml2 %s, libzip %s, PCRE2 %s, libyaml %s, GLib %u.%u.%u",
                  poppler_get_version(), xmlParserVersion, zip_libzip_version(), pcre,
                  yaml_get_version_string(), glib_major_version, glib_minor_version,
                  glib_micro_version);
}
