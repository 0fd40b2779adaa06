import Foundation

/// The model set against the customer's own outage record (`IncidentHistory`), before planning:
/// per application, the model's rate of its own noticeable unplanned incidents today is updated
/// from the outages recorded for it by the conjugate Gamma–Poisson rule, and every tier's
/// unplanned incidents of that application are scaled by the ratio (`Application.outageRateFactor`)
/// — today's figures, the tier choice, the plan's figures, the alternatives and the simulation
/// alike (docs/MODEL.md §13).
///
/// The model's rate λₘ is the prior's mean, with the weight of w years of record:
/// Gamma(α = w·λₘ, β = w). n outages over T years give the posterior Gamma(α + n, β + T), whose
/// mean λ = (w·λₘ + n)/(w + T) is the calibrated rate. Durations are kept; an application's
/// service still composes what it depends on, each calibrated on its own record.
public struct OutageCalibration: Hashable, Sendable {
    public struct Application: Hashable, Sendable {
        public var application: String
        /// The model's noticeable unplanned incidents of the application itself today, a year
        /// (before calibration).
        public var modelledIncidents: Double
        /// Outages recorded for it (rows naming it or one of its VMs; overlapping rows merged),
        /// their minutes, and the planned ones (shown, not counted).
        public var observedCount: Int
        public var observedMinutesTotal: Double
        public var plannedCount: Int
        /// Recorded, a year: outages, minutes, and their cost at its impact model.
        public var observedIncidents, observedMinutes, observedCost: Double
        /// The posterior mean rate, a year.
        public var calibratedIncidents: Double
        /// λ/λₘ; nil when the model expects no noticeable incident of its own (nothing to scale).
        public var factor: Double?
        /// Today end to end (with what it depends on), before and after calibration: unplanned
        /// downtime (minutes a year) and expected downtime and data-loss cost a year.
        public var modelledMinutes, calibratedMinutes, costModelled, costCalibrated: Double
    }

    public var from, to: Date
    public var years: Double
    public var priorWeightYears: Double
    /// In the engagement's application order.
    public var applications: [Application]

    /// The engagement with each application's `outageRateFactor` set from `history`, and the
    /// calibration's figures (today after calibration is filled in by `completed(with:)`).
    static func prepare(_ loaded: LoadedEngagement, history: IncidentHistory) -> (LoadedEngagement, OutageCalibration) {
        let engagement = loaded.engagement
        let assigner = TierAssigner(engagement: engagement, catalog: loaded.catalog)
        let apps = engagement.applications
        // Today's tier of each application as the catalog models it (its factor is still 1).
        let today = Parallel.map(apps.count) { i -> DowntimeEstimate in
            if case .saas = apps[i].hosting { return assigner.decide(apps[i]).current.estimate }
            return assigner.assess(apps[i], tier: apps[i].currentTier ?? engagement.baselineTier).estimate
        }
        let loads = ServiceComposer.loads(DependencyGraph(apps), own: today.map(\.incidents))
        let years = history.years(yearDays: engagement.yearDays)
        let w = history.priorWeightYears
        var calibrated = loaded
        let rows = apps.indices.map { i -> Application in
            let app = apps[i]
            let noticeable = app.impact.noticeableAfter ?? .zero
            let modelled = today[i].incidents.filter { !$0.planned && $0.duration >= noticeable }.reduce(0) { $0 + $1.ratePerYear }
            let outages = history.unplanned(of: app.name)
            let durations = outages.map { TimeSpan(seconds: $0.end.timeIntervalSince($0.start)) }
            let posterior = (w * modelled + Double(outages.count)) / (w + years)
            let factor = modelled > 0 ? posterior / modelled : nil
            calibrated.engagement.applications[i].outageRateFactor = factor ?? 1
            let service =
                loads[i].entries.isEmpty
                ? today[i]
                : DowntimeEstimate(
                    incidents: loads[i].composed(with: today[i].incidents), application: app, minutesPerYear: engagement.minutesPerYear)
            return Application(
                application: app.name, modelledIncidents: modelled, observedCount: outages.count,
                observedMinutesTotal: durations.reduce(0) { $0 + $1.minutes },
                plannedCount: history.outages.filter { $0.planned && $0.application == app.name }.count,
                observedIncidents: Double(outages.count) / years, observedMinutes: durations.reduce(0) { $0 + $1.minutes } / years,
                observedCost: durations.reduce(0) { $0 + app.impact.outageCost(duration: $1) } / years,
                calibratedIncidents: factor == nil ? modelled : posterior, factor: factor, modelledMinutes: service.unplannedMinutes,
                calibratedMinutes: service.unplannedMinutes, costModelled: service.totalCost, costCalibrated: service.totalCost)
        }
        return (calibrated, OutageCalibration(from: history.from, to: history.to, years: years, priorWeightYears: w, applications: rows))
    }

    /// The calibration with today's figures after calibration taken from the plan's decisions.
    func completed(with decisions: [TierDecision]) -> OutageCalibration {
        var result = self
        let today = Dictionary(decisions.map { ($0.application.name, $0.currentService) }, uniquingKeysWith: { first, _ in first })
        for index in result.applications.indices {
            guard let service = today[result.applications[index].application] else { continue }
            result.applications[index].calibratedMinutes = service.unplannedMinutes
            result.applications[index].costCalibrated = service.totalCost
        }
        return result
    }

    public func application(_ name: String) -> Application? { applications.first { $0.application == name } }
}
