import Foundation

/// Chooses a tier for every application: among the tiers that meet its RTO, RPO, availability
/// target, site-disaster requirement and the platform's limits, the one with the lowest yearly
/// cost (protection + expected downtime + data loss). Every tier is kept with its verdict.
public struct TierAssigner: Sendable {
    public var engagement: Engagement
    public var catalog: Catalog
    public var platform: PlatformSpec
    public var costs: ProtectionCostModel
    public var downtime: DowntimeModel
    private var applicationsByName: [String: Application]

    public init(engagement: Engagement, catalog: Catalog, packingFactors: [String: Double]? = nil) {
        self.engagement = engagement
        self.catalog = catalog
        self.platform = catalog.platform(engagement.platform)!
        self.costs = ProtectionCostModel(catalog: catalog, engagement: engagement, platform: platform, packingFactors: packingFactors)
        self.downtime = DowntimeModel(rates: catalog.failureRates, yearDays: engagement.yearDays)
        self.applicationsByName = Dictionary(engagement.applications.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A tier for every application, each composed in series with its dependencies.
    public func decisions() -> [TierDecision] {
        decisions(table: TierOptionTable(self), graph: DependencyGraph(engagement.applications))
    }

    /// `decisions()` from options worked out once (`TierOptionTable`), repriced at this
    /// assigner's packing factors.
    func decisions(table: TierOptionTable, graph: DependencyGraph) -> [TierDecision] {
        let factors = table.factorsByGroup(costs.packingFactors)
        var decisions = Parallel.map(table.entries.count) { index in
            let entry = table.entries[index]
            if let saas = entry.saas { return saas }
            var decision = choose(entry.application, options: table.options(application: index, factors: factors))
            decision.reason.held = entry.held
            decision.application = engagement.applications[index]
            return decision
        }
        ServiceComposer.compose(&decisions, graph: graph, minutesPerYear: engagement.minutesPerYear)
        return decisions
    }

    /// The SLA an application must meet for the applications that depend on it: the highest
    /// availability, the shortest RTO and the strictest site-disaster requirement among them
    /// and itself (its RPO stays its own: their data is not its data).
    public func effectiveSLA(_ app: Application, dependents: [String]) -> (sla: SLA, from: [String]) {
        var sla = app.sla
        var from: [String] = []
        let strictness: [SLA.SiteDisaster: Int] = [.accept: 0, .recover: 1, .survive: 2]
        for dependent in dependents.compactMap({ applicationsByName[$0] }) {
            var raised = false
            if dependent.sla.availability > sla.availability { (sla.availability, raised) = (dependent.sla.availability, true) }
            if dependent.sla.rto < sla.rto { (sla.rto, raised) = (dependent.sla.rto, true) }
            if strictness[dependent.sla.siteDisaster]! > strictness[sla.siteDisaster]! {
                (sla.siteDisaster, raised) = (dependent.sla.siteDisaster, true)
            }
            if raised { from.append(dependent.name) }
        }
        return (sla, from)
    }

    /// One application's decision; `dependents` are the applications that depend on it
    /// (nil: worked out from the engagement).
    public func decide(_ app: Application, dependents: [String]? = nil) -> TierDecision {
        if case .saas(let vendor) = app.hosting { return saasDecision(app, vendor: vendor) }
        let those = dependents ?? Self.dependents(of: app.name, in: engagement.applications)
        var decision = decideOwn(app, dependents: those)
        decision.application = app
        return decision
    }

    private func decideOwn(_ original: Application, dependents: [String]) -> TierDecision {
        let (sla, raisedBy) = effectiveSLA(original, dependents: dependents)
        var app = original
        app.sla = sla
        var decision = choose(app, options: TierID.all.map { assess(app, tier: $0) })
        if !raisedBy.isEmpty {
            decision.reason.held = DecisionReason.Held(
                sla: sla, raisedBy: Array(raisedBy.prefix(HeldSLA.maxListed)), raisedCount: raisedBy.count)
        }
        return decision
    }

    /// The applications that depend on `name`, directly or not, breadth-first (one walk).
    static func dependents(of name: String, in applications: [Application]) -> [String] {
        let graph = DependencyGraph(applications)
        guard let node = graph.indexOf[name] else { return [] }
        var found: [String] = []
        var scratch = ReachScratch(count: graph.count)
        graph.reach(from: node, along: graph.directDependents, &scratch) { found.append(graph.names[$0]) }
        return found
    }

    /// The cheapest feasible tier (or the pinned one, or the closest), with its reason.
    private func choose(_ app: Application, options: [TierAssessment]) -> TierDecision {
        let current = options.first { $0.tier == (app.currentTier ?? engagement.baselineTier) } ?? options[0]
        let vms = engagement.workloads(of: app.name)
        if let pin = vms.compactMap(\.pinnedTier).first, let pinned = options.first(where: { $0.tier == pin }) {
            return TierDecision(
                application: app, options: options, chosen: pinned, current: current, basis: .pinned,
                reason: DecisionReason(kind: .pinned(pin, at: vms.first { $0.pinnedTier != nil }!.location)))
        }
        let feasible = options.filter(\.feasible)
        if let best = feasible.min(by: { ($0.annualCost, $0.tier!) < ($1.annualCost, $1.tier!) }) {
            return TierDecision(
                application: app, options: options, chosen: best, current: current, basis: .cheapestFeasible,
                reason: DecisionReason(kind: .cheapest))
        }
        return TierDecision(
            application: app, options: options, chosen: TierDecision.closest(options)[0], current: current, basis: .noFeasibleTier,
            reason: DecisionReason(kind: .noFeasibleTier))
    }

    /// Evaluates one tier for one application.
    public func assess(_ app: Application, tier: TierID) -> TierAssessment {
        let vms = engagement.workloads(of: app.name)
        let sites = Array(Set(vms.map(\.site))).sorted()
        let spec = catalog.tier(tier.local)
        let siteSpec = catalog.siteProtection(tier.site)
        let incidents = downtime.incidents(
            tier: tier, spec: spec, site: siteSpec, vmCount: max(1, vms.count), sites: sites)
        let estimate = DowntimeEstimate(incidents: incidents, application: app, minutesPerYear: engagement.minutesPerYear)
        let recovery = spec.hostFailureRecovery.value
        let siteLoss = app.sla.siteDisaster == .accept ? TimeSpan.zero : (siteSpec.siteDataLoss?.value ?? .zero)
        let dataLoss = max(spec.dataLoss.value, siteLoss)
        var failures = TierFeasibility(costs: costs).failures(
            app: app, tier: tier, vms: vms, siteSpec: siteSpec, recovery: recovery, dataLoss: dataLoss,
            availability: estimate.availabilityPercent)
        let protection = vms.reduce(0) { $0 + costs.annualCost(of: $1, tier: tier) }
        if vms.isEmpty { failures = failures.filter { $0.requirement != .platform } }
        return TierAssessment(
            tier: tier, failures: failures, estimate: estimate, recoveryTime: recovery, dataLoss: dataLoss, protectionCost: protection)
    }

    private func saasDecision(_ app: Application, vendor: Double) -> TierDecision {
        let estimate = DowntimeEstimate(
            incidents: downtime.vendorIncidents(availabilityPercent: vendor), application: app, minutesPerYear: engagement.minutesPerYear)
        let failures: [TierFailure] =
            vendor < app.sla.availability ? [.vendorAvailability(vendor: vendor, required: app.sla.availability)] : []
        let assessment = TierAssessment(
            tier: nil, failures: failures, estimate: estimate, recoveryTime: catalog.failureRates.saasOutageDuration.value,
            dataLoss: .zero, protectionCost: 0)
        return TierDecision(
            application: app, options: [assessment], chosen: assessment, current: assessment, basis: .saas,
            reason: DecisionReason(kind: .vendor(vendor: vendor, required: app.sla.availability)))
    }
}
