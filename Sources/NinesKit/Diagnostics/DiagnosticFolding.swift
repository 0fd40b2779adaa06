/// Identical problems (same severity, message and fix at different places) folded into one
/// entry with a count, in order of first appearance, so a million copies of one mistake print
/// as one line.
public struct DiagnosticFolding: Sendable, CustomStringConvertible {
    /// The first occurrence.
    public var first: Diagnostic
    /// Occurrences in all, the first included.
    public var count: Int
    /// Up to `shownPlaces` further locations.
    public var others: [SourceLocation]

    /// Further places named in the text; the rest are counted.
    public static let shownPlaces = 3

    /// Folds `diagnostics`, keeping their order.
    public static func fold(_ diagnostics: [Diagnostic]) -> [DiagnosticFolding] {
        struct Key: Hashable {
            var severity: Diagnostic.Severity
            var message: String
            var fix: String?
        }
        var groups: [DiagnosticFolding] = []
        var index: [Key: Int] = [:]
        for diagnostic in diagnostics {
            let key = Key(severity: diagnostic.severity, message: diagnostic.message, fix: diagnostic.fix)
            if let position = index[key] {
                groups[position].count += 1
                if groups[position].others.count < shownPlaces { groups[position].others.append(diagnostic.location) }
            } else {
                index[key] = groups.count
                groups.append(DiagnosticFolding(first: diagnostic, count: 1, others: []))
            }
        }
        return groups
    }

    /// The first occurrence, then `(and N more: a, b, c, …)` when there are others.
    public var description: String {
        guard count > 1 else { return first.description }
        let places = others.map(\.description).joined(separator: ", ") + (count - 1 > others.count ? ", …" : "")
        return "\(first.description) (and \(count - 1) more like it: \(places))"
    }
}
