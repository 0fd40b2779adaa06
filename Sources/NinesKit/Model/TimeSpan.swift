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

    private static let units: [String: Double] = {
        let names: [(Double, [String])] = [
            (1, ["s", "sec", "secs", "second", "seconds"]), (60, ["m", "min", "mins", "minute", "minutes"]),
            (3600, ["h", "hr", "hrs", "hour", "hours"]), (86_400, ["d", "day", "days"]), (604_800, ["w", "wk", "week", "weeks"]),
            (31_536_000, ["y", "yr", "yrs", "year", "years"]),
        ]
        return Dictionary(uniqueKeysWithValues: names.flatMap { size, words in words.map { ($0, size) } })
    }()

    /// Parses `30s`, `5m`, `1.5h`, `2d`, `1w`, `1y` (365 days), `1h30m`, and the units as words
    /// (`5 minutes`, `2 hours 30 min`); returns nil for anything else (a bare number is refused:
    /// its unit would be a guess).
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty else { return nil }
        var total = 0.0
        var rest = Substring(trimmed)
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " }
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            rest = rest.dropFirst(number.count).drop { $0 == " " }
            let unit = rest.prefix { $0.isASCII && $0.isLetter }
            rest = rest.dropFirst(unit.count).drop { $0 == " " }
            guard let value = Double(number), value >= 0, value.isFinite, let size = Self.units[String(unit)] else { return nil }
            total += value * size
        }
        guard total.isFinite else { return nil }
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
