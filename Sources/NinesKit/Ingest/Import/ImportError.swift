/// An import source cannot be read: a malformed or hostile file, or one over a safety limit
/// (exit code 65), or a source that is missing or not a regular file (exit code 66). Names the
/// file (and the sheet, entry, row or cell inside it).
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The content is malformed or over a limit.
        case invalid
        /// The file or folder does not exist, cannot be opened, or is not a regular file.
        case missing
    }

    public var message: String
    public var location: SourceLocation?
    public var kind: Kind

    public init(_ message: String, at location: SourceLocation? = nil, kind: Kind = .invalid) {
        self.message = message
        self.location = location
        self.kind = kind
    }

    public var description: String {
        location.map { "\($0): error: \(message)" } ?? "error: \(message)"
    }

    /// The same problem as an input diagnostic.
    public var diagnostic: Diagnostic {
        Diagnostic(.error, message, at: location ?? SourceLocation(file: "input"))
    }
}
