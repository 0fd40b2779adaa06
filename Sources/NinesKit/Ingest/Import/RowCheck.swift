/// Reads the cells of one source row (a vInfo row, a CSV line, a VM element) and collects what
/// is wrong with them, each problem naming its cell, so the row is refused with every reason at
/// once. Every number passes `DecimalNumber` and a range check before any conversion.
struct RowCheck {
    /// The problems found, as sentences starting with the cell (`vInfo!D14: 'CPUs' is 'nan', …`).
    private(set) var problems: [String] = []

    var isClean: Bool { problems.isEmpty }

    /// Records a problem; `reference` is the cell (`vInfo!D14`) or nil when the row's location
    /// (file:line) already says where.
    mutating func report(_ problem: String, at reference: String?) {
        problems.append(reference.map { "\($0): \(problem)" } ?? problem)
    }

    /// The number in `text` (as written in the cell), checked against `range` (in the cell's own
    /// unit) and, with `whole`, refused when it has a fraction. An empty cell is a problem when
    /// `required`, else nil without one.
    mutating func number(
        _ text: String, field: String, at reference: String?, in range: ClosedRange<Double>, whole: Bool = false,
        required: Bool = true
    ) -> Double? {
        let trimmed = text.trimmingWhitespace
        if trimmed.isEmpty {
            if required { report("'\(Escape.plain(field))' is empty", at: reference) }
            return nil
        }
        switch DecimalNumber.parse(trimmed) {
        case .failure(let problem):
            report("'\(Escape.plain(field))' is '\(Escape.plain(trimmed))', \(problem)", at: reference)
            return nil
        case .success(let value):
            guard range.contains(value) else {
                report("'\(Escape.plain(field))' is \(Number.plain(value)); it must be \(Self.describe(range))", at: reference)
                return nil
            }
            guard !whole || value == value.rounded() else {
                report("'\(Escape.plain(field))' is \(Number.plain(value)); it must be a whole number", at: reference)
                return nil
            }
            return value
        }
    }

    /// A whole number in `range`, converted only once checked.
    mutating func count(_ text: String, field: String, at reference: String?, in range: ClosedRange<Int>, required: Bool = true)
        -> Int?
    {
        number(text, field: field, at: reference, in: Double(range.lowerBound)...Double(range.upperBound), whole: true, required: required)
            .map { Int($0) }
    }

    private static func describe(_ range: ClosedRange<Double>) -> String {
        if range.upperBound == .greatestFiniteMagnitude { return "at least \(Number.plain(range.lowerBound))" }
        return "between \(Number.plain(range.lowerBound)) and \(Number.plain(range.upperBound))"
    }
}

extension ClosedRange where Bound == Double {
    /// Zero or more, finite.
    static let nonNegative: ClosedRange<Double> = 0...Double.greatestFiniteMagnitude
}

/// The problems of a part a row refers to (an OVF disk), refusing the rows that use it.
struct RowCheckFailure: Error {
    var problems: [String]
}
