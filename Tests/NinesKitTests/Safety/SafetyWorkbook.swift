import Foundation
import ZIPFoundation

@testable import NinesKit

/// Builds .xlsx workbooks cell by cell for the safety tests, including what `XlsxWriter` never
/// writes: a formula without a cached value, a number cell holding `NaN`, a missing cell.
enum SafetyWorkbook {
    enum Cell {
        /// An inline string.
        case text(String)
        /// A number cell with this exact text as its value (`NaN`, `1e20`, `0x10`, …).
        case number(String)
        /// A formula with no cached value.
        case formula(String)
        /// No cell at all.
        case none
    }

    /// A workbook of the given sheets, written to `folder/name`.
    static func write(_ sheets: [(name: String, rows: [[Cell]])], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) {
                position, size in bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let list = sheets.indices.map { "<sheet name=\"\(sheets[$0].name)\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
        try add("xl/workbook.xml", "<workbook xmlns=\"\(ns)\" xmlns:r=\"\(rel)\"><sheets>\(list)</sheets></workbook>")
        let rels = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        try add(
            "xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>")
        for (index, sheet) in sheets.enumerated() {
            try add("xl/worksheets/sheet\(index + 1).xml", sheetXML(sheet.rows, namespace: ns))
        }
    }

    static func sheetXML(_ rows: [[Cell]], namespace: String) -> String {
        var xml = "<worksheet xmlns=\"\(namespace)\"><sheetData>"
        for (r, row) in rows.enumerated() {
            xml += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = XlsxWorkbook.columnName(c) + String(r + 1)
                switch cell {
                case .text(let text): xml += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(Escape.html(text))</t></is></c>"
                case .number(let text): xml += "<c r=\"\(ref)\"><v>\(Escape.html(text))</v></c>"
                case .formula(let formula): xml += "<c r=\"\(ref)\"><f>\(Escape.html(formula))</f></c>"
                case .none: continue
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// A vInfo sheet of powered-on VMs `vm001`…: 2 CPUs, 4,096 MiB, 40,960 MiB provisioned.
    static func vInfo(count: Int) -> [[Cell]] {
        let header: [Cell] = ["VM", "Powerstate", "Template", "CPUs", "Memory", "Provisioned MiB", "OS"].map { .text($0) }
        return [header]
            + (1...count).map { index in
                [
                    .text(String(format: "vm%03d", index)), .text("poweredOn"), .text("False"), .number("2"), .number("4096"),
                    .number("40960"), .text("Ubuntu Linux (64-bit)"),
                ]
            }
    }

    /// The same rows as an RVTools CSV export line by line (header first).
    static func csv(_ rows: [[Cell]]) -> String {
        rows.map { row in
            row.map { cell -> String in
                switch cell {
                case .text(let text), .number(let text):
                    text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                        ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
                case .formula, .none: ""
                }
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }
}
