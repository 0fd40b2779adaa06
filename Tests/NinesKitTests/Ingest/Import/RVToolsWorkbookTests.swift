import Foundation
import Testing

@testable import NinesKit

/// What consultants meet in real RVTools workbooks: title rows above the header, a header
/// named twice, several disks per VM, two vCenters at once. In every test the rows read are
/// the rows imported, skipped and refused.
@Suite struct RVToolsWorkbookTests {
    typealias Cell = SafetyWorkbook.Cell

    static let vInfoHeader: [Cell] = [.text("VM"), .text("Powerstate"), .text("CPUs"), .text("Memory"), .text("Provisioned MiB")]

    static func vm(_ name: String, cpus: Int = 2, memoryMiB: Int = 4096, provisionedMiB: Int = 10240) -> [Cell] {
        [.text(name), .text("poweredOn"), .number("\(cpus)"), .number("\(memoryMiB)"), .number("\(provisionedMiB)")]
    }

    /// Writes a workbook of `sheets` into a fresh folder; the caller removes the folder.
    static func workbook(_ sheets: [(name: String, rows: [[Cell]])], name: String = "export.xlsx") throws -> URL {
        let url = try TestPaths.temporaryFolder().appendingPathComponent(name)
        try SafetyWorkbook.write(sheets, to: url)
        return url
    }

    /// vInfo's rows are the VMs imported, skipped and refused; every other tab's rows are the
    /// rows used, of VMs not imported, of VMs vInfo does not list and left out.
    static func expectAccounted(_ result: ImportResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(result.vms.count + result.excluded.count + result.refused.count == result.rows, sourceLocation: sourceLocation)
        for tally in result.sheets {
            #expect(tally.isBalanced, "\(tally.sentence)", sourceLocation: sourceLocation)
        }
    }

    /// Two title rows and a blank one above the header: the header is found on row 4, the title
    /// rows are not data, and a warning says where the header was.
    @Test func headerUnderTitleRows() throws {
        let url = try Self.workbook([
            (
                "vInfo",
                [[.text("RVTools export of vcenter01")], [.text("Created 2024-05-01")], [], Self.vInfoHeader, Self.vm("a"), Self.vm("b")]
            ),
            ("vDisk", [[.text("Disks")], [.text("VM"), .text("Capacity MiB")], [.text("a"), .number("20480")]]),
        ])
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let result = try InventoryImporter.read([url.path], format: .rvtools)
        #expect(result.vms.map(\.name) == ["a", "b"])
        #expect(result.rows == 2)
        Self.expectAccounted(result)
        #expect(result.vms[0].diskGiB == 20 && result.vms[1].diskGiB == 10)
        let notes = result.warnings.map(\.message)
        #expect(notes.contains { $0.contains("vInfo's header is on row 4") })
        #expect(notes.contains { $0.contains("vDisk's header is on row 2") })
        #expect(result.warnings.first { $0.message.contains("vInfo's header") }?.location.line == 4)
    }

    /// No `VM` column in the first ten rows: refused, saying where the header was expected and
    /// what the first row reads.
    @Test func headerNotFoundSaysWhereItWasExpected() throws {
        let rows: [[Cell]] = (1...11).map { [.text("title \($0)")] } + [Self.vInfoHeader, Self.vm("a")]
        let url = try Self.workbook([("vInfo", rows)])
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let error = #expect(throws: ImportError.self) { try InventoryImporter.read([url.path], format: .rvtools) }
        #expect(error?.message.contains("no 'VM' column in its first 10 rows") == true)
        #expect(error?.message.contains("expected in row 1 (row 1 reads: title 1)") == true)
        #expect(error?.location?.file.hasSuffix("export.xlsx [vInfo]") == true)
    }

    /// `CPUs` heads columns C and F: the first is read, and the warning names both cells.
    @Test func duplicateHeaderIsReadFromTheFirstWithAWarning() throws {
        let header = Self.vInfoHeader + [.text("CPUs")]
        let url = try Self.workbook([("vInfo", [header, Self.vm("a", cpus: 4) + [.number("64")]])])
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let result = try InventoryImporter.read([url.path], format: .rvtools)
        #expect(result.vms.map(\.vcpus) == [4])
        Self.expectAccounted(result)
        let warning = try #require(result.warnings.first { $0.message.contains("heads two columns") })
        #expect(warning.message.contains("vInfo!C1 and vInfo!F1"))
        #expect(warning.severity == .warning && warning.location.line == 1)
        #expect(result.vms[0].tags.isEmpty)
    }

    /// vDisk lists a VM's two disks: both are kept, their sum wins over vInfo's Provisioned, and
    /// the inventory written carries them in `disks_gib` and reads them back.
    @Test func twoDisksFromVDisk() throws {
        let url = try Self.workbook([
            ("vInfo", [Self.vInfoHeader, Self.vm("db", provisionedMiB: 999_999), Self.vm("web")]),
            (
                "vDisk",
                [
                    [.text("VM"), .text("Disk"), .text("Capacity MiB")], [.text("db"), .text("Hard disk 1"), .number("40960")],
                    [.text("db"), .text("Hard disk 2"), .number("102400")],
                ]
            ),
        ])
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let result = try InventoryImporter.read([url.path], format: .rvtools)
        Self.expectAccounted(result)
        let db = try #require(result.vms.first)
        #expect(db.disksGiB == [40, 100] && db.diskGiB == 140)
        #expect(result.vms[1].disksGiB.isEmpty && result.vms[1].diskGiB == 10)
        let workloads = MappingRules(defaultSite: "hq").workloads(from: result.vms).workloads
        let csv = InventoryCSVWriter.csv(workloads)
        #expect(csv.contains("db,,2,4,140,,hq,poweredOn,,40;100,\n"))
        var diagnostics = DiagnosticCollector()
        let table = try #require(CSVTable.parse(Data(csv.utf8), shownAs: "inventory.csv", diagnostics: &diagnostics))
        let read = InventoryCSVReader.read(table, diagnostics: &diagnostics)
        #expect(diagnostics.errors.isEmpty)
        #expect(read.first?.disksGiB == [40, 100] && read.first?.diskGiB == 140)
    }

    /// Disk rows of a VM that vInfo does not list are not dropped silently: one warning names
    /// them, and the VMs vInfo lists are imported as usual.
    @Test func diskRowsOfAnUnlistedVMAreNamed() throws {
        let url = try Self.workbook([
            ("vInfo", [Self.vInfoHeader, Self.vm("web")]),
            (
                "vDisk",
                [
                    [.text("VM"), .text("Capacity MiB")], [.text("web"), .number("20480")], [.text("ghost"), .number("10240")],
                    [.text("ghost"), .number("10240")],
                ]
            ),
        ])
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let result = try InventoryImporter.read([url.path], format: .rvtools)
        Self.expectAccounted(result)
        #expect(result.sheets.first { $0.sheet == "vDisk" }?.ofUnlistedVMs == 2)
        #expect(result.vms.map(\.name) == ["web"] && result.vms[0].diskGiB == 20)
        let notes = result.warnings.map(\.message)
        #expect(notes.contains { $0.contains("vDisk has disk rows for 1 VM(s) that vInfo does not list") && $0.contains("ghost") })
    }

    @Test func disksMustAddUpToTheTotal() throws {
        var diagnostics = DiagnosticCollector()
        let csv =
            "vm,application,vcpus,memory_gib,disk_gib,os,site,power_state,disks_gib\na,,2,4,100,,hq,poweredOn,40;50\nb,,2,4,,,hq,on,30;20\n"
        let table = try #require(CSVTable.parse(Data(csv.utf8), shownAs: "inventory.csv", diagnostics: &diagnostics))
        let read = InventoryCSVReader.read(table, diagnostics: &diagnostics)
        #expect(read.map(\.name) == ["b"] && read.first?.diskGiB == 50)
        #expect(diagnostics.errors.map(\.location.line) == [2])
        #expect(diagnostics.errors.first?.message.contains("adds up to 90 GiB but 'disk_gib' is 100 GiB") == true)
    }

    /// Two vCenters with a VM of the same name: both kept, the second with a stable suffix and a
    /// warning naming where the first one is.
    @Test func twoExportsGiveUniqueNames() throws {
        let lyon = try Self.workbook([("vInfo", [Self.vInfoHeader, Self.vm("web01"), Self.vm("db01")])], name: "lyon.xlsx")
        let paris = try Self.workbook([("vInfo", [Self.vInfoHeader, Self.vm("WEB01"), Self.vm("app01")])], name: "paris.xlsx")
        defer {
            try? FileManager.default.removeItem(at: lyon.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: paris.deletingLastPathComponent())
        }
        for _ in 0..<2 {
            let result = try InventoryImporter.read([lyon.path, paris.path], format: .rvtools)
            #expect(result.vms.map(\.name) == ["web01", "db01", "WEB01#2", "app01"])
            #expect(result.rows == 4)
            Self.expectAccounted(result)
            let warning = try #require(result.warnings.first)
            #expect(warning.location.file.hasSuffix("paris.xlsx [vInfo]") && warning.location.line == 2)
            #expect(warning.message.contains("lyon.xlsx [vInfo]:2"))
            #expect(warning.message.contains("kept as 'WEB01#2'"))
        }
    }
}
