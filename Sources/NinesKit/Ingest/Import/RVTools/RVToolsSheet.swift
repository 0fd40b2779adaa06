import Foundation

/// One RVTools tab (vInfo, vDisk, vHost) as a header and data rows, read from a workbook sheet
/// or from an `RVTools_tab*.csv` file alike. Blank rows are skipped (they are not data);
/// reading never stops early on a data row, so no row after a bad one is lost.
struct RVToolsSheet {
    /// One data row, with its location and the means to name any of its cells.
    struct Row {
        var location: SourceLocation
        /// The text of a cell by 0-based column ("" when absent).
        var cell: (Int) -> String
        /// True when the cell holds a formula whose value was never computed.
        var isUncachedFormula: (Int) -> Bool
        /// The cell as a spreadsheet reference (`vInfo!D14`), or nil for a CSV file, whose
        /// location (file:line) already says where.
        var reference: (Int) -> String?
    }

    /// Most header columns read (Excel's limit, column XFD).
    static let maxColumns = 16_384

    var name: String
    var header: [String]
    /// Calls the body per non-blank data row, reading only the given columns (nil: all).
    var rows: (Set<Int>?, (Row) throws(ImportError) -> Void) throws(ImportError) -> Void

    /// The sheet `name` of a workbook, or nil when the workbook has none.
    static func workbook(_ workbook: XlsxWorkbook, sheet name: String, shownAs path: String) throws(ImportError) -> RVToolsSheet? {
        guard workbook.sheets.contains(where: { $0.name == name }) else { return nil }
        var header: [String] = []
        try workbook.forEachRow(of: name) { row throws(ImportError) in
            let width = (row.cells.keys.max() ?? -1) + 1
            header = (0..<width).map { row.cells[$0]?.trimmingCharacters(in: .whitespaces) ?? "" }
            return false
        }
        return RVToolsSheet(name: name, header: header) { columns, body throws(ImportError) in
            var first = true
            try workbook.forEachRow(of: name, columns: columns) { row throws(ImportError) in
                if first {
                    first = false
                    return true
                }
                guard row.cells.values.contains(where: { !$0.isEmpty }) || !row.uncachedFormulas.isEmpty else { return true }
                let number = row.number
                try body(
                    Row(
                        location: SourceLocation(file: "\(path) [\(name)]", line: number), cell: { row.cells[$0] ?? "" },
                        isUncachedFormula: { row.uncachedFormulas.contains($0) },
                        reference: { "\(name)!\(XlsxWorkbook.columnName($0))\(number)" }))
                return true
            }
        }
    }

    /// `RVTools_tab<tab>.csv` in `folder`, or nil when the folder has none.
    static func csv(tab: String, in folder: URL, shownAs path: String) throws(ImportError) -> RVToolsSheet? {
        let file = folder.appendingPathComponent("RVTools_tab\(tab).csv")
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let shown = "\(path)/RVTools_tab\(tab).csv"
        try InputFileKind.requireRegularFile(file.path, shownAs: shown)
        var diagnostics = DiagnosticCollector()
        let table: CSVTable?
        do {
            table = try CSVTable.load(contentsOf: file, shownAs: shown, diagnostics: &diagnostics)
        } catch {
            throw ImportError(error.description, kind: .missing)
        }
        guard let table else { throw diagnostics.errors.first.map { ImportError($0.message, at: $0.location) } ?? ImportError(shown) }
        return RVToolsSheet(name: tab, header: table.header) { _, body throws(ImportError) in
            for row in table.rows {
                let fields = row.fields
                try body(
                    Row(
                        location: table.location(ofLine: row.line), cell: { $0 < fields.count ? fields[$0] : "" },
                        isUncachedFormula: { _ in false }, reference: { _ in nil }))
            }
        }
    }
}
