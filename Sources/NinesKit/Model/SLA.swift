/// What the business requires of an application.
public struct SLA: Hashable, Sendable {
    /// What the application must do if its site is lost.
    public enum SiteDisaster: String, Sendable, CaseIterable, Codable {
        /// Keep running through the loss of a site (SplitSite).
        case survive
        /// Be recovered at another site (DR or SplitSite).
        case recover
        /// Accept the outage until the site is rebuilt.
        case accept
    }

    /// Which outages the RTO limits.
    public enum RTOScope: String, Sendable, CaseIterable, Codable {
        /// Every failure mode with a non-negligible rate must recover within the RTO.
        case all
        /// Only hardware failures (a host, both hosts, a component): the contract's usual wording.
        case hardware
    }

    /// Availability target during service hours, percent (99.99).
    public var availability: Double
    /// Longest tolerable outage per incident.
    public var rto: TimeSpan
    /// Longest tolerable data loss.
    public var rpo: TimeSpan
    public var serviceHours: ServiceHours
    public var siteDisaster: SiteDisaster
    public var rtoScope: RTOScope = .all

    public init(
        availability: Double, rto: TimeSpan, rpo: TimeSpan, serviceHours: ServiceHours = .always,
        siteDisaster: SiteDisaster = .accept
    ) {
        self.availability = availability
        self.rto = rto
        self.rpo = rpo
        self.serviceHours = serviceHours
        self.siteDisaster = siteDisaster
    }
}
