/// The yearly cost of running and protecting VMs on a tier: a VM pays for the share of its
/// host (or pair) it occupies in its dominant dimension, plus per-VM and per-pair protection
/// costs. Capital is spread evenly over the engagement's horizon (no residual value).
public struct ProtectionCostModel: Sendable {
    public var catalog: Catalog
    public var engagement: Engagement
    public var platform: PlatformSpec

    public init(catalog: Catalog, engagement: Engagement, platform: PlatformSpec) {
        self.catalog = catalog
        self.engagement = engagement
        self.platform = platform
    }

    public func hardware(forSite site: String) -> HardwareProfile {
        let id = engagement.site(site)?.hardware ?? engagement.hardware
        return catalog.hardwareProfile(id) ?? catalog.hardwareProfile(engagement.hardware)!
    }

    /// Electricity per server per year: watts × hours × PUE × price per kWh.
    public func powerPerServerYear(_ profile: HardwareProfile) -> Double {
        let rates = catalog.failureRates
        return profile.watts.value / 1000 * engagement.yearDays * 24 * rates.pue.value * rates.electricityPerKWh.value
    }

    /// One standalone server per year: purchase over the horizon plus power.
    public func serverPerYear(_ profile: HardwareProfile) -> Double {
        profile.price.value / Double(engagement.horizonYears) + powerPerServerYear(profile)
    }

    /// One pair per year: two servers, two platform licences over the horizon, their support.
    public func pairPerYear(_ profile: HardwareProfile) -> Double {
        let license = platform.licensePerSystem.value
        return 2 * (serverPerYear(profile) + license / Double(engagement.horizonYears) + license * platform.supportRate.value)
    }

    public func capacity(site: String, tier: LocalTier) -> HostCapacity {
        HostCapacity.of(hardware(forSite: site), platform: platform, tier: tier, headroomPercent: engagement.growthHeadroomPercent)
    }

    /// Yearly cost of one VM on a tier, protection included.
    public func annualCost(of vm: Workload, tier: TierID) -> Double {
        let profile = hardware(forSite: vm.site)
        let capacity = capacity(site: vm.site, tier: tier.local)
        let share = VMDemand.of(vm, tier: tier.local, platform: platform).dominantShare(of: capacity)
        let siteSpec = catalog.siteProtection(tier.site)
        let hosting = tier.local.runsOnPair ? pairPerYear(profile) : serverPerYear(profile)
        var cost = share * hosting + catalog.tier(tier.local).backupPerVMPerYear.value + siteSpec.costPerVMPerYear.value
        if tier.local.runsOnPair { cost += share * siteSpec.costPerPairPerYear.value }
        return cost
    }
}
