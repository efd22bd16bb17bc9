/* zip_lib: libzip (DOCX and ODT containers). */
#ifndef GC_ZIP_LIB_H
#define GC_ZIP_LIB_H

#include <zip.h>

#include "extract/libload.h"

#define GC_ZIP_FUNCS(X)                                                           \
    X(zip_libzip_version) X(zip_error_init) X(zip_error_fini) X(zip_error_code_zip) \
    X(zip_source_buffer_create) X(zip_source_free) X(zip_open_from_source)        \
    X(zip_discard) X(zip_get_num_entries) X(zip_get_name) X(zip_get_error)        \
    X(zip_stat_init) X(zip_stat_index) X(zip_compression_method_supported)        \
    X(zip_fopen_index) X(zip_fread) X(zip_fclose) X(zip_file_get_error)

typedef struct gc_zip_api {
    GC_ZIP_FUNCS(GC_LIB_FIELD)
} gc_zip_api;

/* The table, or NULL with GC_EFORMAT "zip_library" in *err when libzip
 * cannot be loaded. */
const gc_zip_api *gc_zip_lib(gc_err *err);

#endif
