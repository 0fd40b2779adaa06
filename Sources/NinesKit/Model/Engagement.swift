/// A validated engagement: the customer's inventory, applications and the settings of the
/// assessment. Everything downstream of ingest reads only this.
public struct Engagement: Sendable {
    public var name: String
    public var client: String
    /// ISO 4217 code or symbol used in every money figure.
    public var currency: String
    public var year: Int
    /// Years the TCO covers.
    public var horizonYears: Int
    /// Discount rate for net present value, percent.
    public var discountRatePercent: Double
    /// Days per year for annual figures: 365 (default) or 365.25.
    public var yearDays: Double
    public var platform: String
    /// Default hardware profile of new hosts.
    public var hardware: String
    public var sites: [Site]
    /// The tier applications have today unless they say otherwise.
    public var baselineTier: TierID
    /// Capacity held back in each pair for growth, percent.
    public var growthHeadroomPercent: Double
    public var workloads: [Workload] { didSet { reindex() } }
    /// Positions of each application's powered-on VMs in `workloads`, kept in step with it.
    private var index: [String: [Int]] = [:]
    public var applications: [Application]
    /// Folder the engagement was read from.
    public var directory: String
    /// Today's hosts, when the inventory was an RVTools export with a vHost sheet.
    public var currentHosts: [ImportedHost] = []
    /// Today's clusters, when the inventory was an RVTools export with a vCluster sheet.
    public var currentClusters: [ImportedCluster] = []
    /// Alternatives to cost the plan against (empty: all in the catalog).
    public var alternatives: [String] = []
    /// Catalog values of alternatives replaced for this engagement: id → key → value.
    public var alternativeOverrides: [String: [String: Located<String>]] = [:]
    /// Who prepared the report, its date, a logo and a disclaimer, for the report's cover.
    public var cover = ReportCover()
    /// The customer's outage record, when engagement.yaml names one (`incident_history:`).
    public var incidentHistory: IncidentHistory?
    /// The address ranges the manifests allocate from (engagement.yaml `networks:`).
    public var networks = AddressNetworks.defaults(at: SourceLocation(file: "engagement.yaml"))
    /// The decisions of `overrides.csv`, already applied to `workloads` (listed in the report).
    public var overrides: [InventoryOverride] = []

    public init(
        name: String, client: String, currency: String, year: Int, horizonYears: Int, discountRatePercent: Double,
        yearDays: Double, platform: String, hardware: String, sites: [Site], baselineTier: TierID,
        growthHeadroomPercent: Double, workloads: [Workload], applications: [Application], directory: String
    ) {
        self.name = name
        self.client = client
        self.currency = currency
        self.year = year
        self.horizonYears = horizonYears
        self.discountRatePercent = discountRatePercent
        self.yearDays = yearDays
        self.platform = platform
        self.hardware = hardware
        self.sites = sites
        self.baselineTier = baselineTier
        self.growthHeadroomPercent = growthHeadroomPercent
        self.workloads = workloads
        self.applications = applications
        self.directory = directory
        reindex()
    }

    private mutating func reindex() {
        var index: [String: [Int]] = [:]
        for (position, vm) in workloads.enumerated() where vm.poweredOn { index[vm.application, default: []].append(position) }
        self.index = index
    }

    /// Minutes in the engagement's year (525,600 for 365 days).
    public var minutesPerYear: Double { yearDays * 1440 }

    public func site(_ id: String) -> Site? { sites.first { $0.id == id } }

    /// Powered-on VMs of an application, in inventory order.
    public func workloads(of application: String) -> [Workload] {
        (index[application] ?? []).map { workloads[$0] }
    }
}
