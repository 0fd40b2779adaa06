import Foundation
import GRDBSQLite

/// A raw read-only SQLite connection for looking at a file before GRDB opens it: never creates
/// the file, never writes to it. `immutable` also takes no locks and creates no `-wal`/`-shm`
/// files; it is only safe while no other connection has the file open.
final class SQLiteProbe {
    /// An SQLite failure: its primary result code and message.
    struct Failure: Error {
        var code: Int32
        var message: String
        var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    }

    private var connection: OpaquePointer?

    init(path: String, immutable: Bool, busyTimeout: TimeInterval) throws(Failure) {
        var components = URLComponents()
        components.scheme = "file"
        components.path = path
        components.queryItems = [URLQueryItem(name: "mode", value: "ro")] + (immutable ? [URLQueryItem(name: "immutable", value: "1")] : [])
        let uri = components.string ?? "file:\(path)?mode=ro"
        let code = sqlite3_open_v2(uri, &connection, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil)
        guard code == SQLITE_OK else {
            let failure = Failure(code: code & 0xFF, message: connection.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open")
            sqlite3_close(connection)
            throw failure
        }
        sqlite3_busy_timeout(connection, Int32(busyTimeout * 1000))
    }

    deinit { sqlite3_close(connection) }

    /// A read-only `file:` URI for `path`.
    static func uri(_ path: String, immutable: Bool) -> String {
        var components = URLComponents()
        components.scheme = "file"
        components.path = path
        components.queryItems =
            [URLQueryItem(name: "mode", value: "ro")] + (immutable ? [URLQueryItem(name: "immutable", value: "1")] : [])
        return components.string ?? "file:\(path)?mode=ro"
    }

    /// Whether SQLite reads `file:` URIs given to it without `SQLITE_OPEN_URI` (as GRDB opens).
    static var takesURIsEverywhere: Bool { sqlite3_compileoption_used("USE_URI") == 1 }

    /// The first column of every row of `sql`, as text (nil for NULL).
    func column(_ sql: String) throws(Failure) -> [String?] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else { throw failure() }
        defer { sqlite3_finalize(statement) }
        var values: [String?] = []
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW:
                values.append(sqlite3_column_text(statement, 0).map { String(cString: $0) })
            case SQLITE_DONE:
                return values
            default:
                throw failure()
            }
        }
    }

    /// The integer value of a pragma such as `user_version`.
    func integer(_ sql: String) throws(Failure) -> Int64 {
        Int64(try column(sql).first.flatMap { $0 } ?? "") ?? 0
    }

    private func failure() -> Failure {
        Failure(code: sqlite3_errcode(connection) & 0xFF, message: String(cString: sqlite3_errmsg(connection)))
    }
}
