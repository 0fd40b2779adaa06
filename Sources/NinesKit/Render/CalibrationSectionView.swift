import Foundation

/// The report's "Today against the record" section: per application, today's modelled
/// incidents and downtime beside the customer's record and the figures after calibration
/// (`OutageCalibration`).
public struct CalibrationSectionView: Sendable {
    public struct Row: Sendable {
        public var name, incidentsModelled, incidentsObserved, incidentsCalibrated: String
        public var minutesModelled, minutesObserved, minutesCalibrated, costModelled, costCalibrated, costObserved: String
    }

    public var line: String
    public var rows: [Row]
    public var totalLine: String

    init(_ c: OutageCalibration, history: IncidentHistory?, currency: String) {
        let money = { (v: Double) in Number.money(v, currency: currency) }
        let day = { (d: Date) in String(d.formatted(.iso8601.year().month().day())) }
        let unplanned = c.applications.reduce(0) { $0 + $1.observedCount }
        let planned = c.applications.reduce(0) { $0 + $1.plannedCount }
        line =
            "The customer's record from \(day(c.from)) to \(day(c.to.addingTimeInterval(-86_400))) (\(Number.plain(c.years, maxFraction: 2)) years\(history.map { ", \($0.file)" } ?? "")) holds \(unplanned) unplanned outage\(unplanned == 1 ? "" : "s")\(planned > 0 ? " and \(planned) planned one\(planned == 1 ? "" : "s") (not counted)" : ""). Each application's own failure rate is updated from the outages recorded for it, the catalog's rate weighing as much as \(Number.plain(c.priorWeightYears)) years of record (a Gamma–Poisson update): an application with no outage in the period keeps \(Number.plain(c.priorWeightYears / (c.priorWeightYears + c.years) * 100, maxFraction: 0))% of its modelled rate. The record is taken as complete (an application without a row had no outage). The updated rates apply to every tier, today's and the plan's alike; outage lengths are the model's, not the record's. Downtime and cost count what each application depends on; the record's own outages are priced at the application's cost of downtime."
        func rate(_ v: Double) -> String { Number.plain(v, maxFraction: v < 0.1 ? 3 : 2) }
        rows = c.applications.map { a in
            Row(
                name: a.application, incidentsModelled: rate(a.modelledIncidents), incidentsObserved: rate(a.observedIncidents),
                incidentsCalibrated: a.factor == nil ? "— (none modelled)" : rate(a.calibratedIncidents),
                minutesModelled: Number.downtime(minutes: a.modelledMinutes), minutesObserved: Number.downtime(minutes: a.observedMinutes),
                minutesCalibrated: Number.downtime(minutes: a.calibratedMinutes), costModelled: money(a.costModelled),
                costCalibrated: money(a.costCalibrated), costObserved: money(a.observedCost))
        }
        let before = c.applications.reduce(0) { $0 + $1.costModelled }
        let after = c.applications.reduce(0) { $0 + $1.costCalibrated }
        let observed = c.applications.reduce(0) { $0 + $1.observedCost }
        totalLine =
            "Today's expected downtime cost, modelled: \(money(before)) a year; after calibration: \(money(after)) a year; the recorded outages alone cost \(money(observed)) a year at the same costs of downtime (each counted once, at the application that was down). Every figure of this report is on the calibrated rates."
    }
}
