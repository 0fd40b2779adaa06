import CFileShim
import Foundation
import Synchronization

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
/// rendered; `commit()` checks the destination again, adds the `OutputMarker` and puts the
/// whole folder in place in one atomic exchange; `discard()` removes it. Thread-safe: each
/// rendering thread puts its own files. Every staging folder in use is registered, so an
/// interrupted run removes it (`discardActive()`).
public final class OutputStaging: OutputSink, Sendable {
    public var destination: URL { target.url }
    let target: OutputDestination
    let staging: URL
    let marked: Bool
    private let root: String
    /// Folders already created under the staging folder, and every file put with its size in
    /// bytes (the marker's list).
    private let state = Mutex<(folders: Set<String>, written: [String: Int])>(([], [:]))

    init(target: OutputDestination, staging: URL, marked: Bool) {
        self.target = target
        self.staging = staging
        self.marked = marked
        self.root = staging.path
        Self.register(staging.path)
    }

    public func put(_ path: String, _ data: Data) throws {
        guard OutputWriter.isSafe(path), path != OutputMarker.fileName else {
            throw OutputError(path: path, reason: "refusing a path outside the output folder")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !known(folder) {
            try OutputWriter.makeFolders(folder, under: root)
            state.withLock { _ = $0.folders.insert(folder) }
        }
        try OutputWriter.writeFile(data, to: root + "/" + path)
        state.withLock { $0.written[path] = data.count }
    }

    private func known(_ folder: String) -> Bool {
        state.withLock { $0.folders.contains(folder) }
    }

    /// Puts the staged folder in the destination's place; the previous contents (checked again
    /// first: only a Nines output as Nines wrote it) are removed.
    public func commit() throws(OutputError) {
        defer { Self.unregister(staging.path) }
        do {
            try target.check()
            if marked {
                let marker = OutputMarker(files: state.withLock { $0.written })
                try OutputWriter.writeFile(marker.data, to: root + "/" + OutputMarker.fileName)
            }
        } catch {
            discard()
            throw error as? OutputError ?? OutputError(path: destination.path, error: error)
        }
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
            throw OutputError(path: destination.path, error: error)
        }
    }

    /// Removes the staged folder; the destination is untouched.
    public func discard() {
        Self.unregister(staging.path)
        try? FileManager.default.removeItem(at: staging)
    }

    // MARK: Staging folders in use, for an interrupted run

    private static let active = Mutex<Set<String>>([])

    private static func register(_ path: String) { active.withLock { _ = $0.insert(path) } }
    private static func unregister(_ path: String) { active.withLock { _ = $0.remove(path) } }

    /// Removes every staging folder still in use (called when the run is interrupted). Each is
    /// first renamed out of the way (`.NAME.old-PID`, which the next run removes if this one is
    /// cut short), so threads still rendering into it fail instead of recreating it.
    public static func discardActive() {
        let paths = active.withLock { $0 }
        for path in paths {
            let url = URL(fileURLWithPath: path)
            let name = url.lastPathComponent
            guard let dash = name.range(of: ".tmp-", options: .backwards) else { continue }
            let doomed = url.deletingLastPathComponent().appendingPathComponent(
                String(name[..<dash.lowerBound]) + ".old-" + String(name[dash.upperBound...]))
            if rename(path, doomed.path) == 0 {
                try? FileManager.default.removeItem(at: doomed)
            } else {
                try? FileManager.default.removeItem(atPath: path)
            }
            unregister(path)
        }
    }
}

/// Collects rendered files in memory (for tests and for callers that want the bytes).
public final class OutputCollector: OutputSink, Sendable {
    private let storage = Mutex<[String: Data]>([:])

    public init() {}

    public func put(_ path: String, _ data: Data) throws {
        storage.withLock { $0[path] = data }
    }

    /// Every file put so far.
    public var files: [String: Data] { storage.withLock { $0 } }
}
