import Foundation

/// The output could not be written, or its destination may not be replaced. Maps to exit code
/// 73; the previous output and every other file are left as they were.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// Why a destination folder is refused before anything is written.
    public enum Refusal: Sendable, Equatable {
        /// A symbolic link: Nines would replace the link, not what it points to.
        case symbolicLink(target: String)
        /// A file (or a device, a FIFO, a socket) where a folder is expected.
        case notAFolder
        /// The folder holds, or is, something a run needs or records (never replaced, even with
        /// `--force`).
        case protected(ProtectedFolder.Role, path: String)
        /// Not empty and carries no Nines marker: somebody else's folder.
        case notNinesOutput(entries: [String], count: Int)
        /// A previous Nines output in which files were added or changed since Nines wrote it.
        case changedSinceWritten(added: [String], changed: [String], count: Int)
    }

    public var path: String
    /// A free-text reason (an I/O failure), when `refusal` is nil.
    public var reason: String
    public var refusal: Refusal?

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
        self.refusal = nil
    }

    public init(path: String, refusal: Refusal) {
        self.path = path
        self.reason = ""
        self.refusal = refusal
    }

    /// An I/O error from Foundation turned into the system's own words (Foundation's Linux
    /// messages read "NSCocoaErrorDomain error 512").
    public init(path: String, error: any Error) {
        self.init(path: path, reason: Self.plainReason(error))
    }

    static func plainReason(_ error: any Error) -> String {
        if let error = error as? OutputError { return error.refusal == nil ? error.reason : error.description }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        switch ns.code {
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "no space left on the device"
        case NSFileWriteVolumeReadOnlyError: return "read-only file system"
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or folder"
        case NSFileWriteFileExistsError: return "a file of that name is in the way"
        default: return ns.localizedDescription
        }
    }

    public var description: String {
        guard let refusal else { return "\(path): cannot write output: \(reason)" }
        return "\(path): \(Self.sentence(refusal))"
    }

    static func sentence(_ refusal: Refusal) -> String {
        switch refusal {
        case .symbolicLink(let target):
            return "is a symbolic link (to \(target)); Nines does not replace links — pass the folder itself with --out \(target)"
        case .notAFolder:
            return "is a file, not a folder; Nines writes a folder of files — choose a new folder with --out"
        case .protected(let role, let path):
            return "\(role.sentence(path)); Nines never replaces it, not even with --force — choose a new folder with --out"
        case .notNinesOutput(let entries, let count):
            return
                "is not empty and was not written by Nines (no \(OutputMarker.fileName) marker; it holds \(listed(entries, count))); Nines replaces only its own output, even with --force — choose an empty or new folder with --out"
        case .changedSinceWritten(let added, let changed, let count):
            var parts: [String] = []
            if !added.isEmpty { parts.append("added: \(added.joined(separator: ", "))") }
            if !changed.isEmpty { parts.append("changed: \(changed.joined(separator: ", "))") }
            let more = count - added.count - changed.count
            return
                "is a previous Nines output, but \(count) file(s) in it were added or changed since (\(parts.joined(separator: "; "))\(more > 0 ? "; and \(more) more" : "")); move what you want to keep, or pass --force to replace them"
        }
    }

    private static func listed(_ entries: [String], _ count: Int) -> String {
        let shown = entries.joined(separator: ", ")
        return count > entries.count ? "\(shown) and \(count - entries.count) more" : shown
    }
}
