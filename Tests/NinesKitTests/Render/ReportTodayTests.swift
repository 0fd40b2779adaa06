import Foundation
import Testing

@testable import NinesKit

/// The report's picture of today beyond the hosts: disk provisioned against the space used in
/// the guests (inventory `used_gib`, RVTools vPartition) and the clusters (RVTools vCluster),
/// in the report and in plan.json; absent when the inventory does not say.
@Suite struct ReportTodayTests {
    /// acme with `used_gib` for erp-db01 (600 of its 1,200 GiB) and erp-app01 (30 of 120 GiB):
    /// the report gives provisioned against used per site and in total, plan.json the totals.
    @Test func usedDiskInTheReportAndPlanJSON() throws {
        let folder = try TestPaths.acmeCopy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let inventory = folder.appendingPathComponent("inventory.csv")
        let lines = try String(contentsOf: inventory, encoding: .utf8).split(separator: "\n").map { line in
            if line.hasPrefix("vm,") { return line + ",used_gib" }
            if line.hasPrefix("erp-db01,") { return line + ",600" }
            if line.hasPrefix("erp-app01,") { return line + ",30" }
            return line + ","
        }
        try (lines.joined(separator: "\n") + "\n").write(to: inventory, atomically: true, encoding: .utf8)
        let plan = try Pipeline.assess(Pipeline.Options(engagement: folder.path, catalog: TestPaths.catalog.path, trials: 0))
        let view = ReportView(plan)
        let hq = try #require(view.diskToday.first)
        #expect(hq.hasPrefix("hq: ") && hq.hasSuffix("; the 2 measured use 630 GiB of their 1,320 GiB (48%)"))
        // hq, dr, lyon (the engagement's order), then all sites.
        #expect(view.diskToday.map { String($0.prefix(4)) } == ["hq: ", "dr: ", "lyon", "All "])
        #expect(view.diskToday[1].hasSuffix("; none measured in the guest"))
        #expect(view.hasDiskToday && !view.hasClusters)
        let report = String(
            decoding: try PlanRenderer(templates: TemplateSet.load(from: TestPaths.templates)).files(for: plan)["report.md"]!, as: UTF8.self
        )
        #expect(report.contains("Disk today, provisioned and used inside the guests (RVTools vPartition):\n\n- hq: "))
        let json = try #require(try JSONSerialization.jsonObject(with: PlanDocument(plan).json()) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        let poweredOn = plan.engagement.workloads.filter(\.poweredOn)
        #expect(summary["used_disk_gib"] as? Double == 630 && summary["used_disk_vms"] as? Int == 2)
        #expect(summary["disk_gib"] as? Double == poweredOn.reduce(0) { $0 + $1.diskGiB })
    }

    /// Without used figures nor clusters (the acme sample), neither section is there and
    /// plan.json has no `used_disk_gib`.
    @Test func absentWhenTheInventoryDoesNotSay() throws {
        let plan = try Pipeline.assess(Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, trials: 0))
        let view = ReportView(plan)
        #expect(view.diskToday.isEmpty && view.currentClusters.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: PlanDocument(plan).json()) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["used_disk_gib"] == nil && summary["used_disk_vms"] as? Int == 0)
    }

    /// An engagement whose inventory is the RVTools CSV export: its vCluster and vPartition
    /// reach the engagement and the report (1,200 + 120 + 60 + 60 + 40 GiB provisioned).
    @Test func rvtoolsInventoryBringsClustersAndUsedDisk() throws {
        let folder = try TestPaths.acmeCopy(edits: [
            ("engagement.yaml", "inventory: inventory.csv", "inventory: rvtools-csv\ndefault_site: hq")
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let export = folder.appendingPathComponent("rvtools-csv")
        try FileManager.default.copyItem(at: ImportFormatTests.dir.appendingPathComponent("rvtools-csv"), to: export)
        // Without its refused row (`broken`), which would stop the plan.
        let vInfo = export.appendingPathComponent("RVTools_tabvInfo.csv")
        let rows = try String(contentsOf: vInfo, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("broken,") }
        try (rows.joined(separator: "\n") + "\n").write(to: vInfo, atomically: true, encoding: .utf8)
        let plan = try Pipeline.assess(Pipeline.Options(engagement: folder.path, catalog: TestPaths.catalog.path, trials: 0))
        #expect(plan.engagement.currentClusters.map(\.name) == ["Prod"])
        #expect(plan.engagement.workloads.first { $0.name == "erp-db01" }?.usedGiB == 610)
        let view = ReportView(plan)
        #expect(view.currentClusters == ["Prod: 2 hosts, 1,024 GiB of memory"])
        #expect(view.currentEstate?.hasPrefix("2 hosts in 1 clusters") == true)
        #expect(view.diskToday == ["5 VMs, 1,480 GiB provisioned; the 2 measured use 650 GiB of their 1,320 GiB (49%)"])
    }
}
