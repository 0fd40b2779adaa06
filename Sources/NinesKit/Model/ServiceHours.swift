/// When an application is needed: around the clock, or a weekly window such as
/// `mon-fri 07:00-19:00`. Downtime outside the window costs nothing.
public struct ServiceHours: Hashable, Sendable, CustomStringConvertible {
    /// Days of the week the window applies to, 0 = Monday … 6 = Sunday.
    public var days: Set<Int>
    /// Start of the daily window, minutes after midnight.
    public var start: Int
    /// End of the daily window, minutes after midnight (1440 = midnight).
    public var end: Int

    public static let always = ServiceHours(days: Set(0..<7), start: 0, end: 1440)

    public init(days: Set<Int>, start: Int, end: Int) {
        self.days = days
        self.start = start
        self.end = end
    }

    private static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Parses `24x7`, `mon-fri 07:00-19:00`, `mon-sat 06:00-22:00`, `mon,wed,fri 08:00-17:00`.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "24x7" || trimmed == "24/7" {
            self = .always
            return
        }
        let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let days = Self.parseDays(String(parts[0])) else { return nil }
        let times = parts[1].split(separator: "-")
        guard times.count == 2, let start = Self.parseTime(String(times[0])),
            let end = Self.parseTime(String(times[1])), start < end
        else { return nil }
        self.init(days: days, start: start, end: end)
    }

    private static func parseDays(_ text: String) -> Set<Int>? {
        var days = Set<Int>()
        for item in text.split(separator: ",") {
            let range = item.split(separator: "-").map(String.init)
            guard let first = range.first.flatMap({ dayNames.firstIndex(of: $0) }) else { return nil }
            if range.count == 1 {
                days.insert(first)
            } else if range.count == 2, let last = dayNames.firstIndex(of: range[1]), first <= last {
                days.formUnion(first...last)
            } else {
                return nil
            }
        }
        return days.isEmpty ? nil : days
    }

    private static func parseTime(_ text: String) -> Int? {
        let hm = text.split(separator: ":")
        guard hm.count == 2, hm[0].count == 2, hm[1].count == 2, let h = Int(hm[0]), let m = Int(hm[1]),
            (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440
        else { return nil }
        return h * 60 + m
    }

    /// Hours of service per week.
    public var hoursPerWeek: Double { Double(days.count * (end - start)) / 60 }

    /// Fraction of the week inside service hours (1 for 24x7). An unplanned outage, arriving at
    /// a random moment, falls inside service hours with this probability.
    public var weeklyFraction: Double { hoursPerWeek / 168 }

    /// True when there is time outside the window to hold planned maintenance.
    public var leavesMaintenanceWindow: Bool { weeklyFraction < 1 }

    public var description: String {
        if self == .always { return "24x7" }
        let sorted = days.sorted()
        let contiguous = sorted.last! - sorted.first! + 1 == sorted.count
        let dayText =
            contiguous && sorted.count > 1
            ? "\(Self.dayNames[sorted.first!])-\(Self.dayNames[sorted.last!])"
            : sorted.map { Self.dayNames[$0] }.joined(separator: ",")
        func time(_ t: Int) -> String {
            let h = t / 60
            let m = t % 60
            return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
        }
        return "\(dayText) \(time(start))-\(time(end))"
    }
}
