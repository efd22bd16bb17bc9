/* zipread: bounded, read-only access to a zip archive held in memory (libzip).
 * Only named parts are ever inflated, and every byte counts against two
 * budgets taken from gc_limits: zip_part_bytes per part and zip_total_bytes
 * across all parts read through one gc_zip.  Budgets are counted from what
 * the decompressor actually delivers, never from the sizes the archive
 * declares (those lie: docs/SECURITY.md Z1/Z2).  Nothing is written to disk.
 *
 * Part names are compared ASCII case-insensitively, as OPC requires; a part
 * we read whose name exists twice in different case is rejected (Z6).
 * Not thread-safe per handle; separate handles are independent. */
#ifndef GC_ZIPREAD_H
#define GC_ZIPREAD_H

#include <stddef.h>

#include "gc_err.h"
#include "gc_limits.h"
#include "base/text.h"

typedef struct gc_zip gc_zip;

/* Opens the zip in data[0..len) (which must outlive the handle) with
 * consistency checks.  Errors: GC_ELIMIT "zip_entries" when the central
 * directory holds more than lim->zip_entries entries, GC_ECORRUPT for a
 * damaged or inconsistent archive, GC_EFORMAT when it is not a zip at all,
 * GC_ENOMEM.  On failure *out is NULL.  `lim` must outlive the handle. */
int gc_zip_open(gc_zip **out, const unsigned char *data, size_t len, const gc_limits *lim,
                gc_err *err);

/* Closes the handle (never writes anything back); NULL is a no-op. */
void gc_zip_close(gc_zip *z);

/* 1 when an entry named `name` exists (case-insensitive), else 0. */
int gc_zip_has(const gc_zip *z, const char *name);

/* Inflates part `name` into a new NUL-terminated buffer (*out, *len_out; the
 * caller frees *out with free()).  Errors: GC_EFORMAT (no such part),
 * GC_ECORRUPT "zip_duplicate" (the name exists twice modulo case) or a
 * damaged entry (CRC, bad data), GC_EENCRYPTED (password-protected entry),
 * GC_ELIMIT "zip_budget" (the part or the archive budget ran out),
 * GC_ENOMEM.  On failure *out is NULL. */
int gc_zip_read(gc_zip *z, const char *name, unsigned char **out, size_t *len_out,
                gc_err *err);

/* Lists the entry names that start with `prefix` and end with `suffix` (both
 * case-insensitive; NULL matches anything) in natural order ("header2" sorts
 * before "header10"), at most `max` of them.  *names_out is a NULL-terminated
 * array of borrowed strings owned by the handle: free only the array, with
 * free().  Errors: GC_ENOMEM. */
int gc_zip_list(const gc_zip *z, const char *prefix, const char *suffix, size_t max,
                const char ***names_out, size_t *n_out, gc_err *err);

/* Package extractors that work on an already-open archive, so gc_extract
 * opens each zip once and dispatches on its entries (extract_docx.c and
 * extract_odt.c define them; they are not part of the public extract.h). */
int gc_docx_from_zip(gc_text *out, gc_zip *z, const gc_limits *lim, gc_err *err);
int gc_odt_from_zip(gc_text *out, gc_zip *z, const gc_limits *lim, gc_err *err);

/* 1 when the archive is an OpenDocument text package (its mimetype entry
 * names a text document, or it has no mimetype but a content.xml), else 0.
 * Defined in extract_odt.c; reads at most the small mimetype part. */
int gc_odt_is_package(gc_zip *z);

#endif
