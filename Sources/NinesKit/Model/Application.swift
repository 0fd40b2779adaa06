/// A business application: the unit the customer talks about, with its SLA and cost of downtime.
public struct Application: Hashable, Sendable {
    /// The group of the VMs no application claims (planned on the backup tier with no downtime
    /// cost, unless the applications file defines an application of this name).
    public static let unassigned = "Unassigned"

    /// Where the application runs.
    public enum Hosting: Hashable, Sendable {
        case onPremises
        /// Run by a vendor; assessed as if on site, then the vendor's availability (percent) is
        /// checked against the requirement.
        case saas(vendorAvailability: Double)
    }

    public var name: String
    public var businessUnit: String?
    public var sla: SLA
    public var impact: ImpactModel
    public var dependsOn: [String]
    public var hosting: Hosting
    /// The tier the application has today (the "before" of the report); nil means the
    /// engagement's baseline tier.
    public var currentTier: TierID?
    /// Its VMs must run on different pairs (e.g. the members of a cluster).
    public var antiAffinity = false
    /// How many of its VMs must run for it to be up (three domain controllers: 1); nil means
    /// all of them. A failure that takes down no more than the others can cover is no outage.
    public var requiredVMs: Int?
    /// What the customer's outage record makes of the model's rates of its own unplanned
    /// incidents (`OutageCalibration`): every tier's incidents are scaled by it. 1 without a record.
    public var outageRateFactor = 1.0
    public var location: SourceLocation

    public init(
        name: String, businessUnit: String? = nil, sla: SLA, impact: ImpactModel, dependsOn: [String] = [],
        hosting: Hosting = .onPremises, currentTier: TierID? = nil, location: SourceLocation
    ) {
        self.name = name
        self.businessUnit = businessUnit
        self.sla = sla
        self.impact = impact
        self.dependsOn = dependsOn
        self.hosting = hosting
        self.currentTier = currentTier
        self.location = location
    }

    public var isSaaS: Bool {
        if case .saas = hosting { return true }
        return false
    }
}
