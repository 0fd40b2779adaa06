import Foundation
import Testing

@testable import NinesKit

/// What a client reads as a source is a public reference they can check: no catalog text and no
/// rendered report names a file internal to the project's making (its design notes, its
/// figures sheet, the source documents by their file names), and every `source:` carries its
/// date (or says it is undated). Reasoning is an assumption with a note, not a source.
@Suite struct PublicSourcesTests {
    /// Names of internal files, and the shapes of the source documents' file names (patterns).
    static let internalNames: [(name: String, pattern: String)] = [
        ("DESIGN.md", #"(?i)design\.md"#), ("FACTS.md", #"(?i)facts\.md"#), ("STYLE.md", #"(?i)style\.md"#),
        ("../shared", #"\.\./shared"#), ("a seed document", #"(?i)\bseed\s*(?:document|file|doc|\d{3}_)|\bseeds/"#),
        ("a .txt source document", #"\d{3}_[0-9a-f]{6,}\.txt|\d{3}_…\.txt"#),
    ]

    static func internalNamesIn(_ text: String) -> [String] {
        internalNames.filter { text.contains(try! Regex($0.pattern)) }.map(\.name)
    }

    @Test func catalogFilesNameNoInternalFile() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: TestPaths.catalog.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 5)
        for file in files {
            let text = try String(contentsOf: TestPaths.catalog.appendingPathComponent(file), encoding: .utf8)
            #expect(Self.internalNamesIn(text).isEmpty, "\(file) names \(Self.internalNamesIn(text))")
        }
    }

    @Test func everySourceIsDatedAndNoneSaysSeed() throws {
        let catalog = try Catalog.load(from: TestPaths.catalog)
        let sources = catalog.entries.flatMap(\.facts).compactMap { fact in fact.provenance.source.map { (fact, $0) } }
        #expect(sources.count > 30)
        for (fact, source) in sources {
            #expect(!source.lowercased().contains("seed"), "\(fact.location): \(source)")
            let dated = source.contains(/(19|20)\d\d|undated|\d+\.\d+/)
            #expect(dated, "\(fact.location): '\(source)' gives no date (write 'undated' if it has none)")
        }
    }

    /// The rendered report (every file of the sample's output) names no internal file, and no
    /// HTML entity leaks into the Markdown as text.
    @Test func renderedOutputsNameNoInternalFile() throws {
        let files = try GoldenFileTests.renderSample()
        for (path, data) in files where !path.hasPrefix("manifests/") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(Self.internalNamesIn(text).isEmpty, "\(path) names \(Self.internalNamesIn(text))")
        }
        let markdown = String(decoding: try #require(files["report.md"]), as: UTF8.self)
        #expect(!markdown.contains("&lt;") && !markdown.contains("&amp;"), "HTML entities in report.md")
        let html = String(decoding: try #require(files["report.html"]), as: UTF8.self)
        #expect(!html.contains("&amp;lt;") && !html.contains("&amp;amp;"), "doubly escaped text in report.html")
    }

    @Test func theCheckFindsWhatItLooksFor() {
        #expect(Self.internalNamesIn("see ../shared/FACTS.md") == ["FACTS.md", "../shared"])
        #expect(Self.internalNamesIn("Seed 000_4c2184ea33e9bb2e.txt") == ["a seed document", "a .txt source document"])
        #expect(Self.internalNamesIn("20,000 simulated years (seed 1)").isEmpty)
    }
}
