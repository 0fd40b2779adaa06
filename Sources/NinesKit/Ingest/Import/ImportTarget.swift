import Foundation

/// Where `nines import -o` may write: never onto one of its inputs, nor into an input folder,
/// after symbolic links are followed (writing there would destroy the export being read); and
/// over an existing file only when it is the untouched inventory `nines init` wrote, or with
/// `force` (an inventory the consultant edited is theirs).
public enum ImportTarget {
    /// Throws `OutputError` when `output` resolves to an input file or into an input folder,
    /// is a link or not a regular file, or is a file of the user's and `force` is not given.
    public static func check(output: String, inputs: [String], force: Bool = false) throws(OutputError) {
        try checkExisting(output, force: force)
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

    private static func checkExisting(_ output: String, force: Bool) throws(OutputError) {
        var info = stat()
        guard lstat(output, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: output)) ?? "?"
            throw OutputError(path: output, refusal: .symbolicLink(target: target))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw OutputError(path: output, reason: "it exists and is not a regular file; choose another -o")
        }
        if force || FileManager.default.contents(atPath: output) == Data(EngagementScaffold.inventory.utf8) { return }
        throw OutputError(
            path: output,
            reason:
                "it exists and is not the sample inventory `nines init` writes, so it may hold your edits; choose another -o, or pass --force to replace it"
        )
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
