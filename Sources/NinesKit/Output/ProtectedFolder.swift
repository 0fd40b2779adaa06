import Foundation

/// A path an output destination must never be, nor contain: the engagement's inputs, the
/// assessment history, the catalog and templates a run reads, the current folder, the home
/// folder and the root. Compared by real path (symbolic links resolved), so `.`, `../x` and a
/// link to the same folder are all recognised.
public struct ProtectedFolder: Sendable, Equatable {
    /// What the protected path is, for the refusal's sentence.
    public enum Role: Sendable, Equatable {
        case engagement, history, catalog, templates, currentFolder, home, root

        func sentence(_ path: String) -> String {
            switch self {
            case .engagement: return "holds the engagement's inputs (\(path))"
            case .history: return "holds the assessment history (\(path))"
            case .catalog: return "holds the catalog this run reads (\(path))"
            case .templates: return "holds the templates this run reads (\(path))"
            case .currentFolder: return "is or holds the current folder (\(path))"
            case .home: return "is or holds your home folder (\(path))"
            case .root: return "is the root folder"
            }
        }
    }

    public var role: Role
    /// The path as the user gave it (for the message).
    public var shown: String
    /// The real path (absolute, links resolved as far as the path exists).
    public var real: String

    public init(_ role: Role, path: String) {
        self.role = role
        self.shown = path
        self.real = Self.realPath(path)
    }

    /// True when `destination` (a real path) is this path or one of its parents.
    func isCovered(by destination: String) -> Bool {
        destination == real || destination == "/" || real.hasPrefix(destination + "/")
    }

    /// The folders every run protects: the current folder, the home folder and the root.
    public static var always: [ProtectedFolder] {
        var folders = [ProtectedFolder(.currentFolder, path: FileManager.default.currentDirectoryPath), ProtectedFolder(.root, path: "/")]
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty, home != "/" {
            folders.append(ProtectedFolder(.home, path: home))
        }
        return folders
    }

    /// The absolute path with `.`/`..` removed and symbolic links resolved for the part that
    /// exists (a destination often does not exist yet); the rest is appended as written.
    public static func realPath(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var existing = absolute
        var missing: [String] = []
        while existing != "/" && !existing.isEmpty {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                return missing.isEmpty ? base : (base == "/" ? "" : base) + "/" + missing.reversed().joined(separator: "/")
            }
            missing.append((existing as NSString).lastPathComponent)
            existing = (existing as NSString).deletingLastPathComponent
        }
        return "/" + missing.reversed().joined(separator: "/")
    }
}
