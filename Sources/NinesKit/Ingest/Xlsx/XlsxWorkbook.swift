import Foundation
import ZIPFoundation

/// A read-only view of an .xlsx workbook: its sheet names, shared strings and the cells of a
/// sheet, row by row. Zip access goes through `ZipLimits`; XML through `XMLPullReader`.
public final class XlsxWorkbook {
    /// One row of a sheet: its 1-based row number and its cells by 0-based column index.
    public struct Row {
        public var number: Int
        public var cells: [Int: String]
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
    /// (RVTools sheets claim far more rows than they hold).
    public func forEachRow(of sheet: String, _ body: (Row) throws(ImportError) -> Bool) throws(ImportError) {
        guard let entry = sheets.first(where: { $0.name == sheet })?.entry else {
            throw ImportError(
                "\(path): the workbook has no sheet '\(Escape.plain(sheet))' (it has: \(sheets.map(\.name).joined(separator: ", ")))")
        }
        let reader = try xml(entry)
        var row = Row(number: 0, cells: [:])
        var column = 0
        var type = ""
        var value = ""
        var inValue = false
        while let event = try reader.next() {
            switch event {
            case .start("row"):
                row = Row(number: reader.attribute("r").flatMap(Int.init) ?? row.number + 1, cells: [:])
                column = -1
            case .start("c"):
                column = reader.attribute("r").flatMap(Self.columnIndex) ?? column + 1
                type = reader.attribute("t") ?? "n"
                value = ""
            case .start("v"), .start("t"): inValue = true
            case .end("v"), .end("t"): inValue = false
            case .text(let text) where inValue: value += text
            case .end("c"):
                row.cells[column] = try cellText(type: type, value: value, sheet: sheet, row: row.number, column: column)
            case .end("row"):
                if try !body(row) { return }
            default: break
            }
        }
    }

    private func cellText(type: String, value: String, sheet: String, row: Int, column: Int) throws(ImportError) -> String {
        guard type == "s" else { return type == "b" ? (value == "1" ? "TRUE" : "FALSE") : value }
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
