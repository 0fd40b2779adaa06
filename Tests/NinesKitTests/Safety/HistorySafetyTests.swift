import Crypto
import Foundation
import GRDB
import Testing

@testable import NinesKit

/// The history database is never touched unless it is Nines' own and current (or older, then
/// migrated): every other file is refused, by `nines plan` (write) and by `history`/`compare`
/// (read-only), and stays byte for byte as it was, with no `-wal`/`-shm` files created beside it.
@Suite struct HistorySafetyTests {
    /// What a test compares before and after: the file's SHA-256 (nil when not a readable file),
    /// its mode, and the names in its folder (so sidecar files show).
    struct Snapshot: Equatable {
        var digest: String?
        var mode: UInt16
        var folder: [String]

        init(_ path: String) {
            var info = stat()
            mode = lstat(path, &info) == 0 ? UInt16(info.st_mode) : 0
            let isFile = info.st_mode & S_IFMT == S_IFREG
            digest = isFile ? (try? Data(contentsOf: URL(fileURLWithPath: path))).map(Self.sha256) : nil
            folder = ((try? FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)) ?? []).sorted()
        }

        static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }
    }

    static let plan: Assessment = try! AssessmentStoreTests.samplePlan()

    /// A folder with a current Nines database holding one assessment, closed.
    static func ninesDatabase() throws -> (folder: URL, path: String) {
        let folder = try TestPaths.temporaryFolder()
        let path = folder.appendingPathComponent("nines.sqlite").path
        try AssessmentStore(path: path).record(plan, inputs: [], catalog: [])
        return (folder, path)
    }

    /// Runs raw SQL on a file, outside Nines (to build the hostile files).
    static func tamper(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }

    /// Another program's connection, which keeps a transaction open between accesses.
    static var holding: Configuration {
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        return config
    }

    /// Opening for writing and read-only both fail with `kind` (or `readKind`), and leave the
    /// file and its folder as they were.
    func expectUntouched(
        _ path: String, _ kind: StoreError.Kind, read readKind: StoreError.Kind? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let before = Snapshot(path)
        let write = #expect(throws: StoreError.self, sourceLocation: sourceLocation) {
            try AssessmentStore(path: path, readOnly: false, busyTimeout: 0.2)
        }
        #expect(write?.kind == kind, "\(write?.description ?? "")", sourceLocation: sourceLocation)
        #expect(Snapshot(path) == before, "changed by opening for writing", sourceLocation: sourceLocation)
        let read = #expect(throws: StoreError.self, sourceLocation: sourceLocation) {
            try AssessmentStore(path: path, readOnly: true, busyTimeout: 0.2)
        }
        #expect(read?.kind == (readKind ?? kind), "\(read?.description ?? "")", sourceLocation: sourceLocation)
        #expect(Snapshot(path) == before, "changed by opening read-only", sourceLocation: sourceLocation)
        if let write { #expect(write.reason.contains("unchanged"), sourceLocation: sourceLocation) }
    }

    @Test func corruptPageIsRefused() throws {
        let (folder, path) = try Self.ninesDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let pageSize = 4096
        let page = bytes.count / pageSize / 2
        for index in (page * pageSize + 1024)..<(page * pageSize + 3072) { bytes[index] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: path))
        expectUntouched(path, .corrupt)
    }

    @Test func truncatedFileIsRefused() throws {
        let (folder, path) = try Self.ninesDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count - 1000).write(to: URL(fileURLWithPath: path))
        expectUntouched(path, .corrupt)
        try bytes.prefix(bytes.count - 4096).write(to: URL(fileURLWithPath: path))
        expectUntouched(path, .corrupt)
        try bytes.prefix(60).write(to: URL(fileURLWithPath: path))
        expectUntouched(path, .corrupt)
    }

    @Test func notSQLiteIsRefused() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nines.sqlite").path
        try Data("engagement,client\nacme,ACME\n".utf8).write(to: URL(fileURLWithPath: path))
        expectUntouched(path, .notADatabase)
    }

    @Test func foreignDatabaseIsRefused() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nines.sqlite").path
        try Self.tamper(path, "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Ada')")
        expectUntouched(path, .foreign)
        // The same in WAL mode, and one stamped with another application's id.
        try Self.tamper(path, "PRAGMA journal_mode = WAL")
        expectUntouched(path, .foreign)
        try Self.tamper(path, "PRAGMA journal_mode = DELETE; DROP TABLE people; PRAGMA application_id = 42")
        expectUntouched(path, .foreign)
    }

    @Test func foreignAssessmentTableIsRefused() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nines.sqlite").path
        try Self.tamper(path, "CREATE TABLE assessment (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO assessment VALUES (1, 'x')")
        expectUntouched(path, .foreign)
        // Nines' tables next to tables of its own are not Nines' either.
        let (nines, current) = try Self.ninesDatabase()
        defer { try? FileManager.default.removeItem(at: nines) }
        try Self.tamper(current, "CREATE TABLE notes (text TEXT)")
        expectUntouched(current, .foreign)
    }

    @Test func futureMigrationIsRefused() throws {
        let (folder, path) = try Self.ninesDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.tamper(path, "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')")
        expectUntouched(path, .newerSchema)
    }

    @Test func highUserVersionIsRefused() throws {
        let (folder, path) = try Self.ninesDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.tamper(path, "PRAGMA user_version = 999")
        expectUntouched(path, .newerSchema)
    }

    @Test func folderLinkAndFIFOAreRefused() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nines.sqlite").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        expectUntouched(path, .notAFile)
        let link = folder.appendingPathComponent("link.sqlite").path
        let (nines, current) = try Self.ninesDatabase()
        defer { try? FileManager.default.removeItem(at: nines) }
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: current)
        let target = Snapshot(current)
        expectUntouched(link, .notAFile)
        #expect(Snapshot(current) == target)
        let fifo = folder.appendingPathComponent("fifo.sqlite").path
        #expect(mkfifo(fifo, 0o644) == 0)
        expectUntouched(fifo, .notAFile)
    }

    /// Another program holds an exclusive lock: both openings give up after the busy timeout.
    @Test func exclusivelyLockedDatabaseIsRefused() throws {
        let (folder, path) = try Self.ninesDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let holder = try DatabaseQueue(path: path, configuration: Self.holding)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; DELETE FROM vm_result")
        }
        expectUntouched(path, .locked)
        try holder.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        try holder.close()
    }

    /// Another run is writing: Nines reads the last committed state, and its own write waits,
    /// then fails as locked; nothing of it reaches the file.
    @Test func writeLockedDatabaseWaitsThenFails() throws {
        let (folder, path) = try Self.ninesDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let holder = try DatabasePool(path: path, configuration: Self.holding)
        try holder.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE; DELETE FROM vm_result") }
        let before = Snapshot(path)
        #expect(try AssessmentStore(path: path, readOnly: true, busyTimeout: 0.2).history().count == 1)
        let store = try AssessmentStore(path: path, readOnly: false, busyTimeout: 0.2)
        let error = #expect(throws: StoreError.self) { try store.record(Self.plan, inputs: [], catalog: []) }
        #expect(error?.kind == .locked)
        #expect(Snapshot(path).digest == before.digest)
        try holder.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
    }

    /// A file marked read-only is refused for writing (even by root, whom `chmod` does not stop)
    /// and still read; so is a database in a read-only folder.
    @Test func readOnlyFileAndFolderAreRefusedForWriting() throws {
        let (folder, path) = try Self.ninesDatabase()
        defer {
            chmod(folder.path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        #expect(chmod(path, 0o444) == 0)
        let before = Snapshot(path)
        let error = #expect(throws: StoreError.self) { try AssessmentStore(path: path) }
        #expect(error?.kind == .readOnly)
        #expect(try AssessmentStore(path: path, readOnly: true).history().count == 1)
        #expect(Snapshot(path) == before)
        #expect(chmod(path, 0o644) == 0)
        #expect(chmod(folder.path, 0o555) == 0)
        let inFolder = Snapshot(path)
        let folderError = #expect(throws: StoreError.self) { try AssessmentStore(path: path) }
        #expect(folderError?.kind == .readOnly)
        #expect(try AssessmentStore(path: path, readOnly: true).history().count == 1)
        #expect(Snapshot(path) == inFolder)
        if getuid() != 0 {
            // Only without root does the operating system itself refuse the write.
            #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent("x").path, contents: nil) == false)
        }
    }

    @Test func newCurrentAndOlderDatabasesAreUsed() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A fresh path is created and stamped as Nines'.
        let path = folder.appendingPathComponent("new folder #1 ?%/nines.sqlite").path
        try AssessmentStore(path: path).record(Self.plan, inputs: [], catalog: [])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let header = try SQLiteFileHeader(bytes, fileSize: bytes.count)
        #expect(header.applicationID == AssessmentMigrations.applicationID && header.userVersion == AssessmentMigrations.schemaVersion)
        // Reading a current database changes nothing and creates nothing beside it.
        let before = Snapshot(path)
        #expect(try AssessmentStore(path: path, readOnly: true).history().count == 1)
        #expect(Snapshot(path) == before)
        // It is reopened and recorded into.
        try AssessmentStore(path: path).record(Self.plan, inputs: [], catalog: [])
        #expect(try AssessmentStore(path: path, readOnly: true).history().count == 2)
        // A first-version database is migrated, stamped, and read after that.
        let old = folder.appendingPathComponent("old.sqlite").path
        try FileManager.default.copyItem(atPath: TestPaths.fixtures.appendingPathComponent("store/v1.sqlite").path, toPath: old)
        let refused = #expect(throws: StoreError.self) { try AssessmentStore(path: old, readOnly: true) }
        #expect(refused?.kind == .olderSchema)
        #expect(try AssessmentStore(path: old).appliedMigrations() == AssessmentMigrations.schema.map(\.migration))
        #expect(try AssessmentStore(path: old, readOnly: true).history().count == 1)
        // An empty file is a new database for `plan`, nothing yet for `history`.
        let empty = folder.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(throws: StoreError.self) { try AssessmentStore(path: empty, readOnly: true) }
        #expect(try AssessmentStore(path: empty).history().isEmpty)
    }
}
