/// Collects every problem found in one pass, so the user sees them all at once instead of
/// fixing one per run (the pattern of swift-openapi-generator's `Diagnostics.swift`).
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func error(_ message: String, at location: SourceLocation, fix: String? = nil) {
        diagnostics.append(Diagnostic(.error, message, at: location, fix: fix))
    }

    public mutating func warning(_ message: String, at location: SourceLocation, fix: String? = nil) {
        diagnostics.append(Diagnostic(.warning, message, at: location, fix: fix))
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    /// Moves the diagnostics found at `from` to `to`, `prefix` before their message: a value
    /// read in one file that was written in another is reported where it was written.
    public mutating func move(from: SourceLocation, to: SourceLocation, prefix: String) {
        for index in diagnostics.indices where diagnostics[index].location == from {
            diagnostics[index].location = to
            diagnostics[index].message = prefix + diagnostics[index].message
        }
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { sorted.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { sorted.filter { $0.severity == .warning } }

    /// Diagnostics ordered by file, then line, so output is stable from run to run.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
            .filter { seen.insert($0).inserted }
    }

    /// Throws `InputError` carrying every error (and warning) when any error was collected.
    public func throwIfErrors() throws(InputError) {
        if hasErrors { throw InputError(diagnostics: sorted) }
    }
}
