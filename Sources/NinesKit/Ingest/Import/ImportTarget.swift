import Foundation

/// Where `nines import -o` may write: never onto one of its inputs, nor into an input folder,
/// after symbolic links are followed (writing there would destroy the export being read).
public enum ImportTarget {
    /// Throws `OutputError` when `output` resolves to an input file or into an input folder.
    public static func check(output: String, inputs: [String]) throws(OutputError) {
        let target = resolved(output)
        for input in inputs {
            let source = resolved(input)
            if target == source {
                throw OutputError(path: output, reason: "it is the import's input \(input); choose another -o")
            }
            if InputFileKind.of(input) == .folder, target.hasPrefix(source.hasSuffix("/") ? source : source + "/") {
                throw OutputError(path: output, reason: "it is inside the import's input folder \(input); choose another -o")
            }
        }
    }

    /// The absolute path with symbolic links resolved; for a file that does not exist yet, its
    /// folder is resolved and the name appended.
    static func resolved(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if let real = realPath(url.path) { return real }
        let parent = url.deletingLastPathComponent().path
        return (realPath(parent) ?? parent) + "/" + url.lastPathComponent
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
