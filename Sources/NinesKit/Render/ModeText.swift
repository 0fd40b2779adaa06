/// Failure modes as a reader names them.
enum ModeText {
    static func name(_ mode: IncidentClass.Mode) -> String {
        switch mode {
        case .hostFailure: "a host failure"
        case .uncoveredFailure: "a failure the failover misses"
        case .componentFailure: "a component failure"
        case .pairOverlap: "both hosts down"
        case .commonCause: "a common-cause failure of both hosts"
        case .guestCrash: "a guest crash"
        case .siteOutage: "a site outage"
        case .siteDisaster: "the loss of a site"
        case .concurrentFailures: "two failures at once"
        case .maintenance: "maintenance"
        case .vendorOutage: "a vendor outage"
        case .dependency: "a dependency's outage"
        }
    }
}
