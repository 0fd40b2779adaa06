import Crypto
import Foundation

/// SHA-256 digests of the files an assessment read, so a later run can tell whether the inputs
/// changed.
public struct InputDigest: Sendable, Hashable {
    public var path: String
    public var sha256: String
    public var bytes: Int

    /// Largest file digested (bigger ones are recorded by size only).
    static let maxBytes = 1 << 30

    /// Every regular file below `folder` (or only in it, when not `recursive`), in path order;
    /// paths relative to it. What Nines wrote there itself is not an input and is skipped: a
    /// folder carrying an `OutputMarker` (an output written inside the engagement), the hidden
    /// staging folders of a run, and SQLite assessment databases with their journals.
    public static func files(in folder: String, extensions: Set<String>? = nil, recursive: Bool = true) -> [InputDigest] {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        let options: FileManager.DirectoryEnumerationOptions = recursive ? [] : [.skipsSubdirectoryDescendants]
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey], options: options)
        else { return [] }
        var digests: [InputDigest] = []
        for case let url as URL in enumerator {
            if isOwnOutput(url) {
                enumerator.skipDescendants()
                continue
            }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            if let extensions, !extensions.contains(url.pathExtension.lowercased()) { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
            var hash = "size-only"
            if size <= maxBytes, let data = try? Data(contentsOf: url, options: .mappedIfSafe) {
                hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            }
            digests.append(InputDigest(path: relative, sha256: hash, bytes: size))
        }
        return digests.sorted { $0.path < $1.path }
    }

    /// A folder or file Nines wrote into the engagement: an output folder (it holds a marker),
    /// a run's staging folder (`.NAME.tmp-PID`, `.NAME.old-PID`), an assessment database.
    static func isOwnOutput(_ url: URL) -> Bool {
        let name = url.lastPathComponent
        if name == OutputMarker.fileName { return true }
        if name.hasPrefix("."), name.contains(".tmp-") || name.contains(".old-") { return true }
        if name.hasSuffix(".sqlite") || name.hasSuffix(".sqlite-wal") || name.hasSuffix(".sqlite-shm") { return true }
        return FileManager.default.fileExists(atPath: url.appendingPathComponent(OutputMarker.fileName).path)
    }

    /// One digest over many: SHA-256 of "path sha256\n" lines.
    public static func combined(_ digests: [InputDigest]) -> String {
        let text = digests.map { "\($0.path) \($0.sha256)\n" }.joined()
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
