#ifndef BOOKIFY_CLIBXML2_SHIM_H
#define BOOKIFY_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// libxml2's ICU headers clash with Foundation's own ICU (ARCHITECTURE §8).
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a mutable C global; Swift 6 strict concurrency rejects touching it directly.
static inline void bookify_xmlFree(void *pointer) { xmlFree(pointer); }

/// Silences libxml2's default error printer (errors are read from the returned documents).
static inline void bookify_ignoreError(void *context, const char *message, ...) {}
static inline void bookify_silenceLibxml2(void) {
    xmlSetGenericErrorFunc(NULL, bookify_ignoreError);
}
#endif
