/// The terms of one VM's yearly protection cost on one tier, and the one formula that prices
/// them: the plan's assessment (`ProtectionCostModel.annualCost`) and the planner's repricing
/// rounds (`TierOptionTable`) both call `cost(factor:)`.
struct ProtectionTerms: Sendable, Hashable {
    /// The VM's dominant share of a host (memory, threads or VM count).
    var share: Double
    /// A pair (or a single server) per year.
    var hosting: Double
    /// Backup per VM per year.
    var backup: Double
    /// Site protection per VM per year.
    var siteCost: Double
    /// Site protection per pair per year.
    var pairCost: Double
    /// Whether the tier runs on a pair (its hosting is shared by what the pair carries).
    var onPair: Bool

    /// Money per year. On a pair, the share of the pair is scaled by `factor`, what the packing
    /// really uses per unit of share (nil: no packing yet, the share as it is).
    func cost(factor: Double?) -> Double {
        let scale = onPair ? (factor ?? 1) : 1
        var cost = share * scale * hosting + backup + siteCost
        if onPair { cost += share * scale * pairCost }
        return cost
    }

    /// The factor for a VM whose packing group has none recorded: a pair to itself.
    var ownPairFactor: Double { 1 / max(share, 1e-9) }
}
