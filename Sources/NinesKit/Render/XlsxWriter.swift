import Foundation

/// Writes a minimal .xlsx workbook (shared strings and numbers, one or more sheets). Used to
/// produce test and benchmark inputs in the layout real exports use; cells are XML-escaped, and
/// the same sheets give the same bytes (`ZipContainer`). plan.xlsx is `PlanWorkbook`'s.
public struct XlsxWriter {
    public enum Cell: Sendable {
        case text(String)
        case number(Double)
    }

    public var sheets: [(name: String, rows: [[Cell]])] = []

    public init() {}

    public mutating func addSheet(_ name: String, rows: [[Cell]]) {
        sheets.append((name, rows))
    }

    /// The workbook as bytes.
    public func data() throws -> Data {
        var entries: [ZipContainer.Entry] = []
        func add(_ path: String, _ text: String) throws { entries.append(ZipContainer.Entry(path: path, data: Data(text.utf8))) }
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        try add(
            "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        let sheetList = sheets.indices.map {
            "<sheet name=\"\(Escape.html(sheets[$0].name))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>"
        }.joined()
        try add(
            "xl/workbook.xml",
            "<?xml version=\"1.0\"?><workbook xmlns=\"\(ns)\" xmlns:r=\"\(rel)\"><sheets>\(sheetList)</sheets></workbook>")
        let rels = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        try add(
            "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>"
        )
        var strings = SharedStrings()
        for (index, sheet) in sheets.enumerated() {
            try add("xl/worksheets/sheet\(index + 1).xml", Self.sheetXML(sheet.rows, namespace: ns, strings: &strings))
        }
        var shared = "<?xml version=\"1.0\"?><sst xmlns=\"\(ns)\" count=\"\(strings.list.count)\">"
        for text in strings.list { shared += "<si><t>\(Escape.html(text))</t></si>" }
        try add("xl/sharedStrings.xml", shared + "</sst>")
        return try ZipContainer.data(entries)
    }

    /// Text cells go to the shared-string table, as Excel and RVTools write them.
    struct SharedStrings {
        var list: [String] = []
        var index: [String: Int] = [:]

        mutating func id(_ text: String) -> Int {
            if let id = index[text] { return id }
            list.append(text)
            index[text] = list.count - 1
            return list.count - 1
        }
    }

    static func sheetXML(_ rows: [[Cell]], namespace: String, strings: inout SharedStrings) -> String {
        var xml = "<?xml version=\"1.0\"?><worksheet xmlns=\"\(namespace)\"><dimension ref=\"A1:CL1048576\"/><sheetData>"
        xml.reserveCapacity(rows.count * 200)
        for (r, row) in rows.enumerated() {
            xml += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = XlsxWorkbook.columnName(c) + String(r + 1)
                switch cell {
                case .text(let text): xml += "<c r=\"\(ref)\" t=\"s\"><v>\(strings.id(text))</v></c>"
                case .number(let value): xml += "<c r=\"\(ref)\"><v>\(Number.plain(value))</v></c>"
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }
}
