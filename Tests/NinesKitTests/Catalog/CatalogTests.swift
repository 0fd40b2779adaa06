import Foundation
import Testing

@testable import NinesKit

@Suite struct CatalogTests {
    @Test func bundledCatalogLoadsWithThePublishedLimits() throws {
        let catalog = try Catalog.load(from: TestPaths.catalog)
        let enterprise = try #require(catalog.platform("everrun-enterprise"))
        // Servo Dynamics, "Stratus everRun", specifications table: 384 GB, 28 VMs, 8 vCPUs per FT
        // VM; everRun 7.x docs: +20%, n+2 / n+1.
        #expect(enterprise.maxMemoryGiB.value == 384)
        #expect(enterprise.maxVMs.value == 28)
        #expect(enterprise.ftMaxVCPUs.value == 8)
        #expect(enterprise.memoryOverhead.value == 0.2)
        #expect(enterprise.threads(vcpus: 4, tier: .ft) == 6)
        #expect(enterprise.threads(vcpus: 4, tier: .ha) == 5)
        #expect(catalog.platform("everrun-express")?.supports == [.ha])
        #expect(catalog.hardware.count >= 3)
        #expect(catalog.tier(.ft).hostFailureRecovery.value == TimeSpan(seconds: 5))
    }

    @Test func everyFactHasASourceOrIsAnAssumption() throws {
        let catalog = try Catalog.load(from: TestPaths.catalog)
        let facts = catalog.entries.flatMap(\.facts)
        #expect(facts.count > 50)
        for fact in facts {
            #expect(fact.provenance.source != nil || fact.provenance.assumption, "\(fact.key) at \(fact.location)")
            if fact.provenance.assumption { #expect(fact.provenance.note != nil, "assumption without a note: \(fact.location)") }
        }
    }

    @Test func aNumberWithoutSourceIsRejectedAtItsLine() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in Catalog.fileNames {
            try FileManager.default.copyItem(at: TestPaths.catalog.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let url = folder.appendingPathComponent("failure-rates.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let edited = text.replacingOccurrences(
            of: "  pue:\n    value: 1.58\n    source: \"Uptime Institute, 'Global Data Center Survey 2023' (2023): average PUE 1.58; "
                + "https://uptimeinstitute.com\"\n",
            with: "  pue: 1.58\n  colour: blue\n")
        #expect(edited != text)
        try edited.write(to: url, atomically: true, encoding: .utf8)
        let error = try #require(throws: InputError.self) { try Catalog.load(from: folder) }
        let lines = edited.split(separator: "\n", omittingEmptySubsequences: false)
        let pueLine = lines.firstIndex { $0.hasPrefix("  pue:") }! + 1
        #expect(error.diagnostics.contains { $0.message == "'pue' has no source" && $0.location.line == pueLine })
        #expect(error.diagnostics.contains { $0.message.contains("unknown key 'colour'") && $0.location.line == pueLine + 1 })
    }
}
