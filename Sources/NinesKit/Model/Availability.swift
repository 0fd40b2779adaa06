/// Conversions between an availability percentage and downtime per year.
public enum Availability {
    /// Downtime per year, minutes, of an availability in percent: (1 − p/100) × days × 1440.
    /// 99.99% over 365 days is 52.56 minutes.
    public static func downtimeMinutes(percent: Double, yearDays: Double = 365) -> Double {
        (1 - percent / 100) * yearDays * 1440
    }

    /// Availability in percent of a downtime in minutes per year.
    public static func percent(downtimeMinutes: Double, yearDays: Double = 365) -> Double {
        100 * (1 - downtimeMinutes / (yearDays * 1440))
    }
}
