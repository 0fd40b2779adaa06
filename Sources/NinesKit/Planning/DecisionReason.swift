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

    /// What decided. The figures behind each (costs, failures with their measured and required
    /// values) are the decision's options; `DecisionReason` only says which rule applied, so a
    /// planning round costs no allocation for it.
    public enum Kind: Hashable, Sendable {
        /// The tier pinned in the inventory's `tier` column, at that row.
        case pinned(TierID, at: SourceLocation)
        /// The cheapest feasible tier (`TierDecision.runnerUp`: the next one).
        case cheapest
        /// No tier meets every requirement; the closest (fewest failures, then cheapest) is
        /// planned (`TierDecision.closest`, `failedByAll`).
        case noFeasibleTier
        /// Run by a vendor at `vendor` percent against `required`.
        case vendor(vendor: Double, required: Double)
    }

    public var held: Held?
    public var kind: Kind
}
