import Foundation
import Testing

@testable import NinesKit

/// Errors that point at the one real problem: many VMs on one undeclared site are one error,
/// names that differ only in case are refused or suggested, a misspelt key is one error.
struct ErrorFocusTests {
    /// The sample's inventory repeated to 763 VMs, all on the site `esx-prod`.
    static func undeclaredSiteEngagement() throws -> URL {
        let folder = try TestPaths.acmeCopy()
        let url = folder.appendingPathComponent("inventory.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let site = lines[0].split(separator: ",", omittingEmptySubsequences: false).firstIndex(of: "site")!
        var rows: [String] = []
        for copy in 0..<15 {
            for line in lines.dropFirst() {
                var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[0] = "c\(copy)-" + fields[0]
                fields[site] = "esx-prod"
                rows.append(fields.joined(separator: ","))
            }
        }
        let text = ([String(lines[0])] + rows.prefix(763)).joined(separator: "\n") + "\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func vmsOnAnUndeclaredSiteAreOneError() throws {
        let folder = try Self.undeclaredSiteEngagement()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let error = try #require(throws: InputError.self) { try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path) }
        #expect(error.errorCount == 1, "\(error)")
        let expected =
            "\(folder.path)/inventory.csv:2: error: 763 VMs name site 'esx-prod', which is not declared (inventory.csv:2–764) — declare it under `sites` in engagement.yaml, or set `default_site`, `--site`, or a mapping rule (declared: hq, dr, lyon)"
        #expect(error.diagnostics.map(\.description) == [expected])
    }

    @Test(.enabled(if: NinesExecutable.enabled, NinesExecutable.needed))
    func vmsOnAnUndeclaredSiteTakeAtMostThreeLines() throws {
        let folder = try Self.undeclaredSiteEngagement()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let run = try NinesExecutable.run(["check", "acme"], in: folder.deletingLastPathComponent())
        #expect(run.status == 65)
        let lines = run.errors.split(separator: "\n")
        #expect(lines.count <= 3, "\(run.errors)")
        #expect(lines.first?.contains("763 VMs name site 'esx-prod'") == true, "\(run.errors)")
    }

    /// (edits of the sample, the one error expected)
    static let cases: [(edits: [(file: String, old: String, new: String)], message: String)] = [
        (
            [("engagement.yaml", "  - id: hq\n", "  - id: HQ\n"), ("engagement.yaml", "partner: hq", "partner: HQ")],
            "45 VMs name site 'hq', which is not declared (inventory.csv:2, 3, 4, 5, 6, …) — did you mean 'HQ'?"
        ),
        (
            [("applications.yaml", "- name: CRM\n", "- name: erp\n")],
            "applications 'ERP' and 'erp' differ only in case"
        ),
        (
            [("engagement.yaml", "  - id: dr\n", "  - id: DR\n  - id: dr\n")],
            "sites 'DR' and 'dr' differ only in case"
        ),
        (
            [
                (
                    "applications.yaml",
                    "    availability: 99.99\n    rto: 5m\n    rto_scope: hardware\n    rpo: 0s\n    service_hours: 24x7\n    site_disaster: recover\n  impact:\n    revenue_per_hour: 40000",
                    "    availabilty: 99.99\n    rto: 5m\n    rto_scope: hardware\n    rpo: 0s\n    service_hours: 24x7\n    site_disaster: recover\n  impact:\n    revenue_per_hour: 40000"
                )
            ],
            "unknown key 'sla.availabilty' in application — did you mean 'sla.availability'?"
        ),
        ([("engagement.yaml", "baseline_tier: backup", "baseline_tier: BACKUP+DRR")], "did you mean 'backup+dr'?"),
    ]

    @Test(arguments: cases)
    func oneMistakeOneError(edits: [(file: String, old: String, new: String)], message: String) throws {
        let folder = try TestPaths.acmeCopy(edits: edits)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let error = try #require(throws: InputError.self) { try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path) }
        let errors = error.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(error)")
        #expect(errors.first?.description.contains(message) == true, "\(error)")
    }
}
