/// The one grammar every number of every input is read with: an optional sign, decimal digits
/// with an optional fraction, an optional decimal exponent (`-12`, `0.5`, `1e3`). Swift's
/// `Double(_:)` also accepts `0x10`, `nan`, `inf` and `infinity`; this refuses them, so `0x10`
/// is never read as 16 and no NaN or infinity reaches a conversion to `Int`.
public enum DecimalNumber {
    /// Why a text is not a usable number; `description` completes "'cpus' is '…', …".
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        /// Hexadecimal, octal or binary notation (`0x10`, `0o17`, `017`, `0b101`).
        case notDecimal
        case notANumber
        /// NaN, infinity, or a decimal too large for a Double (`1e400`).
        case notFinite

        public var description: String {
            switch self {
            case .empty: "empty"
            case .notDecimal: "not a decimal number (hexadecimal, octal and binary forms are refused)"
            case .notANumber: "not a number"
            case .notFinite: "not a finite number"
            }
        }
    }

    /// Longest number text read, characters (a Double has at most 17 significant digits).
    public static let maxLength = 64

    /// The value of `text`, which must already be trimmed of white space.
    public static func parse(_ text: String) -> Result<Double, Problem> {
        let bytes = text.utf8
        guard !bytes.isEmpty else { return .failure(.empty) }
        guard bytes.count <= maxLength else { return .failure(.notANumber) }
        switch shape(Array(bytes)) {
        case .decimal:
            guard let value = Double(text), value.isFinite else { return .failure(.notFinite) }
            return .success(value)
        case .radix: return .failure(.notDecimal)
        case .special: return .failure(.notFinite)
        case .other: return .failure(.notANumber)
        }
    }

    private enum Shape { case decimal, radix, special, other }

    /// Classifies the bytes of a number without converting it.
    private static func shape(_ bytes: [UInt8]) -> Shape {
        var index = 0
        if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        let body = bytes[index...]
        if isRadix(body) { return .radix }
        let word = String(decoding: body, as: UTF8.self).lowercased()
        if ["nan", "inf", "infinity", ".inf", ".nan"].contains(word) { return .special }
        var digits = 0
        var integerDigits = 0
        while index < bytes.count, isDigit(bytes[index]) { (index, digits, integerDigits) = (index + 1, digits + 1, integerDigits + 1) }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) { (index, digits) = (index + 1, digits + 1) }
        }
        guard digits > 0 else { return .other }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            var exponentDigits = 0
            while index < bytes.count, isDigit(bytes[index]) { (index, exponentDigits) = (index + 1, exponentDigits + 1) }
            guard exponentDigits > 0 else { return .other }
        }
        return index == bytes.count ? .decimal : .other
    }

    /// `0x…`, `0o…`, `0b…`, or an integer with a leading zero such as `017` (octal in YAML 1.1).
    private static func isRadix(_ body: ArraySlice<UInt8>) -> Bool {
        guard body.count >= 2, body.first == UInt8(ascii: "0") else { return false }
        let second = body[body.startIndex + 1]
        if [UInt8(ascii: "x"), UInt8(ascii: "o"), UInt8(ascii: "b")].contains(second | 0x20) { return true }
        return isDigit(second) && body.allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
