/// One requirement a tier fails for an application, with the measured and the required value.
/// Planning decides with these; the renderers turn them into sentences (`DecisionText`).
public enum TierFailure: Hashable, Sendable {
    /// A failure mode with a non-negligible rate (`mode`, of the application or of something it
    /// depends on) takes longer to recover than the RTO.
    case rto(mode: IncidentClass.Mode, recovers: TimeSpan, required: TimeSpan)
    /// The tier can lose more data than the RPO allows.
    case rpo(loses: TimeSpan, required: TimeSpan)
    /// Modelled availability below the target, percent.
    case availability(modelled: Double, required: Double)
    /// A SaaS vendor's SLA below the target, percent.
    case vendorAvailability(vendor: Double, required: Double)
    /// `site_disaster: survive` needs SplitSite.
    case doesNotSurviveSiteLoss
    /// `site_disaster: recover` needs DR or SplitSite.
    case cannotRecoverAtAnotherSite
    /// A site protection needs a partner site the site does not have.
    case noPartnerSite(site: String, protection: String)
    /// The platform does not offer the tier's local protection (FT on everRun Express).
    case platformLacks(platform: String, protection: String)
    /// A VM has more vCPUs than the tier allows; `parts` VMs of at most `limit` would fit.
    case tooManyVCPUs(vm: String, vcpus: Int, protection: String, limit: Int, parts: Int)
    /// A VM needs more memory or threads than one host offers.
    case largerThanAHost(vm: String, memoryGiB: Double, threads: Int, hostMemoryGiB: Double, hostThreads: Int)
    /// A VM's part of a storage group (its disks with growth and snapshot headroom, GiB) is more
    /// than one host offers to VMs (its disk less the engine's volumes, GiB).
    case diskLargerThanAHost(vm: String, diskGiB: Double, hostDiskGiB: Double)

    /// The requirement a failure is about.
    public enum Requirement: String, Hashable, Sendable, Comparable {
        case rto, rpo, availability, site, platform

        public static func < (lhs: Requirement, rhs: Requirement) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var requirement: Requirement {
        switch self {
        case .rto: .rto
        case .rpo: .rpo
        case .availability, .vendorAvailability: .availability
        case .doesNotSurviveSiteLoss, .cannotRecoverAtAnotherSite, .noPartnerSite: .site
        case .platformLacks, .tooManyVCPUs, .largerThanAHost, .diskLargerThanAHost: .platform
        }
    }
}
