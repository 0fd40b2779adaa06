import Foundation

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Decides whether a folder may be replaced by a run's output, before anything is written.
///
/// A destination is replaced only when it is absent, an empty folder, or a previous Nines
/// output whose every file is listed in its `OutputMarker` with the size Nines wrote and no
/// later modification time. A symbolic link, a file, a protected folder (the engagement, the
/// history database, the current folder, or a parent of any of them) and a folder of somebody
/// else's files are refused; `force` overrides only one refusal: files added or changed in a
/// folder that does carry a Nines marker. A folder without a marker is never replaced: Nines
/// cannot tell what in it is the user's.
public struct OutputDestination: Sendable {
    /// What the destination holds now.
    public enum State: Sendable, Equatable {
        case absent, empty, previousOutput
    }

    public var url: URL
    public var protected: [ProtectedFolder]
    public var force: Bool

    /// How many offending paths a refusal names.
    static let namedInRefusal = 5

    public init(_ url: URL, protected: [ProtectedFolder], force: Bool = false) {
        self.url = url
        self.protected = protected
        self.force = force
    }

    /// Checks the destination; throws the refusal when it may not be replaced.
    @discardableResult
    public func check() throws(OutputError) -> State {
        let path = url.path
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
            try checkProtected()
            return .absent
        }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw OutputError(path: path, refusal: .symbolicLink(target: target))
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw OutputError(path: path, refusal: .notAFolder) }
        try checkProtected()
        let survey = try OutputSurvey(root: path)
        if survey.files == 0 { return .empty }
        if survey.foreign.isEmpty { return .previousOutput }
        let named = Array(survey.foreign.prefix(Self.namedInRefusal))
        if !survey.sawMarker {
            throw OutputError(path: path, refusal: .notNinesOutput(entries: named.map(\.path), count: survey.foreign.count))
        }
        if force { return .previousOutput }
        let added = named.filter { !$0.listed }.map(\.path)
        let changed = named.filter(\.listed).map(\.path)
        throw OutputError(path: path, refusal: .changedSinceWritten(added: added, changed: changed, count: survey.foreign.count))
    }

    private func checkProtected() throws(OutputError) {
        let real = ProtectedFolder.realPath(url.path)
        // The folder the destination is, else the nearest one it holds.
        let covered = protected.filter { $0.isCovered(by: real) }.sorted {
            ($0.real == real ? 0 : 1, -$0.real.count) < ($1.real == real ? 0 : 1, -$1.real.count)
        }
        if let folder = covered.first {
            throw OutputError(path: url.path, refusal: .protected(folder.role, path: folder.shown))
        }
    }
}

/// One walk over a destination folder (symbolic links not followed): how many files it holds
/// and which of them no Nines marker accounts for.
struct OutputSurvey {
    /// A file no marker lists (`listed` false), or one whose size, type or time differs from
    /// what the marker recorded (`listed` true). `path` is relative to the destination.
    struct Foreign {
        var path: String
        var listed: Bool
    }

    /// The marker that covers a folder: its list, its modification time and the folder's path
    /// relative to the marker's folder (`""` or ending in `/`).
    struct Cover {
        var marker: OutputMarker
        var written: timespec
        var prefix: String
    }

    private(set) var files = 0
    private(set) var foreign: [Foreign] = []
    /// A marker inside the destination, or a file in it that a marker above lists: the folder
    /// is (part of) a Nines output. A folder of the user's inside a Nines output, none of whose
    /// files any marker lists, is not — `--force` must not replace it.
    var sawMarker: Bool { ownMarker || listed > 0 }
    private var ownMarker = false
    private var listed = 0

    init(root: String) throws(OutputError) {
        try walk(root, relative: "", cover: Self.markerAbove(root))
        foreign.sort { $0.path < $1.path }
    }

    private mutating func walk(_ folder: String, relative: String, cover: Cover?) throws(OutputError) {
        var cover = cover
        let own = Self.marker(in: folder)
        if let own {
            cover = own
            ownMarker = true
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw OutputError(path: folder, error: error)
        }
        for entry in entries.sorted() {
            let path = folder + "/" + entry
            let shown = relative + entry
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var inner = cover
                inner?.prefix += entry + "/"
                try walk(path, relative: shown + "/", cover: inner)
                continue
            }
            if entry == OutputMarker.fileName && own != nil { continue }
            files += 1
            guard let cover, let size = cover.marker.files[cover.prefix + entry] else {
                foreign.append(Foreign(path: shown, listed: false))
                continue
            }
            listed += 1
            let regular = (info.st_mode & S_IFMT) == S_IFREG
            if !regular || Int(info.st_size) != size || Self.later(info.st_mtim, than: cover.written) {
                foreign.append(Foreign(path: shown, listed: true))
            }
        }
    }

    /// The marker in `folder`, if it holds a readable one.
    static func marker(in folder: String) -> Cover? {
        let path = folder + "/" + OutputMarker.fileName
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
            let data = FileManager.default.contents(atPath: path), let marker = OutputMarker.read(data)
        else { return nil }
        return Cover(marker: marker, written: info.st_mtim, prefix: "")
    }

    /// The nearest marker in a parent of `root` (a subfolder of a previous output, such as the
    /// `manifests` folder that `nines manifests` rewrites), with `root`'s path below it.
    static func markerAbove(_ root: String) -> Cover? {
        var folder = ProtectedFolder.realPath(root)
        var below = ""
        for _ in 0..<64 where folder != "/" {
            below = (folder as NSString).lastPathComponent + "/" + below
            folder = (folder as NSString).deletingLastPathComponent
            if var cover = marker(in: folder) {
                cover.prefix = below
                return cover
            }
        }
        return nil
    }

    static func later(_ a: timespec, than b: timespec) -> Bool {
        a.tv_sec != b.tv_sec ? a.tv_sec > b.tv_sec : a.tv_nsec > b.tv_nsec
    }
}
