/// One platform a protected estate could run on, from alternatives.yaml.
public struct AlternativeSpec: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Two-node pairs sized like everRun pairs.
        case pair
        /// An N+1 cluster with one host's capacity held back.
        case cluster
    }

    /// How licences are counted and paid.
    public enum LicenseModel: String, Sendable, CaseIterable {
        /// A perpetual licence per node, plus support per year.
        case perNodePerpetual = "per_node_perpetual"
        /// A subscription per node per year.
        case perNodeYear = "per_node_year"
        /// A subscription per physical core per year (with a minimum per CPU).
        case perCoreYear = "per_core_year"
        /// A perpetual licence per 16 cores (with minimums), plus support per year.
        case per16CoresPerpetual = "per_16_cores_perpetual"
    }

    public var id: String
    public var name: String
    public var kind: Kind
    /// For pairs: the platform whose limits size them.
    public var platform: String?
    /// Whether it can run VMs fault-tolerantly (no restart on a host failure).
    public var protectsFT: Bool
    public var memoryOverhead: Sourced<Double>?
    public var cpuOvercommit: Sourced<Double>?
    public var maxVMsPerHost: Sourced<Double>?
    public var ftMaxVCPUsPerVM: Sourced<Double>?
    public var ftMaxVMsPerHost: Sourced<Double>?
    public var ftMaxVCPUsPerHost: Sourced<Double>?
    public var licenseModel: LicenseModel
    public var licensePrice: Sourced<Double>
    public var supportRate: Sourced<Double>?
    public var minCoresPerCPU: Sourced<Double>?
    public var storagePerNode: Sourced<Double>?
    public var storagePerGroup: Sourced<Double>?
    public var networkPerNode: Sourced<Double>
    public var fencingPerNode: Sourced<Double>?
    public var managementPerSite: Sourced<Double>
    public var implementationDays: Sourced<Double>
    /// Fraction of an administrator per pair or per cluster.
    public var adminFTEPerGroup: Sourced<Double>
    /// Outage when a host fails and the VM is restarted elsewhere.
    public var restartTime: Sourced<TimeSpan>
    public var ftFailoverTime: Sourced<TimeSpan>?
    public var failoverCoverage: Sourced<Double>?
    public var maintenanceDowntime: Bool
    public var dataLoss: Sourced<TimeSpan>
    /// Outages of a shared component (SAN, quorum) that stop every VM of a cluster.
    public var sharedOutagesPerYear: Sourced<Double>
    public var sharedOutageDuration: Sourced<TimeSpan>
    public var recoveryEffort: String
    /// Pacemaker + DRBD: VMs move between the nodes live (dual-primary DRBD, `allow-migrate`);
    /// false: single-primary DRBD, a VM moves by a stop and a start.
    public var liveMigration = false
    /// Where `live_migration` comes from (its provenance in alternatives.yaml, or the
    /// engagement's override), for the runbook that explains the choice.
    public var liveMigrationSource = ""
}

/// Figures every alternative shares, from alternatives.yaml's `shared:`.
public struct AlternativeEconomics: Hashable, Sendable {
    public var dayRate: Sourced<Double>
    public var adminSalary: Sourced<Double>
    public var adminLoading: Sourced<Double>
    public var colocationPerKWMonth: Sourced<Double>
}
