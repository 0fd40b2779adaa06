import Foundation

/// Why a value's text was refused: what is wrong with it, and what to write instead. The
/// engagement readers and the command-line options word it the same way.
public struct ValueRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The value as shown: `0.9999`, `'soon'`.
    public var value: String
    /// What is wrong with it: "a fraction where a percentage is expected".
    public var problem: String
    /// What to write instead: "did you mean 99.99 (%)?".
    public var fix: String?

    public init(_ value: String, _ problem: String, fix: String? = nil) {
        self.value = value
        self.problem = problem
        self.fix = fix
    }

    /// "VALUE is PROBLEM — FIX", as a command-line option's error shows it.
    public var description: String { "\(value) is \(problem)" + (fix.map { " — \($0)" } ?? "") }
}

/// Units that forgive and protect: `99.99%` and `25%` are read, a fraction where a percentage
/// belongs (and the reverse) is refused with the value that was probably meant.
extension InputValue {
    /// The duration forms Nines reads, as refusals list them.
    public static let durationForms = "90s, 5m (or 5 minutes), 4h, 2d, 1w, 1y, or a sum such as 1h30m"

    /// A percentage such as `99.99` or `99.99%`, within `range`. A bare number in (0, 1] is
    /// refused as a fraction: `0.9999` asks "did you mean 99.99 (%)?".
    public static func percent(parsing text: String, in range: ClosedRange<Double> = 0...100) -> Result<Double, ValueRefusal> {
        let (body, marked) = withoutPercentSign(text)
        let value: Double
        switch parseNumber(body) {
        case .success(let parsed): value = parsed
        case .failure(let refusal): return .failure(refusal)
        }
        if !marked && value > 0 && value <= 1 {
            let meant = Number.plain(value * 100, maxFraction: 6)
            return .failure(
                ValueRefusal(
                    Number.plain(value, maxFraction: 8), "a fraction where a percentage is expected", fix: "did you mean \(meant) (%)?"))
        }
        guard range.contains(value) else {
            return .failure(ValueRefusal("\(Number.plain(value))%", "outside \(describe(range, unit: "%"))"))
        }
        return .success(value)
    }

    /// A fraction between 0 and 1 such as `0.25` or `25%`. A bare number in (1, 100] is refused
    /// as a percentage: `25` asks "did you mean 0.25?".
    public static func fraction(parsing text: String) -> Result<Double, ValueRefusal> {
        let (body, marked) = withoutPercentSign(text)
        let value: Double
        switch parseNumber(body) {
        case .success(let parsed): value = marked ? parsed / 100 : parsed
        case .failure(let refusal): return .failure(refusal)
        }
        if !marked && value > 1 && value <= 100 {
            return .failure(
                ValueRefusal(
                    Number.plain(value), "a percentage where a fraction (0 to 1, or a percentage with %) is expected",
                    fix: "did you mean \(Number.plain(value / 100, maxFraction: 6))?"))
        }
        guard (0...1).contains(value) else {
            return .failure(ValueRefusal(Escape.plain(text.trimmingCharacters(in: .whitespaces)), "outside 0 to 1 (0% to 100%)"))
        }
        return .success(value)
    }

    /// A duration such as `90s`, `5m`, `5 minutes`, `4h`, `1y` or `1h30m`; a refusal lists the
    /// forms (and says when only the unit is missing).
    public static func duration(parsing text: String) -> Result<TimeSpan, ValueRefusal> {
        if let span = TimeSpan(parsing: text) { return .success(span) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if case .success = DecimalNumber.parse(trimmed) {
            return .failure(
                ValueRefusal("'\(Escape.plain(trimmed))'", "a number without a unit", fix: "write it with its unit: \(durationForms)"))
        }
        return .failure(ValueRefusal("'\(Escape.plain(trimmed))'", "not a duration", fix: "write \(durationForms)"))
    }

    /// A fraction field of an input file (`impact.productivity_loss`).
    public static func fraction(_ text: Located<String>, key: String, diagnostics: inout DiagnosticCollector) -> Double? {
        report(fraction(parsing: text.value), text, key: key, diagnostics: &diagnostics)
    }

    /// A rate written in percent (`discount_rate`, `growth_headroom`): `8` or `8%`; a bare
    /// value under 1 is read as written, with a warning naming the percent it is read as.
    public static func percentRate(
        _ text: Located<String>, key: String, in range: ClosedRange<Double>, diagnostics: inout DiagnosticCollector
    ) -> Double? {
        let (body, marked) = withoutPercentSign(text.value)
        guard let value = number(Located(body, at: text.location), key: key, in: range, unit: "%", diagnostics: &diagnostics) else {
            return nil
        }
        if !marked && value > 0 && value < 1 {
            diagnostics.warning(
                "'\(key)' is \(Number.plain(value)), read as \(Number.plain(value))% (percent)", at: text.location,
                fix: "write \(Number.plain(value * 100, maxFraction: 6)) if you meant \(Number.plain(value * 100, maxFraction: 6))%")
        }
        return value
    }

    /// Turns a refusal into an error at the value's location: "'KEY' is TEXT: REASON".
    static func report<T>(
        _ result: Result<T, ValueRefusal>, _ text: Located<String>, key: String, diagnostics: inout DiagnosticCollector
    ) -> T? {
        switch result {
        case .success(let value): return value
        case .failure(let refusal):
            diagnostics.error("'\(key)' is \(refusal.value), \(refusal.problem)", at: text.location, fix: refusal.fix)
            return nil
        }
    }

    private static func withoutPercentSign(_ text: String) -> (body: String, marked: Bool) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("%") else { return (trimmed, false) }
        return (String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces), true)
    }

    private static func parseNumber(_ text: String) -> Result<Double, ValueRefusal> {
        switch DecimalNumber.parse(text.replacingOccurrences(of: "_", with: "")) {
        case .success(let value): return .success(value)
        case .failure(let problem):
            return .failure(
                ValueRefusal(
                    "'\(Escape.plain(text))'", "not a number (\(problem))",
                    fix: text.contains(",") ? "write the number without thousands separators" : nil))
        }
    }

    static func describe(_ range: ClosedRange<Double>, unit: String) -> String {
        "\(Number.plain(range.lowerBound))\(unit) to \(Number.plain(range.upperBound))\(unit)"
    }
}
