// Debian builds libxml2 with ICU; its ICU types clash with Foundation's own ICU
// module on a clean build ("'UErrorCode' has different definitions"). Undefine the
// feature flag before any other libxml header pulls ICU in.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>
#include <libxml/uri.h>
#include <libxml/xmlreader.h>
#include <libxml/parserInternals.h>

// Swift 6 rejects the global function pointer `xmlFree` as not concurrency-safe.
static inline void disclose_xml_free(void *pointer) { xmlFree(pointer); }
