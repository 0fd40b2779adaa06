import Foundation

/// Every application's tier assessments with everything that does not depend on pair prices
/// worked out once: the downtime estimate, the verdicts on its own figures and, per
/// VM, the terms of its protection cost. The planner's rounds then only reprice protection at
/// the packing's factors (`protection(application:option:factors:)`) with the one pricing
/// formula, `ProtectionTerms.cost`, so a round costs microseconds per application instead of a
/// full reassessment.
struct TierOptionTable: Sendable {
    /// The terms of one VM's yearly cost on one tier.
    struct VMTerms: Sendable {
        /// Index into `groups`; -1 when the tier does not run on a pair.
        var group: Int
        var terms: ProtectionTerms
    }

    /// One application's options before repricing, in `TierID.all` order (one entry for SaaS).
    struct Entry: Sendable {
        var application: Application
        var options: [TierAssessment]
        var terms: [[VMTerms]]
        /// The SLA it would be held to alone for its dependents (their strictest targets): the
        /// starting combination of the joint choice (`JointChoice`) picks under it.
        var held: SLA
        /// The whole decision of a SaaS application (nothing in it depends on prices).
        var saas: TierDecision?
    }

    /// Packing-group keys (`ProtectionCostModel.groupKey`), indexed by `VMTerms.group`.
    var groups: [String]
    /// In `engagement.applications` order.
    var entries: [Entry]

    /// What a VM's terms take from its site on one tier (the same for every VM there).
    struct SiteTerms: Sendable {
        var group: Int
        var capacity: HostCapacity
        var hosting, backup, siteCost, pairCost: Double
    }

    /// Builds the table for `assigner`'s engagement, one application per core at a time.
    init(_ assigner: TierAssigner) {
        let applications = assigner.engagement.applications
        let graph = DependencyGraph(applications)
        let held = HeldSLA.all(applications, graph: graph)
        let costs = assigner.costs
        // Sites in order of first appearance; everything a VM's terms take from its site is
        // worked out once per site and tier, not once per VM.
        var sites: [String] = []
        var seen = Set<String>()
        for vm in assigner.engagement.workloads where seen.insert(vm.site).inserted { sites.append(vm.site) }
        var groupIndex: [String: Int] = [:]
        var groups: [String] = []
        var bySite: [String: [SiteTerms]] = [:]
        for site in sites {
            let profile = costs.hardware(forSite: site)
            bySite[site] = TierID.all.map { tier in
                var group = -1
                if tier.local.runsOnPair {
                    let key = costs.groupKey(site: site, tier: tier)
                    if groupIndex[key] == nil {
                        groupIndex[key] = groups.count
                        groups.append(key)
                    }
                    group = groupIndex[key]!
                }
                let siteSpec = assigner.catalog.siteProtection(tier.site)
                return SiteTerms(
                    group: group, capacity: costs.capacity(site: site, tier: tier.local),
                    hosting: tier.local.runsOnPair ? costs.pairPerYear(profile) : costs.serverPerYear(profile),
                    backup: assigner.catalog.tier(tier.local).backupPerVMPerYear.value, siteCost: siteSpec.costPerVMPerYear.value,
                    pairCost: siteSpec.costPerPairPerYear.value)
            }
        }
        let termsBySite = bySite
        let entries = Parallel.map(applications.count) { index in
            let app = applications[index]
            return Self.entry(app, held: held[graph.indexOf[app.name]!], assigner, termsBySite)
        }
        self.groups = groups
        self.entries = entries
    }

    private static func entry(
        _ app: Application, held: HeldSLA, _ assigner: TierAssigner, _ bySite: [String: [SiteTerms]]
    ) -> Entry {
        if case .saas = app.hosting {
            let decision = assigner.decide(app)
            return Entry(application: app, options: decision.options, terms: [[]], held: app.sla, saas: decision)
        }
        let vms = assigner.engagement.workloads(of: app.name)
        let sites = vms.map { bySite[$0.site]! }
        let platform = assigner.costs.platform
        var options: [TierAssessment] = []
        var terms: [[VMTerms]] = []
        for (index, tier) in TierID.all.enumerated() {
            options.append(assigner.assess(app, tier: tier))
            terms.append(
                vms.indices.map { v in
                    let site = sites[v][index]
                    return VMTerms(
                        group: site.group,
                        terms: ProtectionTerms(
                            share: VMDemand.of(vms[v], tier: tier.local, platform: platform).dominantShare(of: site.capacity),
                            hosting: site.hosting, backup: site.backup, siteCost: site.siteCost, pairCost: site.pairCost,
                            onPair: site.group >= 0))
                })
        }
        return Entry(application: app, options: options, terms: terms, held: held.sla, saas: nil)
    }

    /// The table with the pair-tier options of the applications in `changed` assessed again at
    /// `assigner`'s placements (the last packing); prices and everything else are kept.
    func placed(_ assigner: TierAssigner, changed: Set<String>) -> TierOptionTable {
        guard !changed.isEmpty else { return self }
        var table = self
        let indices = entries.indices.filter { entries[$0].saas == nil && changed.contains(entries[$0].application.name) }
        let updated = Parallel.map(indices.count) { n in
            let entry = entries[indices[n]]
            return TierID.all.indices.map { index in
                let tier = TierID.all[index]
                guard tier.local.runsOnPair else { return entry.options[index] }
                var option = assigner.assess(entry.application, tier: tier)
                option.protectionCost = entry.options[index].protectionCost
                return option
            }
        }
        for (n, index) in indices.enumerated() { table.entries[index].options = updated[n] }
        return table
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
            var factor: Double?
            if vm.group >= 0, let factors { factor = factors[vm.group] ?? vm.terms.ownPairFactor }
            total += vm.terms.cost(factor: factor)
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
