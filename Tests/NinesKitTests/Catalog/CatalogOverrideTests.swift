import Foundation
import Testing

@testable import NinesKit

/// engagement.yaml's `catalog_overrides:` replaces catalog values for one engagement: the value
/// is used, its provenance names the engagement line, a mistyped path is an error at that line,
/// and the catalog's own checks still judge the value.
@Suite struct CatalogOverrideTests {
    static func load(_ overrides: String) throws -> LoadedEngagement {
        let folder = try TestPaths.acmeCopy(edits: [
            ("engagement.yaml", "inventory: inventory.csv", "inventory: inventory.csv\n" + overrides)
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        return try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path)
    }

    @Test func overridesAValueWithTheEngagementAsItsProvenance() throws {
        let loaded = try Self.load(
            """
            catalog_overrides:
              failure-rates.yaml:
                rates.host_failures_per_year: 0.5
              tiers.yaml:
                tiers.ft.failover_coverage: {value: 0.995, source: "vendor quote, 2026-03"}
            """)
        #expect(loaded.catalog.failureRates.hostFailuresPerYear.value == 0.5)
        #expect(loaded.catalog.failureRates.hostFailuresPerYear.provenance.assumption)
        #expect(loaded.catalog.failureRates.hostFailuresPerYear.provenance.note?.contains("engagement.yaml") == true)
        let ft = loaded.catalog.tier(.ft)
        #expect(ft.failoverCoverage?.value == 0.995)
        #expect(ft.failoverCoverage?.provenance.source == "vendor quote, 2026-03")
        // Planning uses it: half the host failures, less downtime than the sample's.
        let base = try EngagementLoader.load(TestPaths.acme.path, catalogPath: TestPaths.catalog.path)
        #expect(Planner.plan(loaded).exposureBefore < Planner.plan(base).exposureBefore)
    }

    @Test func aPathThatNamesNoValueIsAnErrorAtItsLine() throws {
        let error = try #require(throws: InputError.self) {
            try Self.load(
                """
                catalog_overrides:
                  failure-rates.yaml:
                    rates.host_failures_per_yr: 0.5
                  hardware: {}
                  nonsense.yaml: {a: 1}
                """)
        }
        let messages = error.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("'rates.host_failures_per_yr' names no value of failure-rates.yaml") })
        #expect(messages.contains { $0.contains("'nonsense.yaml', which is not a catalog file") })
        #expect(error.diagnostics.allSatisfy { $0.location.file.hasSuffix("engagement.yaml") })
    }

    /// A bad value is judged by the catalog's own checks and reported at its engagement.yaml
    /// line, not at the catalog file's: text, a non-finite number, a table where a value goes.
    @Test func aBadValueIsReportedWhereItWasWritten() throws {
        let error = try #require(throws: InputError.self) {
            try Self.load(
                """
                catalog_overrides:
                  failure-rates.yaml:
                    rates.host_failures_per_year: lots
                    rates.host_repair_time: .nan
                    rates: 5
                """)
        }
        let errors = error.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 3, "\(error)")
        #expect(errors.allSatisfy { $0.location.file.hasSuffix("engagement.yaml") }, "\(error)")
        #expect(errors.contains { $0.message.contains("host_failures_per_year") && $0.message.contains("lots") })
        #expect(errors.contains { $0.message.contains("'rates' names no value") })
    }
}
