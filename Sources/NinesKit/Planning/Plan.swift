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

/// Runs the planning stages: tier assignment, then pair sizing of the VMs on pair tiers.
public enum Planner {
    /// Plans, then simulates the plan's risk with `simulator` when one is given.
    public static func plan(
        _ loaded: LoadedEngagement, simulator: RiskSimulator? = nil, progress: (@Sendable (Double) -> Void)? = nil
    ) -> Plan {
        var plan = assignAndSize(loaded)
        if let simulator { plan.risk = simulator.run(RiskModelBuilder.build(plan), progress: progress) }
        return plan
    }

    static func assignAndSize(_ loaded: LoadedEngagement) -> Plan {
        let engagement = loaded.engagement
        let assigner = TierAssigner(engagement: engagement, catalog: loaded.catalog)
        let decisions = assigner.decisions()
        var warnings = loaded.warnings
        var items: [PairPacker.Item] = []
        for decision in decisions {
            guard let tier = decision.chosen.tier, tier.local.runsOnPair else { continue }
            for vm in engagement.workloads(of: decision.application.name) {
                let partner = tier.site == .splitsite ? engagement.site(vm.site)?.partner ?? vm.site : vm.site
                let member = Pair.Member(
                    vm: vm.name, application: vm.application, tier: tier, vcpus: vm.vcpus, memoryGiB: vm.memoryGiB,
                    diskGiB: vm.diskGiB, os: vm.os, demand: VMDemand.of(vm, tier: tier.local, platform: assigner.platform))
                items.append(
                    PairPacker.Item(
                        member: member, site: vm.site, secondSite: partner, hardware: assigner.costs.hardware(forSite: vm.site).id,
                        capacity: assigner.costs.capacity(site: vm.site, tier: tier.local)))
            }
        }
        let packing = PairPacker().pack(items)
        for vm in packing.unplaced {
            let location = engagement.workloads.first { $0.name == vm }?.location ?? SourceLocation(file: engagement.directory)
            warnings.append(
                Diagnostic(.warning, "VM '\(Escape.plain(vm))' is larger than one host and was not placed on a pair", at: location))
        }
        for decision in decisions where decision.basis == .noFeasibleTier {
            warnings.append(
                Diagnostic(
                    .warning, "\(Escape.plain(decision.application.name)): \(decision.explanation)", at: decision.application.location))
        }
        for decision in decisions where decision.basis == .saas && !decision.chosen.feasible {
            warnings.append(
                Diagnostic(
                    .warning, "\(Escape.plain(decision.application.name)): \(decision.explanation)", at: decision.application.location))
        }
        return Plan(
            engagement: engagement, catalog: loaded.catalog, platform: assigner.platform, decisions: decisions, packing: packing,
            warnings: warnings)
    }
}
