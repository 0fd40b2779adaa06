/// The yearly cost of running and protecting VMs on a tier: a VM pays for the share of its
/// host (or pair) it occupies in its dominant dimension, plus per-VM and per-pair protection
/// costs. Capital is spread evenly over the engagement's horizon (no residual value).
public struct ProtectionCostModel: Sendable {
    public var catalog: Catalog
    public var engagement: Engagement
    public var platform: PlatformSpec
    /// Pairs used per unit of dominant share, by packing group, from the last packing; nil
    /// before any packing (a share then costs its share of one pair). A group absent from a
    /// packing costs a whole pair: the first VM placed there buys one.
    public var packingFactors: [String: Double]?

    /// Hardware of each site, looked up once.
    private let hardwareBySite: [String: HardwareProfile]

    public init(catalog: Catalog, engagement: Engagement, platform: PlatformSpec, packingFactors: [String: Double]? = nil) {
        self.catalog = catalog
        self.engagement = engagement
        self.platform = platform
        self.packingFactors = packingFactors
        var bySite: [String: HardwareProfile] = [:]
        for site in engagement.sites {
            bySite[site.id] = catalog.hardwareProfile(site.hardware ?? engagement.hardware) ?? catalog.hardwareProfile(engagement.hardware)
        }
        hardwareBySite = bySite
    }

    public func hardware(forSite site: String) -> HardwareProfile {
        hardwareBySite[site] ?? catalog.hardwareProfile(engagement.hardware)!
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

    /// Yearly cost of one VM on a tier, protection included (`ProtectionTerms.cost`).
    public func annualCost(of vm: Workload, tier: TierID) -> Double {
        let terms = self.terms(of: vm, tier: tier)
        var factor: Double?
        if tier.local.runsOnPair, let factors = packingFactors {
            factor = factors[groupKey(site: vm.site, tier: tier)] ?? terms.ownPairFactor
        }
        return terms.cost(factor: factor)
    }

    /// The terms of one VM's yearly cost on a tier.
    func terms(of vm: Workload, tier: TierID) -> ProtectionTerms {
        let profile = hardware(forSite: vm.site)
        let share = VMDemand.of(vm, tier: tier.local, platform: platform).dominantShare(of: capacity(site: vm.site, tier: tier.local))
        let siteSpec = catalog.siteProtection(tier.site)
        return ProtectionTerms(
            share: share, hosting: tier.local.runsOnPair ? pairPerYear(profile) : serverPerYear(profile),
            backup: catalog.tier(tier.local).backupPerVMPerYear.value, siteCost: siteSpec.costPerVMPerYear.value,
            pairCost: siteSpec.costPerPairPerYear.value, onPair: tier.local.runsOnPair)
    }

    /// The packing group of a VM on a pair tier: its site, the pair's second site, the hardware.
    public func groupKey(site: String, tier: TierID) -> String {
        let sites = pairSites(site: site, tier: tier)
        return "\(sites.first)|\(sites.second)|\(hardware(forSite: site).id)"
    }

    /// The sites of the two hosts of the pair a VM at `site` runs on: the same site twice, or
    /// for SplitSite the site and its partner, in name order (one stretched pair serves both).
    public func pairSites(site: String, tier: TierID) -> (first: String, second: String) {
        guard tier.site == .splitsite, let partner = engagement.site(site)?.partner else { return (site, site) }
        return (min(site, partner), max(site, partner))
    }
}
