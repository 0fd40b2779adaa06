/// An import source cannot be read: a malformed or hostile file, or one over a safety limit.
/// Names the file (and the sheet, entry, row or cell inside it). Maps to exit code 65.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String {
        location.map { "\($0): error: \(message)" } ?? "error: \(message)"
    }

    /// The same problem as an input diagnostic.
    public var diagnostic: Diagnostic {
        Diagnostic(.error, message, at: location ?? SourceLocation(file: "input"))
    }
}
