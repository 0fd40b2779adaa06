import Foundation
import Testing

@testable import NinesKit

/// vPartition (the space used in each guest) and vCluster (today's clusters), from a workbook
/// and from the CSV export. In every test the rows of every tab read add up.
@Suite struct RVToolsTabsTests {
    typealias Cell = SafetyWorkbook.Cell

    static let partitionHeader: [Cell] = [
        .text("VM"), .text("Disk"), .text("Capacity MiB"), .text("Consumed MiB"), .text("Free MiB"), .text("Free %"),
    ]

    static func partition(_ vm: String, _ disk: String, capacity: Int, free: Int) -> [Cell] {
        [.text(vm), .text(disk), .number("\(capacity)"), .number("\(capacity - free)"), .number("\(free)"), .number("50")]
    }

    static func read(_ sheets: [(name: String, rows: [[Cell]])]) throws -> ImportResult {
        let url = try RVToolsWorkbookTests.workbook(sheets)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let result = try InventoryImporter.read([url.path], format: .rvtools)
        RVToolsWorkbookTests.expectAccounted(result)
        return result
    }

    /// Two partitions of `db` (capacity − free: 30 + 70 GiB), one of `web`; `off` is powered
    /// off, so its row is counted as of a VM not imported; `app` has no row and no figure. The
    /// inventory written carries `used_gib` and reads it back.
    @Test func usedSpaceFromVPartition() throws {
        let vInfo: [[Cell]] = [
            RVToolsWorkbookTests.vInfoHeader, RVToolsWorkbookTests.vm("db", provisionedMiB: 204_800), RVToolsWorkbookTests.vm("web"),
            RVToolsWorkbookTests.vm("app"),
            [.text("off"), .text("poweredOff"), .number("1"), .number("1024"), .number("1024")],
        ]
        let result = try Self.read([
            ("vInfo", vInfo),
            (
                "vPartition",
                [
                    Self.partitionHeader, Self.partition("db", "C:\\", capacity: 51_200, free: 20_480),
                    Self.partition("db", "D:\\", capacity: 153_600, free: 81_920),
                    Self.partition("web", "/", capacity: 10_240, free: 5_120),
                    Self.partition("off", "/", capacity: 1_024, free: 512),
                ]
            ),
        ])
        #expect(result.vms.map(\.usedGiB) == [100, 5, nil])
        let tally = try #require(result.sheets.first { $0.sheet == "vPartition" })
        #expect(tally.rows == 4 && tally.used == 3 && tally.ofVMsNotImported == 1 && tally.leftOut == 0)
        #expect(tally.sentence == "vPartition rows: 4 = 3 used + 1 of VMs not imported + 0 of VMs vInfo does not list + 0 left out")
        let workloads = MappingRules(defaultSite: "hq").workloads(from: result.vms).workloads
        let csv = InventoryCSVWriter.csv(workloads)
        #expect(csv.hasPrefix("vm,application,vcpus,memory_gib,disk_gib,os,site,power_state,tier,disks_gib,used_gib\n"))
        #expect(csv.contains("db,,2,4,200,,hq,poweredOn,,,100\n") && csv.contains("app,,2,4,10,,hq,poweredOn,,,\n"))
        var diagnostics = DiagnosticCollector()
        let table = try #require(CSVTable.parse(Data(csv.utf8), shownAs: "inventory.csv", diagnostics: &diagnostics))
        let read = InventoryCSVReader.read(table, diagnostics: &diagnostics)
        #expect(diagnostics.errors.isEmpty)
        #expect(read.map(\.usedGiB) == [100, 5, nil])
    }

    /// Partition rows of a VM vInfo does not list are named in one warning and counted; a row
    /// without a VM name and a row whose free and consumed space are not numbers are left out with a warning
    /// at their row, and the VM of the bad row gets no used figure (a partial sum would
    /// understate it) but is imported.
    @Test func partitionRowsNeverDroppedSilently() throws {
        let result = try Self.read([
            ("vInfo", [RVToolsWorkbookTests.vInfoHeader, RVToolsWorkbookTests.vm("db"), RVToolsWorkbookTests.vm("web")]),
            (
                "vPartition",
                [
                    Self.partitionHeader, Self.partition("db", "C:\\", capacity: 2048, free: 1024),
                    [.text("db"), .text("D:\\"), .number("4096"), .text("?"), .text("n/a"), .number("0")],
                    Self.partition("web", "/", capacity: 2048, free: 1024), Self.partition("ghost", "/", capacity: 2048, free: 1024),
                    Self.partition("ghost", "/var", capacity: 2048, free: 1024),
                    [.text(""), .text("/tmp"), .number("2048"), .number("1024"), .number("1024"), .number("50")],
                ]
            ),
        ])
        #expect(result.vms.map(\.name) == ["db", "web"] && result.vms.map(\.usedGiB) == [nil, 1])
        let tally = try #require(result.sheets.first { $0.sheet == "vPartition" })
        #expect(tally.rows == 6 && tally.used == 1 && tally.ofUnlistedVMs == 2 && tally.leftOut == 3)
        let bad = try #require(result.warnings.first { $0.message.hasPrefix("VM 'db' has a vPartition row") })
        #expect(bad.location.line == 3 && bad.location.file.hasSuffix("export.xlsx [vPartition]"))
        #expect(bad.message.contains("'Free MiB'") && bad.fix?.contains("correct the row") == true)
        let unnamed = try #require(result.warnings.first { $0.message.contains("vPartition row whose 'VM' cell is empty") })
        #expect(unnamed.location.line == 7)
        #expect(
            result.warnings.contains {
                $0.message.contains("vPartition has partition rows for 1 VM(s) that vInfo does not list") && $0.message.contains("ghost")
            })
    }

    /// The same problem on many rows is one entry when printed: three unnamed rows fold into
    /// one, two VMs with an unreadable partition into another.
    @Test func partitionProblemsFold() throws {
        let bad: (String) -> [Cell] = { [.text($0), .text("/"), .text("?"), .text("?"), .text("?"), .number("0")] }
        let unnamed: [Cell] = [.text(""), .text("/"), .number("1"), .number("1"), .number("0"), .number("0")]
        let result = try Self.read([
            ("vInfo", [RVToolsWorkbookTests.vInfoHeader, RVToolsWorkbookTests.vm("a"), RVToolsWorkbookTests.vm("b")]),
            ("vPartition", [Self.partitionHeader, bad("a"), bad("b"), unnamed, unnamed, unnamed]),
        ])
        let entries = DiagnosticDigest(result.warnings).entries
        #expect(entries.map(\.lines) == [[2, 3], [4, 5, 6]])
        #expect(result.sheets.first { $0.sheet == "vPartition" }?.leftOut == 5)
    }

    /// A vPartition tab without capacity, free or consumed columns is not read, with a warning
    /// at its header; the VMs are imported without a used figure.
    @Test func partitionTabWithoutItsColumns() throws {
        let result = try Self.read([
            ("vInfo", [RVToolsWorkbookTests.vInfoHeader, RVToolsWorkbookTests.vm("db")]),
            ("vPartition", [[.text("VM"), .text("Disk")], [.text("db"), .text("C:\\")]]),
        ])
        #expect(result.vms.map(\.usedGiB) == [nil])
        #expect(result.warnings.contains { $0.message.contains("vPartition has neither 'Capacity MiB'") && $0.location.line == 1 })
    }

    /// vCluster's figures as RVTools 4.x writes them: TotalMemory in bytes, Effective Memory in
    /// MiB, TotalCpu in MHz, HA and DRS as True/False. A row with a bad host count is left out
    /// with a warning; a workbook without vCluster reads no clusters and no vCluster tally.
    @Test func clustersFromVCluster() throws {
        let header: [Cell] = [
            "Name", "Config status", "NumHosts", "numEffectiveHosts", "TotalCpu", "NumCpuCores", "TotalMemory", "Effective Memory",
            "HA enabled", "DRS enabled", "DRS default VM behavior",
        ].map { .text($0) }
        let prod: [Cell] = [
            .text("Prod"), .text("green"), .number("4"), .number("4"), .number("184320"), .number("128"),
            .number("2199023255552"), .number("2048000"), .text("True"), .text("True"), .text("fullyAutomated"),
        ]
        let dmz: [Cell] = [
            .text("DMZ"), .text("green"), .text("two"), .number("2"), .number("1"), .number("1"), .number("1"), .number("1"),
            .text("False"), .text("False"), .text(""),
        ]
        let result = try Self.read([
            ("vInfo", [RVToolsWorkbookTests.vInfoHeader, RVToolsWorkbookTests.vm("db")]), ("vCluster", [header, prod, dmz]),
        ])
        let cluster = try #require(result.clusters.first)
        #expect(result.clusters.count == 1 && cluster.name == "Prod" && cluster.hosts == 4 && cluster.effectiveHosts == 4)
        #expect(cluster.cores == 128 && cluster.totalCPUMHz == 184_320)
        #expect(cluster.memoryGiB == 2048 && cluster.effectiveMemoryGiB == 2000)
        #expect(cluster.haEnabled == true && cluster.drsEnabled == true && cluster.drsBehavior == "fullyAutomated")
        let tally = try #require(result.sheets.first { $0.sheet == "vCluster" })
        #expect(tally.rows == 2 && tally.used == 1 && tally.leftOut == 1)
        let warning = try #require(result.warnings.first { $0.message.hasPrefix("cluster 'DMZ' left out") })
        #expect(warning.location.line == 3 && warning.message.contains("vCluster!C3: 'NumHosts' is 'two'"))
        #expect(
            ReportView.clusterLines(result.clusters) == [
                "Prod: 4 hosts (4 effective), 128 cores, 2,048 GiB of memory (2,000 GiB effective), HA on, DRS on (fullyAutomated)"
            ])
        let without = try Self.read([("vInfo", [RVToolsWorkbookTests.vInfoHeader, RVToolsWorkbookTests.vm("db")])])
        #expect(without.clusters.isEmpty && without.sheets.isEmpty)
    }

    /// The CSV export (`RVTools_tabvPartition.csv`, `RVTools_tabvCluster.csv` with the internal
    /// `vPartition…` and `vCluster…` names): erp-db01 uses 60 + 550 GiB, erp-app01 40 GiB; the
    /// powered-off old-app's row is counted as of a VM not imported; Prod has 2 hosts and
    /// 1 TiB (TotalMemory in bytes).
    @Test func partitionsAndClustersFromTheCSVExport() throws {
        let result = try InventoryImporter.read([ImportFormatTests.path("rvtools-csv")], format: .rvtools)
        RVToolsWorkbookTests.expectAccounted(result)
        #expect(result.vms.prefix(2).map(\.usedGiB) == [610, 40] && result.vms[2].usedGiB == nil)
        #expect(
            result.sheets.map(\.sentence) == [
                "vDisk rows: 3 = 3 used + 0 of VMs not imported + 0 of VMs vInfo does not list + 0 left out",
                "vPartition rows: 4 = 3 used + 1 of VMs not imported + 0 of VMs vInfo does not list + 0 left out",
                "vHost rows: 2 = 2 used + 0 left out", "vCluster rows: 1 = 1 used + 0 left out",
            ])
        #expect(result.clusters.map(\.name) == ["Prod"] && result.clusters[0].hosts == 2 && result.clusters[0].memoryGiB == 1024)
    }
}
