import Foundation

/// An .xlsx file from finished worksheets: the package parts Excel and LibreOffice require
/// (content types, relationships, workbook, styles), workbook-level defined names, and
/// `fullCalcOnLoad` so a spreadsheet recalculates every formula when it opens the file.
struct XlsxPackage {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let contentTypes = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    struct Sheet: Sendable {
        /// At most 31 characters, none of `[]:*?/\`.
        var name: String
        /// `WorksheetWriter.data()`.
        var xml: Data
    }

    var sheets: [Sheet] = []
    /// Name → reference (`TCO!$B$2`).
    var definedNames: [(name: String, reference: String)] = []

    /// The package's bytes; the same sheets give the same bytes.
    func data() throws -> Data {
        var entries = [
            ZipContainer.Entry(path: "[Content_Types].xml", data: Data(contentTypesXML.utf8)),
            ZipContainer.Entry(path: "_rels/.rels", data: Data(rootRelationships.utf8)),
            ZipContainer.Entry(path: "xl/workbook.xml", data: Data(workbookXML.utf8)),
            ZipContainer.Entry(path: "xl/_rels/workbook.xml.rels", data: Data(workbookRelationships.utf8)),
            ZipContainer.Entry(path: "xl/styles.xml", data: Data(CellStyle.stylesheet.utf8)),
        ]
        for (index, sheet) in sheets.enumerated() {
            entries.append(ZipContainer.Entry(path: "xl/worksheets/sheet\(index + 1).xml", data: sheet.xml))
        }
        return try ZipContainer.data(entries)
    }

    /// A sheet's name as a formula refers to it (`'Tier options'`).
    static func reference(toSheet name: String) -> String {
        name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    private var contentTypesXML: String {
        let overrides = sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"\(Self.contentTypes).worksheet+xml\"/>"
        }
        return Self.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(Self.contentTypes).sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(Self.contentTypes).styles+xml\"/>" + overrides.joined()
            + "</Types>"
    }

    private var rootRelationships: String {
        Self.declaration + "<Relationships xmlns=\"\(Self.packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(Self.relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>"
    }

    private var workbookXML: String {
        let sheetList = sheets.enumerated().map {
            "<sheet name=\"\(Escape.xml($1.name))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>"
        }
        let names = definedNames.map { "<definedName name=\"\($0.name)\">\(Escape.xml($0.reference))</definedName>" }
        return Self.declaration + "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
            + "<bookViews><workbookView/></bookViews><sheets>\(sheetList.joined())</sheets>"
            + (names.isEmpty ? "" : "<definedNames>\(names.joined())</definedNames>")
            + "<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>"
    }

    private var workbookRelationships: String {
        let worksheets = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(Self.relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }
        return Self.declaration + "<Relationships xmlns=\"\(Self.packageRelationships)\">" + worksheets.joined()
            + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
    }
}
