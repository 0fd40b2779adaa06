/// A cluster of today's estate (RVTools vCluster), for the "before" picture beside the hosts.
/// A figure the export does not give is nil.
public struct ImportedCluster: Hashable, Sendable {
    public var name: String
    /// Hosts in the cluster, and those available to run VMs (not in maintenance, connected).
    public var hosts: Int?
    public var effectiveHosts: Int?
    /// Physical CPU cores of all its hosts.
    public var cores: Int?
    /// CPU of all its hosts, MHz.
    public var totalCPUMHz: Double?
    /// Memory of all its hosts, GiB (RVTools' `TotalMemory`, bytes).
    public var memoryGiB: Double?
    /// Memory available to VMs, GiB (RVTools' `Effective Memory`, MiB).
    public var effectiveMemoryGiB: Double?
    /// vSphere HA and DRS switched on; nil when the export does not say.
    public var haEnabled: Bool?
    public var drsEnabled: Bool?
    /// DRS automation (`fullyAutomated`, `partiallyAutomated`, `manual`), "" when not given.
    public var drsBehavior: String = ""

    public init(name: String) {
        self.name = name
    }
}

/// Today's hosts and clusters as an import read them (the engagement's "before" picture).
struct TodayEstate {
    var hosts: [ImportedHost] = []
    var clusters: [ImportedCluster] = []
}
