import CFileShim
import Foundation

/// Where rendered files go, one at a time, from any thread.
public protocol OutputSink: Sendable {
    /// Stores one file at `path` (relative, `/`-separated).
    func put(_ path: String, _ data: Data) throws
}

extension OutputSink {
    /// Stores a text file as UTF-8.
    public func put(_ path: String, text: String) throws {
        try put(path, Data(text.utf8))
    }
}

/// An output folder being written: files go straight into a hidden sibling folder as they are
/// rendered; `commit()` puts the whole folder in place in one atomic exchange, `discard()`
/// removes it. Thread-safe: each rendering thread puts its own files.
public final class OutputStaging: OutputSink, @unchecked Sendable {
    public let destination: URL
    let staging: URL
    private let root: String
    private let lock = NSLock()
    /// Folders already created under the staging folder.
    private var folders: Set<String> = []

    init(destination: URL, staging: URL) {
        self.destination = destination
        self.staging = staging
        self.root = staging.path
    }

    public func put(_ path: String, _ data: Data) throws {
        guard OutputWriter.isSafe(path) else {
            throw OutputError(path: path, reason: "refusing a path outside the output folder")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !known(folder) {
            try OutputWriter.makeFolders(folder, under: root)
            lock.withLock { _ = folders.insert(folder) }
        }
        try OutputWriter.writeFile(data, to: root + "/" + path)
    }

    private func known(_ folder: String) -> Bool {
        lock.withLock { folders.contains(folder) }
    }

    /// Puts the staged folder in the destination's place; the previous contents are removed.
    public func commit() throws(OutputError) {
        let fm = FileManager.default
        let retired = destination.deletingLastPathComponent().appendingPathComponent(
            ".\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            if fm.fileExists(atPath: destination.path) {
                if cx_exchange(staging.path, destination.path) == 0 {
                    // One atomic step: the new folder is in place, the old one is at `staging`.
                    try? fm.removeItem(at: staging)
                    return
                }
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

    /// Removes the staged folder; the destination is untouched.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}

/// Collects rendered files in memory (for tests and for callers that want the bytes).
public final class OutputCollector: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: Data] = [:]

    public init() {}

    public func put(_ path: String, _ data: Data) throws {
        lock.withLock { storage[path] = data }
    }

    /// Every file put so far.
    public var files: [String: Data] { lock.withLock { storage } }
}
