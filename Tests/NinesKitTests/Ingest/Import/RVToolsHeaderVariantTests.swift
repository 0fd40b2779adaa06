import Foundation
import Testing

@testable import NinesKit

/// The header variants of RVTools 3.x and 4.x, each with the version it comes from (the sources
/// are listed on `RVToolsColumns`). RVTools counted in binary units in every version; 3.x up to
/// 3.10 only labelled them `MB`, so an `MB` column is read as MiB (1 MB = 1,048,576 bytes), never
/// as 10^6 bytes.
@Suite struct RVToolsHeaderVariantTests {
    typealias Cell = SafetyWorkbook.Cell

    static func read(_ sheets: [(name: String, rows: [[Cell]])]) throws -> ImportResult {
        let url = try RVToolsWorkbookTests.workbook(sheets)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let result = try InventoryImporter.read([url.path], format: .rvtools)
        RVToolsWorkbookTests.expectAccounted(result)
        return result
    }

    /// RVTools 3.x (the header row of Fixtures/rvtools/sizing-workshop.xlsx, whose vHost reports
    /// ESXi 6.0): vInfo `Provisioned MB`, `In Use MB`; vDisk `Capacity MB`; vPartition
    /// `Capacity MB`, `Consumed MB`, `Free MB` and `Free % ` with its trailing space. 10,240 "MB"
    /// is 10 GiB (as 10^6 bytes it would be 9.54 GiB); the partition's used space is
    /// 81,916 − 40,406 = 41,510 MiB.
    @Test func rvtools3MBHeaders() throws {
        let vInfo: [[Cell]] = [
            ["VM", "Powerstate", "Template", "CPUs", "Memory", "Provisioned MB", "In Use MB"].map { .text($0) },
            [.text("wadfs1"), .text("poweredOn"), .text("False"), .number("2"), .number("8192"), .number("10240"), .number("5000")],
            [.text("wowas1"), .text("poweredOn"), .text("False"), .number("4"), .number("16384"), .number("99999"), .number("5000")],
        ]
        let vDisk: [[Cell]] = [
            [.text("VM"), .text("Disk"), .text("Capacity MB")], [.text("wowas1"), .text("Hard disk 1"), .number("61440")],
            [.text("wowas1"), .text("Hard disk 2"), .number("20480")],
        ]
        let vPartition: [[Cell]] = [
            ["VM", "Powerstate", "Template", "Disk", "Capacity MB", "Consumed MB", "Free MB", "Free % "].map { .text($0) },
            [.text("wadfs1"), .text("poweredOn"), .text("False"), .text("C:\\")] + ["81916", "41510", "40406", "49"].map { .number($0) },
        ]
        let result = try Self.read([("vInfo", vInfo), ("vDisk", vDisk), ("vPartition", vPartition)])
        #expect(result.vms.map(\.diskGiB) == [10, 80])
        #expect(result.vms[1].disksGiB == [60, 20])
        #expect(result.vms.map(\.usedGiB) == [41_510.0 / 1024, nil])
        #expect(result.warnings.isEmpty)
    }

    /// RVTools 4.x (the header row of Fixtures/rvtools/kubev2v-example1.xlsx): `Provisioned
    /// MiB`, `In Use MiB`, `Total disk capacity MiB`; vPartition `Capacity MiB`, `Consumed MiB`,
    /// `Free MiB` after `SRM Placeholder` and `Disk Key`.
    @Test func rvtools4MiBHeaders() throws {
        let vInfo: [[Cell]] = [
            [
                "VM", "Powerstate", "Template", "SRM Placeholder", "CPUs", "Memory", "Total disk capacity MiB", "Provisioned MiB",
                "In Use MiB",
            ]
            .map { .text($0) },
            [.text("vm-3"), .text("poweredOn"), .text("False"), .text("False")]
                + ["3", "3526", "531343", "531343", "10"].map { .number($0) },
        ]
        let vPartition: [[Cell]] = [
            ["VM", "Powerstate", "Template", "SRM Placeholder", "Disk Key", "Disk", "Capacity MiB", "Consumed MiB", "Free MiB", "Free %"]
                .map { .text($0) },
            [.text("vm-3"), .text("poweredOn"), .text("False"), .text("False"), .text(""), .text("/sp")]
                + ["507984", "701", "507283", "99"].map { .number($0) },
        ]
        let result = try Self.read([("vInfo", vInfo), ("vPartition", vPartition)])
        #expect(result.vms.map(\.diskGiB) == [531_343.0 / 1024])
        #expect(result.vms.map(\.usedGiB) == [701.0 / 1024])
    }

    /// The CSV export's internal names (`RVTools_tabvPartition.csv` of RVTools 4.x:
    /// `vPartitionVMName`, `vPartitionCapacityMiB`, `vPartitionConsumedMiB`), here without a
    /// free column: the used space is then the consumed column.
    @Test func csvExportInternalNamesWithoutFree() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "vInfoVMName,vInfoPowerstate,vInfoCPUs,vInfoMemory,vInfoProvisioned\napp01,poweredOn,2,4096,40960\n"
            .write(to: folder.appendingPathComponent("RVTools_tabvInfo.csv"), atomically: true, encoding: .utf8)
        try "vPartitionVMName,vPartitionDisk,vPartitionCapacityMiB,vPartitionConsumedMiB\napp01,/,20480,5120\napp01,/var,10240,1024\n"
            .write(to: folder.appendingPathComponent("RVTools_tabvPartition.csv"), atomically: true, encoding: .utf8)
        let result = try InventoryImporter.read([folder.path], format: .rvtools)
        RVToolsWorkbookTests.expectAccounted(result)
        #expect(result.vms.map(\.usedGiB) == [6] && result.vms.map(\.diskGiB) == [40])
    }

    /// Every variant listed on `RVToolsColumns` is found by `HeaderMap`, whatever its spacing
    /// and case (a hand-edited export), and none of the vPartition names is taken for another.
    @Test func everyVariantIsFound() {
        let lists = [
            RVToolsColumns.provisioned, RVToolsColumns.inUse, RVToolsColumns.diskCapacity, RVToolsColumns.partitionCapacity,
            RVToolsColumns.partitionConsumed, RVToolsColumns.partitionFree, RVToolsColumns.clusterTotalMemory,
        ]
        for aliases in lists {
            for alias in aliases {
                #expect(HeaderMap(["x", alias.uppercased(), "y"]).column(aliases) == 1, "\(alias)")
                #expect(HeaderMap([alias.replacingOccurrences(of: " ", with: "  ")]).column(aliases) == 0, "\(alias)")
            }
        }
        #expect(HeaderMap(RVToolsColumns.partitionFree).column(RVToolsColumns.partitionCapacity) == nil)
    }
}
