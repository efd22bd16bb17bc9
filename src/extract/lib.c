/* lib: process-wide set-up and the runtime versions of the linked
 * libraries (for --version and bug reports). */
#include <stdio.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <glib.h>
#include <pcre2.h>
#include <yaml.h>

#include "gapcheck.h"
#include "extract/extract.h"
#include "extract/gsf_lib.h"
#include "extract/md_lib.h"
#include "extract/pdf_lib.h"
#include "extract/xml_lib.h"
#include "extract/zip_lib.h"

int gc_preload_for(const unsigned char *head, size_t len)
{
    static int pdf, xml, zip, gsf, md;   /* tried: each loader below is idempotent */

    /* A guess from the first bytes, never a verdict: a file guessed wrong
     * only loads its library in its own child.  A library that fails to
     * load is reported by each file needing it. */
    switch (gc_sniff(head, len)) {
    case GC_FMT_PDF:
        gc_pdf_keep_state();   /* loads poppler-glib */
        pdf = 1;
        break;
    case GC_FMT_DOCX:
    case GC_FMT_ODT:
    case GC_FMT_ZIP:
        (void)gc_zip_lib(NULL);
        zip = 1;
        /* their parts are XML */
        /* fall through */
    case GC_FMT_FODT:
    case GC_FMT_HTML:
        (void)gc_xml_lib(NULL);
        xml = 1;
        break;
    case GC_FMT_DOC:
        (void)gc_gsf_lib(NULL);
        gsf = 1;
        break;
    case GC_FMT_MARKDOWN:
        (void)gc_md_lib(NULL);
        md = 1;
        break;
    default:   /* RTF and text need no library */
        break;
    }
    return pdf && xml && zip && gsf && md;
}

int gc_fonts_pending(void)
{
    return gc_pdf_fonts_pending();
}

void gc_preload_fonts(void)
{
    gc_pdf_load_fonts();
}

void gc_library_versions(gc_buf *b)
{
    char pcre[32] = "";
    const gc_pdf_api *pdf = gc_pdf_lib(NULL);
    const gc_xml_api *xml = gc_xml_lib(NULL);
    const gc_zip_api *zip = gc_zip_lib(NULL);

    pcre2_config(PCRE2_CONFIG_VERSION, pcre);
    gc_buf_printf(b, "poppler %s, libxml2 %s, libzip %s, PCRE2 %s, libyaml %s, GLib %u.%u.%u",
                  pdf ? pdf->poppler_get_version() : "(not loadable)",
                  xml ? *xml->__xmlParserVersion() : "(not loadable)",
                  zip ? zip->zip_libzip_version() : "(not loadable)", pcre,
                  yaml_get_version_string(), glib_major_version, glib_minor_version,
                  glib_micro_version);
}
