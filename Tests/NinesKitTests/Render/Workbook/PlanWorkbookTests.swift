import Foundation
import Testing
import ZIPFoundation

@testable import NinesKit

/// plan.xlsx as a package: its parts in a fixed order with a fixed date, names as inline
/// strings, formulas with Nines' figures cached. (LibreOffice recalculating it:
/// `WorkbookRecalculationTests`.)
@Suite struct PlanWorkbookTests {
    static func sample() throws -> Assessment {
        try Pipeline.assess(Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path))
    }

    /// The parts of a workbook, by path, in archive order.
    static func parts(_ data: Data) throws -> [(path: String, text: String)] {
        let archive = try Archive(data: data, accessMode: .read)
        return try archive.map { entry in
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            return (entry.path, String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Five applications renamed to text a spreadsheet would otherwise run or misread.
    static let hostileNames = ["=1+2", "+1+2", "-3+4", "@SUM(A1)", "<b>&amp; 'x'"]

    static func hostileSample() throws -> Assessment {
        let renamed = zip(["Intranet", "Monitoring", "Print Services", "Dev and Test", "Remote Access"], hostileNames)
        let edits = renamed.flatMap { old, new in
            [
                ("applications.yaml", "- name: \(old)\n", "- name: '\(new.replacingOccurrences(of: "'", with: "''"))'\n"),
                ("inventory.csv", ",\(old),", ",\(new),"),
            ]
        }
        let folder = try TestPaths.acmeCopy(edits: edits)
        return try Pipeline.assess(Pipeline.Options(engagement: folder.path, catalog: TestPaths.catalog.path))
    }

    @Test func sameAssessmentGivesTheSameBytes() throws {
        #expect(try PlanWorkbook(Self.sample()).data() == PlanWorkbook(Self.sample()).data())
    }

    /// Every entry is stamped 1980-01-01 00:00 (no clock in the bytes), in the package order.
    @Test func entriesHaveAFixedOrderAndDate() throws {
        let data = try PlanWorkbook(Self.sample()).data()
        #expect(
            try Self.parts(data).map(\.path) == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml",
            ])
        let bytes = [UInt8](data)
        var records = 0
        for offset in 0..<(bytes.count - 16) where bytes[offset..<offset + 4] == [0x50, 0x4B, 0x01, 0x02] {
            records += 1
            #expect(bytes[offset + 12..<offset + 16] == [0, 0, 0x21, 0])  // time 00:00, date 1980-01-01
        }
        #expect(records == 9)
    }

    @Test func workbookNamesItsSheetsAndRecalculatesOnLoad() throws {
        let workbook = try #require(try Self.parts(PlanWorkbook(Self.sample()).data()).first { $0.path == "xl/workbook.xml" }?.text)
        for name in ["Applications", "Tier options", "Alternative downtime", "TCO"] {
            #expect(workbook.contains("<sheet name=\"\(name)\""))
        }
        #expect(workbook.contains("<definedName name=\"DiscountRate\">TCO!$B$1</definedName>"))
        #expect(workbook.contains("fullCalcOnLoad=\"1\""))
    }

    /// The downtime cost is a formula over the row's money inputs, its cached value Nines' own.
    @Test func downtimeCostIsAFormulaWithNinesFigureCached() throws {
        let assessment = try Self.sample()
        let sheet = try #require(try Self.parts(PlanWorkbook(assessment).data()).first { $0.path == "xl/worksheets/sheet1.xml" }?.text)
        let erp = try #require(assessment.decisions.first)
        #expect(sheet.contains("<c r=\"I2\" s=\"2\"><f>D2+E2*F2*G2+H2</f><v>\(Number.round(erp.application.impact.hourlyRate, 2))</v></c>"))
        #expect(sheet.contains("<c r=\"O2\" s=\"2\"><f>J2*L2+I2*M2</f><v>\(Number.round(erp.service.outageCost, 2))</v></c>"))
        #expect(sheet.contains("<c r=\"Q2\" s=\"2\"><f>O2+P2</f><v>\(Number.round(erp.service.totalCost, 2))</v></c>"))
        // Frozen header, bold header style, widths.
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>Application</t></is></c>"))
        #expect(sheet.contains("<col min=\"1\" max=\"1\" width=\"28\" customWidth=\"1\"/>"))
    }

    /// A reader that does not recalculate shows plan.json's figures: the cached values, read
    /// back with Nines' own xlsx reader.
    @Test func cachedFiguresArePlanJSONs() throws {
        let assessment = try Self.sample()
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("plan.xlsx")
        try PlanWorkbook(assessment).data().write(to: url)
        let workbook = try XlsxWorkbook(url: url, shownAs: "plan.xlsx")
        let json = try WorkbookRecalculationTests.planJSON(assessment)
        let applications = try #require(json["applications"] as? [[String: Any]])
        var costs: [String: Double] = [:]
        try workbook.forEachRow(of: "Applications") { row in
            if row.number > 1, let name = row.cells[0], let cost = row.cells[16].flatMap(Double.init) { costs[name] = cost }
            return true
        }
        for app in applications {
            let service = try #require(app["service"] as? [String: Double])
            #expect(costs[app["name"] as! String] == service["total_cost"], "\(app["name"]!)")
        }
        let tco = try #require((json["tco"] as? [String: Any])?["alternatives"] as? [[String: Any]])
        var npv: [String: Double] = [:]
        try workbook.forEachRow(of: "TCO") { row in
            if (5..<5 + tco.count).contains(row.number), let id = row.cells[0] { npv[id] = row.cells[16].flatMap(Double.init) }
            return true
        }
        for alternative in tco { #expect(npv[alternative["id"] as! String] == alternative["npv"] as? Double) }
    }

    /// A name that starts like a formula is an inline string in every sheet, never a formula.
    @Test func namesAreInlineStringsNeverFormulas() throws {
        let parts = try Self.parts(PlanWorkbook(Self.hostileSample()).data())
        let sheets = parts.filter { $0.path.hasPrefix("xl/worksheets/") }.map(\.text)
        for name in Self.hostileNames {
            let cell = "t=\"inlineStr\"><is><t>\(Escape.xml(name))</t></is></c>"
            #expect(sheets[0].contains(cell), "\(name) in Applications")
            #expect(sheets[1].contains(cell), "\(name) in Tier options")
            #expect(!sheets.joined().contains("<f>\(Escape.xml(name))"))
        }
        // No formula mentions a name: formulas only hold references, numbers and functions.
        for sheet in sheets {
            for formula in sheet.components(separatedBy: "<f>").dropFirst() {
                let body = formula.prefix { $0 != "<" }
                #expect(!body.contains("&lt;") && !body.contains("SUM(A1)"), "\(body)")
            }
        }
    }

    /// A name with markup, leading blanks or control characters stays well-formed text.
    @Test func textIsEscaped() throws {
        var sheet = WorksheetWriter(widths: [10], frozenRows: 0)
        sheet.startRow()
        sheet.text(" <a>&\u{1}")
        sheet.endRow()
        let xml = String(decoding: sheet.data(), as: UTF8.self)
        #expect(xml.contains("<c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> &lt;a&gt;&amp;\u{FFFD}</t></is></c>"))
    }
}
