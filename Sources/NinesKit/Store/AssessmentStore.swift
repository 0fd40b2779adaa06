import Foundation
import GRDB

/// The assessment history in SQLite (GRDB): one `AssessmentStore` owns the database and its
/// migrations. WAL mode and a busy timeout let two runs write at once; every assessment is
/// written in one transaction, so a crash of the run loses nothing already recorded.
/// `synchronous = NORMAL` (SQLite's advice for WAL): commits are not flushed to disk one by one,
/// so a power cut may lose the last assessment but never corrupts the file — as it may lose the
/// last output folder, which is not flushed either. Flushing each commit cost up to 2.7 s at the
/// end of a 100,000-VM plan, waiting behind the kernel writing out the plan's 400,000 files.
public final class AssessmentStore: Sendable {
    public let path: String
    private let writer: any DatabaseWriter

    /// How long a run waits for another run's write, seconds.
    public static let busyTimeout: TimeInterval = 10

    /// Opens (or creates) the database at `path`; an in-memory database with `path` nil.
    /// `readOnly` never creates or migrates.
    public init(path: String?, readOnly: Bool = false) throws(StoreError) {
        self.path = path ?? ":memory:"
        var config = Configuration()
        config.busyMode = .timeout(Self.busyTimeout)
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            if !readOnly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        do {
            if let path {
                if readOnly && !FileManager.default.fileExists(atPath: path) {
                    throw StoreError(.missing, path: path, reason: "no assessment database here yet (run `nines plan` first)")
                }
                try Self.checkHeader(path)
                try FileManager.default.createDirectory(
                    at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
                writer =
                    readOnly ? try DatabaseQueue(path: path, configuration: config) : try DatabasePool(path: path, configuration: config)
            } else {
                writer = try DatabaseQueue(configuration: config)
            }
            try migrate(readOnly: readOnly)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.describe(error, path: self.path)
        }
    }

    /// Refuses a file that is not an SQLite database before SQLite touches it.
    private static func checkHeader(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if !header.isEmpty && header != Data("SQLite format 3\u{0}".utf8) {
            throw StoreError(
                .corrupt, path: path, reason: "not an SQLite database (or corrupt); it was left unchanged — move it aside or pass --db")
        }
    }

    private func migrate(readOnly: Bool) throws {
        let migrator = AssessmentMigrations.migrator
        let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
        if superseded {
            throw StoreError(
                .newerSchema, path: path,
                reason: "written by a newer Nines (unknown schema migrations); it was left unchanged — upgrade Nines")
        }
        if readOnly {
            let complete = try writer.read { db in try migrator.hasCompletedMigrations(db) }
            if !complete { throw StoreError(.other, path: path, reason: "from an older Nines; run `nines plan` once to upgrade it") }
            return
        }
        try migrator.migrate(writer)
        if let pool = writer as? DatabasePool { _ = pool }
    }

    static func describe(_ error: any Error, path: String) -> StoreError {
        guard let error = error as? DatabaseError else { return StoreError(.other, path: path, reason: "\(error)") }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.locked, path: path, reason: "locked by another run for more than \(Int(busyTimeout)) s; try again")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            return StoreError(.readOnly, path: path, reason: "cannot be written (\(error.message ?? "read-only")); pass a writable --db")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(.corrupt, path: path, reason: "corrupt or not a database; it was left unchanged — move it aside")
        default:
            return StoreError(.other, path: path, reason: error.message ?? "\(error)")
        }
    }

    /// Runs a write transaction, mapping SQLite errors to `StoreError`.
    func write<T>(_ body: @escaping @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.write(body) } catch { throw Self.describe(error, path: path) }
    }

    func read<T>(_ body: @escaping @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.read(body) } catch { throw Self.describe(error, path: path) }
    }

    /// The schema migrations applied, in order.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try AssessmentMigrations.migrator.appliedMigrations(db) }
    }
}
