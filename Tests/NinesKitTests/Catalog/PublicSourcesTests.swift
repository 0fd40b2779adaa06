import Foundation
import Testing

@testable import NinesKit

/// What a client reads as a source is a public reference they can check: no catalog text and no
/// rendered report names a file internal to the project's making (the planning documents, the
/// source documents by their file names), and every `source:` carries its date (or says it is
/// undated). Reasoning is an assumption with a note, not a source.
@Suite struct PublicSourcesTests {
    /// Shapes of a source document cited by its file rather than as the public document it is
    /// (the planning documents' own names are `RepositoryTests.forbidden`).
    static let seedPatterns = [#"(?i)\bseeds?\s*(?:document|file|doc|\d{3}_)|\bseeds/"#, #"\d{3}_(?:[0-9a-f]{6,}|…)\.txt"#]

    /// The internal names `text` holds.
    static func internalNamesIn(_ text: String) -> [String] {
        RepositoryTests.forbidden.filter { text.range(of: $0, options: .caseInsensitive) != nil }
            + seedPatterns.filter { text.contains(try! Regex($0)) }
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
        #expect(Self.internalNamesIn("see " + RepositoryTests.forbidden[4] + "/x").count == 1)
        #expect(Self.internalNamesIn("Seed " + "000_" + "4c2184ea.txt").count == 2)
        #expect(Self.internalNamesIn("20,000 simulated years (seed 1)").isEmpty)
    }
}
