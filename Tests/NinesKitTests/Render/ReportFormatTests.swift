import Foundation
import Testing

@testable import NinesKit

@Suite struct ReportFormatTests {
    /// report.html is well-formed (parsed by libxml2 through the project's own reader, with the
    /// HTML5 doctype removed since the reader refuses DTDs), self-contained and printable.
    @Test func htmlIsWellFormedAndSelfContained() throws {
        let files = try GoldenFileTests.renderSample()
        let html = String(decoding: try #require(files["report.html"]), as: UTF8.self)
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        let root = try XMLNode.parse(XMLPullReader(data: Data(body.utf8), source: "report.html"))
        #expect(root.name == "html")
        #expect(root.descendants("svg").count >= 5)
        #expect(root.descendants("script").isEmpty)
        // Nothing fetched: no attribute or style loads a URL (sources cite theirs as text).
        for fetch in ["src=\"http", "href=\"http", "src=\"//", "href=\"//", "url(", "@import"] {
            #expect(!html.contains(fetch), "report.html fetches: \(fetch)")
        }
        #expect(html.contains("@media print"))
        #expect(html.contains("name=\"viewport\""))
    }

    /// plan.json validates against the committed JSON Schema, checked by the `jsonschema` Python
    /// package (a real validator; .ci/run installs it when missing; skipped elsewhere).
    @Test(.enabled(if: ExternalTool.enabled(pythonModule: "jsonschema"), "needs Python's jsonschema: pip install jsonschema"))
    func planJSONMatchesItsSchema() throws {
        try Self.validate(try GoldenFileTests.renderSample()["plan.json"]!)
        // With impact ranges and an outage record: the optional parts too.
        let uncertain = try TestPaths.uncertainAcmeCopy()
        defer { try? FileManager.default.removeItem(at: uncertain.deletingLastPathComponent()) }
        var options = Pipeline.Options(engagement: uncertain.path, catalog: TestPaths.catalog.path, trials: 200)
        options.samples = 200
        let document = PlanDocument(try Pipeline.assess(options))
        #expect(document.uncertainty != nil && document.calibration != nil && document.tco?.uncertainty != nil)
        try Self.validate(try document.json())
    }

    static func validate(_ json: Data) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.json")
        try json.write(to: plan)
        let schema = TestPaths.root.appendingPathComponent("Schemas/plan.schema.json")
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); document = json.load(open(sys.argv[2]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(document), key=str)
            for error in errors[:10]: print(list(error.absolute_path), error.message)
            sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path, plan.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "plan.json does not match Schemas/plan.schema.json:\n\(text)")
    }

    /// A template with a syntax error is reported at its file and line; nothing is rendered.
    @Test func templateErrorNamesFileAndLine() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in TemplateSet.names {
            try FileManager.default.copyItem(
                at: TestPaths.templates.appendingPathComponent(name + ".mustache"), to: folder.appendingPathComponent(name + ".mustache"))
        }
        let url = folder.appendingPathComponent("report.md.mustache")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "{{#applications}}", with: "{{#applications}}\n{{/tiers}}")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let error = try #require(throws: InputError.self) { try TemplateSet.load(from: folder) }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.location.file.hasSuffix("report.md.mustache"))
        let lines = text.components(separatedBy: "\n")
        let expected = lines.firstIndex { $0 == "{{#applications}}" }! + 2
        #expect(diagnostic.location.line == expected)
    }

    /// `--templates` renders with a user's edited copy.
    @Test func editedTemplatesAreUsed() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in TemplateSet.names {
            try FileManager.default.copyItem(
                at: TestPaths.templates.appendingPathComponent(name + ".mustache"), to: folder.appendingPathComponent(name + ".mustache"))
        }
        try "{{% CONTENT_TYPE: MARKDOWN}}\n# Custom for {{client}}\n".write(
            to: folder.appendingPathComponent("report.md.mustache"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        _ = try Pipeline.run(
            Pipeline.Options(
                engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, templates: folder.path, output: out.path, trials: 0))
        #expect(try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8) == "# Custom for ACME Manufacturing\n")
    }

    @Test func csvFilesAreRFC4180() throws {
        let files = try GoldenFileTests.renderSample()
        for name in ["applications.csv", "vms.csv", "pairs.csv", "tco.csv"] {
            let data = try #require(files[name], "\(name) missing")
            var diagnostics = DiagnosticCollector()
            let table = try #require(CSVTable.parse(data, shownAs: name, diagnostics: &diagnostics))
            #expect(!diagnostics.hasErrors)
            #expect(table.rows.allSatisfy { $0.fields.count == table.header.count }, "\(name) has ragged rows")
            #expect(String(decoding: data, as: UTF8.self).contains("\r\n"))
        }
    }
}
