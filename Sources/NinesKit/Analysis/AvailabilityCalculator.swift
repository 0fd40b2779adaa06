import Foundation

/// The what-if calculator behind `nines calc`: a single unit, a pair, or the cost of an
/// availability level.
public enum AvailabilityCalculator {
    /// What a calculation gives, in the units `--json` prints.
    public struct Result: Encodable, Sendable {
        public var model: String
        /// Availability as a fraction (0.9999).
        public var availability: Double
        public var downtimeMinutesPerYear: Double
        /// Expected cost per year (for `cost`).
        public var costPerYear: Double?
        /// Downtime episodes per year (for `pair`: both-down and uncovered episodes).
        public var outagesPerYear: Double?
        public var yearDays: Double

        /// Key-sorted, snake_case JSON with a trailing newline.
        public func json() throws -> String { try JSONOutput.string(self) }
    }

    public static func single(mtbf: TimeSpan, mttr: TimeSpan, yearDays: Double) -> Result {
        let u = PairModel.singleUnavailability(mtbfHours: mtbf.hours, mttrHours: mttr.hours)
        let minutes = yearDays * 1440
        return Result(
            model: "single", availability: 1 - u, downtimeMinutesPerYear: u * minutes, costPerYear: nil,
            outagesPerYear: mttr.seconds > 0 ? u * minutes / mttr.minutes : 0, yearDays: yearDays)
    }

    public static func pair(_ model: PairModel, yearDays: Double) -> Result {
        let hours = yearDays * 24
        let p = model.probabilities
        var episodes = model.bothDownRate * hours
        if p.count > 3 { episodes += p[0] * 2 * (1 - model.beta) * model.failureRate * (1 - model.coverage) * hours }
        let u = model.unavailability
        return Result(
            model: "pair", availability: 1 - u, downtimeMinutesPerYear: u * yearDays * 1440, costPerYear: nil,
            outagesPerYear: episodes, yearDays: yearDays)
    }

    /// Downtime of an availability level and its cost at a cost per hour: the Availability
    /// Report Card (Servo Dynamics, "Stratus everRun", quoting Stratus's vSphere comparison) prices
    /// 99.99% (52.56 min) at $686,250/h as $601,155.
    public static func cost(availabilityPercent: Double, costPerHour: Double, yearDays: Double) -> Result {
        let minutes = Availability.downtimeMinutes(percent: availabilityPercent, yearDays: yearDays)
        return Result(
            model: "cost", availability: availabilityPercent / 100, downtimeMinutesPerYear: minutes,
            costPerYear: minutes / 60 * costPerHour, outagesPerYear: nil, yearDays: yearDays)
    }
}
