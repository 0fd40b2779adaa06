import Foundation

/// Locale-independent number formatting for every output, so that the same inputs give the
/// same bytes on every machine (Foundation's formatters follow the user's locale).
public enum Number {
    /// `1234.5` → `1234.5`; at most `maxFraction` decimals, trailing zeros dropped.
    public static func plain(_ value: Double, maxFraction: Int = 6) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        if abs(value) >= 1e15 { return String(format: "%.6g", value) }
        let scale = pow(10.0, Double(maxFraction))
        let rounded = (value * scale).rounded() / scale
        // Fast path: Swift prints the shortest exact form; it is used where that form has no
        // exponent (String(format:) goes through Foundation and is far slower).
        if rounded == 0 { return "0" }
        if abs(rounded) >= 1e-4 && abs(rounded) < 1e15 && abs(value * scale) < 1e15 {
            var text = "\(rounded)"
            if text.hasSuffix(".0") { text.removeLast(2) }
            // utf8.contains: `String.contains(String)` goes through NSString.
            if !text.utf8.contains(UInt8(ascii: "e")) { return text }
        }
        var text = String(format: "%.\(maxFraction)f", rounded)
        if text.utf8.contains(UInt8(ascii: ".")) {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// `1234567.891` → `1,234,568` (or with `fraction` decimals), grouped by thousands.
    public static func grouped(_ value: Double, fraction: Int = 0) -> String {
        guard value.isFinite else { return plain(value) }
        // Whole numbers without Foundation's String(format:) (a tenth of the time): "%.0f"
        // rounds the exact binary value half to even, as `.toNearestOrEven` does.
        if fraction == 0, abs(value) < 1e15 {
            let whole = Int64(value.rounded(.toNearestOrEven))
            return (whole < 0 ? "-" : "") + groupedDigits(String(whole.magnitude))
        }
        let text = String(format: "%.\(fraction)f", abs(value))
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var result = groupedDigits(String(parts[0]))
        if parts.count > 1 { result += "." + parts[1] }
        let isZero = Double(text) == 0
        return (value < 0 && !isZero ? "-" : "") + result
    }

    /// `"1234567"` → `"1,234,567"`.
    private static func groupedDigits(_ digits: String) -> String {
        let bytes = Array(digits.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 3)
        for (index, byte) in bytes.enumerated() {
            if index > 0 && (bytes.count - index) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Money in the engagement's currency: `USD 1,234` (whole units; cents only below 100).
    public static func money(_ value: Double, currency: String) -> String {
        let fraction = abs(value) < 100 && value != value.rounded() ? 2 : 0
        return "\(currency) \(grouped(value, fraction: fraction))"
    }

    /// Rounds to `places` decimals for machine-readable outputs (JSON, CSV).
    public static func round(_ value: Double, _ places: Int) -> Double {
        let scale = pow(10.0, Double(places))
        return (value * scale).rounded() / scale
    }

    /// Minutes as a person reads them: `52.6 min`, `8 h 10 min`, `2.3 d`.
    public static func downtime(minutes: Double) -> String {
        if minutes < 1 { return "\(plain(minutes * 60, maxFraction: 1)) s" }
        if minutes < 60 { return "\(plain(minutes, maxFraction: 1)) min" }
        if minutes < 48 * 60 {
            let total = Int(minutes.rounded())
            let (h, m) = (total / 60, total % 60)
            return m == 0 ? "\(h) h" : "\(h) h \(m) min"
        }
        return "\(plain(minutes / 1440, maxFraction: 1)) d"
    }
}
