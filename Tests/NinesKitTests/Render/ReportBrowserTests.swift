import Foundation
import Testing

@testable import NinesKit

/// The sample's report.html in a real browser: headless Chromium lays it out at 1280 px (a
/// laptop), 390 px (a phone) and the width of an A4 page's print area with the print styles,
/// and prints it to PDF; `pdftotext` reads the PDF back. Skipped, naming the Debian packages,
/// where they are not installed (never in CI: `ExternalTool`).
@Suite(.serialized) struct ReportBrowserTests {
    static let tools = ["chromium", "pdftotext"]
    static let packages: Comment =
        "needs Debian's chromium and poppler-utils (apt-get install --no-install-recommends chromium poppler-utils)"
    static let fixtures = TestPaths.fixtures.appendingPathComponent("browser")
    /// Width of an A4 page's print area in CSS pixels: 210 mm less the report's 2 × 12 mm margins.
    static let a4PrintWidth = Int(((210.0 - 24) / 25.4 * 96).rounded(.down))

    /// What the measuring script found (see Fixtures/browser/measure-overflow.js).
    struct Measurement: Decodable {
        var width: Int
        var documentWidth: Int
        /// Elements reaching past the viewport (outside any `.scroll` box).
        var outside: [String]
        /// `.scroll` boxes whose table is wider than the box.
        var scrolling: [String]
        /// Sections holding a table outside a `.scroll` box.
        var unboxed: [String]
    }

    @Test(.enabled(if: ExternalTool.enabled(tools), packages))
    func nothingOverflowsAt1280Pixels() throws {
        let m = try Self.measure(width: 1280)
        #expect(m.width == 1280)
        #expect(m.documentWidth <= 1280)
        #expect(m.outside.isEmpty, "\(m.outside)")
        #expect(m.scrolling.isEmpty, "tables wider than the page at 1280 px: \(m.scrolling)")
        #expect(m.unboxed.isEmpty, "tables outside a scroll box: \(m.unboxed)")
    }

    /// On a phone the page never scrolls sideways: a wide table scrolls inside its own box.
    @Test(.enabled(if: ExternalTool.enabled(tools), packages))
    func aPhoneNeverScrollsSideways() throws {
        let m = try Self.measure(width: 390)
        #expect(m.width == 390)
        #expect(m.documentWidth <= 390)
        #expect(m.outside.isEmpty, "\(m.outside)")
        #expect(m.unboxed.isEmpty, "tables outside a scroll box: \(m.unboxed)")
    }

    /// With the print styles, every table and chart fits an A4 page's print area.
    @Test(.enabled(if: ExternalTool.enabled(tools), packages))
    func everyTableFitsAnA4Page() throws {
        let m = try Self.measure(width: Self.a4PrintWidth, print: true)
        #expect(m.width == Self.a4PrintWidth)
        #expect(m.outside.isEmpty, "\(m.outside)")
        #expect(m.scrolling.isEmpty, "tables wider than an A4 page: \(m.scrolling)")
    }

    /// The PDF holds every word of every section, the collapsed ones included, and no page ends
    /// on a heading.
    @Test(.enabled(if: ExternalTool.enabled(tools), packages))
    func thePDFHoldsEverySectionAndNoStrandedHeading() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try Self.sampleReport()
        let report = folder.appendingPathComponent("report.html")
        try html.write(to: report, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("report.pdf")
        _ = try Self.chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", report.absoluteString], in: folder)
        let text = try Self.run("pdftotext", [pdf.path, "-"]).output
        let sections = ReportText.sections(html)
        #expect(sections.count >= 8, "\(sections.map(\.id))")
        for section in sections {
            let missing = ReportText.missing(section.text, from: text)
            #expect(missing.isEmpty, "section \(section.id): words missing from the PDF: \(missing.prefix(20))")
        }
        let headings = Set(ReportText.headings(html))
        let pages = text.components(separatedBy: "\u{0C}")
        for (index, page) in pages.enumerated().dropLast() {
            let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard let last = lines.lastIndex(where: headings.contains) else { continue }
            #expect(lines.count - last > 3, "page \(index + 1) ends on the heading '\(lines[last])' and \(lines.count - last - 1) lines")
        }
    }

    /// The sample's report.html, rendered in process.
    static func sampleReport() throws -> String {
        String(decoding: try #require(try GoldenFileTests.renderSample()["report.html"]), as: UTF8.self)
    }

    /// Lays out a copy of the sample's report in a frame `width` px wide (with the print styles
    /// applied on screen when `print`) and returns what the measuring script found.
    static func measure(width: Int, print: Bool = false) throws -> Measurement {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var html = try sampleReport()
        if print {
            #expect(html.contains("@media print {"))
            html = html.replacingOccurrences(of: "@media print {", with: "@media all {")
        }
        let script = try String(contentsOf: fixtures.appendingPathComponent("measure-overflow.js"), encoding: .utf8)
        html = html.replacingOccurrences(of: "</body>", with: "<script>\n\(script)</script>\n</body>")
        try html.write(to: folder.appendingPathComponent("report-measured.html"), atomically: true, encoding: .utf8)
        let frame = try String(contentsOf: fixtures.appendingPathComponent("frame.html"), encoding: .utf8)
            .replacingOccurrences(of: "WIDTH", with: "\(width)")
        let page = folder.appendingPathComponent("frame.html")
        try frame.write(to: page, atomically: true, encoding: .utf8)
        let dom = try chromium(
            ["--window-size=\(max(width, 500) + 40),900", "--virtual-time-budget=5000", "--dump-dom", page.absoluteString], in: folder)
        let pattern = /<pre id="nines-measure">([^<]*)<\/pre>/
        let json = try #require(dom.firstMatch(of: pattern), "no measurement in the page: \(dom.prefix(300))").1
        let decoded = String(json).replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(Measurement.self, from: Data(decoded.utf8))
    }

    /// Runs headless Chromium with its own profile in `folder`; returns its standard output.
    static func chromium(_ arguments: [String], in folder: URL) throws -> String {
        let flags = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
            "--allow-file-access-from-files", "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
        ]
        let result = try run("chromium", flags + arguments)
        #expect(result.status == 0, "chromium exited with status \(result.status)")
        return result.output
    }

    /// Runs `tool` (its standard error, where Chromium logs, discarded).
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
