import Foundation
import Testing

@testable import NinesKit

/// The hostile-input corpus (Fixtures/hostile): each file is dropped into a copy of the sample
/// engagement in place of its inventory or applications, and must give the expected clear
/// error — or, for names that are odd but legal, be accepted and come out inert.
@Suite struct HostileInputCorpusTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        /// inventory.csv or applications.yaml
        var replaces: String
        /// Fragments of the expected errors, each with its 1-based line; empty: accepted.
        var errors: [(line: Int, message: String)]
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "formula-injection.csv", replaces: "inventory.csv", errors: []),
        Case(file: "markup.csv", replaces: "inventory.csv", errors: []),
        Case(file: "path-traversal.csv", replaces: "inventory.csv", errors: []),
        Case(file: "bom-crlf.csv", replaces: "inventory.csv", errors: []),
        Case(file: "control-characters.csv", replaces: "inventory.csv", errors: [(2, "contains control characters")]),
        Case(
            file: "numbers.csv", replaces: "inventory.csv",
            errors: [
                (2, "'vcpus' must be a number, not 'nan'"), (3, "'memory_gib' must be a number, not 'inf'"),
                (4, "'disk_gib' is -10 GiB"), (5, "'memory_gib' is 1e+308 GiB"), (6, "'vcpus' is 1e+20"),
            ]),
        Case(file: "utf16.csv", replaces: "inventory.csv", errors: [(0, "not UTF-8 text")]),
        // libyaml reports a duplicate key at the first occurrence of the key.
        Case(file: "duplicate-keys.yaml", replaces: "applications.yaml", errors: [(2, "duplicate key 'sla'")]),
    ]

    static func engagement(replacing target: String, with data: Data) throws -> URL {
        let folder = try TestPaths.acmeCopy()
        try data.write(to: folder.appendingPathComponent(target))
        return folder
    }

    @Test(arguments: cases)
    func corpus(_ testCase: Case) throws {
        let data = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("hostile/\(testCase.file)"))
        let folder = try Self.engagement(replacing: testCase.replaces, with: data)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        if testCase.errors.isEmpty {
            // Accepted: the VMs are planned as their own applications, and every output is inert.
            let plan = try Pipeline.assess(Pipeline.Options(engagement: folder.path, catalog: TestPaths.catalog.path, trials: 0))
            let files = try PlanRenderer(templates: TemplateSet.load(from: TestPaths.templates)).files(for: plan)
            let csv = String(decoding: files["vms.csv"]!, as: UTF8.self)
            for line in csv.split(separator: "\r\n").dropFirst() {
                #expect(!"=+@".contains(line.first!), "formula-like cell at the start of a CSV row: \(line)")
            }
            let html = String(decoding: files["report.html"]!, as: UTF8.self)
            #expect(!html.contains("<img") && !html.contains("<script>x"))
            #expect(files.keys.allSatisfy { OutputWriter.isSafe($0) && !$0.contains("..") })
            return
        }
        let error = try #require(throws: InputError.self) {
            try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path)
        }
        for expected in testCase.errors {
            let match = error.diagnostics.first { $0.location.file.hasSuffix(testCase.replaces) && $0.message.contains(expected.message) }
            #expect(match != nil, "no error containing \"\(expected.message)\" in:\n\(error)")
            #expect(match?.location.line == expected.line, "\(match?.description ?? "") should be on line \(expected.line)")
        }
    }

    /// A 10 MB single line: refused as a name far over the limit, at its line, quickly.
    @Test func tenMegabyteLine() throws {
        let header = "vm,application,vcpus,memory_gib,disk_gib,os,site,power_state\n"
        let data = Data((header + String(repeating: "x", count: 10 << 20) + ",,2,4,10,Linux,hq,poweredOn\n").utf8)
        let folder = try Self.engagement(replacing: "inventory.csv", with: data)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let start = Date()
        let error = try #require(throws: InputError.self) { try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path) }
        #expect(error.diagnostics.contains { $0.location.line == 2 && $0.message.contains("characters long; the limit is 255") })
        #expect(Date().timeIntervalSince(start) < 20)
    }

    /// Deeply nested YAML is refused before anything walks it.
    @Test func deeplyNestedYAML() throws {
        let depth = 2000
        let yaml = String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        var diagnostics = DiagnosticCollector()
        #expect(YAMLFile.parse(Data(yaml.utf8), shownAs: "deep.yaml", diagnostics: &diagnostics) == nil)
        #expect(diagnostics.errors.first.map { $0.message.contains("nests deeper") || $0.message.contains("invalid YAML") } == true)
    }
}
