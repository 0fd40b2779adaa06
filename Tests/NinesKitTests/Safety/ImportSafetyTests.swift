import Foundation
import Testing

@testable import NinesKit

/// The reproduced cases of "no silent drop of input rows, no crash on any number": every data
/// row is imported, skipped (by design) or refused with its reason and location, and the counts
/// add up; every number is checked before it is converted.
@Suite struct ImportSafetyTests {
    /// imported + skipped + refused = data rows.
    static func expectAccounted(_ result: ImportResult, rows: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(result.rows == rows, sourceLocation: sourceLocation)
        #expect(result.vms.count + result.excluded.count + result.refused.count == rows, sourceLocation: sourceLocation)
    }

    static func workbook(_ rows: [[SafetyWorkbook.Cell]], in folder: URL, name: String = "export.xlsx") throws -> String {
        let url = folder.appendingPathComponent(name)
        try SafetyWorkbook.write([("vInfo", rows)], to: url)
        return url.path
    }

    static func csvFolder(_ rows: [[SafetyWorkbook.Cell]], in folder: URL) throws -> String {
        let export = folder.appendingPathComponent("rvtools")
        try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
        try SafetyWorkbook.csv(rows).write(to: export.appendingPathComponent("RVTools_tabvInfo.csv"), atomically: true, encoding: .utf8)
        return export.path
    }

    /// 217 VMs, data row 3 (sheet row 4) with an empty VM cell: 216 imported, 1 refused at
    /// vInfo!A4. Before: reading stopped there and 2 VMs were imported, exit 0.
    @Test func emptyVMCellInWorkbookIsReportedAndReadingGoesOn() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = SafetyWorkbook.vInfo(count: 217)
        rows[3][0] = .text("")
        let result = try InventoryImporter.read([try Self.workbook(rows, in: folder)], format: .rvtools)
        #expect(result.vms.count == 216)
        #expect(result.refused.count == 1)
        #expect(result.refused.first?.reason == "vInfo!A4: the VM cell is empty")
        #expect(result.refused.first?.location.line == 4)
        #expect(result.vms.last?.name == "vm217")
        #expect(result.warnings.contains { $0.severity == .error && $0.message.contains("vInfo!A4") })
        Self.expectAccounted(result, rows: 217)
    }

    /// A VM cell that is a formula without a cached value (a workbook saved by a tool that does
    /// not compute formulas) is named as such, at its cell.
    @Test func formulaWithoutValueIsReportedAtItsCell() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = SafetyWorkbook.vInfo(count: 217)
        rows[13][0] = .formula("CONCAT(\"vm\",\"013\")")
        rows[20][3] = .formula("1+1")
        let result = try InventoryImporter.read([try Self.workbook(rows, in: folder)], format: .rvtools)
        #expect(result.vms.count == 215)
        #expect(
            result.refused.map(\.reason) == [
                "vInfo!A14: the VM cell is a formula without a cached value", "vInfo!D21: 'CPUs' is a formula without a cached value",
            ])
        Self.expectAccounted(result, rows: 217)
    }

    /// The RVTools CSV folder: same sheet, same outcome, located at file:line.
    @Test func emptyVMCellInCSVFolderIsReportedAndReadingGoesOn() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = SafetyWorkbook.vInfo(count: 217)
        rows[3][0] = .text("")
        let path = try Self.csvFolder(rows, in: folder)
        let result = try InventoryImporter.read([path], format: .rvtools)
        #expect(result.vms.count == 216)
        #expect(result.refused.map(\.location) == [SourceLocation(file: path + "/RVTools_tabvInfo.csv", line: 4)])
        #expect(result.refused.first?.reason == "the VM cell is empty")
        Self.expectAccounted(result, rows: 217)
    }

    /// Powered-off VMs and templates are skipped by design and counted as such.
    @Test func poweredOffAndTemplatesAreCountedAsSkipped() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = SafetyWorkbook.vInfo(count: 10)
        rows[2][1] = .text("poweredOff")
        rows[5][2] = .text("True")
        let result = try InventoryImporter.read([try Self.workbook(rows, in: folder)], format: .rvtools)
        #expect(result.excluded.map(\.reason) == ["powered off", "template"])
        #expect(result.vms.count == 8 && result.refused.isEmpty)
        Self.expectAccounted(result, rows: 10)
    }

    static let badCounts = ["NaN", "inf", "-inf", "1e20", "-1", "0x10", "2.5", "1e400", "0"]

    /// A CPU count of NaN, inf, 1e20, -1 or 0x10 in an RVTools workbook: that VM is refused at
    /// its cell (vInfo!D3), the others imported. Before: SIGILL at RVToolsVInfo.swift:44.
    @Test(arguments: badCounts) func badCPUCountInWorkbook(_ text: String) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = SafetyWorkbook.vInfo(count: 5)
        rows[2][3] = .number(text)
        let result = try InventoryImporter.read([try Self.workbook(rows, in: folder)], format: .rvtools)
        #expect(result.refused.map(\.name) == ["vm002"])
        #expect(result.refused.first?.reason.hasPrefix("vInfo!D3: 'CPUs' is") == true)
        #expect(result.refused.first?.location.line == 3)
        #expect(result.vms.count == 4)
        Self.expectAccounted(result, rows: 5)
    }

    @Test(arguments: badCounts) func badCPUCountInCSVFolder(_ text: String) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = SafetyWorkbook.vInfo(count: 5)
        rows[2][3] = .number(text)
        let result = try InventoryImporter.read([try Self.csvFolder(rows, in: folder)], format: .rvtools)
        #expect(result.refused.map(\.name) == ["vm002"])
        #expect(result.refused.first?.location.line == 3)
        #expect(result.refused.first?.reason.hasPrefix("'CPUs' is") == true)
        Self.expectAccounted(result, rows: 5)
    }

    /// Azure Migrate and PowerCLI CSVs. Before: SIGILL at TabularImporter.swift:52.
    @Test(arguments: badCounts) func badCPUCountInTabularCSVs(_ text: String) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let azure = folder.appendingPathComponent("azure.csv")
        try "Server name,Cores,Memory (In MB),Disk 1 size (In GB)\nok,2,4096,10\nbad,\(text),4096,10\n".write(
            to: azure, atomically: true, encoding: .utf8)
        let powercli = folder.appendingPathComponent("powercli.csv")
        try "Name,PowerState,NumCpu,MemoryGB,ProvisionedSpaceGB\nok,PoweredOn,2,4,10\nbad,PoweredOn,\(text),4,10\n".write(
            to: powercli, atomically: true, encoding: .utf8)
        for (url, format) in [(azure, InventoryImporter.Format.azureMigrate), (powercli, .powercli)] {
            let result = try InventoryImporter.read([url.path], format: format)
            #expect(result.vms.map(\.name) == ["ok"])
            #expect(result.refused.map(\.name) == ["bad"])
            #expect(result.refused.first?.location.line == 3)
            Self.expectAccounted(result, rows: 2)
        }
    }

    @Test(arguments: badCounts) func badCPUCountInOVF(_ text: String) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("vm.ovf")
        try """
        <Envelope><VirtualSystemCollection>
        <VirtualSystem id="good"><Name>good</Name><VirtualHardwareSection>
        <Item><ResourceType>3</ResourceType><VirtualQuantity>2</VirtualQuantity></Item>
        <Item><ResourceType>4</ResourceType><VirtualQuantity>4096</VirtualQuantity></Item>
        </VirtualHardwareSection></VirtualSystem>
        <VirtualSystem id="bad"><Name>bad</Name><VirtualHardwareSection>
        <Item><ResourceType>3</ResourceType><VirtualQuantity>\(text)</VirtualQuantity></Item>
        <Item><ResourceType>4</ResourceType><VirtualQuantity>4096</VirtualQuantity></Item>
        </VirtualHardwareSection></VirtualSystem>
        </VirtualSystemCollection></Envelope>
        """.write(to: url, atomically: true, encoding: .utf8)
        let result = try InventoryImporter.read([url.path], format: .ovf)
        #expect(result.vms.map(\.name) == ["good"])
        #expect(result.refused.map(\.name) == ["bad"])
        // The XML reader's line is that of the start tag or a little after it (it reads ahead).
        #expect((6...8).contains(result.refused.first?.location.line ?? 0))
        Self.expectAccounted(result, rows: 2)
    }

    @Test(arguments: badCounts) func badCPUCountInLibvirt(_ text: String) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, vcpu) in [("a-good", "2"), ("b-bad", text)] {
            try "<domain type='kvm'>\n<name>\(name)</name>\n<vcpu>\(vcpu)</vcpu>\n<memory unit='MiB'>4096</memory>\n</domain>\n".write(
                to: folder.appendingPathComponent("\(name).xml"), atomically: true, encoding: .utf8)
        }
        let result = try InventoryImporter.read([folder.path], format: .libvirt)
        #expect(result.vms.map(\.name) == ["a-good"])
        #expect(result.refused.map(\.name) == ["b-bad"])
        #expect(result.refused.first?.reason.contains("'vcpu' is") == true)
        #expect(result.refused.first?.reason.contains("<vcpu> at line") == true)
        Self.expectAccounted(result, rows: 2)
    }

    /// `nines check` on an engagement whose inventory is such a workbook: a located error, no
    /// crash.
    @Test func checkOnAWorkbookWithNaNCPUsReportsIt() throws {
        let folder = try TestPaths.acmeCopy(edits: [("engagement.yaml", "inventory: inventory.csv", "inventory: export.xlsx")])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        var rows = SafetyWorkbook.vInfo(count: 3)
        rows[2][3] = .number("NaN")
        _ = try Self.workbook(rows, in: folder)
        let error = try #require(throws: InputError.self) { try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path) }
        #expect(error.diagnostics.contains { $0.message.contains("vInfo!D3: 'CPUs' is 'NaN', not a finite number") })
    }
}
