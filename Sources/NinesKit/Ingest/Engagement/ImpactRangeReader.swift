/// Reads an impact input that may be a plain number or a range: in applications.yaml
/// `impact.revenue_per_hour: {low: 20000, likely: 40000, high: 90000}`, in applications.csv
/// (or as a YAML scalar) `20000..40000..90000`. A range enters the plan at its mean and the
/// decision's uncertainty at its distribution (`InputRange`).
enum ImpactRangeReader {
    /// The parts of a range, in order.
    static let parts = ["low", "likely", "high"]
    /// Keys that take a range (and every `impact.curve.DURATION`).
    static let rangeable: Set<String> = [
        "impact.revenue_per_hour", "impact.users", "impact.loaded_cost_per_user_hour", "impact.salary_per_year",
        "impact.productivity_loss", "impact.per_incident", "impact.penalty_per_hour", "impact.data_loss_per_hour",
    ]

    /// The key `key` is a part of (`impact.users.low` → `impact.users`), when it is one.
    static func base(ofPart key: String) -> String? {
        guard let dot = key.lastIndex(of: "."), parts.contains(String(key[key.index(after: dot)...])) else { return nil }
        let base = String(key[..<dot])
        return rangeable.contains(base) || base.hasPrefix("impact.curve.") ? base : nil
    }

    /// Whether the record gives `key` at all (plainly or as a range).
    static func isGiven(_ key: String, in record: ApplicationRecord) -> Bool {
        record.values[key] != nil || parts.contains { record.values["\(key).\($0)"] != nil }
    }

    /// Where `key` is written (its value, or its first range part).
    static func location(of key: String, in record: ApplicationRecord) -> SourceLocation? {
        record.values[key]?.location ?? parts.lazy.compactMap { record.values["\(key).\($0)"]?.location }.first
    }

    /// The value of `key` — a number, or a range's mean with the range — or nil when it is not
    /// given or wrong (every problem reported).
    static func read(
        _ key: String, in record: ApplicationRecord, domain: ClosedRange<Double>, diagnostics: inout DiagnosticCollector
    ) -> (value: Double, range: InputRange?)? {
        let texts: [Located<String>?]
        if let plain = record.values[key] {
            let pieces = plain.value.components(separatedBy: "..")
            guard pieces.count == 3 else {
                if pieces.count > 1 {
                    diagnostics.error(
                        "'\(key)' is '\(Escape.plain(plain.value))', which is neither a number nor a range", at: plain.location,
                        fix: "write a range as low..likely..high, e.g. 20000..40000..90000")
                    return nil
                }
                return InputValue.number(plain, key: key, in: domain, diagnostics: &diagnostics).map { ($0, nil) }
            }
            texts = pieces.map { Located($0, at: plain.location) }
        } else {
            texts = parts.map { record.values["\(key).\($0)"] }
            guard texts.contains(where: { $0 != nil }) else { return nil }
        }
        let location = texts.compactMap { $0?.location }.first!
        let missing = zip(parts, texts).filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty else {
            diagnostics.error(
                "the range of '\(key)' has no \(missing.joined(separator: " or "))", at: location,
                fix: "write low, likely and high: {low: 20000, likely: 40000, high: 90000}")
            return nil
        }
        let values = zip(parts, texts).map { part, text in
            InputValue.number(text!, key: "\(key).\(part)", in: domain, diagnostics: &diagnostics)
        }
        guard let low = values[0], let likely = values[1], let high = values[2] else { return nil }
        guard let range = InputRange(low: low, likely: likely, high: high, domain: domain) else {
            diagnostics.error(
                "the range of '\(key)' is low \(Number.plain(low)), likely \(Number.plain(likely)), high \(Number.plain(high))",
                at: location, fix: "order it low ≤ likely ≤ high (low and high are the 10th and 90th percentiles)")
            return nil
        }
        return range.isPoint ? (likely, nil) : (range.mean, range)
    }
}
