/// How a local tier behaves, from tiers.yaml.
public struct TierSpec: Hashable, Sendable {
    public var tier: LocalTier
    public var name: String
    /// Outage of the VM when its host fails (repair or restore, restart on partner, failover).
    public var hostFailureRecovery: Sourced<TimeSpan>
    /// Outage when the guest OS or application crashes (a restart; FT does not mask it).
    public var guestRecovery: Sourced<TimeSpan>
    /// Worst-case data loss on a host failure (checked against the RPO).
    public var dataLoss: Sourced<TimeSpan>
    /// Expected hours of lost transactions per host failure (priced at data_loss_per_hour).
    public var expectedDataLossPerHostFailure: Sourced<TimeSpan>
    /// Whether patching takes the VM down (false when it can be live-migrated to the partner).
    public var maintenanceDowntime: Bool
    /// Hosts that carry one copy of the VM: 1 for a single server, 2 for a pair.
    public var hostsPerCopy: Int { tier.runsOnPair ? 2 : 1 }
    /// Backup software and storage per VM per year (every tier is also backed up).
    public var backupPerVMPerYear: Sourced<Double>
    /// Share of host failures handled by failover (nil: every failure gets `hostFailureRecovery`).
    public var failoverCoverage: Sourced<Double>?
    /// Outage after a failure the failover does not cover.
    public var uncoveredRecovery: Sourced<TimeSpan>?
}

/// How a site-protection variant behaves, from tiers.yaml.
public struct SiteProtectionSpec: Hashable, Sendable {
    public var protection: SiteProtection
    public var name: String
    /// Outage of the VM when its site is out for a while (power, network).
    public var siteOutageRecovery: Sourced<TimeSpan>?
    /// Outage of the VM when its site is lost (nil: until the site is rebuilt).
    public var siteDisasterRecovery: Sourced<TimeSpan>?
    /// Worst-case data loss when the site is lost.
    public var siteDataLoss: Sourced<TimeSpan>?
    /// Replication software, bandwidth and remote capacity per VM per year.
    public var costPerVMPerYear: Sourced<Double>
    /// Inter-site links and quorum per pair per year.
    public var costPerPairPerYear: Sourced<Double>
    /// Whether the SLA's `site_disaster: survive` / `recover` is met.
    public var survivesSiteLoss: Bool
    public var recoversSiteLoss: Bool
}

/// A virtualisation platform that runs host pairs, from platforms.yaml.
public struct PlatformSpec: Hashable, Sendable {
    public var id: String
    public var name: String
    public var supports: [LocalTier]
    /// Memory per system the platform accepts, GiB.
    public var maxMemoryGiB: Sourced<Double>
    public var maxVMs: Sourced<Double>
    public var ftMaxVCPUs: Sourced<Double>
    public var haMaxVCPUs: Sourced<Double>
    /// Memory overhead per VM as a fraction of its memory (0.2 = +20%).
    public var memoryOverhead: Sourced<Double>
    /// Memory the engine reserves on each host, GiB.
    public var reserveMemoryGiB: Sourced<Double>
    /// Hardware threads the engine reserves on each host.
    public var reserveThreads: Sourced<Double>
    /// Threads an FT VM needs beyond its vCPUs.
    public var ftThreadOverhead: Sourced<Double>
    /// Threads an HA VM needs beyond its vCPUs.
    public var haThreadOverhead: Sourced<Double>
    /// Licence per system (host), perpetual.
    public var licensePerSystem: Sourced<Double>
    /// Support per year as a fraction of the licence.
    public var supportRate: Sourced<Double>
    /// Storage group headroom for the VM disks' growth, a fraction of the disks (0.2 = +20%).
    public var storageGrowthHeadroom: Sourced<Double>
    /// Storage group headroom for snapshots, a fraction of the disks and their growth.
    public var snapshotReserve: Sourced<Double>
    /// The engine's own volumes (host OS, engine, logs) on each host, GiB.
    public var engineVolumesGiB: Sourced<Double>
    /// MTU of the A-links, bytes.
    public var aLinkMTU: Sourced<Double>
    /// Bandwidth each inter-site A-link of a SplitSite pair needs, Gb/s.
    public var splitSiteLinkGbps: Sourced<Double>
    /// Longest round trip between the sites on an A-link of a SplitSite pair, milliseconds.
    public var splitSiteRoundTripMs: Sourced<Double>
    /// Path of the virtio-win driver ISO on the hosts, attached to Windows guests' domains.
    public var virtioWinISO: String

    /// Threads a VM with `vcpus` needs on this platform at a tier.
    public func threads(vcpus: Int, tier: LocalTier) -> Int {
        switch tier {
        case .ft: vcpus + Int(ftThreadOverhead.value)
        case .ha: vcpus + Int(haThreadOverhead.value)
        case .backup: vcpus
        }
    }

    /// Memory a VM of `memoryGiB` takes on a host, overhead included, GiB.
    public func footprint(memoryGiB: Double) -> Double { memoryGiB * (1 + memoryOverhead.value) }
}

/// A server model hosts can be bought as, from hardware.yaml.
public struct HardwareProfile: Hashable, Sendable {
    public var id: String
    public var name: String
    public var sockets: Sourced<Double>
    public var cores: Sourced<Double>
    public var threads: Sourced<Double>
    public var memoryGiB: Sourced<Double>
    /// Purchase price per server.
    public var price: Sourced<Double>
    /// Typical power draw, watts.
    public var watts: Sourced<Double>
    /// Storage one host holds after its own RAID, GiB; the engine mirrors it to the partner.
    /// Nil when hardware.yaml does not say: disk is then not a packing limit.
    public var diskGiB: Sourced<Double>?

    /// `diskGiB`, or infinity when the profile does not give it (disk unlimited).
    public var usableDiskGiB: Double { diskGiB?.value ?? .infinity }
}

/// Failure rates and durations, from failure-rates.yaml.
public struct FailureRates: Hashable, Sendable {
    /// Frequencies given as ranges; each value here holds its range's mean.
    public var ranges: [FailureRateInput: InputRange] = [:]
    public var hostFailuresPerYear: Sourced<Double>
    public var hostRepairTime: Sourced<TimeSpan>
    /// Fraction of host failures that take both hosts of a pair (β factor).
    public var commonCauseBeta: Sourced<Double>
    public var guestCrashesPerYear: Sourced<Double>
    public var siteOutagesPerYear: Sourced<Double>
    public var siteOutageDuration: Sourced<TimeSpan>
    public var siteDisastersPerYear: Sourced<Double>
    public var siteRebuildTime: Sourced<TimeSpan>
    public var maintenanceWindowsPerYear: Sourced<Double>
    public var maintenanceWindowLength: Sourced<TimeSpan>
    /// Price of electricity per kWh.
    public var electricityPerKWh: Sourced<Double>
    /// Power usage effectiveness of the data centre.
    public var pue: Sourced<Double>
    /// Expected outage per incident of a SaaS vendor (used to turn vendor downtime into incidents).
    public var saasOutageDuration: Sourced<TimeSpan>
    /// Repair crews: 1 repairs one failed host at a time.
    public var repairCrews: Sourced<Double>
    /// Disk, NIC and PSU failures per server per year.
    public var componentFailuresPerYear: Sourced<Double>
    /// Share of those a single server's own redundancy masks.
    public var componentMaskedFraction: Sourced<Double>
    /// Outages shorter than this cost users their time but are not noticed as incidents
    /// (no per-incident cost); an application may set its own.
    public var noticeableAfter: Sourced<TimeSpan>
}
