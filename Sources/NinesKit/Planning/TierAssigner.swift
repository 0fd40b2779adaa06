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
    /// Where each application's VMs were packed in the last round (empty before packing).
    public var placements: [String: Placement] = [:]
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
    /// assigner's packing factors, the tiers chosen together (`JointChoice`).
    func decisions(table: TierOptionTable, graph: DependencyGraph, budget: Int = 20_000) -> [TierDecision] {
        choose(table: table, graph: graph, budget: budget).decisions
    }

    /// The decisions and how good the joint choice is.
    /// With `fixed`, each application keeps that tier (the plan's final figures on its pairs)
    /// and, with `alternatives`, every other option is also evaluated end to end.
    func choose(
        table: TierOptionTable, graph: DependencyGraph, budget: Int, fixed: [TierID?]? = nil, alternatives evaluateAll: Bool = true
    ) -> (
        decisions: [TierDecision], quality: ChoiceQuality
    ) {
        let count = table.entries.count
        let (all, allowed, pins) = candidates(table: table, fixed: fixed)
        let start = (0..<count).map { Self.heldChoice(allowed[$0], held: table.entries[$0].held, catalog: catalog) }
        var joint = JointChoice(
            applications: table.entries.map(\.application), options: allowed, siteLevels: siteLevels(allowed), graph: graph,
            minutesPerYear: engagement.minutesPerYear)
        joint.budget = budget
        let result = joint.solve(start: start)
        let evaluated = joint.evaluate(result.chosen).evaluations
        var alternatives = all
        if fixed != nil && evaluateAll {
            let services = joint.evaluateAlternatives(result.chosen, all: all, catalog: catalog)
            for a in 0..<count where table.entries[a].saas == nil {
                for o in all[a].indices {
                    alternatives[a][o].failures = services[a][o].failures
                    alternatives[a][o].service = services[a][o].service
                }
            }
        }
        var decisions = (0..<count).map { index in
            decision(
                index, table: table, all: alternatives[index], chosen: allowed[index][result.chosen[index]], evaluation: evaluated[index],
                pin: pins[index], alone: all[index][Self.aloneChoice(table.entries[index], all[index], joint)], graph: graph)
        }
        ServiceComposer.compose(&decisions, graph: graph, minutesPerYear: engagement.minutesPerYear)
        let quality = ChoiceQuality(
            cost: result.score.cost, lowerBound: result.lowerBound.cost, missed: result.score.failures, proven: result.proven,
            evaluations: result.evaluations)
        return (decisions, quality)
    }

    /// Every application's options priced at the packing factors (`all`), those the choice may
    /// take (`allowed`: the pinned tier alone, or the `fixed` one), and the pins.
    func candidates(table: TierOptionTable, fixed: [TierID?]? = nil) -> (
        all: [[TierAssessment]], allowed: [[TierAssessment]], pins: [(TierID, SourceLocation)?]
    ) {
        let factors = table.factorsByGroup(costs.packingFactors)
        let count = table.entries.count
        let all = Parallel.map(count) { table.options(application: $0, factors: factors) }
        var allowed = all
        var pins: [(TierID, SourceLocation)?] = Array(repeating: nil, count: count)
        for index in 0..<count {
            let entry = table.entries[index]
            let vms = engagement.workloads(of: entry.application.name)
            if entry.saas == nil, let vm = vms.first(where: { $0.pinnedTier != nil }),
                let pinned = all[index].first(where: { $0.tier == vm.pinnedTier })
            {
                allowed[index] = [pinned]
                pins[index] = (vm.pinnedTier!, vm.location)
            }
            if let fixed, let kept = allowed[index].first(where: { $0.tier == fixed[index] }) { allowed[index] = [kept] }
        }
        return (all, allowed, pins)
    }

    /// Each option's site protection level (`ServiceFeasibility.siteLevel`).
    func siteLevels(_ options: [[TierAssessment]]) -> [[Int]] {
        options.map { $0.map { ServiceFeasibility.siteLevel(catalog.siteProtection($0.tier?.site ?? .none)) } }
    }

    private func decision(
        _ index: Int, table: TierOptionTable, all: [TierAssessment], chosen: TierAssessment, evaluation: JointChoice.Evaluation,
        pin: (TierID, SourceLocation)?, alone: TierAssessment, graph: DependencyGraph
    ) -> TierDecision {
        let entry = table.entries[index]
        if let saas = entry.saas { return saas }
        let app = entry.application
        var chosen = chosen
        chosen.failures = evaluation.failures
        chosen.service = evaluation.service
        let current = all.first { $0.tier == (app.currentTier ?? engagement.baselineTier) } ?? all[0]
        let kind: DecisionReason.Kind = pin.map { .pinned($0.0, at: $0.1) } ?? (chosen.feasible ? .cheapest : .noFeasibleTier)
        let basis: TierDecision.Basis = pin != nil ? .pinned : chosen.feasible ? .cheapestFeasible : .noFeasibleTier
        let options = all.map { $0.tier == chosen.tier ? chosen : $0 }
        var reason = DecisionReason(kind: kind)
        if pin == nil, alone.tier != chosen.tier, !graph.directDependents[index].isEmpty {
            // Its direct dependents: naming the whole closure would walk it once per application.
            let direct = graph.directDependents[index]
            reason.joint = DecisionReason.Joint(
                alone: alone.tier, dependents: direct.prefix(HeldSLA.maxListed).map { graph.names[$0] }, dependentCount: direct.count)
        }
        return TierDecision(application: app, options: options, chosen: chosen, current: current, basis: basis, reason: reason)
    }

    /// The start of the joint choice: the cheapest option that meets `held` (the strictest
    /// targets of the application and what depends on it) on its own figures, else the closest.
    static func heldChoice(_ options: [TierAssessment], held: SLA, catalog: Catalog) -> Int {
        let verdicts = options.map { option -> Int in
            guard option.tier != nil else { return option.failures.count }
            let level = ServiceFeasibility.siteLevel(catalog.siteProtection(option.tier!.site))
            return option.failures.filter { !ServiceFeasibility.dependsOnService($0) }.count
                + ServiceFeasibility.failures(sla: held, service: option.estimate, siteLevel: level).count
        }
        return options.indices.min { (verdicts[$0], options[$0].annualCost) < (verdicts[$1], options[$1].annualCost) }!
    }

    /// The option an application would take alone: the fewest failures on its own figures,
    /// then the lowest own cost.
    static func aloneChoice(_ entry: TierOptionTable.Entry, _ options: [TierAssessment], _ joint: JointChoice) -> Int {
        options.indices.min {
            (options[$0].failures.count, options[$0].annualCost) < (options[$1].failures.count, options[$1].annualCost)
        }!
    }

    /// One application's decision alone, on its own SLA and figures (its dependencies' tiers
    /// not considered).
    public func decide(_ app: Application) -> TierDecision {
        if case .saas(let vendor) = app.hosting { return saasDecision(app, vendor: vendor) }
        var decision = choose(app, options: TierID.all.map { assess(app, tier: $0) })
        decision.application = app
        return decision
    }

    /// The applications that depend on `name`, directly or not, breadth-first (one walk).
    static func dependents(of name: String, in applications: [Application]) -> [String] {
        dependents(of: name, in: DependencyGraph(applications))
    }

    static func dependents(of name: String, in graph: DependencyGraph) -> [String] {
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
        let spec = catalog.tier(tier.local)
        let siteSpec = catalog.siteProtection(tier.site)
        let incidents = IncidentClass.calibrated(
            downtime.incidents(
                tier: tier, spec: spec, site: siteSpec, placement: placement(of: app, tier: tier, vms: vms), required: app.requiredVMs),
            factor: app.outageRateFactor)
        let estimate = DowntimeEstimate(incidents: incidents, application: app, minutesPerYear: engagement.minutesPerYear)
        let recovery = spec.hostFailureRecovery.value
        let siteLoss = app.sla.siteDisaster == .accept ? TimeSpan.zero : (siteSpec.siteDataLoss?.value ?? .zero)
        let dataLoss = max(spec.dataLoss.value, siteLoss)
        var failures = TierFeasibility(costs: costs).failures(
            app: app, tier: tier, vms: vms, siteSpec: siteSpec, estimate: estimate, dataLoss: dataLoss)
        let protection = vms.reduce(0) { $0 + costs.annualCost(of: $1, tier: tier) }
        if vms.isEmpty { failures = failures.filter { $0.requirement != .platform } }
        return TierAssessment(
            tier: tier, failures: failures, estimate: estimate, recoveryTime: recovery, dataLoss: dataLoss, protectionCost: protection)
    }

    /// Where `app`'s VMs run on `tier`: on a pair tier, the pairs of the last packing when it
    /// was packed on pairs; otherwise the estimate — a server per site, or per site as many
    /// pairs of its own as its VMs fill (one per VM with anti-affinity).
    func placement(of app: Application, tier: TierID, vms: [Workload]) -> Placement {
        var bySite: [String: Int] = [:]
        for vm in vms { bySite[vm.site, default: 0] += 1 }
        guard tier.local.runsOnPair else { return .estimated(vmsBySite: bySite) }
        if let packed = placements[app.name] { return packed }
        var shares: [String: Double] = [:]
        for vm in vms {
            shares[vm.site, default: 0] += VMDemand.of(vm, tier: tier.local, platform: platform).dominantShare(
                of: costs.capacity(site: vm.site, tier: tier.local))
        }
        let pairs = app.antiAffinity ? bySite : shares.mapValues { Int(($0 - 1e-9).rounded(.up)) }
        return .estimated(vmsBySite: bySite, pairsBySite: pairs)
    }

    private func saasDecision(_ app: Application, vendor: Double) -> TierDecision {
        let estimate = DowntimeEstimate(
            incidents: IncidentClass.calibrated(downtime.vendorIncidents(availabilityPercent: vendor), factor: app.outageRateFactor),
            application: app, minutesPerYear: engagement.minutesPerYear)
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
