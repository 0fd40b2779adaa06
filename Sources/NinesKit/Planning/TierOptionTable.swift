import Foundation

/// Every application's tier assessments with everything that does not depend on pair prices
/// worked out once: the effective SLA, the downtime estimate, the feasibility verdicts and, per
/// VM, the terms of its protection cost. The planner's rounds then only reprice protection at
/// the packing's factors (`protection(application:option:factors:)`), with the same arithmetic
/// as `ProtectionCostModel.annualCost`, so a round costs microseconds per application instead of
/// a full reassessment.
struct TierOptionTable: Sendable {
    /// The terms of one VM's yearly cost on one tier.
    struct VMTerms: Sendable {
        /// Index into `groups`; -1 when the tier does not run on a pair.
        var group: Int
        var share, hosting, backup, siteCost, pairCost: Double
    }

    /// One application's options before repricing, in `TierID.all` order (one entry for SaaS).
    struct Entry: Sendable {
        var application: Application
        var options: [TierAssessment]
        var terms: [[VMTerms]]
        /// Applications whose SLA raised this one's (for the explanation).
        var raisedBy: [String]
        /// The whole decision of a SaaS application (nothing in it depends on prices).
        var saas: TierDecision?
    }

    /// Packing-group keys (`ProtectionCostModel.groupKey`), indexed by `VMTerms.group`.
    var groups: [String]
    /// In `engagement.applications` order.
    var entries: [Entry]

    /// Builds the table for `assigner`'s engagement, one application per core at a time.
    init(_ assigner: TierAssigner) {
        let applications = assigner.engagement.applications
        let dependents = DependencyGraph(applications).dependents()
        var groupIndex: [String: Int] = [:]
        var groups: [String] = []
        for vm in assigner.engagement.workloads {
            for tier in TierID.all where tier.local.runsOnPair {
                let key = assigner.costs.groupKey(site: vm.site, tier: tier)
                if groupIndex[key] == nil {
                    groupIndex[key] = groups.count
                    groups.append(key)
                }
            }
        }
        let slots = ResultSlots<Entry>(count: applications.count)
        let indexOfGroup = groupIndex
        DispatchQueue.concurrentPerform(iterations: applications.count) { index in
            let app = applications[index]
            slots.set(index, Self.entry(app, dependents: dependents[app.name] ?? [], assigner, indexOfGroup))
        }
        self.groups = groups
        self.entries = applications.indices.map { slots.value($0)! }
    }

    private static func entry(_ app: Application, dependents: [String], _ assigner: TierAssigner, _ groupIndex: [String: Int]) -> Entry {
        if case .saas = app.hosting {
            let decision = assigner.decide(app, dependents: dependents)
            return Entry(application: app, options: decision.options, terms: [[]], raisedBy: [], saas: decision)
        }
        let (sla, raisedBy) = assigner.effectiveSLA(app, dependents: dependents)
        var held = app
        held.sla = sla
        let vms = assigner.engagement.workloads(of: app.name)
        let costs = assigner.costs
        var options: [TierAssessment] = []
        var terms: [[VMTerms]] = []
        for tier in TierID.all {
            options.append(assigner.assess(held, tier: tier))
            let siteSpec = assigner.catalog.siteProtection(tier.site)
            let backup = assigner.catalog.tier(tier.local).backupPerVMPerYear.value
            terms.append(
                vms.map { vm in
                    let profile = costs.hardware(forSite: vm.site)
                    let capacity = costs.capacity(site: vm.site, tier: tier.local)
                    let onPair = tier.local.runsOnPair
                    return VMTerms(
                        group: onPair ? groupIndex[costs.groupKey(site: vm.site, tier: tier)]! : -1,
                        share: VMDemand.of(vm, tier: tier.local, platform: costs.platform).dominantShare(of: capacity),
                        hosting: onPair ? costs.pairPerYear(profile) : costs.serverPerYear(profile), backup: backup,
                        siteCost: siteSpec.costPerVMPerYear.value, pairCost: siteSpec.costPerPairPerYear.value)
                })
        }
        return Entry(application: held, options: options, terms: terms, raisedBy: raisedBy, saas: nil)
    }

    /// Packing factors by group index (nil: no packing yet).
    func factorsByGroup(_ factors: [String: Double]?) -> [Double?]? {
        factors.map { factors in groups.map { factors[$0] } }
    }

    /// Yearly protection of one option at `factors` (by group index): the sum over the
    /// application's VMs of `ProtectionCostModel.annualCost`, term by term in the same order.
    func protection(application: Int, option: Int, factors: [Double?]?) -> Double {
        var total = 0.0
        for vm in entries[application].terms[option] {
            var factor = 1.0
            if vm.group >= 0, let factors { factor = factors[vm.group] ?? 1 / max(vm.share, 1e-9) }
            var cost = vm.share * factor * vm.hosting + vm.backup + vm.siteCost
            if vm.group >= 0 { cost += vm.share * factor * vm.pairCost }
            total += cost
        }
        return total
    }

    /// One application's options repriced at `factors`.
    func options(application: Int, factors: [Double?]?) -> [TierAssessment] {
        let entry = entries[application]
        guard entry.saas == nil else { return entry.options }
        return entry.options.indices.map { index in
            var option = entry.options[index]
            option.protectionCost = protection(application: application, option: index, factors: factors)
            return option
        }
    }
}
