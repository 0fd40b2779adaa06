import CXMLShim
import Foundation
import ZIPFoundation

/// A read-only view of an .xlsx workbook: its sheet names, shared strings and the cells of a
/// sheet, row by row. Zip access goes through `ZipLimits`; XML through `XMLPullReader`.
public final class XlsxWorkbook {
    /// One row of a sheet: its 1-based row number and its cells by 0-based column index.
    public struct Row {
        public var number: Int
        public var cells: [Int: String]
        /// Columns whose cell holds a formula without a cached value (its text is empty).
        public var uncachedFormulas: Set<Int> = []
    }

    public let path: String
    private let archive: Archive
    private let limits: ZipLimits
    /// Sheet name → entry path inside the archive, in workbook order.
    public private(set) var sheets: [(name: String, entry: String)] = []
    private var sharedStrings: [String] = []

    public init(url: URL, shownAs path: String, limits: ZipLimits = ZipLimits()) throws(ImportError) {
        self.path = path
        self.limits = limits
        archive = try limits.open(url, shownAs: path)
        let relations = try readRelations()
        sheets = try readSheets(relations)
        if let entry = archive["xl/sharedStrings.xml"] {
            sharedStrings = try readSharedStrings(entry)
        }
    }

    private func xml(_ entryPath: String) throws(ImportError) -> XMLPullReader {
        guard let entry = archive[entryPath] else { throw ImportError("\(path): the workbook has no \(entryPath)") }
        let data = try limits.read(entry, from: archive, shownAs: path)
        return try XMLPullReader(data: data, source: "\(path) [\(entryPath)]")
    }

    private func readRelations() throws(ImportError) -> [String: String] {
        let reader = try xml("xl/_rels/workbook.xml.rels")
        var targets: [String: String] = [:]
        while let event = try reader.next() {
            if case .start("Relationship") = event, let id = reader.attribute("Id"), let target = reader.attribute("Target") {
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        return targets
    }

    private func readSheets(_ relations: [String: String]) throws(ImportError) -> [(String, String)] {
        let reader = try xml("xl/workbook.xml")
        var result: [(String, String)] = []
        while let event = try reader.next() {
            if case .start("sheet") = event, let name = reader.attribute("name"), let id = reader.attribute(local: "id"),
                let target = relations[id]
            {
                result.append((name, target))
            }
        }
        return result
    }

    private func readSharedStrings(_ entry: Entry) throws(ImportError) -> [String] {
        let reader = try XMLPullReader(data: try limits.read(entry, from: archive, shownAs: path), source: "\(path) [sharedStrings]")
        var strings: [String] = []
        var current = ""
        var inString = false
        var inText = false
        var inPhonetic = false
        while let event = try reader.next() {
            switch event {
            case .start("si"): (inString, current) = (true, "")
            case .start("rPh"): inPhonetic = true
            case .end("rPh"): inPhonetic = false
            case .start("t"): inText = inString && !inPhonetic
            case .end("t"): inText = false
            case .text(let text) where inText: current += text
            case .end("si"):
                strings.append(current)
                inString = false
            default: break
            }
        }
        return strings
    }

    /// Calls `body` for each row of `sheet` in order; `body` returns false to stop reading
    /// (RVTools sheets claim far more rows than they hold). The sheet is parsed as it inflates
    /// (see `cx_sheet_new`), so its size does not matter. `columns` limits the cells read.
    public func forEachRow(of sheet: String, columns: Set<Int>? = nil, _ body: (Row) throws(ImportError) -> Bool) throws(ImportError) {
        guard let entryPath = sheets.first(where: { $0.name == sheet })?.entry else {
            throw ImportError(
                "\(path): the workbook has no sheet '\(Escape.plain(sheet))' (it has: \(sheets.map(\.name).joined(separator: ", ")))")
        }
        guard let entry = archive[entryPath] else { throw ImportError("\(path): the workbook has no \(entryPath)") }
        let source = "\(path) [\(sheet)]"
        let parser = cx_sheet_new(source)!
        defer { cx_sheet_free(parser) }
        if let columns, let last = columns.max() {
            let mask = (0...last).map { UInt8(columns.contains($0) ? 1 : 0) }
            cx_sheet_want_columns(parser, mask, Int32(mask.count))
        }
        var row = Row(number: 0, cells: [:])
        var failure: ImportError?
        var produced: UInt64 = 0
        let limit = min(entry.uncompressedSize, limits.maxEntryBytes)
        func drain() throws(ImportError) -> Bool {
            defer { cx_sheet_clear(parser) }
            for index in 0..<cx_sheet_cell_count(parser) {
                let kind = cx_sheet_cell_kind(parser, index)
                if kind == Int32(UInt8(ascii: "r")) {
                    row.number = Int(cx_sheet_cell_row(parser, index))
                    if try !body(row) { return false }
                    row.cells.removeAll(keepingCapacity: true)
                    row.uncachedFormulas.removeAll()
                    continue
                }
                let column = Int(cx_sheet_cell_column(parser, index))
                if let columns, !columns.contains(column) { continue }
                row.number = Int(cx_sheet_cell_row(parser, index))
                if kind == Int32(UInt8(ascii: "f")) {
                    row.cells[column] = ""
                    row.uncachedFormulas.insert(column)
                    continue
                }
                let value = String(cString: cx_sheet_cell_value(parser, index))
                row.cells[column] = try cellText(kind: kind, value: value, sheet: sheet, row: row.number, column: column)
            }
            return true
        }
        func feed(_ bytes: UnsafeRawBufferPointer, last: Bool) throws(ImportError) -> Bool {
            let status = cx_sheet_feed(parser, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), last ? 1 : 0)
            if status != 0 {
                let message = cx_sheet_error(parser).map { String(cString: $0) } ?? "malformed XML"
                throw ImportError(message, at: SourceLocation(file: source, line: Int(cx_sheet_error_line(parser))))
            }
            return try drain()
        }
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                produced += UInt64(chunk.count)
                guard produced <= limit else { throw StreamStop.overflow }
                var more = true
                do {
                    more = try chunk.withUnsafeBytes { bytes in try feed(bytes, last: false) }
                } catch let error as ImportError {
                    failure = error
                    throw StreamStop.failed
                }
                if !more { throw StreamStop.done }
            }
        } catch StreamStop.done {
            return
        } catch StreamStop.failed {
            throw failure!
        } catch StreamStop.overflow {
            throw ImportError("\(path): entry '\(Escape.plain(entryPath))' inflates past its declared size; refused as a possible zip bomb")
        } catch {
            throw ImportError("\(path): entry '\(Escape.plain(entryPath))' cannot be inflated: \(error)")
        }
        _ = try feed(UnsafeRawBufferPointer(start: nil, count: 0), last: true)
    }

    private enum StreamStop: Error { case done, failed, overflow }

    private func cellText(kind: Int32, value: String, sheet: String, row: Int, column: Int) throws(ImportError) -> String {
        if kind == Int32(UInt8(ascii: "b")) { return value == "1" ? "TRUE" : "FALSE" }
        guard kind == Int32(UInt8(ascii: "s")) else { return value }
        guard let index = Int(value), sharedStrings.indices.contains(index) else {
            throw ImportError(
                "\(path): sheet \(sheet), cell \(Self.columnName(column))\(row): shared string \(Escape.plain(value)) does not exist")
        }
        return sharedStrings[index]
    }

    /// `A1` → 0, `AB12` → 27.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 || letters > 3 ? nil : index - 1
    }

    /// 0 → `A`, 27 → `AB`.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
