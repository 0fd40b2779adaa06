import Foundation
import Testing

/// Long work shows progress on stderr when it is a terminal, and nothing when it is not, so
/// redirected outputs and logs stay clean.
@Suite(.enabled(if: NinesExecutable.enabled && ExternalTool.enabled(["script"]), NinesExecutable.needed))
struct ProgressDisplayTests {
    static let arguments = ["simulate", TestPaths.acme.path, "--trials", "150000", "--catalog", TestPaths.catalog.path]

    @Test func terminalShowsProgress() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        // script(1) runs nines on a pseudo-terminal; only stderr reaches it.
        let command = ([NinesExecutable.binary.path] + Self.arguments).map { "'\($0)'" }.joined(separator: " ") + " >/dev/null"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["script", "-qec", command, "/dev/null"]
        process.currentDirectoryURL = work
        process.environment = NinesExecutable.environment(for: work)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let shown = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(shown.contains("\rsimulating "), "\(shown.prefix(200))")
    }

    @Test func pipeShowsNothing() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try NinesExecutable.run(Self.arguments, in: work)
        #expect(run.status == 0)
        #expect(run.errors.isEmpty, "\(run.errors.prefix(200))")
        let plan = try NinesExecutable.run(["plan", TestPaths.acme.path, "--out", "out", "--no-record", "--trials", "50000"], in: work)
        #expect(plan.status == 0)
        #expect(!plan.errors.contains("\r"), "\(plan.errors.prefix(200))")
    }
}
