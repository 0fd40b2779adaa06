/// Expected downtime and its cost for one application on one tier.
public struct DowntimeEstimate: Hashable, Sendable, Codable {
    public var incidents: [IncidentClass]
    /// Unplanned downtime, minutes per year (all hours).
    public var unplannedMinutes: Double
    /// Planned downtime that falls inside service hours, minutes per year.
    public var plannedMinutesInService: Double
    /// Availability during service hours, percent.
    public var availabilityPercent: Double
    /// Expected cost of outages inside service hours, per year.
    public var outageCost: Double
    /// Expected cost of lost transactions, per year.
    public var dataLossCost: Double

    public var totalCost: Double { outageCost + dataLossCost }

    /// Weighs incidents by the application's service hours and prices them with its impact model.
    ///
    /// An unplanned outage starts at a random moment, so a fraction f of them (the weekly share
    /// of service hours) hits the service; availability is measured over service time, where the
    /// same fraction of downtime and of time cancels. Planned maintenance is held outside
    /// service hours whenever there are such hours, and then costs nothing.
    public init(incidents: [IncidentClass], application: Application, minutesPerYear: Double) {
        let hours = application.sla.serviceHours
        let fraction = hours.weeklyFraction
        let plannedCounts = !hours.leavesMaintenanceWindow
        self.incidents = incidents
        unplannedMinutes = incidents.filter { !$0.planned }.reduce(0) { $0 + $1.minutesPerYear }
        plannedMinutesInService = plannedCounts ? incidents.filter(\.planned).reduce(0) { $0 + $1.minutesPerYear } : 0
        availabilityPercent = 100 * (1 - (unplannedMinutes + plannedMinutesInService) / minutesPerYear)
        outageCost = incidents.reduce(0) { total, incident in
            let weight = incident.planned ? (plannedCounts ? 1 : 0) : fraction
            return total + incident.ratePerYear * weight * application.impact.outageCost(duration: incident.duration)
        }
        dataLossCost = incidents.reduce(0) { $0 + $1.ratePerYear * $1.dataLoss.hours * application.impact.dataLossPerHour }
    }

    /// Downtime per year inside service hours, minutes (unplanned weighted by service hours).
    public func serviceMinutes(weeklyFraction: Double) -> Double { unplannedMinutes * weeklyFraction + plannedMinutesInService }
}
