import Foundation

/// Writes one file atomically: to a temporary sibling, then renamed over the target.
public enum OutputFile {
    public static func write(_ data: Data, to url: URL) throws(OutputError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw OutputError(path: url.path, error: error)
        }
    }
}
