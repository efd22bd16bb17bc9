/* xml_lib: libxml2 (DOCX, ODT, FODT and HTML). */
#ifndef GC_XML_LIB_H
#define GC_XML_LIB_H

#include <libxml/HTMLparser.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "extract/libload.h"

/* xmlFree is a variable in Debian's libxml2 (no LIBXML_THREAD_ALLOC_ENABLED),
 * so its entry points at it: call (*x->xmlFree)(p).  xmlParserVersion is a
 * macro over __xmlParserVersion() there (LIBXML_THREAD_ENABLED). */
#define GC_XML_FUNCS(X)                                                           \
    X(xmlInitParser) X(xmlSetExternalEntityLoader) X(xmlSetGenericErrorFunc)      \
    X(xmlSetStructuredErrorFunc) X(xmlReaderForMemory) X(xmlReaderWalker)         \
    X(xmlFreeTextReader) X(xmlTextReaderRead) X(xmlTextReaderNodeType)            \
    X(xmlTextReaderIsEmptyElement) X(xmlTextReaderConstNamespaceUri)              \
    X(xmlTextReaderConstLocalName) X(xmlTextReaderConstValue)                     \
    X(xmlTextReaderGetAttributeNs) X(xmlTextReaderGetAttribute)                  \
    X(xmlTextReaderSetStructuredErrorHandler)      \
    X(htmlReadMemory) X(xmlFreeDoc) X(xmlFree) X(__xmlParserVersion)

typedef struct gc_xml_api {
    GC_XML_FUNCS(GC_LIB_FIELD)
} gc_xml_api;

/* The table, or NULL with GC_EFORMAT "xml_library" in *err when libxml2
 * cannot be loaded.  libxml2 is set up (no entity loading, silenced
 * errors) before its table is first returned. */
const gc_xml_api *gc_xml_lib(gc_err *err);

#endif
