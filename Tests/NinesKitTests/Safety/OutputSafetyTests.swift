import Foundation
import Testing

@testable import NinesKit

/// "Never destroy": each case of the output-safety campaign run as the user typed it, in a
/// work folder holding an engagement, a folder of the user's own, a file, a link, another
/// engagement's output and the assessment history. A refused run exits 73 and every file of
/// the work folder is byte-identical afterwards.
@Suite(.serialized, .enabled(if: NinesExecutable.enabled, NinesExecutable.needed))
struct OutputSafetyTests {
    /// The work folder: `acme/` (the sample), `docs/thesis.txt`, `notes.txt`, `link → docs`,
    /// and `Output/` with a previous plan of `acme` and its history database.
    static func workFolder() throws -> URL {
        let work = try TestPaths.temporaryFolder()
        let fm = FileManager.default
        try fm.copyItem(at: TestPaths.acme, to: work.appendingPathComponent("acme"))
        try fm.createDirectory(at: work.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try Data("thesis\n".utf8).write(to: work.appendingPathComponent("docs/thesis.txt"))
        try Data("notes\n".utf8).write(to: work.appendingPathComponent("notes.txt"))
        try fm.createSymbolicLink(atPath: work.appendingPathComponent("link").path, withDestinationPath: "docs")
        // The history where an older Nines kept it: later runs here find it (and say so).
        let first = try NinesExecutable.run(["plan", "acme", "--db", "Output/nines.sqlite"], in: work)
        #expect(first.status == 0, "\(first.errors)")
        return work
    }

    /// Each destination a user may type by mistake is refused with exit 73, the reason, and
    /// nothing changed anywhere in the work folder (the history database included).
    @Test(arguments: [
        (["plan", "acme", "--out", "docs"], "was not written by Nines"),
        (["plan", "acme", "--out", "docs", "--force"], "was not written by Nines"),
        (["plan", "acme", "--out", "."], "is or holds the current folder"),
        (["plan", "acme", "--out", "..", "--force"], "Nines never replaces it, not even with --force"),
        (["plan", "acme", "--out", "acme"], "holds the engagement's inputs"),
        (["plan", "acme", "--out", "acme", "--force"], "holds the engagement's inputs"),
        (["plan", "acme", "--out", "Output"], "holds the assessment history"),
        (["plan", "acme", "--out", "Output", "--force"], "holds the assessment history"),
        (["plan", "acme", "--out", "notes.txt"], "is a file, not a folder"),
        (["plan", "acme", "--out", "link"], "is a symbolic link (to docs)"),
        (["plan", "acme", "--out", "/"], "is the root folder"),
        (["manifests", "acme", "--out", "docs"], "was not written by Nines"),
        (["manifests", "acme", "--out", "."], "is or holds the current folder"),
        (["manifests", "acme", "--out", "acme"], "holds the engagement's inputs"),
    ])
    func refusedDestinationChangesNothing(arguments: [String], reason: String) throws {
        let work = try Self.workFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let before = try FolderSnapshot(work)
        let run = try NinesExecutable.run(arguments, in: work)
        #expect(run.status == 73, "\(arguments): \(run.errors)")
        #expect(run.errors.contains(reason), "\(run.errors)")
        #expect(!run.errors.contains("NSCocoaErrorDomain"))
        #expect(!run.output.contains("Recorded in"))
        let after = try FolderSnapshot(work)
        #expect(before.changes(to: after).isEmpty, "changed: \(before.changes(to: after))")
        let check = try NinesExecutable.run(["check", "acme"], in: work)
        #expect(check.status == 0)
    }

    /// A previous output is replaced as long as it is as Nines wrote it; a file added or changed
    /// in it stops the run (naming the file) until `--force`.
    @Test func previousOutputIsReplacedOnlyAsWritten() throws {
        let work = try Self.workFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(try NinesExecutable.run(["plan", "acme"], in: work).status == 0)
        let report = work.appendingPathComponent("Output/acme/report.md")
        try (try Data(contentsOf: report) + Data("my note\n".utf8)).write(to: report)
        let edited = try NinesExecutable.run(["plan", "acme"], in: work)
        #expect(edited.status == 73 && edited.errors.contains("changed: report.md"), "\(edited.errors)")
        #expect(try String(contentsOf: report, encoding: .utf8).hasSuffix("my note\n"))
        try FileManager.default.removeItem(at: report)
        try Data("mine\n".utf8).write(to: work.appendingPathComponent("Output/acme/manifests/mine.txt"))
        let added = try NinesExecutable.run(["plan", "acme"], in: work)
        #expect(added.status == 73 && added.errors.contains("added: manifests/mine.txt"), "\(added.errors)")
        let forced = try NinesExecutable.run(["plan", "acme", "--force"], in: work)
        #expect(forced.status == 0, "\(forced.errors)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("Output/acme/manifests/mine.txt").path))
        // `nines manifests` rewrites the manifests of a plan output, which stays replaceable.
        #expect(try NinesExecutable.run(["manifests", "acme"], in: work).status == 0)
        #expect(try NinesExecutable.run(["plan", "acme"], in: work).status == 0)
    }

    /// An engagement kept under Output/ is never the default output folder: the plan goes to
    /// `Output/<name>-output` and the engagement is left whole.
    @Test func engagementUnderOutputIsNotItsOwnOutput() throws {
        let work = try Self.workFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.copyItem(at: TestPaths.acme, to: work.appendingPathComponent("Output/beta"))
        let before = try FolderSnapshot(work.appendingPathComponent("Output/beta"))
        let run = try NinesExecutable.run(["plan", "Output/beta"], in: work)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Output/beta-output/: report.html, report.md, plan.json, CSV files"))
        #expect(try FolderSnapshot(work.appendingPathComponent("Output/beta")) == before)
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("Output/beta-output/plan.json").path))
    }

    /// SIGINT, SIGTERM and SIGHUP in the middle of writing a large output: the process ends
    /// with the signal, the previous output is whole and no staging folder is left beside it.
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func interruptedRunRemovesItsStagingFolder(signal: Int32) throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        _ = try TestPaths.bigEngagement(in: work)
        #expect(try NinesExecutable.run(["plan", "big", "--out", "out", "--no-record"], in: work).status == 0)
        let previous = try FolderSnapshot(work.appendingPathComponent("out"))
        let process = NinesExecutable.start(["plan", "big", "--out", "out", "--no-record"], in: work)
        try process.run()
        // Wait until the staging folder exists, then interrupt.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? []
            if entries.contains(where: { $0.hasPrefix(".out.tmp-") }) || !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.005)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal {
            #expect(process.terminationStatus == signal)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: work.path).sorted()
        #expect(left == ["big", "out"], "left beside the output: \(left)")
        // The same inputs: whether the signal came before or after the exchange, the bytes match.
        #expect(try FolderSnapshot(work.appendingPathComponent("out")) == previous)
    }
}
