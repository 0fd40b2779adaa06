/// One problem found in the input, with where it is and, when there is one, how to fix it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// What the user should do about it, when that is not obvious from the message.
    public var fix: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation, fix: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.fix = fix
    }

    /// `path:line: error: message (fix)` — the shape compilers use, so editors can jump to it.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let fix { text += " — \(fix)" }
        return text
    }
}
