import Foundation

/// One RVTools tab (vInfo, vDisk, vHost) as a header and data rows, read from a workbook sheet
/// or from an `RVTools_tab*.csv` file alike. Blank rows are skipped (they are not data);
/// reading never stops early on a data row, so no row after a bad one is lost. In a workbook
/// the header is the first of the first `headerSearchRows` rows that names the tab's key
/// column, so title rows above it are passed over (and said so in `headerWarnings`).
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
    /// Rows searched for the header when title rows sit above it.
    static let headerSearchRows = 10

    var name: String
    var header: [String]
    /// Where the header is (the first non-blank row when no row names the key column).
    var headerLocation: SourceLocation
    /// The header row's number in a workbook (1 for a CSV file).
    var headerRow = 1
    /// False when none of the first rows names the key column.
    var headerFound = true
    /// A header cell as a reference (`vInfo!D3`, or `column 4` in a CSV file).
    var headerCell: (Int) -> String
    /// Calls the body per non-blank data row, reading only the given columns (nil: all).
    var rows: (Set<Int>?, (Row) throws(ImportError) -> Void) throws(ImportError) -> Void

    /// The sheet `name` of a workbook, or nil when the workbook has none. `key` names the
    /// column that marks the header row (`VM` for vInfo).
    static func workbook(_ workbook: XlsxWorkbook, sheet name: String, key: [String], shownAs path: String) throws(ImportError)
        -> RVToolsSheet?
    {
        guard workbook.sheets.contains(where: { $0.name == name }) else { return nil }
        var found: (row: Int, cells: [String])?
        var firstNonBlank: (row: Int, cells: [String])?
        try workbook.forEachRow(of: name) { row throws(ImportError) in
            guard row.number <= headerSearchRows else { return false }
            let width = (row.cells.keys.max() ?? -1) + 1
            let cells = (0..<width).map { row.cells[$0]?.trimmingCharacters(in: .whitespaces) ?? "" }
            if firstNonBlank == nil && cells.contains(where: { !$0.isEmpty }) { firstNonBlank = (row.number, cells) }
            guard HeaderMap(cells).has(key) else { return true }
            found = (row.number, cells)
            return false
        }
        let header = found ?? firstNonBlank ?? (1, [])
        var sheet = RVToolsSheet(
            name: name, header: header.cells, headerLocation: SourceLocation(file: "\(path) [\(name)]", line: header.row),
            headerCell: { "\(name)!\(XlsxWorkbook.columnName($0))\(header.row)" }
        ) { columns, body throws(ImportError) in
            try workbook.forEachRow(of: name, columns: columns) { row throws(ImportError) in
                guard row.number > header.row else { return true }
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
        (sheet.headerRow, sheet.headerFound) = (header.row, found != nil)
        return sheet
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
        return RVToolsSheet(
            name: tab, header: table.header, headerLocation: table.location(ofLine: 1), headerCell: { "column \($0 + 1)" }
        ) { _, body throws(ImportError) in
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

extension RVToolsSheet {
    /// What a reader should know about the header: title rows passed over above it, and each
    /// name that heads two columns (the first is read). `key` names the header's key column.
    func headerWarnings() -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        if headerFound && headerRow > 1 {
            warnings.append(
                Diagnostic(
                    .warning, "\(name)'s header is on row \(headerRow); the \(headerRow - 1) row(s) above it are taken as titles, not data",
                    at: headerLocation))
        }
        for duplicate in HeaderMap(header).duplicates {
            let shown = Escape.plain(header[duplicate.first])
            warnings.append(
                Diagnostic(
                    .warning,
                    "'\(shown)' heads two columns, \(headerCell(duplicate.first)) and \(headerCell(duplicate.other)); the first is read, the second ignored",
                    at: headerLocation, fix: "rename or delete one of them in the export"))
        }
        return warnings
    }

    /// The error for a header without its key column: where it was expected, and what the
    /// first row reads.
    func missingKey(_ key: String) -> String {
        let shown = header.filter { !$0.isEmpty }.prefix(12).map(Escape.plain).joined(separator: ", ")
        return
            "\(name) has no '\(key)' column in its first \(Self.headerSearchRows) rows; the header was expected in row 1 (row \(headerRow) reads: \(shown.isEmpty ? "nothing" : shown))"
    }
}

extension RVToolsSheet {
    /// The warning for a data row whose key cell (the VM, the host, the cluster) is empty: the
    /// row is counted as left out, never dropped silently. The row is in the location and the
    /// column named, so the same words on many rows fold into one entry when printed.
    func unnamedRow(_ row: Row, column: Int) -> Diagnostic {
        let what = row.isUncachedFormula(column) ? "is a formula without a cached value" : "is empty"
        return Diagnostic(
            .warning, "a \(name) row whose '\(Escape.plain(header[column]))' cell \(what) is not read", at: row.location,
            fix: "fill in the name, or delete the row in the export")
    }
}
