import Foundation
import Testing

@testable import NinesKit

/// What `nines import` prints about an RVTools export: vInfo's rows and every other tab's rows
/// accounted for, the space used in the guests, today's hosts and clusters.
@Suite(.enabled(if: NinesExecutable.enabled, NinesExecutable.needed)) struct ImportSummaryTests {
    @Test func everyTabIsAccountedFor() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let export = ImportFormatTests.path("rvtools-csv")
        let run = try NinesExecutable.run(["import", "rvtools", export, "-o", "inventory.csv", "--skip-refused"], in: work)
        #expect(run.status == 0, "\(run.errors)")
        let expected = [
            "rows read: 8 = 5 imported + 2 skipped + 1 refused",
            "vDisk rows: 3 = 3 used + 0 of VMs not imported + 0 of VMs vInfo does not list + 0 left out",
            "vPartition rows: 4 = 3 used + 1 of VMs not imported + 0 of VMs vInfo does not list + 0 left out",
            "vHost rows: 2 = 2 used + 0 left out", "vCluster rows: 1 = 1 used + 0 left out",
            "used in the guests (vPartition): 650.0 GiB of 1,320.0 GiB provisioned, 2 of 5 VMs measured",
            "today's clusters (vCluster): 1, 0 with HA, 0 with DRS: Prod",
        ]
        for line in expected { #expect(run.output.contains(line), "\(line)\n---\n\(run.output)") }
        let written = try String(contentsOf: work.appendingPathComponent("inventory.csv"), encoding: .utf8)
        #expect(written.contains("erp-db01,,8,128,1200,Microsoft Windows Server 2022 (64-bit),DC-Detroit,poweredOn,,100;1100,610\n"))
    }
}
