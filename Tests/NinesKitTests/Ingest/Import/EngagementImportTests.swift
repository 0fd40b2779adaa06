import Foundation
import Testing

@testable import NinesKit

/// `inventory:` in engagement.yaml may name a foreign export directly; the engagement's mapping
/// rules then assign applications and sites.
@Suite struct EngagementImportTests {
    @Test func engagementReadsALibvirtFolderWithMappingRules() throws {
        let folder = try TestPaths.acmeCopy(edits: [
            (
                "engagement.yaml", "inventory: inventory.csv",
                "inventory: libvirt\nmapping:\n  - {match: name, pattern: \"^db\", application: Shared SQL}\ndefault_site: hq"
            )
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try FileManager.default.copyItem(
            at: ImportFormatTests.dir.appendingPathComponent("libvirt"), to: folder.appendingPathComponent("libvirt"))
        let loaded = try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path)
        #expect(loaded.engagement.workloads.map(\.name) == ["db01", "web01"])
        #expect(loaded.engagement.workloads.map(\.application) == ["Shared SQL", Application.unassigned])
        #expect(loaded.engagement.workloads.allSatisfy { $0.site == "hq" })
        #expect(loaded.warnings.contains { $0.message.contains("belong to no application") && $0.message.contains("web01") })
    }

    /// VMs no application claims are one group, never one application each: 40 VMs without an
    /// application make one "Unassigned" application with 40 VMs, planned on the backup tier
    /// with no downtime cost; an application of that name in applications.yaml gives the group
    /// its SLA and impact.
    @Test func unmappedVMsAreOneGroup() throws {
        let rows = (1...40).map { "stray\($0),,2,4,60,Ubuntu 22.04,\($0 % 2 == 0 ? "hq" : "dr"),poweredOn," }
        let folder = try TestPaths.acmeCopy(edits: [
            ("inventory.csv", "jumpbox01,,2,4,60,Windows Server 2022,hq,poweredOn,", rows.joined(separator: "\n"))
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let loaded = try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path)
        let groups = loaded.engagement.applications.filter { $0.name == Application.unassigned }
        #expect(groups.count == 1)
        #expect(loaded.engagement.workloads(of: Application.unassigned).count == 40)
        #expect(!loaded.engagement.applications.contains { $0.name.hasPrefix("stray") })
        let warning = try #require(loaded.warnings.first { $0.message.contains("belong to no application") })
        #expect(warning.message.contains("40 VM(s) at dr, hq"))
        let plan = Planner.plan(loaded)
        let decision = try #require(plan.decisions.first { $0.application.name == Application.unassigned })
        #expect(decision.chosen.tier == TierID(.backup))
        #expect(decision.service.totalCost == 0)
    }

    @Test func hostileInventoryIsAnInputError() throws {
        let folder = try TestPaths.acmeCopy(edits: [("engagement.yaml", "inventory: inventory.csv", "inventory: domain.xml")])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try FileManager.default.copyItem(
            at: ImportFormatTests.dir.appendingPathComponent("xxe.xml"), to: folder.appendingPathComponent("domain.xml"))
        let error = try #require(throws: InputError.self) { try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path) }
        #expect(error.diagnostics.contains { $0.location.file.hasSuffix("domain.xml") && $0.message.contains("DOCTYPE") })
    }
}
