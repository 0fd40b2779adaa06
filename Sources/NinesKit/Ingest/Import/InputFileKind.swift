import Foundation

/// What a path names, following symbolic links: a FIFO or a device is refused as "not a
/// regular file" before it is opened (reading one would block or never end).
public enum InputFileKind: Equatable, Sendable {
    case regularFile, folder, missing, other

    /// The kind of `path`, after symbolic links.
    public static func of(_ path: String) -> InputFileKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regularFile
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// Throws unless `path` is a regular file (or, with `folderAllowed`, a folder).
    static func requireRegularFile(_ path: String, shownAs shown: String, folderAllowed: Bool = false) throws(ImportError) {
        switch of(path) {
        case .regularFile: return
        case .folder where folderAllowed: return
        case .missing: throw ImportError("\(shown): no such file or folder", kind: .missing)
        case .folder: throw ImportError("\(shown): is a folder, not a regular file", kind: .missing)
        case .other: throw ImportError("\(shown): not a regular file (a FIFO, socket or device)", kind: .missing)
        }
    }

    /// The bytes of an input file (mapped when safe), or a `MissingInputError` that says what
    /// is wrong in the system's words: absent, a folder, a FIFO or device (never read, so a
    /// FIFO cannot hang the run), or unreadable.
    static func contents(of url: URL, shownAs shown: String) throws(MissingInputError) -> Data {
        switch of(url.path) {
        case .regularFile: break
        case .missing: throw MissingInputError(path: shown, reason: "no such file")
        case .folder: throw MissingInputError(path: shown, reason: "is a folder, not a regular file")
        case .other: throw MissingInputError(path: shown, reason: "not a regular file (a FIFO, socket or device)")
        }
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw MissingInputError(path: shown, reason: "cannot read the file (\(OutputError.plainReason(error)))")
        }
    }
}
