/// The requirement checks that decide whether a tier is feasible for an application. Each
/// failure is a sentence that starts with the requirement's name (rto, rpo, availability,
/// site, platform).
struct TierFeasibility {
    var costs: ProtectionCostModel
    var platform: PlatformSpec { costs.platform }
    var engagement: Engagement { costs.engagement }

    func failures(
        app: Application, tier: TierID, vms: [Workload], siteSpec: SiteProtectionSpec, recovery: TimeSpan, dataLoss: TimeSpan,
        availability: Double
    ) -> [String] {
        var failures: [String] = []
        let sla = app.sla
        if recovery > sla.rto {
            failures.append("rto: recovers in \(recovery), the RTO is \(sla.rto)")
        }
        if dataLoss > sla.rpo {
            failures.append("rpo: can lose \(dataLoss) of data, the RPO is \(sla.rpo)")
        }
        if availability + 1e-9 < sla.availability {
            failures.append(
                "availability: \(Number.plain(availability, maxFraction: 4))% modelled, \(Number.plain(sla.availability))% required")
        }
        switch sla.siteDisaster {
        case .survive where !siteSpec.survivesSiteLoss:
            failures.append("site: does not survive the loss of a site (needs splitsite)")
        case .recover where !siteSpec.recoversSiteLoss:
            failures.append("site: cannot recover at another site (needs dr or splitsite)")
        default: break
        }
        if tier.site != .none {
            for site in Set(vms.map(\.site)).sorted() where engagement.site(site)?.partner == nil {
                failures.append("site: \(site) has no partner site for \(tier.site.rawValue)")
            }
        }
        failures += platformFailures(tier: tier, vms: vms)
        return failures
    }

    private func platformFailures(tier: TierID, vms: [Workload]) -> [String] {
        guard tier.local.runsOnPair else { return [] }
        guard platform.supports.contains(tier.local) else {
            return ["platform: \(platform.name) does not offer \(tier.local.rawValue.uppercased())"]
        }
        var failures: [String] = []
        let limit = Int(tier.local == .ft ? platform.ftMaxVCPUs.value : platform.haMaxVCPUs.value)
        for vm in vms where vm.vcpus > limit {
            let parts = (vm.vcpus + limit - 1) / limit
            failures.append(
                "platform: \(vm.name) has \(vm.vcpus) vCPUs, over the \(tier.local.rawValue.uppercased()) limit of \(limit); split it into \(parts) VMs of ≤ \(limit) vCPUs"
            )
        }
        for vm in vms {
            let capacity = costs.capacity(site: vm.site, tier: tier.local)
            let demand = VMDemand.of(vm, tier: tier.local, platform: platform)
            if demand.memoryGiB > capacity.memoryGiB || demand.threads > capacity.threads {
                failures.append(
                    "platform: \(vm.name) needs \(Number.plain(demand.memoryGiB, maxFraction: 1)) GiB and \(Int(demand.threads)) threads; a host offers \(Number.plain(capacity.memoryGiB, maxFraction: 1)) GiB and \(Int(capacity.threads))"
                )
            }
        }
        return failures
    }
}
