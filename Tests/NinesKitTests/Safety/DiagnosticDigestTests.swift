import Foundation
import Testing

@testable import NinesKit

/// Printed diagnostics are folded and capped; the data keeps every one and the exact count.
@Suite struct DiagnosticDigestTests {
    /// 763 VMs on one undeclared site: one error with the count and the lines.
    @Test func sameProblemOnManyLinesFoldsIntoOne() throws {
        var inventory = "vm,application,vcpus,memory_gib,disk_gib,os,site,power_state,tier\n"
        for i in 0..<763 { inventory += "web-\(i),ERP,2,8,100,Linux,lyon2,poweredOn,\n" }
        let folder = try TestPaths.acmeCopy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try inventory.write(to: folder.appendingPathComponent("inventory.csv"), atomically: true, encoding: .utf8)
        do {
            _ = try Pipeline.check(Pipeline.Options(engagement: folder.path, catalog: TestPaths.catalog.path))
            Issue.record("VMs on an undeclared site were accepted")
        } catch let error as InputError {
            #expect(error.errorCount == 1)
            let lines = DiagnosticDigest(error.diagnostics.filter { $0.message.contains("not declared") }).lines()
            #expect(lines.count == 1)
            #expect(lines.first?.contains("763 VMs name site 'lyon2', which is not declared (inventory.csv:2–764)") == true)
            #expect(error.description.split(separator: "\n").count < 100)
        }
    }

    /// Different subjects of one problem fold; another object does not.
    @Test func onlyTheSubjectMayDiffer() {
        let diagnostics = [
            Diagnostic(.error, "VM 'a' is at unknown site 'x'", at: SourceLocation(file: "inv.csv", line: 4)),
            Diagnostic(.error, "VM 'b' is at unknown site 'x'", at: SourceLocation(file: "inv.csv", line: 9)),
            Diagnostic(.error, "VM 'c' is at unknown site 'y'", at: SourceLocation(file: "inv.csv", line: 10)),
        ]
        let lines = DiagnosticDigest(diagnostics).lines()
        #expect(
            lines == [
                "inv.csv:4: error: VM 'a' is at unknown site 'x' (and 1 more like this: lines 4, 9)",
                "inv.csv:10: error: VM 'c' is at unknown site 'y'",
            ])
    }

    /// A million distinct problems print `maxShown` entries and one line counting the rest.
    @Test func manyDistinctProblemsAreCapped() {
        let diagnostics = (1...1_000_051).map { i in
            Diagnostic(.error, "column \(i) is unknown", at: SourceLocation(file: "inv.csv", line: 1))
        }
        let error = InputError(diagnostics: diagnostics)
        #expect(error.errorCount == 1_000_051)
        let lines = DiagnosticDigest(diagnostics).lines()
        #expect(lines.count == DiagnosticDigest.maxShown + 1)
        #expect(lines.last == "… and 999951 more errors (100 problems shown)")
    }
}
