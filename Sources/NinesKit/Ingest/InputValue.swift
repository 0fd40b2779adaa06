import Foundation

/// Parsing of the scalar value kinds every input format shares (numbers, percentages,
/// durations), with one wording of the errors whichever file they come from.
public enum InputValue {
    /// A finite number within `range`. Thousands separators are refused rather than guessed.
    public static func number(
        _ text: Located<String>, key: String, in range: ClosedRange<Double>, unit: String = "",
        diagnostics: inout DiagnosticCollector
    ) -> Double? {
        // Trimming and `_` removal go through NSString; most cells need neither (100,000-VM
        // inventories spent most of their reading time there).
        let scalars = text.value.unicodeScalars
        let padded = [scalars.first, scalars.last].contains { $0.map(CharacterSet.whitespaces.contains) == true }
        let raw = padded ? text.value.trimmingCharacters(in: .whitespaces) : text.value
        let digits = raw.utf8.contains(UInt8(ascii: "_")) ? raw.replacingOccurrences(of: "_", with: "") : raw
        let value: Double
        switch DecimalNumber.parse(digits) {
        case .success(let parsed): value = parsed
        case .failure(let problem):
            diagnostics.error(
                "'\(key)' must be a number, not '\(Escape.plain(raw))' (\(problem))", at: text.location,
                fix: raw.contains(",") ? "write the number without thousands separators" : nil)
            return nil
        }
        guard range.contains(value) else {
            diagnostics.error(
                "'\(key)' is \(Number.plain(value))\(unit); it must be \(describe(range))\(unit)", at: text.location)
            return nil
        }
        return value
    }

    /// A whole number within `range`: a fraction such as `2.5` is refused at its location,
    /// never truncated.
    public static func integer(
        _ text: Located<String>, key: String, in range: ClosedRange<Int>, unit: String = "", diagnostics: inout DiagnosticCollector
    ) -> Int? {
        let bounds = Double(range.lowerBound)...Double(range.upperBound)
        guard let value = number(text, key: key, in: bounds, unit: unit, diagnostics: &diagnostics) else { return nil }
        guard value == value.rounded() else {
            diagnostics.error("'\(key)' is \(Number.plain(value))\(unit); it must be a whole number", at: text.location)
            return nil
        }
        return Int(value)
    }

    /// A percentage, 0 ≤ p ≤ 100, written `99.99` or `99.99%`; a bare fraction such as
    /// `0.9999` is refused: "did you mean 99.99 (%)?".
    public static func percent(_ text: Located<String>, key: String, diagnostics: inout DiagnosticCollector) -> Double? {
        let trimmed = text.value.trimmingCharacters(in: .whitespaces)
        let marked = trimmed.hasSuffix("%")
        let body = marked ? String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) : trimmed
        if !marked, case .success(let value) = DecimalNumber.parse(body), value > 0, value <= 1 {
            return report(percent(parsing: body), text, key: key, diagnostics: &diagnostics)
        }
        return number(Located(body, at: text.location), key: key, in: 0...100, unit: "%", diagnostics: &diagnostics)
    }

    /// A duration such as `30s`, `5m`, `5 minutes`, `4h`, `2d`, `1y`.
    public static func duration(_ text: Located<String>, key: String, diagnostics: inout DiagnosticCollector) -> TimeSpan? {
        switch duration(parsing: text.value) {
        case .success(let span): return span
        case .failure(let refusal):
            diagnostics.error("'\(key)' is \(refusal.value), \(refusal.problem)", at: text.location, fix: refusal.fix)
            return nil
        }
    }

    private static func describe(_ range: ClosedRange<Double>) -> String {
        let huge = Double.greatestFiniteMagnitude
        switch (range.lowerBound, range.upperBound) {
        case (-huge, let upper): return "at most \(Number.plain(upper))"
        case (let lower, huge): return "at least \(Number.plain(lower))"
        default: return "between \(Number.plain(range.lowerBound)) and \(Number.plain(range.upperBound))"
        }
    }

    /// Longest name accepted (VMs, applications, sites).
    public static let maxNameLength = 255

    /// Checks a name from the input: not empty, not over 255 characters, no control characters
    /// (they would corrupt reports and terminals). Markup and quotes are allowed: every output
    /// escapes them.
    public static func name(_ text: Located<String>, key: String, diagnostics: inout DiagnosticCollector) -> Bool {
        if text.value.count > maxNameLength {
            diagnostics.error("'\(key)' is \(text.value.count) characters long; the limit is \(maxNameLength)", at: text.location)
            return false
        }
        if text.value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            diagnostics.error(
                "'\(key)' '\(Escape.plain(text.value))' contains control characters", at: text.location,
                fix: "remove tabs, line breaks and other control characters from the name")
            return false
        }
        return true
    }
}
