/// The three yearly quantities an application's expected downtime cost is linear in, once its
/// incidents, service hours, `noticeable_after` and duration curve are fixed:
///
///     outage cost    = per_incident × noticedIncidents + cost per hour × outageHours
///     data-loss cost = data_loss_per_hour × dataLossHours
///
/// so a spreadsheet can price them with formulas over the money inputs (plan.xlsx) and get
/// `DowntimeEstimate`'s figures (docs/MODEL.md §6).
public struct DowntimeDrivers: Hashable, Sendable, Codable {
    /// Outages a year that hit the service and last at least `noticeable_after`, each charged
    /// `per_incident` (unplanned weighted by the service hours' weekly share).
    public var noticedIncidents: Double
    /// Hours of outage a year inside service hours, each weighted by the curve's multiplier at
    /// its outage's duration: the hours charged at the cost per hour.
    public var outageHours: Double
    /// Hours of lost transactions a year (charged inside service hours or not).
    public var dataLossHours: Double

    public init(noticedIncidents: Double, outageHours: Double, dataLossHours: Double) {
        self.noticedIncidents = noticedIncidents
        self.outageHours = outageHours
        self.dataLossHours = dataLossHours
    }

    /// The drivers of `incidents` for `application`, weighted as `DowntimeEstimate` weighs them.
    public init(incidents: [IncidentClass], application: Application) {
        let hours = application.sla.serviceHours
        let fraction = hours.weeklyFraction
        let plannedCounts = !hours.leavesMaintenanceWindow
        let impact = application.impact
        let noticeable = impact.noticeableAfter ?? .zero
        var noticed = 0.0
        var outage = 0.0
        var lost = 0.0
        for incident in incidents {
            lost += incident.ratePerYear * incident.dataLoss.hours
            guard incident.duration.seconds > 0 else { continue }
            let weight = incident.planned ? (plannedCounts ? 1 : 0) : fraction
            let events = incident.ratePerYear * weight
            if incident.duration >= noticeable { noticed += events }
            outage += events * incident.duration.hours * impact.multiplier(at: incident.duration)
        }
        self.init(noticedIncidents: noticed, outageHours: outage, dataLossHours: lost)
    }

    /// Outage cost a year at these money inputs.
    public func outageCost(perIncident: Double, costPerHour: Double) -> Double {
        perIncident * noticedIncidents + costPerHour * outageHours
    }

    /// Data-loss cost a year at `dataLossPerHour`.
    public func dataLossCost(dataLossPerHour: Double) -> Double { dataLossPerHour * dataLossHours }
}

extension DowntimeEstimate {
    /// The drivers of this estimate (made for `application`), worked out when it was made.
    public func drivers(for application: Application) -> DowntimeDrivers { drivers }
}
