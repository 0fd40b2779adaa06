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

    /// A percentage, 0 < p ≤ 100.
    public static func percent(_ text: Located<String>, key: String, diagnostics: inout DiagnosticCollector) -> Double? {
        guard let value = number(text, key: key, in: 0...100, unit: "%", diagnostics: &diagnostics) else { return nil }
        if value > 0 && value < 1 {
            diagnostics.warning(
                "'\(key)' is \(Number.plain(value))%: percentages are written as numbers such as 99.9",
                at: text.location, fix: "write \(Number.plain(value * 100)) if you meant \(Number.plain(value * 100))%")
        }
        return value
    }

    /// A duration such as `30s`, `5m`, `4h`, `2d`.
    public static func duration(_ text: Located<String>, key: String, diagnostics: inout DiagnosticCollector) -> TimeSpan? {
        guard let span = TimeSpan(parsing: text.value) else {
            diagnostics.error(
                "'\(key)' is '\(Escape.plain(text.value))', not a duration", at: text.location,
                fix: "write a number with a unit: 30s, 5m, 4h, 2d")
            return nil
        }
        return span
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
