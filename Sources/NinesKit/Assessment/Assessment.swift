/// Everything one run established, each stage's result kept as it returned it: the plan (tiers
/// and pairs), the simulated risk, the TCO comparison, the comparison with the engagement's last
/// recorded assessment, and the figures derived from them once. Render and Store take this and
/// nothing else; no stage changes another's result.
public struct Assessment: Sendable {
    public let plan: Plan
    /// The simulated distribution of yearly losses (nil when not simulated).
    public let risk: RiskReport?
    /// Why the simulation was skipped, when it was skipped for its bounds.
    public let simulationSkipped: RiskModelTooLarge?
    /// The protected workloads costed on each alternative (nil when none is compared).
    public let tco: TCOComparison?
    /// What changed since the engagement's last recorded assessment (nil when none).
    public let sinceLast: AssessmentComparison?
    /// The summary figures, computed once for every output.
    public let figures: AssessmentFigures
    /// The addresses of every host and VM of the plan's pairs and of the pair alternatives'.
    public let addresses: AddressPlan

    public init(
        plan: Plan, risk: RiskReport? = nil, simulationSkipped: RiskModelTooLarge? = nil, tco: TCOComparison? = nil,
        sinceLast: AssessmentComparison? = nil, addresses: AddressPlan? = nil
    ) {
        self.plan = plan
        self.risk = risk
        self.simulationSkipped = simulationSkipped
        self.tco = tco
        self.sinceLast = sinceLast
        self.figures = AssessmentFigures(plan: plan, tco: tco)
        // The pipeline allocates and checks them (`AddressPlan.allocate` refuses a range too
        // small); an assessment built without them allocates its own.
        self.addresses = addresses ?? (try? AddressPlan.allocate(plan: plan, tco: tco)) ?? AddressPlan()
    }

    /// The same assessment compared with an earlier one.
    public func comparing(with sinceLast: AssessmentComparison?) -> Assessment {
        Assessment(
            plan: plan, risk: risk, simulationSkipped: simulationSkipped, tco: tco, sinceLast: sinceLast, addresses: addresses)
    }

    public var engagement: Engagement { plan.engagement }
    public var catalog: Catalog { plan.catalog }
    public var platform: PlatformSpec { plan.platform }
    public var decisions: [TierDecision] { plan.decisions }
    public var packing: PairPacker.Result { plan.packing }

    public func decision(for application: String) -> TierDecision? { plan.decision(for: application) }
}
