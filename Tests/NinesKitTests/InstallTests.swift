import Foundation
import Testing

/// scripts/install.sh puts nines, its catalog and templates, completions and a man page under a
/// prefix; the installed nines then works from any folder with no variable but HOME and PATH.
@Suite(.serialized, .enabled(if: NinesExecutable.enabled, NinesExecutable.needed))
struct InstallTests {
    static func install(into prefix: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = TestPaths.root.appendingPathComponent("scripts/install.sh")
        process.arguments = ["--binary", NinesExecutable.binary.path, prefix.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Runs the installed nines in `folder` with only HOME and PATH set.
    static func run(_ prefix: URL, _ arguments: [String], home: URL, in folder: String) throws -> NinesExecutable.Run {
        let process = Process()
        process.executableURL = prefix.appendingPathComponent("bin/nines")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ["HOME": home.path, "PATH": "/usr/bin:/bin"]
        return try NinesExecutable.collect(process)
    }

    @Test func installedNinesPlansFromTheRootFolder() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let prefix = work.appendingPathComponent("prefix")
        let home = work.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        #expect(try Self.install(into: prefix) == 0)
        for file in [
            "bin/nines", "share/nines/Catalog/tiers.yaml", "share/nines/Templates/report.md.mustache",
            "share/bash-completion/completions/nines", "share/zsh/site-functions/_nines",
            "share/fish/vendor_completions.d/nines.fish", "share/man/man1/nines.1",
        ] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file) not installed")
        }
        let engagement = work.appendingPathComponent("clients/acme")
        try FileManager.default.createDirectory(at: engagement.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.acme, to: engagement)
        let rootBefore = try FileManager.default.contentsOfDirectory(atPath: "/").sorted()

        let plan = try Self.run(prefix, ["plan", engagement.path, "--trials", "0"], home: home, in: "/")
        #expect(plan.status == 0, "\(plan.errors)")
        let database = home.appendingPathComponent(".local/share/nines/assessments.sqlite")
        #expect(FileManager.default.fileExists(atPath: database.path))
        #expect(plan.output.contains("Recorded in \(database.path)"), "\(plan.output)")
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("clients/Output/acme/plan.json").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: "/").sorted() == rootBefore, "the plan wrote into /")

        let history = try Self.run(prefix, ["history", engagement.path], home: home, in: "/")
        #expect(history.status == 0 && history.output.contains("acme"), "\(history.errors)")
        let catalog = try Self.run(prefix, ["catalog", "show", "ft"], home: home, in: "/")
        let shown = prefix.appendingPathComponent("share/nines/Catalog").standardizedFileURL.path
        #expect(catalog.output.hasPrefix("Catalog: \(shown) (installed with nines)"), "\(catalog.output)")
    }

    /// Installing again never deletes what a user changed: an installed catalog edited by hand
    /// is kept beside the new one; an unchanged one is simply replaced.
    @Test func reinstallKeepsAnEditedCatalog() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let prefix = work.appendingPathComponent("prefix")
        #expect(try Self.install(into: prefix) == 0)
        #expect(try Self.install(into: prefix) == 0)
        let share = prefix.appendingPathComponent("share/nines")
        #expect(try FileManager.default.contentsOfDirectory(atPath: share.path).sorted() == ["Catalog", "Templates"])
        let tiers = share.appendingPathComponent("Catalog/tiers.yaml")
        let edited = try String(contentsOf: tiers, encoding: .utf8) + "# edited by the consultant\n"
        try edited.write(to: tiers, atomically: true, encoding: .utf8)
        #expect(try Self.install(into: prefix) == 0)
        let kept = try FileManager.default.contentsOfDirectory(atPath: share.path).filter { $0.hasPrefix("Catalog.before-") }
        #expect(kept.count == 1)
        let saved = try String(contentsOf: share.appendingPathComponent(kept[0]).appendingPathComponent("tiers.yaml"), encoding: .utf8)
        #expect(saved.hasSuffix("# edited by the consultant\n"))
        #expect(!(try String(contentsOf: tiers, encoding: .utf8)).contains("edited by the consultant"))
    }
}
