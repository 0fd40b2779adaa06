import Foundation

/// One worksheet's XML, written cell by cell into one buffer: names as inline strings (never
/// formulas, whatever they start with), numbers at full precision, formulas with the value
/// Nines computed cached beside them (a reader that does not recalculate shows Nines' figure).
/// Each row ends a line, so the XML diffs line by line.
struct WorksheetWriter: ~Copyable {
    private var buffer: ByteBuffer
    /// The row being written, 1-based (0 before the first).
    private(set) var row = 0
    private var column = 0
    private var columnNames: [[UInt8]]

    /// `widths`: each column's width in characters; `frozenRows`: rows kept in view on scrolling.
    init(widths: [Double], frozenRows: Int, capacity: Int = 1 << 16) {
        buffer = ByteBuffer(capacity: capacity)
        columnNames = widths.indices.map { Array(XlsxWorkbook.columnName($0).utf8) }
        var head = XlsxPackage.declaration + "<worksheet xmlns=\"\(XlsxPackage.mainNamespace)\">"
        if frozenRows > 0 {
            head +=
                "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(frozenRows)\" topLeftCell=\"A\(frozenRows + 1)\""
                + " activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/></sheetView></sheetViews>"
        }
        head += "<cols>"
        for (index, width) in widths.enumerated() {
            head += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(Number.plain(width))\" customWidth=\"1\"/>"
        }
        head += "</cols><sheetData>\n"
        append(head)
    }

    /// The column letters of a 0-based column (`A`, `B`, …), for formulas.
    func columnName(_ index: Int) -> String { String(decoding: columnNames[index], as: UTF8.self) }

    mutating func startRow() {
        row += 1
        column = 0
        buffer.append("<row r=\"")
        buffer.append(decimal: row)
        buffer.append("\">")
    }

    mutating func endRow() { buffer.append("</row>\n") }

    /// A row of bold headers.
    mutating func headerRow(_ titles: [String]) {
        startRow()
        for title in titles { text(title, .header) }
        endRow()
    }

    /// Leaves the next cell empty.
    mutating func skip() { column += 1 }

    /// Text as an inline string: `=cmd|' /C calc'!A0` stays these characters.
    /// Empty text leaves the cell empty.
    mutating func text(_ value: String, _ style: CellStyle = .general) {
        guard !value.isEmpty else { return skip() }
        open(style, type: "inlineStr")
        let escaped = Escape.xml(value)
        let padded = value.first.map(\.isWhitespace) == true || value.last.map(\.isWhitespace) == true
        buffer.append(padded ? "<is><t xml:space=\"preserve\">" : "<is><t>")
        append(escaped)
        buffer.append("</t></is></c>")
    }

    mutating func number(_ value: Double, _ style: CellStyle = .general) {
        open(style, type: nil)
        buffer.append("<v>")
        append(Self.spelled(value))
        buffer.append("</v></c>")
    }

    /// A formula (without the leading `=`) and the value Nines computed for it; money is cached
    /// to the cent, as plan.json states it (a recalculation replaces it anyway).
    mutating func formula(_ expression: String, cached: Double, _ style: CellStyle = .general) {
        open(style, type: nil)
        buffer.append("<f>")
        append(Escape.xml(expression))
        buffer.append("</f><v>")
        append(Self.spelled(style == .money ? Number.round(cached, 2) : cached))
        buffer.append("</v></c>")
    }

    /// The reference of the cell the next call writes (`D7`).
    var nextReference: String { columnName(column) + String(row) }

    /// The sheet's bytes.
    consuming func data() -> Data {
        buffer.append("</sheetData></worksheet>")
        return buffer.data()
    }

    private mutating func open(_ style: CellStyle, type: StaticString?) {
        buffer.append("<c r=\"")
        columnNames[column].withUnsafeBufferPointer { buffer.append($0) }
        buffer.append(decimal: row)
        buffer.append("\"")
        if style != .general {
            buffer.append(" s=\"")
            buffer.append(decimal: style.rawValue)
            buffer.append("\"")
        }
        if let type {
            buffer.append(" t=\"")
            buffer.append(type)
            buffer.append("\"")
        }
        buffer.append(">")
        column += 1
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append($0) }
    }

    /// The shortest form that reads back as the same double (an exponent where Swift uses one,
    /// which xsd:double allows); a non-finite value as 0 (Nines' figures are finite).
    static func spelled(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
