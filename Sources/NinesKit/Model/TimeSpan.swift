/// A length of time as engagements and the catalog write it: `30s`, `5m`, `4h`, `2d`, `1w`, or a
/// sum such as `1h30m`. Stored in seconds.
public struct TimeSpan: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// Seconds.
    public var seconds: Double

    public init(seconds: Double) { self.seconds = seconds }
    public static func minutes(_ m: Double) -> TimeSpan { TimeSpan(seconds: m * 60) }
    public static func hours(_ h: Double) -> TimeSpan { TimeSpan(seconds: h * 3600) }

    public var minutes: Double { seconds / 60 }
    public var hours: Double { seconds / 3600 }

    private static let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]

    /// Parses `30s`, `5m`, `1.5h`, `2d`, `1w`, `1h30m`; returns nil for anything else (a bare
    /// number is refused: its unit would be a guess).
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty else { return nil }
        var total = 0.0
        var number = ""
        for character in trimmed {
            if character.isNumber || character == "." {
                number.append(character)
            } else if let unit = Self.units[character], let value = Double(number), value >= 0 {
                total += value * unit
                number = ""
            } else {
                return nil
            }
        }
        guard number.isEmpty else { return nil }
        self.seconds = total
    }

    /// The shortest exact spelling in the input syntax: `90s` → `1m30s`, `7200s` → `2h`.
    public var description: String {
        if seconds == 0 { return "0s" }
        var rest = seconds
        var parts: [String] = []
        for (unit, size) in [("d", 86_400.0), ("h", 3600.0), ("m", 60.0)] where rest >= size {
            let whole = (rest / size).rounded(.down)
            parts.append("\(Int(whole))\(unit)")
            rest -= whole * size
        }
        if rest > 0.0005 { parts.append(Number.plain(rest, maxFraction: 3) + "s") }
        return parts.joined()
    }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }
    public static func + (lhs: TimeSpan, rhs: TimeSpan) -> TimeSpan { TimeSpan(seconds: lhs.seconds + rhs.seconds) }
    public static func * (lhs: TimeSpan, rhs: Double) -> TimeSpan { TimeSpan(seconds: lhs.seconds * rhs) }
    public static let zero = TimeSpan(seconds: 0)

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let span = TimeSpan(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a duration: \(text)"))
        }
        self = span
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
