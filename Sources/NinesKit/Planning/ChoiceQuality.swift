/// How good the joint tier choice is (`JointChoice`): its total, the lowest total any
/// combination could reach, and whether the search proved it optimal.
public struct ChoiceQuality: Hashable, Sendable {
    /// Protection plus expected downtime and data-loss cost of the choice, per year.
    public var cost: Double
    /// No combination costs less than this a year (each application's best own figures).
    public var lowerBound: Double
    /// Requirements missed end to end by the choice (0 when every application meets its SLA).
    public var missed: Int
    /// The search finished within its budget: no combination is better at the pair prices
    /// and placements the choice was made on (the packing before it).
    public var proven: Bool
    /// Chosen again on its own packing's pairs and prices, the choice is the same: the proof
    /// holds on the plan's own figures. False when the rounds stopped because the next choice,
    /// packed, cost more.
    public var fixedPoint = false
    /// Options evaluated.
    public var evaluations: Int

    /// How far the choice may be from the optimum, as a share of its cost (0 when proven).
    public var gap: Double { proven || cost <= 0 ? 0 : max(0, (cost - lowerBound) / cost) }
}
