/// Why a tier was chosen for an application, as values: the renderers write the paragraph a
/// consultant reads out (`DecisionText`).
public struct DecisionReason: Hashable, Sendable {
    /// The SLA the application is held to because others depend on it (nil: its own).
    public struct Held: Hashable, Sendable {
        public var sla: SLA
        /// The first dependents that raised it (at most `HeldSLA.maxListed`).
        public var raisedBy: [String]
        /// How many raised it in all.
        public var raisedCount: Int
    }

    public enum Kind: Hashable, Sendable {
        /// The tier pinned in the inventory's `tier` column, at that row.
        case pinned(TierID, at: SourceLocation)
        /// The cheapest feasible tier; the next cheapest feasible one, and the infeasible ones.
        case cheapest(runnerUp: TierAssessment?, infeasible: [String])
        /// No tier meets every requirement: the requirements every tier fails, and the closest
        /// options (fewest failures), cheapest first; the first is planned.
        case noFeasibleTier(failedByAll: [TierFailure.Requirement], closest: [TierAssessment])
        /// Run by a vendor at `vendor` percent against `required`.
        case vendor(vendor: Double, required: Double)
    }

    public var held: Held?
    public var kind: Kind
}
