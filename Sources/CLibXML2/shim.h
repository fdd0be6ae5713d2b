#ifndef DIGLOT_CLIBXML2_SHIM_H
#define DIGLOT_CLIBXML2_SHIM_H
/* libxml2 built with ICU drags ICU headers into Swift and clashes with Foundation's copy. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/entities.h>
#include <libxml/valid.h>

/* Swift 6 rejects the mutable global function pointer xmlFree; call it through this. */
static inline void diglot_xml_free(void *pointer) { xmlFree(pointer); }
#endif
