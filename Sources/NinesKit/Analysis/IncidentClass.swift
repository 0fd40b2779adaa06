/// One kind of outage an application suffers on a tier: how often and for how long.
public struct IncidentClass: Hashable, Sendable, Codable {
    public enum Mode: String, Sendable, Codable, CaseIterable {
        case hostFailure = "host-failure"
        case uncoveredFailure = "uncovered-failure"
        case componentFailure = "component-failure"
        case pairOverlap = "pair-overlap"
        case commonCause = "common-cause"
        case guestCrash = "guest-crash"
        case siteOutage = "site-outage"
        case siteDisaster = "site-disaster"
        /// Two failures the application survives alone, at once (`required_vms`).
        case concurrentFailures = "concurrent-failures"
        case maintenance
        case vendorOutage = "vendor-outage"
        case dependency

        /// Its place in `allCases`, for tables indexed by mode without hashing its raw string.
        var slot: Int {
            switch self {
            case .hostFailure: 0
            case .uncoveredFailure: 1
            case .componentFailure: 2
            case .pairOverlap: 3
            case .commonCause: 4
            case .guestCrash: 5
            case .siteOutage: 6
            case .siteDisaster: 7
            case .concurrentFailures: 8
            case .maintenance: 9
            case .vendorOutage: 10
            case .dependency: 11
            }
        }

        /// Hashes the slot: the default for a raw-valued enum hashes its raw string, and modes
        /// key the tables of every option evaluation.
        public func hash(into hasher: inout Hasher) { hasher.combine(slot) }
    }

    public var mode: Mode
    /// Events per year.
    public var ratePerYear: Double
    /// Outage per event.
    public var duration: TimeSpan
    /// Expected transactions lost per event, as time.
    public var dataLoss: TimeSpan
    /// Planned downtime (maintenance) rather than a failure.
    public var planned: Bool
    /// What fails, when it can be shared with other applications (`site:hq`); empty otherwise.
    public var scope: String = ""
    /// The application whose failure this is, when it is a dependency's (empty: its own).
    public var via: String = ""

    /// Expected minutes per year.
    public var minutesPerYear: Double { ratePerYear * duration.minutes }
}

extension IncidentClass {
    /// `incidents` with every unplanned rate scaled by `factor` (an application's
    /// `outageRateFactor`); the same incidents when it is 1.
    public static func calibrated(_ incidents: [IncidentClass], factor: Double) -> [IncidentClass] {
        guard factor != 1 else { return incidents }
        return incidents.map { incident in
            var incident = incident
            if !incident.planned { incident.ratePerYear *= factor }
            return incident
        }
    }
}
