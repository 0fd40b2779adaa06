/// Runs the planning stages: tier assignment, then pair sizing of the VMs on pair tiers.
///
/// A pair's cost is shared by what it carries, so the price of a tier depends on the packing
/// and the packing on the tiers. The planner iterates: assign tiers at the current prices, pack,
/// reprice every packing group at what its pairs really cost per unit of share, assign again.
/// It stops when an assignment repeats (a fixed point, or a cycle) and keeps the cheapest
/// assignment it has seen, so it can never oscillate.
public enum Planner {
    /// Assigns every application its tier and packs the pairs.
    public static func plan(_ loaded: LoadedEngagement, uncertainty: UncertaintySettings = UncertaintySettings()) -> Plan {
        // The customer's outage record, when there is one, corrects the model first: every
        // figure after it, today's and the plan's, is on the calibrated rates.
        guard let history = loaded.engagement.incidentHistory else { return assignAndSize(loaded, uncertainty: uncertainty) }
        let (calibrated, calibration) = OutageCalibration.prepare(loaded, history: history)
        return assignAndSize(calibrated, uncertainty: uncertainty, calibration: calibration)
    }

    /// Most rounds of assignment and packing.
    static let maxRounds = 8
    /// Most option evaluations the joint choice spends over all rounds (`JointChoice.budget`).
    static let searchBudget = 20_000

    static func assignAndSize(
        _ loaded: LoadedEngagement, uncertainty: UncertaintySettings = UncertaintySettings(), calibration: OutageCalibration? = nil
    ) -> Plan {
        var factors: [String: Double]?
        var seen = Set<[String]>()
        var best: Round?
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
        for round in 0..<maxRounds {
            assigner = TierAssigner(engagement: loaded.engagement, catalog: loaded.catalog, packingFactors: factors)
            assigner.placements = placements
            // Explanations are written once, for the decisions kept (below).
            let (decisions, quality) = assigner.choose(table: table, graph: graph, budget: budget)
            budget = max(0, budget - quality.evaluations)
            let labels = decisions.map(\.chosen.label)
            if let kept = best, kept.round == round - 1, kept.labels == labels {
                // Chosen again on the kept choice's own pairs and prices: a fixed point, and this
                // round's proof and bound are on the basis of the plan's figures.
                best!.quality = quality
                best!.confirmed = true
                break
            }
            let packing = PairPacker().pack(items(decisions, assigner: assigner))
            let repriced = packingFactors(packing, costs: assigner.costs)
            // The choice judged as it really is: its tiers on the pairs it was packed on, at
            // that packing's prices.
            let packed = Placement.packed(packing.pairs, siteOf: siteOf)
            let changed = Set(packed.keys).union(placements.keys).filter { packed[$0] != placements[$0] }
            placements = packed
            assigner = TierAssigner(engagement: loaded.engagement, catalog: loaded.catalog, packingFactors: repriced)
            assigner.placements = packed
            table = table.placed(assigner, changed: changed)
            let real = assigner.choose(table: table, graph: graph, budget: 0, fixed: decisions.map(\.chosen.tier), alternatives: false)
            let cost = trueCost(real.decisions, table: table, factors: repriced)
            // A round that does not lower the true cost, or a choice seen before (a cycle), ends
            // the search; the cheapest round is kept, so it cannot oscillate.
            guard best == nil || cost < best!.cost - 1e-6 else { break }
            best = Round(
                round: round, labels: labels, decisions: decisions, packing: packing, cost: cost, quality: quality, assigner: assigner,
                table: table)
            guard seen.insert(labels).inserted else { break }
            factors = repriced
        }
        return finish(loaded, best!, graph: graph, uncertainty: uncertainty, calibration: calibration)
    }

    /// One round's choice, its packing, and what the choice truly costs on that packing.
    struct Round {
        var round: Int
        /// Each application's chosen tier, in order.
        var labels: [String]
        var decisions: [TierDecision]
        var packing: PairPacker.Result
        /// Protection at the packing's prices plus the expected downtime on its pairs, per year.
        var cost: Double
        var quality: ChoiceQuality
        /// Priced at the packing's factors and placed on its pairs.
        var assigner: TierAssigner
        /// The options assessed on the packing's pairs.
        var table: TierOptionTable
        /// The next round chose the same tiers on this packing: `quality` is on its basis.
        var confirmed = false
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
                    diskGiB: vm.diskGiB, os: vm.os, demand: VMDemand.of(vm, tier: tier.local, platform: assigner.platform),
                    disksGiB: vm.disksGiB)
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
        _ loaded: LoadedEngagement, _ round: Round, graph: DependencyGraph, uncertainty settings: UncertaintySettings,
        calibration: OutageCalibration?
    ) -> Plan {
        let engagement = loaded.engagement
        let packing = round.packing
        let assigner = round.assigner
        // The kept choice's figures on its own pairs and prices, every alternative evaluated
        // end to end: every figure of the plan, and the simulation, follows the pairs the VMs
        // really land on.
        var decisions = assigner.choose(table: round.table, graph: graph, budget: 0, fixed: round.decisions.map(\.chosen.tier))
            .decisions
        let uncertainty = DecisionSampler.analyse(round, decisions: decisions, graph: graph, settings: settings)

        // The other tiers keep their figures and drivers, not their incidents: no output lists
        // them, and on a large estate they were the plan's largest part.
        for index in decisions.indices {
            let kept = [decisions[index].chosen.tier, decisions[index].current.tier]
            for option in decisions[index].options.indices where !kept.contains(decisions[index].options[option].tier) {
                decisions[index].options[option].estimate.incidents = []
            }
        }
        // The choice's total and missed requirements as the plan's final figures state them;
        // whether it was proven, and the bound, at the pairs and prices it was chosen on.
        var quality = round.quality
        quality.cost = decisions.reduce(0) { $0 + $1.chosen.protectionCost + $1.service.totalCost }
        quality.missed = decisions.reduce(0) { $0 + $1.chosen.failures.count }
        quality.fixedPoint = round.confirmed
        var notes: [PlanNote] = packing.unplaced.map { vm in
            .unplacedVM(
                vm, over: packing.overruns[vm] ?? [],
                at: engagement.workloads.first { $0.name == vm }?.location ?? SourceLocation(file: engagement.directory))
        }
        for (index, decision) in decisions.enumerated()
        where decision.basis == .noFeasibleTier || (decision.basis == .saas && !decision.chosen.feasible) {
            notes.append(.decisionNeedsAttention(index))
        }
        notes += diskNotes(packing.pairs, catalog: loaded.catalog, platform: assigner.platform, engagement: engagement)
        return Plan(
            engagement: engagement, catalog: loaded.catalog, platform: assigner.platform, decisions: decisions, packing: packing,
            warnings: loaded.warnings, notes: notes, bootWaves: BootOrder.waves(decisions.map(\.application)), choice: quality,
            uncertainty: uncertainty, calibration: calibration?.completed(with: decisions))
    }

    /// A note for each pair whose storage group needs more than its hosts hold. The packer keeps
    /// each pair's storage within its hosts (disk is a packing limit), so on a plan's own pairs
    /// this stays empty; it is the check that says so.
    static func diskNotes(_ pairs: [Pair], catalog: Catalog, platform: PlatformSpec, engagement: Engagement) -> [PlanNote] {
        pairs.compactMap { pair in
            guard let profile = catalog.hardwareProfile(pair.hardware), let held = profile.diskGiB?.value else { return nil }
            let needed = StorageGroupSize(pair, platform: platform).totalGiB
            guard needed > held + 1e-9 else { return nil }
            let location = engagement.site(pair.site)?.location ?? SourceLocation(file: engagement.directory)
            return .pairOverDisk(pair.id, neededGiB: needed, heldGiB: held, hardware: profile.id, at: location)
        }
    }
}
