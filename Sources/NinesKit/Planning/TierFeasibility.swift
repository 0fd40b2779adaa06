/// The requirement checks that decide whether a tier is feasible for an application, each
/// failure a `TierFailure` with the measured and the required value.
struct TierFeasibility {
    var costs: ProtectionCostModel
    var platform: PlatformSpec { costs.platform }
    var engagement: Engagement { costs.engagement }

    /// The tier's failures on the application's own figures (`estimate`); the service's
    /// (`ServiceFeasibility`) replace the RTO, availability and site ones once the tiers of
    /// what it depends on are chosen.
    func failures(
        app: Application, tier: TierID, vms: [Workload], siteSpec: SiteProtectionSpec, estimate: DowntimeEstimate, dataLoss: TimeSpan
    ) -> [TierFailure] {
        let sla = app.sla
        var failures = ServiceFeasibility.failures(sla: sla, service: estimate, siteLevel: ServiceFeasibility.siteLevel(siteSpec))
        if dataLoss > sla.rpo {
            failures.insert(.rpo(loses: dataLoss, required: sla.rpo), at: failures.first.map { if case .rto = $0 { 1 } else { 0 } } ?? 0)
        }
        if tier.site != .none {
            for site in Set(vms.map(\.site)).sorted() where engagement.site(site)?.partner == nil {
                failures.append(.noPartnerSite(site: site, protection: tier.site.rawValue))
            }
        }
        failures += platformFailures(tier: tier, vms: vms)
        return failures
    }

    private func platformFailures(tier: TierID, vms: [Workload]) -> [TierFailure] {
        guard tier.local.runsOnPair else { return [] }
        guard platform.supports.contains(tier.local) else {
            return [.platformLacks(platform: platform.name, protection: tier.local.rawValue.uppercased())]
        }
        var failures: [TierFailure] = []
        let limit = Int(tier.local == .ft ? platform.ftMaxVCPUs.value : platform.haMaxVCPUs.value)
        for vm in vms where vm.vcpus > limit {
            let parts = (vm.vcpus + limit - 1) / limit
            failures.append(
                .tooManyVCPUs(vm: vm.name, vcpus: vm.vcpus, protection: tier.local.rawValue.uppercased(), limit: limit, parts: parts))
        }
        for vm in vms {
            let capacity = costs.capacity(site: vm.site, tier: tier.local)
            let demand = VMDemand.of(vm, tier: tier.local, platform: platform)
            if demand.memoryGiB > capacity.memoryGiB || demand.threads > capacity.threads {
                failures.append(
                    .largerThanAHost(
                        vm: vm.name, memoryGiB: demand.memoryGiB, threads: Int(demand.threads), hostMemoryGiB: capacity.memoryGiB,
                        hostThreads: Int(capacity.threads)))
            }
            if demand.diskGiB > capacity.diskGiB + 1e-9 {
                failures.append(.diskLargerThanAHost(vm: vm.name, diskGiB: demand.diskGiB, hostDiskGiB: capacity.diskGiB))
            }
        }
        return failures
    }
}
