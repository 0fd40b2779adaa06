import Foundation

/// What a read-only look inside an SQLite file found, and whether that makes it Nines' own.
struct HistoryFileContents: Sendable, Equatable {
    var applicationID: Int32
    var userVersion: Int32
    var tables: [String]
    var triggers: [String]
    /// Identifiers in `grdb_migrations`, in the order applied.
    var migrations: [String]

    /// Nines' own database (or an SQLite file with nothing in it), or the reason it is not.
    func verdict(path: String) throws(StoreError) -> HistoryFileInspection.Verdict {
        let known = AssessmentMigrations.schema.map(\.migration)
        let ours = applicationID == AssessmentMigrations.applicationID
        let userTables = tables.filter { !$0.hasPrefix("sqlite_") }.sorted()
        func refuse(_ kind: StoreError.Kind, _ what: String, _ advice: String = HistoryFileInspection.leftAlone) -> StoreError {
            StoreError(kind, path: path, reason: "\(what); \(advice)")
        }
        if applicationID != 0 && !ours {
            throw refuse(.foreign, "an SQLite database of another application (application_id \(hex(applicationID)))")
        }
        if userTables.isEmpty && triggers.isEmpty && userVersion == 0 { return .new }
        guard ours || migrations.contains(known[0]) else {
            if userTables.contains("assessment") {
                throw refuse(.foreign, "an SQLite database with its own `assessment` table but no record of Nines' migrations: not Nines'")
            }
            throw refuse(.foreign, "an SQLite database of another application (tables: \(list(userTables)))")
        }
        let unknown = migrations.filter { !known.contains($0) }
        if !unknown.isEmpty || userVersion > AssessmentMigrations.schemaVersion {
            let found = unknown.isEmpty ? "schema version \(userVersion)" : "migrations \(list(unknown))"
            throw refuse(
                .newerSchema, "written by a newer Nines (\(found); this one knows \(AssessmentMigrations.schemaVersion))",
                "it was left unchanged — upgrade Nines, or pass --db PATH")
        }
        guard !migrations.isEmpty, migrations == Array(known.prefix(migrations.count)) else {
            throw refuse(.corrupt, "Nines' migration record is inconsistent (\(migrations.isEmpty ? "empty" : list(migrations))))")
        }
        let applied = AssessmentMigrations.schema.prefix(migrations.count).flatMap(\.tables)
        let extra = Set(userTables).subtracting(applied).subtracting(AssessmentMigrations.bookkeepingTables)
        guard extra.isEmpty && triggers.isEmpty else {
            throw refuse(.foreign, "holds tables or triggers Nines does not write (\(list((extra.sorted() + triggers.sorted()))))")
        }
        let missing = Set(applied).subtracting(userTables)
        guard missing.isEmpty else { throw refuse(.corrupt, "Nines' tables \(list(missing.sorted())) are missing") }
        let stamped = ours && userVersion == Int32(migrations.count)
        return .nines(applied: migrations, stamped: stamped)
    }

    private func list(_ names: [String]) -> String {
        names.count > 6 ? names.prefix(6).joined(separator: ", ") + ", …" : names.joined(separator: ", ")
    }

    private func hex(_ value: Int32) -> String { "0x" + String(UInt32(bitPattern: value), radix: 16, uppercase: true) }
}
