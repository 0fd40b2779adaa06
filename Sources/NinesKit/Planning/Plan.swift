/// The result of the planning stage: a tier per application and the pairs that carry the
/// protected VMs. Later stages (simulation, TCO, history) return results of their own, which
/// `Assessment` composes; a plan never changes once made.
public struct Plan: Sendable {
    public let engagement: Engagement
    public let catalog: Catalog
    public let platform: PlatformSpec
    public let decisions: [TierDecision]
    public let packing: PairPacker.Result
    /// The input's warnings, in file and line order.
    public let warnings: [Diagnostic]
    /// What planning found that needs a person's attention, in order.
    public let notes: [PlanNote]
    /// Boot wave per application (`BootOrder`).
    public let bootWaves: [String: Int]
    /// How good the joint tier choice is: proven optimal, or its gap to the lower bound.
    public let choice: ChoiceQuality
    /// How sure the tier choice is, when impact inputs are ranges (nil: all plain numbers).
    public let uncertainty: DecisionUncertainty?
    /// Today's figures against the customer's outage record (nil: no record).
    public let calibration: OutageCalibration?

    /// Expected downtime and data-loss cost per year today, dependencies included.
    public var exposureBefore: Double { decisions.reduce(0) { $0 + $1.currentService.totalCost } }
    /// Expected downtime and data-loss cost per year with the plan, dependencies included.
    public var exposureAfter: Double { decisions.reduce(0) { $0 + $1.service.totalCost } }
    /// Hosting and protection per year today.
    public var protectionBefore: Double { decisions.reduce(0) { $0 + $1.current.protectionCost } }
    /// Hosting and protection per year with the plan.
    public var protectionAfter: Double { decisions.reduce(0) { $0 + $1.chosen.protectionCost } }

    /// Applications per chosen tier, in tier order (`saas` last).
    public var applicationsPerTier: [(tier: String, count: Int)] {
        let labels = TierID.all.map(\.description) + ["saas"]
        let counts = Dictionary(grouping: decisions, by: \.chosen.label).mapValues(\.count)
        return labels.compactMap { label in counts[label].map { (label, $0) } }
    }

    public func decision(for application: String) -> TierDecision? {
        decisions.first { $0.application.name == application }
            ?? decisions.first { $0.application.name.lowercased() == application.lowercased() }
    }
}
