import Foundation
import Mustache
import Testing
import Yams

@testable import NinesKit

@Suite struct EscapingTests {
    @Test func markdownCellsCannotBreakTheTableOrInjectHTML() {
        #expect(Escape.markdown("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(Escape.markdown("a|b") == "a\\|b")
        #expect(Escape.markdown("line\nbreak") == "line break")
        #expect(Escape.markdown("[x](javascript:evil)") == "\\[x\\](javascript:evil)")
    }

    /// OWASP CSV injection: cells starting with = + - @ tab or CR are neutralised; plain
    /// negative numbers are left as numbers.
    @Test func csvCellsCannotRunFormulas() {
        #expect(Escape.csv("=cmd|'/c calc'!A1") == "'=cmd|'/c calc'!A1")
        #expect(Escape.csv("+1+1") == "'+1+1")
        #expect(Escape.csv("@SUM(A1)") == "'@SUM(A1)")
        #expect(Escape.csv("-12.5") == "-12.5")
        #expect(Escape.csv("-x") == "'-x")
        #expect(Escape.csv("a,b") == "\"a,b\"")
        #expect(Escape.csv("say \"hi\"") == "\"say \"\"hi\"\"\"")
        // A Windows line break inside a cell is one Character; it must still be quoted.
        #expect(Escape.csv("two\r\nlines") == "\"two\r\nlines\"")
        #expect(Escape.csv("plain name 01") == "plain name 01")
        #expect(Escape.csv("") == "")
    }

    @Test func htmlEscapesEveryMarkupCharacter() {
        #expect(Escape.html("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    /// A combining mark after a markup character makes one Character of the two; escaping goes
    /// by scalar, so the pipe still cannot end the cell and the `<` still cannot open a tag.
    @Test func combiningMarksDoNotHideMarkup() {
        #expect(Escape.markdown("a|\u{301}b") == "a\\|\u{301}b")
        #expect(Escape.html("<\u{301}script>") == "&lt;\u{301}script&gt;")
        #expect(Escape.markdown("plain-name 01.5") == "plain-name 01.5")
        // "\r\n" is one Character too: both of its scalars become spaces, so the row holds.
        #expect(Escape.markdown("two\r\nlines") == "two  lines")
    }

    /// report.html's `{{% CONTENT_TYPE: HTML}}` (Nines' escaping) gives what Mustache's own
    /// default HTML escaping gives, the reference.
    @Test func htmlContentTypeEscapesAsMustacheDoes() throws {
        _ = try TemplateSet.load(from: TestPaths.templates)  // registers the content types
        let values = ["<a href=\"x\">'&'</a>", "plain", "Größe 服务器", "a & b", "\u{1}x", ""]
        for value in values {
            let nines = try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML}}\n[{{v}}]").render(["v": value])
            let mustache = try MustacheTemplate(string: "[{{v}}]").render(["v": value])
            #expect(nines == mustache, "\(value)")
        }
    }

    @Test func terminalTextLosesControlCharacters() {
        #expect(Escape.plain("a\u{1B}[31mred") == "a?[31mred")
        #expect(Escape.plain(String(repeating: "x", count: 100)).count == 80)
    }

    /// A VM and an application with hostile names go through every output as inert text.
    @Test func hostileNamesStayText() throws {
        let folder = try TestPaths.acmeCopy(edits: [
            ("inventory.csv", "hist01,SCADA Historian,", "\"<script>alert(1)</script>\",SCADA Historian,"),
            ("inventory.csv", "print01,Print Services,", "print01,\"=cmd|'/c calc'!A1 | *bold*\","),
            ("applications.yaml", "- name: Print Services", "- name: \"=cmd|'/c calc'!A1 | *bold*\""),
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let plan = try Pipeline.assess(Pipeline.Options(engagement: folder.path, catalog: TestPaths.catalog.path))
        let files = try PlanRenderer(templates: TemplateSet.load(from: TestPaths.templates)).files(for: plan)
        let report = String(decoding: files["report.md"]!, as: UTF8.self)
        #expect(!report.contains("<script>"))
        let html = String(decoding: files["report.html"]!, as: UTF8.self)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let csv = String(decoding: files["vms.csv"]!, as: UTF8.self)
        #expect(csv.contains(",'=cmd|'/c calc'!A1 | *bold*,"))
        #expect(!csv.contains(",=cmd"))
        #expect(report.contains("\\=cmd\\|'/c calc'\\!A1 \\| \\*bold\\*") || report.contains("=cmd\\|'/c calc'\\!A1 \\| \\*bold\\*"))
        let json = try #require(try JSONSerialization.jsonObject(with: files["plan.json"]!) as? [String: Any])
        let names = (json["applications"] as? [[String: Any]])?.compactMap { $0["vms"] as? [String] }.flatMap { $0 } ?? []
        #expect(names.contains("<script>alert(1)</script>"))
        let manifest = try #require(
            files.first { $0.key.hasSuffix("pair.yaml") && String(decoding: $0.value, as: UTF8.self).contains("script") })
        let node = try #require(try Yams.compose(yaml: String(decoding: manifest.value, as: UTF8.self)))
        let vmNames = node["vms"]?.array().compactMap { $0["name"]?.string } ?? []
        #expect(vmNames.contains("<script>alert(1)</script>"))
    }
}

@Suite struct OutputWriterTests {
    @Test func refusesPathsOutsideTheFolder() throws {
        let out = try TestPaths.temporaryFolder().appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(throws: OutputError.self) { try OutputWriter(destination: out).write(["../escape.txt": Data()]) }
        #expect(throws: OutputError.self) { try OutputWriter(destination: out).write(["/etc/x": Data()]) }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path).isEmpty)
    }

    @Test func replacesTheWholeFolder() throws {
        let out = try TestPaths.temporaryFolder().appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        try OutputWriter(destination: out).write(["a.txt": Data("1".utf8), "sub/b.txt": Data("2".utf8)])
        try OutputWriter(destination: out).write(["a.txt": Data("3".utf8)])
        #expect(try String(contentsOf: out.appendingPathComponent("a.txt"), encoding: .utf8) == "3")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("sub/b.txt").path))
    }

    @Test func stagedFilesAppearOnlyOnCommit() throws {
        let out = try TestPaths.temporaryFolder().appendingPathComponent("out")
        let parent = out.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: parent) }
        try OutputWriter(destination: out).write(["old.txt": Data("old".utf8)])

        // A render that fails half-way: the previous output stays, the staging folder goes.
        let failed = try OutputWriter(destination: out).begin()
        try failed.put("a/b/new.txt", text: "new")
        #expect(throws: OutputError.self) { try failed.put("a/../../escape.txt", text: "x") }
        failed.discard()
        #expect(try String(contentsOf: out.appendingPathComponent("old.txt"), encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["out"])

        // Files put from several threads, then committed in one step.
        let staging = try OutputWriter(destination: out).begin()
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            try? staging.put("pairs/pair-\(index % 8)/vm-\(index).xml", text: "<vm>\(index)</vm>")
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("old.txt").path))
        try staging.commit()
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("old.txt").path))
        #expect(try String(contentsOf: out.appendingPathComponent("pairs/pair-3/vm-11.xml"), encoding: .utf8) == "<vm>11</vm>")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".xml") }.count == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["out"])
    }
}
