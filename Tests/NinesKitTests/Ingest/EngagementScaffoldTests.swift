import Foundation
import Testing

@testable import NinesKit

/// `nines init` writes an engagement that documents every key the loader accepts and that
/// passes `nines check` as written.
struct EngagementScaffoldTests {
    /// Every key the readers accept, with the file it belongs to; a key added to a reader and
    /// not to the scaffold fails here.
    static let acceptedKeys: [(file: String, key: String)] =
        (EngagementSettings.keys + EngagementSettings.siteKeys + MappingRules.keys + NetworksReader.keys).map { ("engagement.yaml", $0) }
        + (ApplicationBuilder.keys + ["impact.curve"]).map { ("applications.yaml", $0) }

    @Test func everyAcceptedKeyIsDocumented() throws {
        let files = EngagementScaffold.files(name: "acme")
        for (file, key) in Self.acceptedKeys {
            let text = try #require(files[file])
            let leaf = String(key.split(separator: ".").last!)
            let mentioned = text.split(separator: "\n").contains { line in
                let body = line.drop { " #-".contains($0) }
                return body.hasPrefix(leaf + ":")
            }
            #expect(mentioned, "\(file) written by `nines init` does not mention '\(key)'")
        }
    }

    @Test func scaffoldPassesCheck() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in EngagementScaffold.files(name: "new") {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let loaded = try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path)
        #expect(loaded.engagement.applications.map(\.name) == ["ERP"])
    }

    /// `nines init` then `nines check` on the folder it wrote, as a user types them.
    @Test(.enabled(if: NinesExecutable.enabled, NinesExecutable.needed))
    func initThenCheckPasses() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let created = try NinesExecutable.run(["init", "acme"], in: work)
        #expect(created.status == 0, "\(created.errors)")
        let check = try NinesExecutable.run(["check", "acme"], in: work)
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.output.hasPrefix("OK: 1 applications"), "\(check.output)")
    }
}
