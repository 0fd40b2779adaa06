import Foundation
import Testing

@testable import NinesKit

/// Hostile or merely large inputs end, in bounded memory, with a result or a located error:
/// long dependency chains, large YAML files and alias bombs, templates that nest or repeat
/// without end. Timing targets are the benchmark's (`nines-bench chain`), not asserted here.
@Suite struct ResourceBoundsTests {
    /// A chain of `count` applications (`chain-i` depends on `chain-(i-1)`), one VM each.
    static func chain(_ count: Int, in folder: URL) throws {
        var inventory = "vm,application,vcpus,memory_gib,disk_gib,os,site,power_state,tier\n"
        var apps = ""
        for i in 0..<count {
            inventory += "vm-\(i),chain-\(i),\([2, 4, 8][i % 3]),\([8, 16, 32][i % 3]),100,Linux,hq,poweredOn,\n"
            apps += "- name: chain-\(i)\n  sla: {availability: \([99.0, 99.9, 99.95][i % 3]), rto: 1h, rpo: 1h}\n"
            apps += "  impact: {revenue_per_hour: \(1000 + i % 7 * 100)}\n"
            if i > 0 { apps += "  depends_on: [chain-\(i - 1)]\n" }
        }
        let engagement = """
            version: 1
            name: chain
            client: Chain
            year: 2026
            platform: everrun-enterprise
            hardware: dl380-gen11-384
            sites:
              - {id: hq, name: HQ, partner: dr}
              - {id: dr, name: DR, partner: hq}

            """
        try engagement.write(to: folder.appendingPathComponent("engagement.yaml"), atomically: true, encoding: .utf8)
        try inventory.write(to: folder.appendingPathComponent("inventory.csv"), atomically: true, encoding: .utf8)
        try apps.write(to: folder.appendingPathComponent("applications.yaml"), atomically: true, encoding: .utf8)
    }

    /// 10,000 applications in one chain plan; what each keeps of its closure is folded, so the
    /// composed incident lists grow linearly, not with the square of the chain.
    @Test func tenThousandApplicationChainPlans() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.chain(10_000, in: folder)
        let plan = try Pipeline.assess(Pipeline.Options(engagement: folder.path, catalog: TestPaths.catalog.path, trials: 0))
        #expect(plan.decisions.count == 10_000)
        let incidents = plan.decisions.reduce(0) { $0 + $1.service.incidents.count }
        #expect(incidents < 40 * 10_000)
        // The last one is in series with all 9,999 others: its service is worse than its tier alone.
        let last = plan.decisions[9_999]
        #expect(last.service.unplannedMinutes > 100 * last.chosen.estimate.unplannedMinutes)
        // Explanations name at most `HeldSLA.maxListed` dependents.
        #expect(plan.decisions.allSatisfy { DecisionText.explanation($0, engagement: plan.engagement).utf8.count < 2_000 })
    }

    /// A cycle through 10,000 applications is reported once, without recursion.
    @Test func longCycleIsReportedNotLoopedOn() {
        let apps = (0..<10_000).map { i in
            var app = TinyEngagement.app("a\(i)", availability: 99)
            app.dependsOn = ["a\((i + 1) % 10_000)"]
            return app
        }
        let cycles = DependencyGraph(apps).cycles()
        #expect(cycles.count == 1)
        #expect(cycles.first?.count == 10_000)
        #expect(cycles.first?.first == "a0")
    }

    @Test func aliasBombIsRefused() {
        var yaml = "a0: &a0 [x, x]\n"
        for i in 1...40 { yaml += "a\(i): &a\(i) [*a\(i - 1), *a\(i - 1)]\n" }
        var diagnostics = DiagnosticCollector()
        #expect(YAMLFile.parse(Data(yaml.utf8), shownAs: "bomb.yaml", diagnostics: &diagnostics) == nil)
        #expect(diagnostics.errors.first?.message.contains("through its aliases") == true)
    }

    /// A few small aliases are fine; 45,000 applications written out (about 1.4 million nodes)
    /// are read.
    @Test func largePlainFileAndSmallAliasesAreRead() throws {
        var diagnostics = DiagnosticCollector()
        let shared = "defaults: &sla {availability: 99.9, rto: 1h, rpo: 1h}\napps:\n  - {name: a, sla: *sla}\n  - {name: b, sla: *sla}\n"
        #expect(YAMLFile.parse(Data(shared.utf8), shownAs: "shared.yaml", diagnostics: &diagnostics) != nil)
        var yaml = ""
        for i in 0..<45_000 {
            yaml += "- name: app-\(i)\n  sla: {availability: 99.9, rto: 4h, rpo: 1h, service_hours: 24x7}\n"
            yaml += "  impact: {revenue_per_hour: \(i), users: 40, loaded_cost_per_user_hour: 50, productivity_loss: 0.3}\n"
            yaml += "  depends_on: [app-\(max(0, i - 1))]\n"
        }
        let file = YAMLFile.parse(Data(yaml.utf8), shownAs: "applications.yaml", diagnostics: &diagnostics)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors.first?.description ?? "")")
        #expect(file != nil)
    }

    /// Templates folder with the default templates and `report.md` replaced by `text`.
    static func templates(reportMarkdown text: String) throws -> URL {
        let folder = try TestPaths.temporaryFolder()
        for name in TemplateSet.names {
            let source = TestPaths.templates.appendingPathComponent(name + ".mustache")
            try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(name + ".mustache"))
        }
        try text.write(to: folder.appendingPathComponent("report.md.mustache"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func deepSectionNestingIsALocatedError() throws {
        let opens = (0..<14).map { _ in "{{#applications}}" }.joined(separator: "\n")
        let closes = (0..<14).map { _ in "{{/applications}}" }.joined()
        let folder = try Self.templates(reportMarkdown: "# Report\n\n" + opens + "x" + closes + "\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try TemplateSet.load(from: folder)
            Issue.record("a 14-deep template was accepted")
        } catch let error as InputError {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.location.file.hasSuffix("report.md.mustache"))
            #expect(diagnostic.location.line == 3 + TemplateSet.maxSectionDepth)
            #expect(diagnostic.message.contains("nest 14 deep"))
        }
    }

    /// Five nested lists of 24 applications would repeat the inner text 8 million times: the
    /// rendering stops at the size bound with the template's location, and the run writes nothing.
    @Test func hugeOutputIsALocatedErrorAndWritesNothing() throws {
        let filler = String(repeating: "0123456789", count: 100)
        let opens = (0..<5).map { _ in "{{#applications}}" }.joined(separator: "\n")
        let closes = (0..<5).map { _ in "{{/applications}}" }.joined()
        let folder = try Self.templates(reportMarkdown: opens + filler + "{{name}}" + closes + "\n")
        let out = try TestPaths.temporaryFolder().appendingPathComponent("out")
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: out.deletingLastPathComponent())
        }
        let templates = try TemplateSet.load(from: folder)
        let plan = try Pipeline.assess(Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, trials: 0))
        #expect(throws: InputError.self) { try templates.render("report.md", ReportView(plan), maxBytes: 1 << 20) }
        var options = Pipeline.Options(
            engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, templates: folder.path, output: out.path, trials: 0)
        options.seed = 1
        do {
            _ = try Pipeline.run(options)
            Issue.record("the run wrote a huge report")
        } catch let error as InputError {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.location.file.hasSuffix("report.md.mustache"))
            #expect(diagnostic.location.line == 5)
            #expect(diagnostic.message.contains("renders more than 256 MiB"))
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
