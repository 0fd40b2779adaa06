#include "CXMLShim.h"

#include <libxml/xmlreader.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct CXReader {
    xmlTextReaderPtr reader;
    /* The document, copied: xmlReaderForMemory does not copy its buffer but reads it, a
       chunk at a time, for the reader's whole life, so the reader owns it until freed. */
    char *document;
    xmlChar *scratch;
    char error[512];
    int error_line;
    int failed;
};

static void set_error(CXReader *r, int line, const char *message) {
    if (r->failed) return;
    r->failed = 1;
    r->error_line = line;
    snprintf(r->error, sizeof r->error, "%s", message);
    size_t n = strlen(r->error);
    while (n > 0 && (r->error[n - 1] == '\n' || r->error[n - 1] == ' ')) r->error[--n] = '\0';
}

static void on_error(void *arg, const char *msg, xmlParserSeverities severity, xmlTextReaderLocatorPtr locator) {
    CXReader *r = (CXReader *)arg;
    if (severity == XML_PARSER_SEVERITY_VALIDITY_WARNING || severity == XML_PARSER_SEVERITY_WARNING) return;
    set_error(r, locator ? xmlTextReaderLocatorLineNumber(locator) : 0, msg);
}

CXReader *cx_reader_new(const char *data, long length, const char *name) {
    CXReader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    if (length < 0 || length > INT_MAX || (length > 0 && !data)) {
        set_error(r, 0, "the XML document is too large");
        return r;
    }
    /* At least one byte, so an empty document still has a buffer (xmlReaderForMemory refuses NULL). */
    r->document = malloc(length > 0 ? (size_t)length : 1);
    if (!r->document) {
        set_error(r, 0, "out of memory for the XML document");
        return r;
    }
    if (length > 0) memcpy(r->document, data, (size_t)length);
    int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT | XML_PARSE_NOBLANKS;
    r->reader = xmlReaderForMemory(r->document, (int)length, name, NULL, options);
    if (!r->reader) {
        set_error(r, 0, "cannot start the XML reader");
        return r;
    }
    xmlTextReaderSetErrorHandler(r->reader, on_error, r);
    return r;
}

int cx_reader_next(CXReader *r) {
    if (r->failed || !r->reader) return -1;
    if (r->scratch) {
        xmlFree(r->scratch);
        r->scratch = NULL;
    }
    int status = xmlTextReaderRead(r->reader);
    if (status < 0 || r->failed) {
        if (!r->failed) set_error(r, xmlTextReaderGetParserLineNumber(r->reader), "malformed XML");
        return -1;
    }
    if (status == 0) return 0;
    int type = xmlTextReaderNodeType(r->reader);
    int line = xmlTextReaderGetParserLineNumber(r->reader);
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
        set_error(r, line, "document type declarations (DOCTYPE) are not allowed: they can define entities that read local files or expand without bound");
        return -1;
    }
    if (type == XML_READER_TYPE_ENTITY_REFERENCE || type == XML_READER_TYPE_ENTITY) {
        set_error(r, line, "entity references are not allowed");
        return -1;
    }
    if (xmlTextReaderDepth(r->reader) > CX_MAX_DEPTH) {
        set_error(r, line, "elements are nested too deeply");
        return -1;
    }
    switch (type) {
    case XML_READER_TYPE_ELEMENT: return CX_ELEMENT;
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: return CX_TEXT;
    case XML_READER_TYPE_CDATA: return CX_CDATA;
    case XML_READER_TYPE_END_ELEMENT: return CX_END_ELEMENT;
    default: return CX_OTHER;
    }
}

const char *cx_reader_name(CXReader *r) {
    const xmlChar *name = xmlTextReaderConstLocalName(r->reader);
    return name ? (const char *)name : "";
}

const char *cx_reader_value(CXReader *r) {
    const xmlChar *value = xmlTextReaderConstValue(r->reader);
    return value ? (const char *)value : "";
}

const char *cx_reader_attribute(CXReader *r, const char *name) {
    if (r->scratch) xmlFree(r->scratch);
    r->scratch = xmlTextReaderGetAttribute(r->reader, (const xmlChar *)name);
    return (const char *)r->scratch;
}

const char *cx_reader_attribute_local(CXReader *r, const char *local_name) {
    if (r->scratch) {
        xmlFree(r->scratch);
        r->scratch = NULL;
    }
    if (xmlTextReaderMoveToFirstAttribute(r->reader) != 1) return NULL;
    do {
        const xmlChar *local = xmlTextReaderConstLocalName(r->reader);
        if (local && strcmp((const char *)local, local_name) == 0) {
            r->scratch = xmlTextReaderValue(r->reader);
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(r->reader) == 1);
    xmlTextReaderMoveToElement(r->reader);
    return (const char *)r->scratch;
}

int cx_reader_attribute_count(CXReader *r) { return xmlTextReaderAttributeCount(r->reader); }

int cx_reader_attribute_at(CXReader *r, int index, const char **local_name, const char **value) {
    if (r->scratch) {
        xmlFree(r->scratch);
        r->scratch = NULL;
    }
    if (xmlTextReaderMoveToAttributeNo(r->reader, index) != 1) return 0;
    const xmlChar *local = xmlTextReaderConstLocalName(r->reader);
    r->scratch = xmlTextReaderValue(r->reader);
    /* The local name lives in the reader's dictionary, so it outlives the move back. */
    *local_name = local ? (const char *)local : "";
    *value = r->scratch ? (const char *)r->scratch : "";
    xmlTextReaderMoveToElement(r->reader);
    return 1;
}

int cx_reader_is_empty(CXReader *r) { return xmlTextReaderIsEmptyElement(r->reader) == 1; }

int cx_reader_depth(CXReader *r) { return xmlTextReaderDepth(r->reader); }

int cx_reader_line(CXReader *r) { return xmlTextReaderGetParserLineNumber(r->reader); }

const char *cx_reader_error(CXReader *r) { return r->failed ? r->error : NULL; }

int cx_reader_error_line(CXReader *r) { return r->error_line; }

void cx_reader_free(CXReader *r) {
    if (!r) return;
    if (r->scratch) xmlFree(r->scratch);
    if (r->reader) xmlFreeTextReader(r->reader);
    /* Only after the reader, which reads it until freed. */
    free(r->document);
    free(r);
}
