import Foundation

/// The engagement folder as a boundary: every input a run reads must lie inside it once
/// symbolic links are resolved, so a link to `/etc/passwd` (or to another client's folder) is
/// refused before a byte of it is read.
struct EngagementBoundary {
    let directory: String
    /// The engagement folder's real path.
    let root: String

    init(_ directory: String) {
        self.directory = directory
        root = ProtectedFolder.realPath(directory)
    }

    /// True when `path` (any form) resolves to the engagement folder or below it.
    func contains(_ path: String) -> Bool {
        let real = ProtectedFolder.realPath(path)
        return real == root || real.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// The first name, relative to the engagement, at or below `name` that resolves outside
    /// it: `name` itself or, for a folder input (an RVTools CSV export, a folder of OVF or
    /// libvirt files), an entry in it. Nil when everything stays inside (or does not exist).
    func firstEscape(_ name: String) -> String? {
        let path = directory + "/" + name
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        if !contains(path) { return name }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
            let entries = try? FileManager.default.contentsOfDirectory(atPath: path)
        else { return nil }
        return entries.sorted().first { !contains(path + "/" + $0) }.map { name + "/" + $0 }
    }
}
