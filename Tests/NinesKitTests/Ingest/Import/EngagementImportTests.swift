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
        #expect(loaded.engagement.workloads.map(\.application) == ["Shared SQL", "web01"])
        #expect(loaded.engagement.workloads.allSatisfy { $0.site == "hq" })
        #expect(loaded.warnings.contains { $0.message.contains("belong to no application") && $0.message.contains("web01") })
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
