#ifndef CXMLSHIM_H
#define CXMLSHIM_H

/*
 * A small C facade over libxml2's streaming reader. Its header includes no libxml2 header:
 * importing libxml2's headers into Swift clashes with Foundation's bundled ICU on Linux
 * (Debian builds libxml2 with ICU), so Swift sees only these functions.
 *
 * The reader is configured for hostile input: no network (XML_PARSE_NONET), no entity
 * substitution and no DTD loading; a document with a DOCTYPE or an entity reference is
 * refused outright, and nesting deeper than CX_MAX_DEPTH is an error.
 */

#define CX_MAX_DEPTH 256

enum {
    CX_ELEMENT = 1,
    CX_TEXT = 3,
    CX_CDATA = 4,
    CX_END_ELEMENT = 15,
    CX_OTHER = 99
};

typedef struct CXReader CXReader;

/* Starts reading an in-memory document; `name` is used in error messages. NULL only when out
 * of memory (other failures are reported by the first cx_reader_next). `data` is copied: the caller's buffer need
 * only be valid during this call (libxml2's xmlReaderForMemory keeps reading the buffer it
 * is given, so the reader owns that copy until cx_reader_free). */
CXReader *cx_reader_new(const char *data, long length, const char *name);

/* Advances: returns one of the CX_ node kinds, 0 at the end, -1 on an error. */
int cx_reader_next(CXReader *reader);

/* Local name of the current element (no prefix). Valid until the next call. */
const char *cx_reader_name(CXReader *reader);

/* Text of the current text or CDATA node. Valid until the next call. */
const char *cx_reader_value(CXReader *reader);

/* Value of an attribute of the current element by qualified name, or NULL. Valid until the next call. */
const char *cx_reader_attribute(CXReader *reader, const char *name);

/* Value of an attribute by local name, whatever its namespace prefix, or NULL. */
const char *cx_reader_attribute_local(CXReader *reader, const char *local_name);

/* Number of attributes of the current element. */
int cx_reader_attribute_count(CXReader *reader);

/* Local name and value of attribute `index`; both valid until the next call. Returns 0 when absent. */
int cx_reader_attribute_at(CXReader *reader, int index, const char **local_name, const char **value);

/* 1 when the current element is written `<x/>`. */
int cx_reader_is_empty(CXReader *reader);

/* Nesting depth of the current node. */
int cx_reader_depth(CXReader *reader);

/* Line of the current node (1-based), or 0. */
int cx_reader_line(CXReader *reader);

/* The first error, with its line, or NULL. */
const char *cx_reader_error(CXReader *reader);
int cx_reader_error_line(CXReader *reader);

void cx_reader_free(CXReader *reader);

/*
 * A streaming reader of SpreadsheetML sheets (xl/worksheets/sheetN.xml), fed chunk by chunk
 * as the zip entry inflates, so a sheet of hundreds of megabytes is never held in memory.
 * It is written in C, not over the generic reader, because a 100,000-row RVTools sheet has
 * about nine million cells: creating a Swift string per XML event was measured at 18 s;
 * here only the cells of the wanted columns cross into Swift. Same hostile-input rules as
 * above (SAX2, no network, no DTD, no entities, bounded depth and cell size).
 */

/* CX_CELL_FORMULA: a formula with no cached value (empty text). */
enum { CX_CELL_SHARED = 's', CX_CELL_VALUE = 'v', CX_CELL_BOOL = 'b', CX_CELL_FORMULA = 'f', CX_ROW_END = 'r' };

typedef struct CXSheet CXSheet;

CXSheet *cx_sheet_new(const char *name);

/* Keep only columns whose mask byte is 1 (columns beyond `count` are dropped); count 0 keeps all. */
void cx_sheet_want_columns(CXSheet *sheet, const unsigned char *mask, int count);

/* Parses the next chunk; `last` is 1 for the final call. Returns 0, or -1 on an error. */
int cx_sheet_feed(CXSheet *sheet, const char *data, int length, int last);

/* Cells (and row ends) parsed since the last clear, in document order. */
int cx_sheet_cell_count(CXSheet *sheet);
int cx_sheet_cell_kind(CXSheet *sheet, int index);
int cx_sheet_cell_row(CXSheet *sheet, int index);
int cx_sheet_cell_column(CXSheet *sheet, int index);
const char *cx_sheet_cell_value(CXSheet *sheet, int index);
void cx_sheet_clear(CXSheet *sheet);

const char *cx_sheet_error(CXSheet *sheet);
int cx_sheet_error_line(CXSheet *sheet);
void cx_sheet_free(CXSheet *sheet);

#endif
