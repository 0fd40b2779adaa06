import Foundation

/// Judges what is at a history database path before anything may write to it: plain file checks,
/// the SQLite header, then a read-only look inside (`quick_check`, `application_id`,
/// `user_version`, tables, GRDB's migration record). Only an absent or empty file, or Nines' own
/// database of this or an older schema, passes; everything else is refused with the reason, and
/// the file is left byte for byte as it was.
struct HistoryFileInspection {
    /// What Nines may do with the file.
    enum Verdict: Sendable, Equatable {
        /// Nothing recorded there yet (no file, an empty file, an SQLite file without tables).
        case new
        /// Nines' own database with these migrations applied (a prefix of the known ones);
        /// `stamped` when it already carries Nines' `application_id` and `user_version`.
        case nines(applied: [String], stamped: Bool)
    }

    let path: String
    let forWriting: Bool
    let busyTimeout: TimeInterval

    static let leftAlone = "it was left unchanged — move it aside or pass --db PATH"

    /// Inspects the path; throws the refusal as a `StoreError`.
    func verdict() throws(StoreError) -> Verdict {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else { throw refusal(.other, "cannot be examined (\(String(cString: strerror(errno))))") }
            guard forWriting else { throw refusal(.missing, "no assessment database here yet (run `nines plan` first)") }
            try checkFolderWritable()
            return .new
        }
        try checkIsFile(info)
        if forWriting {
            guard Self.writable(path, info) else {
                throw refusal(.readOnly, "the file is read-only; \(Self.leftAlone)")
            }
            try checkFolderWritable()
        }
        guard info.st_size > 0 else {
            guard forWriting else { throw refusal(.missing, "the file is empty: no assessment recorded yet (run `nines plan` first)") }
            return .new
        }
        let header = try readHeader(size: Int(info.st_size))
        // A WAL database without -wal/-shm files has no open connection: it is read as immutable,
        // so SQLite creates no files beside it. Should a writer appear meanwhile, look again.
        let quiet = header.usesWAL && !sidecarsExist()
        do {
            return try examine(immutable: quiet)
        } catch  where quiet && sidecarsExist() {
            return try examine(immutable: false)
        }
    }

    /// What to hand GRDB to read Nines' own database: an immutable URI for a WAL file no
    /// connection has open, so that reading creates no `-wal`/`-shm` files (nor fails in a
    /// read-only folder); the plain path otherwise.
    func quietReadPath() -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return path }
        defer { try? handle.close() }
        let bytes = (try? handle.read(upToCount: SQLiteFileHeader.size)) ?? Data()
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard let header = try? SQLiteFileHeader(bytes, fileSize: size), header.usesWAL, !sidecarsExist(),
            SQLiteProbe.takesURIsEverywhere
        else { return path }
        return SQLiteProbe.uri(path, immutable: true)
    }

    private func checkIsFile(_ info: stat) throws(StoreError) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw refusal(.notAFile, "a folder, not a database file; \(Self.leftAlone)/nines.sqlite")
        case S_IFLNK:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw refusal(.notAFile, "a symbolic link (to \(target)), not a database file; \(Self.leftAlone) to the file itself")
        default: throw refusal(.notAFile, "not a regular file (a FIFO, socket or device); \(Self.leftAlone)")
        }
    }

    /// The folder must take the file's `-wal` and `-shm` companions (or the new file); checked on
    /// the nearest folder that exists, as the missing ones are created.
    private func checkFolderWritable() throws(StoreError) {
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var info = stat()
        while lstat(folder.path, &info) != 0, folder.path != "/" { folder.deleteLastPathComponent() }
        if info.st_mode & S_IFMT == S_IFDIR, !Self.writable(folder.path, info) {
            throw refusal(.readOnly, "its folder \(folder.path) is read-only; \(Self.leftAlone)")
        }
    }

    /// Writable for this process, and marked writable for someone: `chmod a-w` is honoured even
    /// by root, whom `access` never refuses.
    static func writable(_ path: String, _ info: stat) -> Bool {
        access(path, W_OK) == 0 && info.st_mode & 0o222 != 0
    }

    private func sidecarsExist() -> Bool {
        ["-wal", "-shm"].contains { FileManager.default.fileExists(atPath: path + $0) }
    }

    private func readHeader(size: Int) throws(StoreError) -> SQLiteFileHeader {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw refusal(.readOnly, "cannot be read (permission denied); \(Self.leftAlone)")
        }
        defer { try? handle.close() }
        let bytes = (try? handle.read(upToCount: SQLiteFileHeader.size)) ?? Data()
        do {
            return try SQLiteFileHeader(bytes, fileSize: size)
        } catch {
            switch error {
            case .notSQLite: throw refusal(.notADatabase, "not an SQLite database; \(Self.leftAlone)")
            case .damaged(let what): throw refusal(.corrupt, "a damaged SQLite database (\(what)); \(Self.leftAlone)")
            }
        }
    }

    /// Opens the file read-only and classifies its contents.
    private func examine(immutable: Bool) throws(StoreError) -> Verdict {
        do {
            let probe = try SQLiteProbe(path: path, immutable: immutable, busyTimeout: busyTimeout)
            let check = try probe.column("PRAGMA quick_check(1)").compactMap { $0 }
            guard check == ["ok"] else {
                let found = check.joined(separator: " ").replacingOccurrences(of: "*** in database main ***", with: "")
                    .split(whereSeparator: \.isNewline).joined(separator: "; ").trimmingCharacters(in: .whitespaces)
                throw refusal(.corrupt, "a damaged SQLite database (\(found.isEmpty ? "quick_check failed" : found)); \(Self.leftAlone)")
            }
            let contents = HistoryFileContents(
                applicationID: Int32(truncatingIfNeeded: try probe.integer("PRAGMA application_id")),
                userVersion: Int32(truncatingIfNeeded: try probe.integer("PRAGMA user_version")),
                tables: try probe.column("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0 },
                triggers: try probe.column("SELECT name FROM sqlite_master WHERE type = 'trigger'").compactMap { $0 },
                migrations: [])
            var withMigrations = contents
            if contents.tables.contains("grdb_migrations") {
                withMigrations.migrations = try probe.column("SELECT identifier FROM grdb_migrations").compactMap { $0 }
            }
            return try withMigrations.verdict(path: path)
        } catch let failure as SQLiteProbe.Failure {
            if failure.isBusy {
                throw refusal(
                    .locked,
                    "locked by another program for more than \(String(format: "%g", busyTimeout)) s; it was left unchanged — try again")
            }
            if failure.code == 26 || failure.code == 11 {  // SQLITE_NOTADB, SQLITE_CORRUPT
                throw refusal(.corrupt, "a damaged SQLite database (\(failure.message)); \(Self.leftAlone)")
            }
            throw refusal(.other, "cannot be read (\(failure.message)); \(Self.leftAlone)")
        } catch let error as StoreError {
            throw error
        } catch {
            throw refusal(.other, "\(error)")
        }
    }

    private func refusal(_ kind: StoreError.Kind, _ reason: String) -> StoreError {
        StoreError(kind, path: path, reason: reason)
    }
}
