import Foundation
import Testing

@testable import NinesKit

@Suite struct ImportFormatTests {
    static let dir = TestPaths.fixtures.appendingPathComponent("import")

    static func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// The RVTools CSV export with internal `vInfo…` headers: templates and powered-off VMs are
    /// excluded, a row with no CPUs or memory is refused with its reasons, a blank row is
    /// skipped and reading goes on after it, duplicate names get stable suffixes, vDisk
    /// capacities win over Provisioned.
    @Test func rvtoolsCSVExport() throws {
        let result = try InventoryImporter.read([Self.path("rvtools-csv")], format: .rvtools)
        #expect(result.vms.map(\.name) == ["erp-db01", "erp-app01", "web01", "web01#2", "after-blank"])
        #expect(result.excluded.map(\.reason) == ["powered off", "template"])
        #expect(result.excluded.map(\.location.line) == [6, 7])
        #expect(result.refused.map(\.reason) == ["'vInfoCPUs' is empty; 'vInfoMemory' is empty"])
        #expect(result.refused.map(\.location.line) == [8])
        #expect(result.rows == 8)
        let db = result.vms[0]
        #expect(db.vcpus == 8 && db.memoryGiB == 128)
        // vDisk: 102,400 + 1,126,400 MiB = 1,200 GiB.
        #expect(db.diskGiB == 1200)
        #expect(db.annotation == "ERP database, primary")
        #expect(db.tags["Application Owner"] == "Finance")
        #expect(result.vms[2].diskGiB == 60)
        #expect(result.warnings.map(\.severity) == [.error, .warning])
        #expect(result.warnings[1].message.contains("kept as 'web01#2'"))
        // vHost: two hosts of 2 × 16 cores and 512 GiB.
        #expect(result.hosts.map(\.name) == ["esx01", "esx02"])
        #expect(result.hosts[0].cores == 32 && result.hosts[0].memoryGiB == 512 && result.hosts[0].cluster == "Prod")
    }

    @Test func includePoweredOffKeepsThemButNeverTemplates() throws {
        let result = try InventoryImporter.read([Self.path("rvtools-csv")], format: .rvtools, includePoweredOff: true)
        #expect(result.vms.contains { $0.name == "old-app" && !$0.poweredOn })
        #expect(result.excluded.map(\.reason) == ["template"])
        #expect(result.refused.map(\.name) == ["broken"])
    }

    @Test func ovfDescriptorAndOVAArchive() throws {
        for name in ["appliance.ovf", "appliance.ova"] {
            let result = try InventoryImporter.read([Self.path(name)], format: .ovf)
            let vm = try #require(result.vms.first)
            #expect(vm.name == "mes-hmi")
            #expect(vm.vcpus == 4)
            // 8,192 × 2^20 bytes = 8 GiB; disks 40 GiB (byte * 2^30) + 10,737,418,240 bytes = 50 GiB.
            #expect(vm.memoryGiB == 8)
            #expect(vm.diskGiB == 50)
            #expect(vm.os == "Ubuntu Linux (64-bit)")
        }
    }

    @Test func allocationUnits() throws {
        #expect(try OVFImporter.bytes(per: "byte * 2^20", source: "t", line: 1) == 1_048_576)
        #expect(try OVFImporter.bytes(per: "byte*1024", source: "t", line: 1) == 1024)
        #expect(try OVFImporter.bytes(per: "MegaBytes", source: "t", line: 1) == 1_048_576)
        #expect(throws: ImportError.self) { try OVFImporter.bytes(per: "furlongs", source: "t", line: 1) }
    }

    @Test func libvirtFolder() throws {
        let result = try InventoryImporter.read([Self.path("libvirt")], format: .libvirt)
        #expect(result.vms.map(\.name) == ["db01", "web01"])
        #expect(result.vms[0].memoryGiB == 16)
        #expect(result.vms[0].vcpus == 4)
        #expect(result.vms[0].annotation == "PostgreSQL primary")
        #expect(result.vms[1].memoryGiB == 4)
    }

    @Test func azureMigrateCSV() throws {
        let result = try InventoryImporter.read([Self.path("azure-migrate.csv")], format: .azureMigrate)
        #expect(result.vms.map(\.name) == ["sql01", "app01"])
        #expect(result.vms[0].memoryGiB == 64)
        #expect(result.vms[0].diskGiB == 768)
        #expect(result.vms[0].os == "Windows Server 2019")
        #expect(result.refused.map(\.location.line) == [4])
        #expect(result.refused.first?.reason == "'Cores' is empty; 'Memory (In MB)' is empty")
    }

    @Test func powerCLIExportWithTypeLine() throws {
        let result = try InventoryImporter.read([Self.path("powercli.csv")], format: .powercli)
        #expect(result.vms.map(\.name) == ["file01"])
        #expect(result.vms[0].memoryGiB == 8 && result.vms[0].diskGiB == 500.25)
        #expect(result.vms[0].folder == "Prod")
        #expect(result.excluded.first?.reason == "powered off")
        #expect(result.excluded.first?.location.line == 4)
        #expect(InventoryImporter.format(ofCSVHeader: ["#TYPE VMware.VimAutomation"]) == .powercli)
    }

    @Test func mappingRulesAssignApplicationsAndSites() throws {
        let result = try InventoryImporter.read([Self.path("rvtools-csv")], format: .rvtools)
        var diagnostics = DiagnosticCollector()
        let yaml = """
            version: 1
            mapping:
              - {match: folder, pattern: "^/Prod/ERP", application: ERP}
              - {match: "tag:Application Owner", pattern: Marketing, application: Website}
              - {match: datacenter, pattern: Lyon, site: lyon}
            default_site: hq
            """
        let file = try #require(YAMLFile.parse(Data(yaml.utf8), shownAs: "e.yaml", diagnostics: &diagnostics))
        let map = try #require(
            YAMLMap(file.root, in: file, what: "engagement.yaml", keys: EngagementSettings.keys, diagnostics: &diagnostics))
        let rules = MappingRules.read(map, diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors)
        let (workloads, unmapped, _) = rules.workloads(from: result.vms)
        #expect(workloads.map(\.application) == ["ERP", "ERP", "Website", "Website", "after-blank"])
        #expect(workloads.map(\.site) == ["hq", "hq", "hq", "lyon", "hq"])
        #expect(unmapped == ["after-blank"])
        let csv = InventoryCSVWriter.csv(workloads)
        var reread = DiagnosticCollector()
        let table = try #require(CSVTable.parse(Data(csv.utf8), shownAs: "inv.csv", diagnostics: &reread))
        #expect(InventoryCSVReader.read(table, diagnostics: &reread).map(\.name) == workloads.map(\.name))
        #expect(!reread.hasErrors)
    }

    @Test func badMappingRulesAreReported() throws {
        var diagnostics = DiagnosticCollector()
        let yaml =
            "mapping:\n  - {match: colour, pattern: x, application: A}\n  - {match: name, pattern: \"(\", application: B}\n  - {match: name, pattern: x}\n"
        let file = try #require(YAMLFile.parse(Data(yaml.utf8), shownAs: "e.yaml", diagnostics: &diagnostics))
        let map = try #require(
            YAMLMap(file.root, in: file, what: "engagement.yaml", keys: EngagementSettings.keys, diagnostics: &diagnostics))
        _ = MappingRules.read(map, diagnostics: &diagnostics)
        #expect(diagnostics.errors.map(\.location.line) == [2, 3, 4])
    }
}

@Suite struct BrokenTabularImportTests {
    /// A CSV without the columns of the format it is imported as names the file, the header
    /// line and the columns it needs.
    @Test func wrongColumnsAreNamed() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("export.csv")
        try "Host,CPU\nx,2\n".write(to: url, atomically: true, encoding: .utf8)
        let powercli = #expect(throws: ImportError.self) { try InventoryImporter.read([url.path], format: .powercli) }
        #expect(powercli?.message.contains("Name, NumCpu and MemoryGB") == true)
        #expect(powercli?.location?.line == 1)
        let azure = #expect(throws: ImportError.self) { try InventoryImporter.read([url.path], format: .azureMigrate) }
        #expect(azure?.message.contains("Server name") == true)
        let missing = #expect(throws: ImportError.self) {
            try InventoryImporter.read([folder.appendingPathComponent("nope.csv").path], format: .powercli)
        }
        #expect(missing?.message.contains("no such file") == true)
    }
}
