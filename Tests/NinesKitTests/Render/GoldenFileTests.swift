import Foundation
import Testing
import ZIPFoundation

@testable import NinesKit

/// The sample engagement's rendered outputs, compared byte for byte with the committed golden
/// files under Fixtures/golden/acme. After an intended change, regenerate them with
/// `scripts/update-golden.sh` and review the diff.
@Suite struct GoldenFileTests {
    static let golden = TestPaths.fixtures.appendingPathComponent("golden/acme")

    /// Renders the sample (read by its absolute path: outputs name files relative to the
    /// engagement, so the bytes are those of the README's command).
    static func renderSample() throws -> [String: Data] {
        let options = Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path)
        let plan = try Pipeline.assess(options)
        return try PlanRenderer(templates: TemplateSet.load(from: TestPaths.templates)).files(for: plan)
    }

    /// plan.xlsx compared part by part, as `plan.xlsx-parts/<part>`: its XML has a line per row,
    /// so a change reads as a diff (the zip's own bytes: `sameInputsGiveByteIdenticalOutputs`).
    static func withWorkbookParts(_ files: [String: Data]) throws -> [String: Data] {
        var files = files
        guard let workbook = files.removeValue(forKey: PlanWorkbook.fileName) else { return files }
        let archive = try Archive(data: workbook, accessMode: .read)
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            files["\(PlanWorkbook.fileName)-parts/\(entry.path)"] = bytes
        }
        return files
    }

    @Test func sampleMatchesGoldenFiles() throws {
        let files = try Self.withWorkbookParts(Self.renderSample())
        if ProcessInfo.processInfo.environment["NINES_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: Self.golden)
            for (path, data) in files {
                let url = Self.golden.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        }
        let expected = try FileManager.default.subpathsOfDirectory(atPath: Self.golden.path).filter {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: Self.golden.appendingPathComponent($0).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }
        #expect(Set(expected) == Set(files.keys), "the set of output files changed")
        for path in files.keys.sorted() {
            // Bytes are compared (String equality would take another Unicode normalisation
            // for the same text); a mismatch is shown as a unified diff.
            let wantBytes = try Data(contentsOf: Self.golden.appendingPathComponent(path))
            if wantBytes != files[path]! {
                let want = String(decoding: wantBytes, as: UTF8.self)
                let got = String(decoding: files[path]!, as: UTF8.self)
                let diff = UnifiedDiff.diff(want, got, oldName: "golden/acme/\(path)", newName: "rendered/\(path)")
                Issue.record("\(path) differs from its golden file:\n\(diff)\nRun scripts/update-golden.sh if the change is intended.")
            }
        }
    }

    @Test func sameInputsGiveByteIdenticalOutputs() throws {
        let first = try Self.renderSample()
        let second = try Self.renderSample()
        #expect(first == second)
    }

    @Test func planJSONCarriesTheSchemaVersionAndTheSummary() throws {
        let files = try Self.renderSample()
        let json = try #require(try JSONSerialization.jsonObject(with: files["plan.json"]!) as? [String: Any])
        #expect(json["schema_version"] as? Int == PlanDocument.schemaVersion)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["vms"] as? Int == 50)
        #expect((summary["pairs"] as? Int ?? 0) >= (summary["pairs_lower_bound"] as? Int ?? 0))
        let apps = try #require(json["applications"] as? [[String: Any]])
        #expect(apps.count == 24)
    }

    /// The full run writes the files the issue lists, and a second run replaces them with the
    /// same bytes.
    @Test func runWritesTheOutputFolderAtomically() throws {
        let out = try TestPaths.temporaryFolder().appendingPathComponent("acme")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let options = Pipeline.Options(
            engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, templates: TestPaths.templates.path, output: out.path)
        let (plan, _) = try Pipeline.run(options)
        let report = try Data(contentsOf: out.appendingPathComponent("report.md"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("plan.json").path))
        for pair in plan.packing.pairs {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("manifests/\(pair.id)/pair.yaml").path))
        }
        _ = try Pipeline.run(options)
        #expect(try Data(contentsOf: out.appendingPathComponent("report.md")) == report)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path) == ["acme"])
    }
}
