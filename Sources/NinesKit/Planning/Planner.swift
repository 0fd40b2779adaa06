/// Runs the planning stages: tier assignment, then pair sizing of the VMs on pair tiers.
///
/// A pair's cost is shared by what it carries, so the price of a tier depends on the packing
/// and the packing on the tiers. The planner iterates: assign tiers at the current prices, pack,
/// reprice every packing group at what its pairs really cost per unit of share, assign again.
/// It stops when an assignment repeats (a fixed point, or a cycle) and keeps the cheapest
/// assignment it has seen, so it can never oscillate.
public enum Planner {
    /// Assigns every application its tier and packs the pairs.
    public static func plan(_ loaded: LoadedEngagement) -> Plan {
        assignAndSize(loaded)
    }

    /// Most rounds of assignment and packing.
    static let maxRounds = 8
    /// Most option evaluations the joint choice spends over all rounds (`JointChoice.budget`).
    static let searchBudget = 20_000

    static func assignAndSize(_ loaded: LoadedEngagement) -> Plan {
        var factors: [String: Double]?
        var seen = Set<[String]>()
        var best: (decisions: [TierDecision], packing: PairPacker.Result, cost: Double, quality: ChoiceQuality)?
        var assigner = TierAssigner(engagement: loaded.engagement, catalog: loaded.catalog)
        // Everything but the pair prices and placements is assessed once; each round reprices
        // and reassesses the applications whose pairs changed.
        var table = TierOptionTable(assigner)
        let graph = DependencyGraph(loaded.engagement.applications)
        let siteOf = Dictionary(loaded.engagement.workloads.map { ($0.name, $0.site) }, uniquingKeysWith: { first, _ in first })
        var placements: [String: Placement] = [:]
        // The joint choice's evaluations are shared by the rounds: a small estate is proven
        // optimal in every round, a large one spends the budget once.
        var budget = searchBudget
        for _ in 0..<maxRounds {
            assigner = TierAssigner(engagement: loaded.engagement, catalog: loaded.catalog, packingFactors: factors)
            assigner.placements = placements
            // Explanations are written once, for the decisions kept (below).
            let (decisions, quality) = assigner.choose(table: table, graph: graph, budget: budget)
            budget = max(0, budget - quality.evaluations)
            let packing = PairPacker().pack(items(decisions, assigner: assigner))
            let repriced = packingFactors(packing, costs: assigner.costs)
            let cost = trueCost(decisions, table: table, factors: repriced)
            if best == nil || cost < best!.cost - 1e-6 { best = (decisions, packing, cost, quality) }
            let packed = Placement.packed(packing.pairs, siteOf: siteOf)
            let changed = Set(packed.keys).union(placements.keys).filter { packed[$0] != placements[$0] }
            // An assignment seen before on the same pairs: a fixed point or a cycle. Either way
            // the cheapest assignment seen is kept, so the result cannot oscillate.
            guard seen.insert(decisions.map(\.chosen.label)).inserted || !changed.isEmpty else { break }
            placements = packed
            assigner.placements = packed
            table = table.placed(assigner, changed: changed)
            factors = repriced
        }
        return finish(
            loaded, assigner: assigner, table: table, decisions: best!.decisions, packing: best!.packing, siteOf: siteOf,
            quality: best!.quality)
    }

    /// The kept decisions assessed on the kept packing's pairs (their tiers unchanged), so that
    /// every figure of the plan, and the simulation, follows the pairs the VMs really land on.
    static func placed(
        _ decisions: [TierDecision], packing: PairPacker.Result, assigner: TierAssigner, table: TierOptionTable,
        siteOf: [String: String]
    ) -> [TierDecision] {
        var assigner = assigner
        assigner.placements = Placement.packed(packing.pairs, siteOf: siteOf)
        let all = Set(decisions.map(\.application.name))
        let table = table.placed(assigner, changed: all)
        return assigner.choose(
            table: table, graph: DependencyGraph(assigner.engagement.applications), budget: 0, fixed: decisions.map(\.chosen.tier)
        ).decisions
    }

    /// The VMs of applications on pair tiers, as packing items.
    static func items(_ decisions: [TierDecision], assigner: TierAssigner) -> [PairPacker.Item] {
        let engagement = assigner.engagement
        // What an item takes from its VM's site and tier, worked out once per pair of them.
        struct Placement {
            var sites: (first: String, second: String)
            var hardware: String
            var capacity: HostCapacity
        }
        var placements: [TierID: [String: Placement]] = [:]
        var items: [PairPacker.Item] = []
        for decision in decisions {
            guard let tier = decision.chosen.tier, tier.local.runsOnPair else { continue }
            for vm in engagement.workloads(of: decision.application.name) {
                let placement: Placement
                if let known = placements[tier]?[vm.site] {
                    placement = known
                } else {
                    placement = Placement(
                        sites: assigner.costs.pairSites(site: vm.site, tier: tier), hardware: assigner.costs.hardware(forSite: vm.site).id,
                        capacity: assigner.costs.capacity(site: vm.site, tier: tier.local))
                    placements[tier, default: [:]][vm.site] = placement
                }
                let member = Pair.Member(
                    vm: vm.name, application: vm.application, tier: tier, vcpus: vm.vcpus, memoryGiB: vm.memoryGiB,
                    diskGiB: vm.diskGiB, os: vm.os, demand: VMDemand.of(vm, tier: tier.local, platform: assigner.platform))
                items.append(
                    PairPacker.Item(
                        member: member, site: placement.sites.first, secondSite: placement.sites.second, hardware: placement.hardware,
                        capacity: placement.capacity, antiAffinity: decision.application.antiAffinity))
            }
        }
        return items
    }

    /// Pairs per unit of dominant share in each packing group.
    static func packingFactors(_ packing: PairPacker.Result, costs: ProtectionCostModel) -> [String: Double] {
        var pairs: [String: Double] = [:]
        var shares: [String: Double] = [:]
        for pair in packing.pairs {
            let key = "\(pair.site)|\(pair.secondSite)|\(pair.hardware)"
            pairs[key, default: 0] += 1
            shares[key, default: 0] += pair.members.reduce(0) { $0 + $1.demand.dominantShare(of: pair.capacity) }
        }
        return pairs.mapValues { $0 }.reduce(into: [:]) { result, entry in
            result[entry.key] = entry.value / max(shares[entry.key] ?? 1, 1e-9)
        }
    }

    /// What an assignment really costs a year once its packing is known: protection repriced
    /// at the packing's factors, plus the expected downtime with dependencies.
    static func trueCost(_ decisions: [TierDecision], table: TierOptionTable, factors: [String: Double]) -> Double {
        let byGroup = table.factorsByGroup(factors)
        return decisions.indices.reduce(0) { total, index in
            let decision = decisions[index]
            let protection =
                decision.chosen.tier.flatMap { tier in TierID.all.firstIndex(of: tier) }.map { option in
                    table.protection(application: index, option: option, factors: byGroup)
                } ?? 0
            return total + protection + decision.service.totalCost
        }
    }

    private static func finish(
        _ loaded: LoadedEngagement, assigner: TierAssigner, table: TierOptionTable, decisions: [TierDecision],
        packing: PairPacker.Result, siteOf: [String: String], quality: ChoiceQuality
    ) -> Plan {
        let engagement = loaded.engagement
        let decisions = placed(decisions, packing: packing, assigner: assigner, table: table, siteOf: siteOf)
        // The choice's total and missed requirements as the plan's final figures state them
        // (its pairs, its prices); whether it was proven, and the bound, from its round.
        var quality = quality
        quality.cost = decisions.reduce(0) { $0 + $1.chosen.protectionCost + $1.service.totalCost }
        quality.missed = decisions.reduce(0) { $0 + $1.chosen.failures.count }
        var notes: [PlanNote] = packing.unplaced.map { vm in
            .unplacedVM(vm, at: engagement.workloads.first { $0.name == vm }?.location ?? SourceLocation(file: engagement.directory))
        }
        for (index, decision) in decisions.enumerated()
        where decision.basis == .noFeasibleTier || (decision.basis == .saas && !decision.chosen.feasible) {
            notes.append(.decisionNeedsAttention(index))
        }
        return Plan(
            engagement: engagement, catalog: loaded.catalog, platform: assigner.platform, decisions: decisions, packing: packing,
            warnings: loaded.warnings, notes: notes, bootWaves: BootOrder.waves(decisions.map(\.application)), choice: quality)
    }
}
