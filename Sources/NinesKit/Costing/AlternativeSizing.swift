/// How many nodes an alternative needs for the plan's protected VMs, under its own limits.
public struct AlternativeSizing: Hashable, Sendable {
    /// Servers bought.
    public var nodes: Int
    /// Pairs, or clusters (one per site or SplitSite site pair).
    public var groups: Int
    /// Sites with at least one node.
    public var sites: Int
    /// Per protected application: whether it runs FT on this alternative.
    public var runsFT: [String: Bool]
    /// What the limits changed ("3 FT VMs over 8 vCPUs run as HA").
    public var notes: [String]
    /// The pairs, for a pair alternative (empty for clusters).
    public var pairs: [Pair] = []
}

extension AlternativeSizing {
    /// An application on an HA or FT pair and its VMs.
    typealias ProtectedVMs = (decision: TierDecision, vms: [Workload])

    /// The VMs the plan protects (on HA or FT pairs), by application.
    static func protectedVMs(_ plan: Plan) -> [ProtectedVMs] {
        plan.decisions.compactMap { decision in
            guard let tier = decision.chosen.tier, tier.local.runsOnPair else { return nil }
            return (decision, plan.engagement.workloads(of: decision.application.name))
        }
    }

    /// Sizes pair alternatives with the pair packer and the alternative's platform limits, and
    /// clusters as N+1 with one host held back (vSphere FT: a primary and a secondary per FT VM,
    /// at most so many FT VMs and FT vCPUs per host).
    static func size(_ spec: AlternativeSpec, plan: Plan, costs: ProtectionCostModel, protected: [ProtectedVMs]) -> AlternativeSizing {
        var runsFT: [String: Bool] = [:]
        var tooLarge: [String] = []
        var noFT: [String] = []
        let ftLimit = Int(spec.ftMaxVCPUsPerVM?.value ?? plan.catalog.platform(spec.platform ?? "")?.ftMaxVCPUs.value ?? 0)
        for (decision, vms) in protected {
            let wantsFT = decision.chosen.tier?.local == .ft
            let fits = vms.allSatisfy { $0.vcpus <= ftLimit }
            runsFT[decision.application.name] = wantsFT && spec.protectsFT && fits
            if wantsFT && spec.protectsFT && !fits {
                tooLarge.append(decision.application.name)
            } else if wantsFT && !spec.protectsFT {
                noFT.append(decision.application.name)
            }
        }
        var notes: [String] = []
        if !tooLarge.isEmpty { notes.append("\(tooLarge.joined(separator: ", ")) run as HA: a VM is over \(ftLimit) vCPUs") }
        if !noFT.isEmpty { notes.append("no FT: \(noFT.joined(separator: ", ")) run as HA") }
        switch spec.kind {
        case .pair: return pairs(spec, plan: plan, costs: costs, protected: protected, runsFT: runsFT, notes: notes)
        case .cluster: return clusters(spec, plan: plan, costs: costs, protected: protected, runsFT: runsFT, notes: notes)
        }
    }

    private static func pairs(
        _ spec: AlternativeSpec, plan: Plan, costs: ProtectionCostModel, protected: [ProtectedVMs],
        runsFT: [String: Bool], notes: [String]
    ) -> AlternativeSizing {
        guard var platform = plan.catalog.platform(spec.platform ?? "") else {
            return AlternativeSizing(nodes: 0, groups: 0, sites: 0, runsFT: runsFT, notes: notes + ["unknown platform"])
        }
        if let overhead = spec.memoryOverhead { platform.memoryOverhead = overhead }
        var items: [PairPacker.Item] = []
        for (decision, vms) in protected {
            let local: LocalTier = runsFT[decision.application.name] == true ? .ft : .ha
            let tier = TierID(local, decision.chosen.tier?.site ?? .none)
            for vm in vms {
                let sites = costs.pairSites(site: vm.site, tier: tier)
                let member = Pair.Member(
                    vm: vm.name, application: vm.application, tier: tier, vcpus: vm.vcpus, memoryGiB: vm.memoryGiB, diskGiB: vm.diskGiB,
                    os: vm.os, demand: VMDemand.of(vm, tier: local, platform: platform), disksGiB: vm.disksGiB)
                items.append(
                    PairPacker.Item(
                        member: member, site: sites.first, secondSite: sites.second, hardware: costs.hardware(forSite: vm.site).id,
                        capacity: HostCapacity.of(
                            costs.hardware(forSite: vm.site), platform: platform, tier: local,
                            headroomPercent: plan.engagement.growthHeadroomPercent),
                        antiAffinity: decision.application.antiAffinity))
            }
        }
        let packing = PairPacker().pack(items)
        let sites = Set(packing.pairs.flatMap { [$0.site, $0.secondSite] })
        var allNotes = notes
        if !packing.unplaced.isEmpty { allNotes.append("\(packing.unplaced.count) VM(s) fit no pair") }
        return AlternativeSizing(
            nodes: 2 * packing.pairs.count, groups: packing.pairs.count, sites: sites.count, runsFT: runsFT, notes: allNotes,
            pairs: packing.pairs)
    }

    private static func clusters(
        _ spec: AlternativeSpec, plan: Plan, costs: ProtectionCostModel, protected: [ProtectedVMs],
        runsFT: [String: Bool], notes: [String]
    ) -> AlternativeSizing {
        struct Demand {
            var memory = 0.0
            var threads = 0.0
            var vms = 0.0
            var ftVMs = 0.0
            var ftVCPUs = 0.0
            var hardware = ""
        }
        var groups: [String: Demand] = [:]
        let overhead = 1 + (spec.memoryOverhead?.value ?? 0)
        let overcommit = max(spec.cpuOvercommit?.value ?? 1, 1e-9)
        for (decision, vms) in protected {
            let ft = runsFT[decision.application.name] == true
            for vm in vms {
                let sites = costs.pairSites(site: vm.site, tier: decision.chosen.tier ?? TierID(.ha))
                let key = "\(sites.first)|\(sites.second)"
                var demand = groups[key] ?? Demand(hardware: costs.hardware(forSite: vm.site).id)
                let copies = ft ? 2.0 : 1.0
                demand.memory += vm.memoryGiB * overhead * copies
                demand.threads += Double(vm.vcpus) / overcommit * copies
                demand.vms += copies
                if ft {
                    demand.ftVMs += 2
                    demand.ftVCPUs += 2 * Double(vm.vcpus)
                }
                groups[key] = demand
            }
        }
        let keep = 1 - plan.engagement.growthHeadroomPercent / 100
        var nodes = 0
        var sites = Set<String>()
        for (key, demand) in groups {
            guard let profile = plan.catalog.hardwareProfile(demand.hardware) else { continue }
            var hosts =
                [
                    demand.memory / (profile.memoryGiB.value * keep), demand.threads / (profile.threads.value * keep),
                    demand.vms / (spec.maxVMsPerHost?.value ?? 1024),
                ].map { Int(($0 - 1e-9).rounded(.up)) }.max() ?? 0
            if demand.ftVMs > 0 {
                hosts = max(hosts, Int((demand.ftVMs / max(spec.ftMaxVMsPerHost?.value ?? 4, 1) - 1e-9).rounded(.up)))
                hosts = max(hosts, Int((demand.ftVCPUs / max(spec.ftMaxVCPUsPerHost?.value ?? 8, 1) - 1e-9).rounded(.up)))
            }
            nodes += max(2, hosts + 1)
            for site in key.split(separator: "|") { sites.insert(String(site)) }
        }
        return AlternativeSizing(nodes: nodes, groups: groups.count, sites: sites.count, runsFT: runsFT, notes: notes)
    }
}
