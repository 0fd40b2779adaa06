import Foundation

/// Today's figures set against the customer's own outage record (`IncidentHistory`): per
/// application, the modelled and the observed unplanned incidents and downtime, and today's
/// failure rate updated from the record by the conjugate Gamma–Poisson rule (docs/MODEL.md §13).
///
/// The model's rate of noticeable unplanned incidents today, λₘ, is the prior's mean, with the
/// weight of w years of record: Gamma(α = w·λₘ, β = w). n incidents observed over T years give
/// the posterior Gamma(α + n, β + T), whose mean λ = (w·λₘ + n)/(w + T) is today's calibrated
/// rate. Every unplanned incident class of today's service is scaled by λ/λₘ; durations are
/// kept (the record's mean duration is shown beside the model's).
public struct OutageCalibration: Hashable, Sendable {
    public struct Application: Hashable, Sendable {
        public var application: String
        /// Today's model: noticeable unplanned incidents a year, and unplanned downtime a year
        /// (minutes, all hours).
        public var modelledIncidents, modelledMinutes: Double
        /// Unplanned outages in the record (overlapping rows merged) and their minutes.
        public var observedCount: Int
        public var observedMinutesTotal: Double
        /// Planned outages in the record (shown, not used).
        public var plannedCount: Int
        /// Observed, a year.
        public var observedIncidents, observedMinutes: Double
        /// The posterior mean rate, a year.
        public var calibratedIncidents: Double
        /// λ/λₘ; nil when the model expects no noticeable incident (nothing to scale).
        public var factor: Double?
        /// Today's unplanned downtime a year after calibration, minutes.
        public var calibratedMinutes: Double
        /// Today's expected downtime and data-loss cost a year, before and after calibration.
        public var costModelled, costCalibrated: Double
    }

    public var from, to: Date
    public var years: Double
    public var priorWeightYears: Double
    /// In plan order.
    public var applications: [Application]

    /// Today's services of `decisions` calibrated on `history` (each `currentService`
    /// replaced), and the figures of the calibration.
    static func apply(_ history: IncidentHistory, to decisions: inout [TierDecision], yearDays: Double, minutesPerYear: Double)
        -> OutageCalibration
    {
        let years = history.years(yearDays: yearDays)
        let w = history.priorWeightYears
        let rows = decisions.indices.map { index -> Application in
            let decision = decisions[index]
            let today = decision.currentService
            let noticeable = decision.application.impact.noticeableAfter ?? .zero
            let modelled = today.incidents.filter { !$0.planned && $0.duration >= noticeable }.reduce(0) { $0 + $1.ratePerYear }
            let outages = history.unplanned(of: decision.application.name)
            let minutes = outages.reduce(0) { $0 + $1.end.timeIntervalSince($1.start) / 60 }
            let calibrated = (w * modelled + Double(outages.count)) / (w + years)
            let factor = modelled > 0 ? calibrated / modelled : nil
            if let factor {
                let scaled = today.incidents.map { incident -> IncidentClass in
                    var incident = incident
                    if !incident.planned { incident.ratePerYear *= factor }
                    return incident
                }
                decisions[index].currentService = DowntimeEstimate(
                    incidents: scaled, application: decision.application, minutesPerYear: minutesPerYear)
            }
            return Application(
                application: decision.application.name, modelledIncidents: modelled, modelledMinutes: today.unplannedMinutes,
                observedCount: outages.count, observedMinutesTotal: minutes,
                plannedCount: history.outages.filter { $0.planned && $0.application == decision.application.name }.count,
                observedIncidents: Double(outages.count) / years, observedMinutes: minutes / years,
                calibratedIncidents: factor == nil ? modelled : calibrated, factor: factor,
                calibratedMinutes: decisions[index].currentService.unplannedMinutes, costModelled: today.totalCost,
                costCalibrated: decisions[index].currentService.totalCost)
        }
        return OutageCalibration(from: history.from, to: history.to, years: years, priorWeightYears: w, applications: rows)
    }

    public func application(_ name: String) -> Application? { applications.first { $0.application == name } }
}
