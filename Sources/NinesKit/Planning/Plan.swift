/// The result of planning an engagement: a tier per application and the pairs that carry the
/// protected VMs, with the figures the summary and the reports show.
public struct Plan: Sendable {
    public var engagement: Engagement
    public var catalog: Catalog
    public var platform: PlatformSpec
    public var decisions: [TierDecision]
    public var packing: PairPacker.Result
    /// Input warnings and planning warnings, in order.
    public var warnings: [Diagnostic]
    /// The simulated distribution of yearly losses with the plan (nil when not simulated).
    public var risk: RiskReport?
    /// The protected workloads costed on each alternative (nil when none is compared).
    public var tco: TCOComparison?
    /// What changed since the engagement's last recorded assessment (nil when none).
    public var sinceLast: AssessmentComparison?

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
