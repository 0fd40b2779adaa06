/// The input is invalid: every problem found, in file and line order. Maps to exit code 65.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ message: String, at location: SourceLocation, fix: String? = nil) {
        self.diagnostics = [Diagnostic(.error, message, at: location, fix: fix)]
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    public var description: String {
        let count = errorCount
        let head = count == 1 ? "1 error in the input" : "\(count) errors in the input"
        // Folded and capped (`DiagnosticDigest`): a million problems do not make a million lines.
        return ([head + ":"] + DiagnosticDigest(diagnostics).lines()).joined(separator: "\n")
    }
}

/// A file or folder the run needs does not exist or cannot be read. Maps to exit code 66.
public struct MissingInputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
