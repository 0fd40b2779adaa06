import Foundation

/// Writes a set of files into an output folder atomically: everything goes into a temporary
/// sibling folder first, which then replaces the old folder in two renames. A failed run
/// leaves the previous output intact (the pattern of XcodeGen's `FileWriter`).
public struct OutputWriter: Sendable {
    public var destination: URL

    public init(destination: URL) {
        self.destination = destination
    }

    /// Writes `files` (relative path → contents) as the folder's complete new contents.
    public func write(_ files: [String: Data]) throws(OutputError) {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        let retired = parent.appendingPathComponent(".\(name).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for path in files.keys.sorted() {
                guard Self.isSafe(path) else { throw OutputError(path: path, reason: "refusing a path outside the output folder") }
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try files[path]!.write(to: url)
            }
        } catch let error as OutputError {
            try? fm.removeItem(at: staging)
            throw error
        } catch {
            try? fm.removeItem(at: staging)
            throw OutputError(path: destination.path, reason: error.localizedDescription)
        }
        do {
            if fm.fileExists(atPath: destination.path) {
                try? fm.removeItem(at: retired)
                try fm.moveItem(at: destination, to: retired)
            }
            try fm.moveItem(at: staging, to: destination)
            try? fm.removeItem(at: retired)
        } catch {
            if !fm.fileExists(atPath: destination.path), fm.fileExists(atPath: retired.path) {
                try? fm.moveItem(at: retired, to: destination)
            }
            try? fm.removeItem(at: staging)
            throw OutputError(path: destination.path, reason: error.localizedDescription)
        }
    }

    /// A relative path with no `..`, no absolute start and no empty component.
    static func isSafe(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.hasPrefix("/") && !parts.contains { $0.isEmpty || $0 == ".." || $0 == "." }
    }
}
