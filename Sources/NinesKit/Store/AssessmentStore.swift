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
    /// How long this store waits for another run's lock, seconds.
    private let lockWait: TimeInterval

    /// How long a run waits for another run's write, seconds.
    public static let busyTimeout: TimeInterval = 10

    /// Opens (or creates) the database at `path`; an in-memory database with `path` nil.
    /// `readOnly` never creates or migrates. A file that is not Nines' own database of this or an
    /// older schema is refused before anything writes to it (see `HistoryFileInspection`).
    public convenience init(path: String?, readOnly: Bool = false) throws(StoreError) {
        try self.init(path: path, readOnly: readOnly, busyTimeout: Self.busyTimeout)
    }

    init(path: String?, readOnly: Bool, busyTimeout: TimeInterval) throws(StoreError) {
        self.path = path ?? ":memory:"
        lockWait = busyTimeout
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            if !readOnly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        do {
            guard let path else {
                writer = try DatabaseQueue(configuration: config)
                try migrate()
                return
            }
            let inspection = HistoryFileInspection(path: path, forWriting: !readOnly, busyTimeout: busyTimeout)
            let verdict = try inspection.verdict()
            if readOnly {
                try Self.checkReadable(verdict, path: path)
                writer = try DatabaseQueue(path: inspection.quietReadPath(), configuration: config)
                return
            }
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            writer = try DatabasePool(path: path, configuration: config)
            try migrate()
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.describe(error, path: self.path, busyTimeout: busyTimeout)
        }
    }

    /// `history` and `compare` read only a complete database of the current schema.
    private static func checkReadable(_ verdict: HistoryFileInspection.Verdict, path: String) throws(StoreError) {
        switch verdict {
        case .new:
            throw StoreError(.missing, path: path, reason: "no assessment recorded here yet (run `nines plan` first)")
        case .nines(let applied, _) where applied.count < AssessmentMigrations.schema.count:
            throw StoreError(
                .olderSchema, path: path,
                reason:
                    "from an older Nines (schema \(applied.count) of \(AssessmentMigrations.schema.count)); run `nines plan` once to upgrade it"
            )
        case .nines:
            return
        }
    }

    /// Applies the migrations still missing and stamps Nines' `application_id` and
    /// `user_version`; writes nothing when the database is already current.
    private func migrate() throws {
        let migrator = AssessmentMigrations.migrator
        let (superseded, complete) = try writer.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
        }
        if superseded {
            throw StoreError(
                .newerSchema, path: path,
                reason: "written by a newer Nines (unknown schema migrations); it was not migrated — upgrade Nines or pass --db PATH")
        }
        if !complete { try migrator.migrate(writer) }
        let stamp =
            "PRAGMA application_id = \(AssessmentMigrations.applicationID); PRAGMA user_version = \(AssessmentMigrations.schemaVersion)"
        let stamped = try writer.read { db in
            try Int32.fetchOne(db, sql: "PRAGMA application_id") == AssessmentMigrations.applicationID
                && Int32.fetchOne(db, sql: "PRAGMA user_version") == AssessmentMigrations.schemaVersion
        }
        if !stamped { try writer.write { db in try db.execute(sql: stamp) } }
    }

    static func describe(_ error: any Error, path: String, busyTimeout: TimeInterval = busyTimeout) -> StoreError {
        guard let error = error as? DatabaseError else { return StoreError(.other, path: path, reason: "\(error)") }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.locked, path: path, reason: "locked by another run for more than \(Int(busyTimeout)) s; try again")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            return StoreError(.readOnly, path: path, reason: "cannot be written (\(error.message ?? "read-only")); pass a writable --db")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(
                .corrupt, path: path, reason: "corrupt or not a database (\(error.message ?? "")); move it aside or pass --db PATH")
        default:
            return StoreError(.other, path: path, reason: error.message ?? "\(error)")
        }
    }

    /// Runs a write transaction, mapping SQLite errors to `StoreError`.
    func write<T>(_ body: @escaping @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.write(body) } catch { throw Self.describe(error, path: path, busyTimeout: lockWait) }
    }

    func read<T>(_ body: @escaping @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.read(body) } catch { throw Self.describe(error, path: path, busyTimeout: lockWait) }
    }

    /// The schema migrations applied, in order.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try AssessmentMigrations.migrator.appliedMigrations(db) }
    }
}
