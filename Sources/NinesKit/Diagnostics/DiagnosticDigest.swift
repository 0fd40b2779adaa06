/// Diagnostics as a person reads them: the same problem on many lines folded into one entry,
/// and at most `maxShown` entries. Nothing is dropped from the data (an `InputError` keeps
/// every diagnostic and its exact count); this is only how they are printed.
///
/// Two diagnostics are the same problem when they have the same severity, file and fix and
/// their messages differ at most in the first quoted name (the subject: `VM 'web-07' is at
/// unknown site 'lyon2'` and `VM 'web-08' …` fold; another unknown site does not).
public struct DiagnosticDigest: Sendable {
    /// Most entries printed; the rest are counted.
    public static let maxShown = 100
    /// Most line numbers listed in a folded entry (a run of consecutive lines is a range).
    public static let maxLinesListed = 5

    /// One problem and everywhere it occurs, in input order.
    public struct Entry: Sendable {
        public var first: Diagnostic
        /// Lines of every occurrence, the first included, in order.
        public var lines: [Int]
    }

    public private(set) var entries: [Entry] = []

    private struct Key: Hashable {
        var severity: Diagnostic.Severity
        var file: String
        var fix: String?
        var shape: String
    }

    public init(_ diagnostics: [Diagnostic]) {
        var index: [Key: Int] = [:]
        for diagnostic in diagnostics {
            let key = Key(
                severity: diagnostic.severity, file: diagnostic.location.file, fix: diagnostic.fix,
                shape: Self.shape(diagnostic.message))
            if let at = index[key] {
                entries[at].lines.append(diagnostic.location.line)
            } else {
                index[key] = entries.count
                entries.append(Entry(first: diagnostic, lines: [diagnostic.location.line]))
            }
        }
    }

    /// The message with its first quoted name ('…') masked.
    static func shape(_ message: String) -> String {
        guard let open = message.firstIndex(of: "'"),
            let close = message[message.index(after: open)...].firstIndex(of: "'")
        else { return message }
        return String(message[..<open]) + "'…" + String(message[close...])
    }

    /// The printed lines: up to `limit` entries, each folded one ending in "(and 762 more like
    /// this: lines 4–766)", then "… and K more errors (N shown)" when entries were left out.
    public func lines(limit: Int = DiagnosticDigest.maxShown) -> [String] {
        var printed = entries.prefix(limit).map { entry in
            guard entry.lines.count > 1 else { return entry.first.description }
            return entry.first.description + " (and \(entry.lines.count - 1) more like this: \(Self.describe(entry.lines)))"
        }
        if entries.count > limit {
            let hidden = entries.dropFirst(limit)
            let errors = hidden.filter { $0.first.severity == .error }.reduce(0) { $0 + $1.lines.count }
            let warnings = hidden.filter { $0.first.severity == .warning }.reduce(0) { $0 + $1.lines.count }
            var parts: [String] = []
            if errors > 0 { parts.append("\(errors) more error\(errors == 1 ? "" : "s")") }
            if warnings > 0 { parts.append("\(warnings) more warning\(warnings == 1 ? "" : "s")") }
            printed.append("… and \(parts.joined(separator: " and ")) (\(limit) problems shown)")
        }
        return printed
    }

    /// "lines 4–766" for a run of consecutive lines, else "lines 4, 9, 12, 30, 31, …".
    static func describe(_ lines: [Int]) -> String {
        guard let first = lines.first, let last = lines.last else { return "" }
        if last - first == lines.count - 1 && zip(lines, lines.dropFirst()).allSatisfy({ $1 == $0 + 1 }) {
            return "lines \(first)–\(last)"
        }
        let listed = lines.prefix(maxLinesListed).map(String.init).joined(separator: ", ")
        return "lines " + listed + (lines.count > maxLinesListed ? ", …" : "")
    }
}
