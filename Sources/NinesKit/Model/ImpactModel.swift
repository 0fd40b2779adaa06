/// What an hour of downtime costs an application, line by line, and how the cost grows with the
/// outage's duration. Money is in the engagement's currency.
public struct ImpactModel: Hashable, Sendable {
    /// Revenue lost per hour of outage.
    public var revenuePerHour: Double = 0
    /// People who cannot work (fully or partly) while the application is down.
    public var users: Double = 0
    /// Loaded cost of one user hour (salary × loading ÷ working hours per year).
    public var loadedCostPerUserHour: Double = 0
    /// Fraction of a user's work lost while the application is down, 0…1.
    public var productivityLoss: Double = 0
    /// Fixed cost of each incident (recovery labour, call-outs), independent of its length.
    public var perIncident: Double = 0
    /// Contractual penalties per hour of outage.
    public var penaltyPerHour: Double = 0
    /// Cost of one hour of lost transactions (applies to data loss, not to outage time).
    public var dataLossPerHour: Double = 0
    /// Multiplier of the hourly rate by outage duration, sorted by duration; empty means 1.0.
    public var curve: [CurvePoint] = []
    /// Outages shorter than this go unnoticed as incidents: they cost their time, not
    /// `perIncident` (docs/MODEL.md §6). Nil until the engagement is loaded, which sets the
    /// application's own value or the catalog's `noticeable_after`.
    public var noticeableAfter: TimeSpan?
    /// Inputs given as ranges; each figure above holds its range's mean (docs/MODEL.md §12).
    public var ranges: [ImpactInput: InputRange] = [:]

    public struct CurvePoint: Hashable, Sendable {
        public var duration: TimeSpan
        public var multiplier: Double

        public init(duration: TimeSpan, multiplier: Double) {
            self.duration = duration
            self.multiplier = multiplier
        }
    }

    public init() {}

    /// The model with `input` at `value` (a sample of its range).
    public func setting(_ input: ImpactInput, to value: Double) -> ImpactModel {
        var model = self
        switch input {
        case .revenuePerHour: model.revenuePerHour = value
        case .users: model.users = value
        case .loadedCostPerUserHour: model.loadedCostPerUserHour = value
        case .productivityLoss: model.productivityLoss = value
        case .perIncident: model.perIncident = value
        case .penaltyPerHour: model.penaltyPerHour = value
        case .dataLossPerHour: model.dataLossPerHour = value
        case .curve(let index): model.curve[index].multiplier = value
        }
        return model
    }

    /// Loaded cost of a user hour from a salary: salary × loading ÷ working hours per year.
    /// Marathon Technologies' 2008-10-27 example, loaded 2×: 60,000 × 2.0 ÷ 2,080 = 57.69 per hour
    /// (docs/MODEL.md §6).
    public static func loadedHourlyCost(salaryPerYear: Double, loadingFactor: Double, hoursPerYear: Double) -> Double {
        salaryPerYear * loadingFactor / hoursPerYear
    }

    /// Productivity lost per hour: users × loaded hourly cost × fraction of work lost.
    public var productivityPerHour: Double { users * loadedCostPerUserHour * productivityLoss }

    /// Cost of one hour of outage at the base rate (curve multiplier 1).
    public var hourlyRate: Double { revenuePerHour + productivityPerHour + penaltyPerHour }

    /// The curve's multiplier at a duration: piecewise-linear between points, flat beyond the
    /// first and last point.
    public func multiplier(at duration: TimeSpan) -> Double {
        guard let first = curve.first, let last = curve.last else { return 1 }
        if duration <= first.duration { return first.multiplier }
        if duration >= last.duration { return last.multiplier }
        for (a, b) in zip(curve, curve.dropFirst()) where duration <= b.duration {
            let t = (duration.seconds - a.duration.seconds) / (b.duration.seconds - a.duration.seconds)
            return a.multiplier + t * (b.multiplier - a.multiplier)
        }
        return last.multiplier
    }

    /// Cost of one outage of the given duration: its time at the curve's rate, plus the fixed
    /// per-incident cost when it lasts at least `noticeableAfter`.
    public func outageCost(duration: TimeSpan) -> Double {
        guard duration.seconds > 0 else { return 0 }
        let noticed = duration >= (noticeableAfter ?? .zero)
        return (noticed ? perIncident : 0) + hourlyRate * duration.hours * multiplier(at: duration)
    }
}
