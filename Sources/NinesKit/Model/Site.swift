/// A place where workloads run: a data centre or a branch office.
public struct Site: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case datacenter, branch
    }

    public var id: String
    public var name: String
    public var kind: Kind
    /// Hardware profile for hosts bought at this site (nil: the engagement's default).
    public var hardware: String?
    /// The site that holds this site's DR replicas and the second host of a SplitSite pair.
    public var partner: String?
    public var location: SourceLocation

    public init(
        id: String, name: String, kind: Kind = .datacenter, hardware: String? = nil, partner: String? = nil,
        location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.hardware = hardware
        self.partner = partner
        self.location = location
    }
}
