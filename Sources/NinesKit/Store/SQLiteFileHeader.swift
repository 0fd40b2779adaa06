import Foundation

/// The first 100 bytes of an SQLite database file, read with plain file I/O so that a file can be
/// judged before SQLite opens it (https://www.sqlite.org/fileformat.html#the_database_header).
struct SQLiteFileHeader: Sendable, Equatable {
    static let magic = Data("SQLite format 3\u{0}".utf8)
    static let size = 100

    var pageSize: Int
    /// 1 for a rollback journal, 2 for write-ahead logging.
    var writeVersion: UInt8
    var readVersion: UInt8
    /// Pages the header says the file holds; nil when that field is stale (legacy writers).
    var pageCount: Int?
    var userVersion: Int32
    var applicationID: Int32

    var usesWAL: Bool { writeVersion == 2 || readVersion == 2 }

    /// What is wrong with a file that is not a readable SQLite database.
    enum Problem: Error, Equatable {
        /// Not an SQLite file at all.
        case notSQLite
        /// An SQLite file whose header or size is impossible.
        case damaged(String)
    }

    /// Parses and checks the header of a file of `fileSize` bytes.
    init(_ bytes: Data, fileSize: Int) throws(Problem) {
        let bytes = Data(bytes)  // zero-based indices
        guard bytes.count >= Self.size else {
            if bytes.starts(with: Self.magic) || Self.magic.starts(with: bytes) {
                throw .damaged("truncated: \(fileSize) bytes, shorter than an SQLite header")
            }
            throw .notSQLite
        }
        guard bytes.starts(with: Self.magic) else { throw .notSQLite }
        func integer(_ offset: Int, _ width: Int) -> UInt32 {
            bytes[offset..<offset + width].reduce(0) { $0 << 8 | UInt32($1) }
        }
        let rawPageSize = Int(integer(16, 2))
        pageSize = rawPageSize == 1 ? 65536 : rawPageSize
        guard pageSize >= 512, pageSize <= 65536, pageSize & (pageSize - 1) == 0 else {
            throw .damaged("damaged header: impossible page size \(rawPageSize)")
        }
        writeVersion = bytes[18]
        readVersion = bytes[19]
        guard (1...2).contains(readVersion), (1...2).contains(writeVersion) else {
            throw .damaged("damaged header: unknown file format \(writeVersion).\(readVersion)")
        }
        guard bytes[21] == 64, bytes[22] == 32, bytes[23] == 32 else {
            throw .damaged("damaged header: wrong payload fractions")
        }
        let count = Int(integer(28, 4))
        pageCount = count > 0 && integer(24, 4) == integer(92, 4) ? count : nil
        userVersion = Int32(bitPattern: integer(60, 4))
        applicationID = Int32(bitPattern: integer(68, 4))
        guard fileSize % pageSize == 0 else {
            throw .damaged("truncated: \(fileSize) bytes is not a whole number of \(pageSize)-byte pages")
        }
        if let pageCount, fileSize < pageCount * pageSize {
            throw .damaged("truncated: the header counts \(pageCount) pages, the file holds \(fileSize / pageSize)")
        }
    }
}
