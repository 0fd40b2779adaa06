import CSV
import Foundation

/// A CSV file read into rows that remember their line numbers (line 1 is the header), so every
/// message can say `file:line`. Parsing is RFC 4180 by yaslab/CSV.swift; the line of each
/// record is derived here by counting the line breaks inside the fields before it, since the
/// library does not report positions.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line where the record starts.
        public var line: Int
        public var fields: [String]
    }

    public var path: String
    /// Header names as written, trimmed.
    public var header: [String]
    public var rows: [Row]

    /// Largest CSV read, bytes (a 100,000-VM inventory is about 10 MB).
    public static let maxBytes = 512 * 1024 * 1024

    /// Most columns in a row (Excel's limit, column XFD): a wider header is refused with one
    /// error before it is parsed.
    public static let maxColumns = 16_384

    public init(path: String, header: [String], rows: [Row]) {
        self.path = path
        self.header = header
        self.rows = rows
    }

    /// Reads a file; an unreadable file is a `MissingInputError`, bad content a diagnostic.
    public static func load(
        contentsOf url: URL, shownAs path: String, keepBlankRows: Bool = false, diagnostics: inout DiagnosticCollector
    ) throws(MissingInputError) -> CSVTable? {
        let data = try InputFileKind.contents(of: url, shownAs: path)
        return parse(data, shownAs: path, keepBlankRows: keepBlankRows, diagnostics: &diagnostics)
    }

    /// Parses CSV text (UTF-8, with or without a byte-order mark).
    /// Blank rows are skipped unless `keepBlankRows` (RVTools stops reading at the first one).
    public static func parse(_ data: Data, shownAs path: String, keepBlankRows: Bool = false, diagnostics: inout DiagnosticCollector)
        -> CSVTable?
    {
        let whole = SourceLocation(file: path)
        guard data.count <= maxBytes else {
            diagnostics.error("file is \(data.count) bytes; the limit is \(maxBytes)", at: whole)
            return nil
        }
        let width = firstRecordWidth(data)
        guard width <= maxColumns else {
            diagnostics.error("the header has \(width) columns; the limit is \(maxColumns)", at: SourceLocation(file: path, line: 1))
            return nil
        }
        guard var text = String(data: data, encoding: .utf8) else {
            diagnostics.error("not UTF-8 text", at: whole, fix: "export the file as CSV UTF-8")
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.filter({ $0 == "\"" }).count % 2 != 0 {
            diagnostics.error("a quoted field is never closed (odd number of '\"')", at: whole)
            return nil
        }
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false) else {
            diagnostics.error("cannot parse CSV", at: whole)
            return nil
        }
        var line = 1
        var records: [Row] = []
        while let fields = reader.next() {
            guard fields.count <= maxColumns else {
                diagnostics.error(
                    "the row has \(fields.count) fields; the limit is \(maxColumns)", at: SourceLocation(file: path, line: line))
                return nil
            }
            let isBlank = fields.allSatisfy { $0.trimmingWhitespace.isEmpty }
            if !isBlank || (keepBlankRows && !records.isEmpty) { records.append(Row(line: line, fields: fields)) }
            line += 1 + fields.reduce(0) { $0 + lineBreaks(in: $1) }
        }
        guard let first = records.first else {
            diagnostics.error("the file is empty; it needs a header row", at: whole)
            return nil
        }
        let header = first.fields.map { $0.trimmingWhitespace }
        return CSVTable(path: path, header: header, rows: Array(records.dropFirst()))
    }

    /// Fields in the first record, counted on the bytes (commas outside quotes up to the first
    /// line break outside quotes), stopping once past `maxColumns`.
    static func firstRecordWidth(_ data: Data) -> Int {
        var fields = 1
        var quoted = false
        for byte in data {
            switch byte {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ",") where !quoted:
                fields += 1
                if fields > maxColumns { return fields }
            case UInt8(ascii: "\n") where !quoted, UInt8(ascii: "\r") where !quoted: return fields
            default: continue
            }
        }
        return fields
    }

    private static func lineBreaks(in field: String) -> Int {
        var count = 0
        var previousCR = false
        for scalar in field.unicodeScalars {
            if scalar == "\n" {
                if !previousCR { count += 1 }
            } else if scalar == "\r" {
                count += 1
            }
            previousCR = scalar == "\r"
        }
        return count
    }

    public func location(ofLine line: Int) -> SourceLocation { SourceLocation(file: path, line: line) }

    /// Index of each header name, lower-cased; duplicates and empty names are reported.
    public func columnIndex(diagnostics: inout DiagnosticCollector) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = name.lowercased()
            if key.isEmpty {
                diagnostics.error("column \(i + 1) has no name", at: location(ofLine: 1))
            } else if index[key] != nil {
                diagnostics.error("column '\(Escape.plain(name))' appears twice", at: location(ofLine: 1))
            } else {
                index[key] = i
            }
        }
        return index
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespaces)`, without the round trip through NSString when
    /// neither end is white space (almost every cell; the bridge was most of the cost of reading
    /// a 100,000-row inventory).
    var trimmingWhitespace: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
