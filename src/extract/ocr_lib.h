/* ocr_lib: libtesseract (OCR), loaded the first time a page or picture
 * needs it.  It brings ~55 libraries (leptonica, libcurl, libarchive,
 * ICU, libgomp ...), so a run that never meets a scanned page never maps
 * them (PERFORMANCE.md). */
#ifndef GC_OCR_LIB_H
#define GC_OCR_LIB_H

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include <tesseract/capi.h>
#pragma GCC diagnostic pop

#include "extract/libload.h"

/* Leptonica's message switch (allheaders.h, which is not included for one
 * declaration); resolved through tesseract's handle, which loads it. */
int setMsgSeverity(int newsev);
#define GC_LEPT_SEVERITY_NONE 6   /* L_SEVERITY_NONE */

#define GC_OCR_FUNCS(X)                                                           \
    X(TessVersion) X(TessBaseAPICreate) X(TessBaseAPIDelete) X(TessBaseAPIInit2)  \
    X(TessBaseAPIEnd) X(TessBaseAPISetPageSegMode) X(TessBaseAPISetImage)         \
    X(TessBaseAPISetSourceResolution) X(TessBaseAPIRecognize) X(TessBaseAPIClear) \
    X(TessBaseAPIGetIterator) X(TessResultIteratorDelete) X(TessResultIteratorNext) \
    X(TessResultIteratorGetUTF8Text) X(TessResultIteratorConfidence)              \
    X(TessResultIteratorGetPageIteratorConst) X(TessPageIteratorIsAtBeginningOf)  \
    X(TessDeleteText) X(TessMonitorCreate) X(TessMonitorDelete)                   \
    X(TessMonitorSetDeadlineMSecs) X(setMsgSeverity)

typedef struct gc_ocr_api {
    GC_OCR_FUNCS(GC_LIB_FIELD)
} gc_ocr_api;

/* The table, or NULL with GC_EFORMAT "ocr_library" in *err when
 * libtesseract cannot be loaded.  Leptonica is silenced before the table
 * is first returned. */
const gc_ocr_api *gc_ocr_lib(gc_err *err);

#endif
