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
    /// The quantities both costs are linear in (what plan.xlsx prices with formulas); kept
    /// when an alternative's incidents are dropped.
    public var drivers: DowntimeDrivers

    public var totalCost: Double { outageCost + dataLossCost }

    /// Weighs incidents by the application's service hours and prices them with its impact model.
    ///
    /// An unplanned outage starts at a random moment, so a fraction f of them (the weekly share
    /// of service hours) hits the service; availability is measured over service time, where the
    /// same fraction of downtime and of time cancels. Planned maintenance is held outside
    /// service hours whenever there are such hours, and then costs nothing.
    public init(incidents: [IncidentClass], application: Application, minutesPerYear: Double) {
        let hours = application.sla.serviceHours
        let plannedCounts = !hours.leavesMaintenanceWindow
        self.incidents = incidents
        unplannedMinutes = incidents.filter { !$0.planned }.reduce(0) { $0 + $1.minutesPerYear }
        plannedMinutesInService = plannedCounts ? incidents.filter(\.planned).reduce(0) { $0 + $1.minutesPerYear } : 0
        availabilityPercent = 100 * (1 - (unplannedMinutes + plannedMinutesInService) / minutesPerYear)
        // One pass: the costs are the drivers priced at the application's money inputs.
        drivers = DowntimeDrivers(incidents: incidents, application: application)
        let impact = application.impact
        outageCost = drivers.outageCost(perIncident: impact.perIncident, costPerHour: impact.hourlyRate)
        dataLossCost = drivers.dataLossCost(dataLossPerHour: impact.dataLossPerHour)
    }

    /// Downtime per year inside service hours, minutes (unplanned weighted by service hours).
    public func serviceMinutes(weeklyFraction: Double) -> Double { unplannedMinutes * weeklyFraction + plannedMinutesInService }
}
