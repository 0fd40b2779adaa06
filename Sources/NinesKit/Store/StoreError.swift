/// The assessment database cannot be used. The file is never overwritten or "repaired": the
/// message says what is wrong and what to do. Maps to exit code 73 (74 for a locked database).
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        case locked, readOnly, corrupt, newerSchema, missing, other
        /// Not an SQLite file; an SQLite file of another application; a folder, link or FIFO.
        case notADatabase, foreign, notAFile
        /// Nines' own, of an older schema: only `nines plan` (which upgrades it) may open it.
        case olderSchema
    }

    public var kind: Kind
    public var path: String
    public var reason: String

    public init(_ kind: Kind, path: String, reason: String) {
        self.kind = kind
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
