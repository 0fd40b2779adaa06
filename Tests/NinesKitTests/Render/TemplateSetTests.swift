import Crypto
import Foundation
import Testing

@testable import NinesKit

@Suite struct TemplateSetTests {
    /// The digests of the shipped templates (rendered without per-value accounting) match
    /// Templates/: after editing a template, review that its output stays linear in the view
    /// and update `TemplateSet.shipped`.
    @Test func shippedDigestsMatchTheTemplates() throws {
        for name in TemplateSet.names {
            let data = try Data(contentsOf: TestPaths.templates.appendingPathComponent(name + ".mustache"))
            let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            #expect(TemplateSet.shipped[name] == digest, "Templates/\(name).mustache changed: its SHA-256 is now \(digest)")
        }
    }

    /// An edited copy of a shipped template renders the same bytes, within the budget.
    @Test func editedCopyRendersWithinTheBudget() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in TemplateSet.names {
            let text = try String(contentsOf: TestPaths.templates.appendingPathComponent(name + ".mustache"), encoding: .utf8)
            try (text + "\n").write(to: folder.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8)
        }
        let plan = try Pipeline.assess(Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, trials: 0))
        let shipped = try PlanRenderer(templates: TemplateSet.load(from: TestPaths.templates)).files(for: plan)
        let edited = try PlanRenderer(templates: TemplateSet.load(from: folder)).files(for: plan)
        #expect(String(decoding: edited["report.md"]!, as: UTF8.self) == String(decoding: shipped["report.md"]!, as: UTF8.self) + "\n")
    }
}
