#include "CXMLShim.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CX_MAX_CELL 65536
/* Excel's own limit (column XFD). */
#define CX_MAX_COLUMNS 16384

typedef struct {
    int kind, row, column, offset;
} CXCell;

struct CXSheet {
    xmlParserCtxtPtr ctxt;
    xmlSAXHandler sax;
    unsigned char *mask;
    int mask_count;
    CXCell *cells;
    int count, capacity;
    char *arena;
    int arena_length, arena_capacity;
    int depth, row, column, kind, in_cell, capture, formula;
    char value[CX_MAX_CELL + 1];
    int value_length;
    char error[512];
    int error_line, failed;
};

static void fail(CXSheet *s, const char *message) {
    if (s->failed) return;
    s->failed = 1;
    s->error_line = s->ctxt ? xmlSAX2GetLineNumber(s->ctxt) : 0;
    snprintf(s->error, sizeof s->error, "%s", message);
    size_t n = strlen(s->error);
    while (n > 0 && (s->error[n - 1] == '\n' || s->error[n - 1] == ' ')) s->error[--n] = '\0';
    if (s->ctxt) xmlStopParser(s->ctxt);
}

static int column_of(const char *ref) {
    int index = 0, letters = 0;
    for (; *ref >= 'A' && *ref <= 'Z'; ref++, letters++) index = index * 26 + (*ref - 'A' + 1);
    return (letters == 0 || letters > 3) ? -1 : index - 1;
}

static int wanted(CXSheet *s, int column) {
    if (s->mask_count == 0) return 1;
    return column >= 0 && column < s->mask_count && s->mask[column];
}

static void push(CXSheet *s, int kind, const char *value, int length) {
    if (s->count == s->capacity) {
        s->capacity = s->capacity ? s->capacity * 2 : 4096;
        s->cells = realloc(s->cells, sizeof(CXCell) * s->capacity);
    }
    if (s->arena_length + length + 1 > s->arena_capacity) {
        while (s->arena_length + length + 1 > s->arena_capacity) s->arena_capacity = s->arena_capacity ? s->arena_capacity * 2 : 65536;
        s->arena = realloc(s->arena, s->arena_capacity);
    }
    memcpy(s->arena + s->arena_length, value, length);
    s->arena[s->arena_length + length] = '\0';
    s->cells[s->count++] = (CXCell){kind, s->row, s->column, s->arena_length};
    s->arena_length += length + 1;
}

static const xmlChar *attribute(int nb, const xmlChar **attrs, const char *name, int *length) {
    for (int i = 0; i < nb; i++) {
        if (strcmp((const char *)attrs[i * 5], name) == 0 && attrs[i * 5 + 1] == NULL) {
            *length = (int)(attrs[i * 5 + 4] - attrs[i * 5 + 3]);
            return attrs[i * 5 + 3];
        }
    }
    return NULL;
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri, int nb_ns,
                     const xmlChar **ns, int nb_attributes, int nb_defaulted, const xmlChar **attrs) {
    (void)prefix; (void)uri; (void)nb_ns; (void)ns; (void)nb_defaulted;
    CXSheet *s = ctx;
    if (++s->depth > CX_MAX_DEPTH) { fail(s, "elements are nested too deeply"); return; }
    const char *name = (const char *)localname;
    char buffer[32];
    int length = 0;
    const xmlChar *value;
    if (strcmp(name, "row") == 0) {
        value = attribute(nb_attributes, attrs, "r", &length);
        if (value && length < 16) { memcpy(buffer, value, length); buffer[length] = 0; s->row = atoi(buffer); }
        else s->row += 1;
        s->column = -1;
    } else if (strcmp(name, "c") == 0) {
        value = attribute(nb_attributes, attrs, "r", &length);
        int column = -1;
        if (value && length < 16) { memcpy(buffer, value, length); buffer[length] = 0; column = column_of(buffer); }
        s->column = column >= 0 ? column : s->column + 1;
        if (s->column >= CX_MAX_COLUMNS) { fail(s, "a row has more than 16,384 columns (Excel's limit)"); return; }
        value = attribute(nb_attributes, attrs, "t", &length);
        s->kind = CX_CELL_VALUE;
        if (value && length == 1 && value[0] == 's') s->kind = CX_CELL_SHARED;
        if (value && length == 1 && value[0] == 'b') s->kind = CX_CELL_BOOL;
        s->in_cell = 1;
        s->formula = 0;
        s->value_length = 0;
    } else if (s->in_cell && strcmp(name, "f") == 0) {
        s->formula = 1;
    } else if (s->in_cell && (strcmp(name, "v") == 0 || strcmp(name, "t") == 0)) {
        s->capture = wanted(s, s->column);
    }
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)prefix; (void)uri;
    CXSheet *s = ctx;
    s->depth--;
    const char *name = (const char *)localname;
    if (strcmp(name, "v") == 0 || strcmp(name, "t") == 0) {
        s->capture = 0;
    } else if (strcmp(name, "c") == 0) {
        if (s->in_cell && wanted(s, s->column) && s->value_length > 0) push(s, s->kind, s->value, s->value_length);
        else if (s->in_cell && wanted(s, s->column) && s->formula) push(s, CX_CELL_FORMULA, "", 0);
        s->in_cell = 0;
    } else if (strcmp(name, "row") == 0) {
        push(s, CX_ROW_END, "", 0);
    }
}

static void on_characters(void *ctx, const xmlChar *text, int length) {
    CXSheet *s = ctx;
    if (!s->capture) return;
    if (s->value_length + length > CX_MAX_CELL) { fail(s, "a cell holds more than 65,536 bytes"); return; }
    memcpy(s->value + s->value_length, text, length);
    s->value_length += length;
}

static void on_dtd(void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id) {
    (void)name; (void)external_id; (void)system_id;
    fail(ctx, "document type declarations (DOCTYPE) are not allowed in a workbook");
}

static xmlEntityPtr on_entity(void *ctx, const xmlChar *name) {
    xmlEntityPtr predefined = xmlGetPredefinedEntity(name);
    if (!predefined) fail(ctx, "entity references are not allowed in a workbook");
    return predefined;
}

static void on_error(void *ctx, xmlErrorPtr error) {
    CXSheet *s = ctx;
    if (!error || error->level < XML_ERR_ERROR) return;
    fail(s, error->message ? error->message : "malformed XML");
    if (error->line > 0) s->error_line = error->line;
}

CXSheet *cx_sheet_new(const char *name) {
    CXSheet *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->sax.initialized = XML_SAX2_MAGIC;
    s->sax.startElementNs = on_start;
    s->sax.endElementNs = on_end;
    s->sax.characters = on_characters;
    s->sax.internalSubset = on_dtd;
    s->sax.getEntity = on_entity;
    s->sax.serror = on_error;
    s->ctxt = xmlCreatePushParserCtxt(&s->sax, s, NULL, 0, name);
    if (!s->ctxt) { fail(s, "cannot start the XML parser"); return s; }
    xmlCtxtUseOptions(s->ctxt, XML_PARSE_NONET | XML_PARSE_COMPACT);
    return s;
}

void cx_sheet_want_columns(CXSheet *s, const unsigned char *mask, int count) {
    free(s->mask);
    s->mask = NULL;
    s->mask_count = 0;
    if (count <= 0) return;
    s->mask = malloc(count);
    memcpy(s->mask, mask, count);
    s->mask_count = count;
}

int cx_sheet_feed(CXSheet *s, const char *data, int length, int last) {
    if (s->failed || !s->ctxt) return -1;
    int status = xmlParseChunk(s->ctxt, data, length, last);
    if (s->failed) return -1;
    if (status != 0) { fail(s, "malformed XML"); return -1; }
    return 0;
}

int cx_sheet_cell_count(CXSheet *s) { return s->count; }
int cx_sheet_cell_kind(CXSheet *s, int i) { return s->cells[i].kind; }
int cx_sheet_cell_row(CXSheet *s, int i) { return s->cells[i].row; }
int cx_sheet_cell_column(CXSheet *s, int i) { return s->cells[i].column; }
const char *cx_sheet_cell_value(CXSheet *s, int i) { return s->arena + s->cells[i].offset; }
void cx_sheet_clear(CXSheet *s) { s->count = 0; s->arena_length = 0; }
const char *cx_sheet_error(CXSheet *s) { return s->failed ? s->error : NULL; }
int cx_sheet_error_line(CXSheet *s) { return s->error_line; }

void cx_sheet_free(CXSheet *s) {
    if (!s) return;
    if (s->ctxt) {
        if (s->ctxt->myDoc) xmlFreeDoc(s->ctxt->myDoc);
        xmlFreeParserCtxt(s->ctxt);
    }
    free(s->mask);
    free(s->cells);
    free(s->arena);
    free(s);
}
