/// The plan as independent sources of failure events for the Monte Carlo simulation. A source
/// is shared by every application it takes down: one site going dark, one host of a pair
/// failing, both hosts of a pair down together. So VMs on one pair, or on one site, fail
/// together, and the estate's loss distribution has the right tail.
public struct RiskModel: Sendable {
    /// One application's loss from one event of a source.
    struct Impact: Sendable {
        var application: Int
        /// Loss when the event falls in service hours and the failover covers it.
        var coveredCost: Double
        /// Loss when it falls in service hours and is not covered.
        var uncoveredCost: Double
        /// Probability the failover covers the event (1 when coverage does not apply).
        var coverage: Double
        /// Lost-transaction cost, whenever the event happens.
        var dataLossCost: Double
        /// Outage minutes, covered and not.
        var coveredMinutes: Double
        var uncoveredMinutes: Double
    }

    struct Source: Sendable {
        var key: String
        /// Events per year.
        var rate: Double
        var threshold: Double
        var impacts: [Impact]
    }

    var sources: [Source]
    /// Per application, 10,080 flags: whether each minute of the week is in service hours.
    var serviceMinutes: [[Bool]]
    /// Certain yearly losses (maintenance inside service hours).
    var fixedCost: [Double]
    public var applications: [String]
    /// Expected yearly loss per application from the analytic model, for comparison.
    public var analytic: [Double]
    public var pairCount: Int

    /// Independent sources of failure events.
    public var sourceCount: Int { sources.count }
}
