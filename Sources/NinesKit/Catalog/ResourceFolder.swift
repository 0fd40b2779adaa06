import Foundation

/// A catalog or templates folder and how it was found, so that a run can say which one it used.
public struct ResourceFolder: Sendable, Equatable {
    /// How a folder was chosen, in the order the search tries them.
    public enum Origin: Sendable, Equatable {
        /// `--catalog` or `--templates`.
        case option
        /// `NINES_CATALOG` or `NINES_TEMPLATES`.
        case environment(String)
        /// engagement.yaml's `catalog:`.
        case engagement
        /// Beside the catalog in use (templates only).
        case besideCatalog
        /// Looking up from the current folder, the engagement or the executable (a clone).
        case repository
        /// `<executable>/../share/nines/`, where scripts/install.sh puts it.
        case installation
    }

    public var url: URL
    public var origin: Origin

    public init(_ url: URL, origin: Origin) {
        self.url = url
        self.origin = origin
    }

    /// "/usr/local/share/nines/Catalog (installed with nines)": the folder and why it was chosen.
    public var description: String {
        let why =
            switch origin {
            case .option: "given on the command line"
            case .environment(let name): "from $\(name)"
            case .engagement: "named by engagement.yaml"
            case .besideCatalog: "beside the catalog"
            case .repository: "found in the repository"
            case .installation: "installed with nines"
            }
        return "\(url.standardizedFileURL.path) (\(why))"
    }

    /// The share folder of an installed `nines`: `<bin>/../share/nines`, from the real path of
    /// the running executable (a symbolic link to it is followed).
    public static var installedShare: URL? {
        guard let executable = executablePath else { return nil }
        return executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share").appendingPathComponent("nines")
    }

    /// The running executable's real path: /proc/self/exe where there is one, else the first
    /// argument (looked up on PATH when it has no slash), symbolic links resolved.
    public static var executablePath: URL? {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: target)
        }
        guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
        if first.contains("/") { return URL(fileURLWithPath: first).resolvingSymlinksInPath() }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(first)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.resolvingSymlinksInPath() }
        }
        return nil
    }

    /// A folder named `name` that holds `marker`, looking up (at most eight levels) from each
    /// start in turn.
    static func lookUp(_ name: String, holding marker: String, from starts: [URL]) -> URL? {
        for start in starts {
            var folder = start
            for _ in 0..<8 {
                let candidate = folder.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(marker).path) { return candidate }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }

    /// Where to look up from for a clone's folders: the current folder, the given paths and the
    /// executable's folder.
    static func repositoryStarts(near paths: [String]) -> [URL] {
        var starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        starts += paths.map { URL(fileURLWithPath: $0).standardizedFileURL }
        if let executable = executablePath { starts.append(executable.deletingLastPathComponent()) }
        return starts
    }
}
