import Foundation
import Testing

/// The `nines` executable built beside the tests (.ci/run builds it before `swift test`), run
/// as a user would: in a folder of the test's own, with its exit status and both outputs.
enum NinesExecutable {
    static let binary = TestPaths.root.appendingPathComponent(".build/debug/nines")

    /// Whether tests that run the executable run: when it is built, or when CI requires them.
    static var enabled: Bool {
        FileManager.default.isExecutableFile(atPath: binary.path) || ProcessInfo.processInfo.environment["NINES_REQUIRE_TOOLS"] == "1"
    }

    static let needed: Comment = "needs the nines executable: run `swift build --product nines` first"

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `nines ARGUMENTS` in `folder` with the repository's catalog and templates.
    static func run(_ arguments: [String], in folder: URL) throws -> Run {
        try collect(start(arguments, in: folder))
    }

    /// Runs `process` to its end with both outputs collected. Stderr is drained on its own
    /// thread: a run that fills one pipe while the other is read would never end.
    static func collect(_ process: Process) throws -> Run {
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errorsRead = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var errors = Data()
        DispatchQueue.global().async {
            errors = err.fileHandleForReading.readDataToEndOfFile()
            errorsRead.signal()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        errorsRead.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self))
    }

    /// A process for `nines ARGUMENTS` in `folder`, not started; `plan` and `manifests` get the
    /// repository's catalog and templates and no simulation unless the arguments say otherwise.
    static func start(_ arguments: [String], in folder: URL) -> Process {
        let process = Process()
        process.executableURL = binary
        var arguments = arguments
        if let command = arguments.first, ["plan", "manifests", "check"].contains(command) {
            if !arguments.contains("--catalog") { arguments += ["--catalog", TestPaths.catalog.path] }
            if command != "check" && !arguments.contains("--templates") { arguments += ["--templates", TestPaths.templates.path] }
            if command == "plan" && !arguments.contains("--trials") { arguments += ["--trials", "0"] }
        }
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = environment(for: folder)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }
}

extension NinesExecutable {
    /// The test's environment with a data folder of the run's own (never the real
    /// ~/.local/share): the default history of runs in `folder` lands in
    /// `dataHome(for: folder)/nines/assessments.sqlite`.
    static func environment(for folder: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = dataHome(for: folder).path
        environment["NINES_DB"] = nil
        return environment
    }

    /// A data folder outside `folder` (so that snapshots of it see no change), one per folder.
    static func dataHome(for folder: URL) -> URL {
        let key = folder.standardizedFileURL.path.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        return FileManager.default.temporaryDirectory.appendingPathComponent("nines-test-data").appendingPathComponent(key)
    }
}

/// Every file and link below a folder with its bytes (a link by its target), to show that a
/// refused run changed nothing.
struct FolderSnapshot: Equatable, CustomStringConvertible {
    var entries: [String: Data]

    init(_ folder: URL) throws {
        entries = [:]
        let fm = FileManager.default
        for path in try fm.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(path)
            if let target = try? fm.destinationOfSymbolicLink(atPath: url.path) {
                entries[path] = Data(("link → " + target).utf8)
                continue
            }
            var isDirectory: ObjCBool = false
            fm.fileExists(atPath: url.path, isDirectory: &isDirectory)
            entries[path] = isDirectory.boolValue ? Data("folder".utf8) : try Data(contentsOf: url)
        }
    }

    var description: String { "\(entries.count) entries" }

    /// The paths that differ between two snapshots.
    func changes(to other: FolderSnapshot) -> [String] {
        Set(entries.keys).union(other.entries.keys).filter { entries[$0] != other.entries[$0] }.sorted()
    }
}
