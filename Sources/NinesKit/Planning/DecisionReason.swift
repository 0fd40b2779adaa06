/// Why a tier was chosen for an application, as values: the renderers write the paragraph a
/// consultant reads out (`DecisionText`).
public struct DecisionReason: Hashable, Sendable {
    /// A tier chosen for what depends on the application (`JointChoice`): alone it would take
    /// another.
    public struct Joint: Hashable, Sendable {
        /// The tier it would take alone (the lowest own cost that meets its own SLA).
        public var alone: TierID?
        /// The first applications that depend on it directly (at most `HeldSLA.maxListed`).
        public var dependents: [String]
        /// How many depend on it directly.
        public var dependentCount: Int
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

    public var joint: Joint?
    public var kind: Kind
}
