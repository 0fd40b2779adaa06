/// How a workload is protected on its own site.
public enum LocalTier: String, CaseIterable, Sendable, Codable, Comparable {
    /// A single server, recovered by repair or restore from backup.
    case backup
    /// A host pair with mirrored disks; the VM is restarted on the partner host.
    case ha
    /// A host pair with checkpointed memory and CPU state; no visible outage on a host failure.
    case ft

    /// True for tiers that run on a host pair and so take part in pair sizing.
    public var runsOnPair: Bool { self != .backup }

    public static func < (lhs: LocalTier, rhs: LocalTier) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How a workload is protected against the loss of its site.
public enum SiteProtection: String, CaseIterable, Sendable, Codable, Comparable {
    case none
    /// Asynchronous replication to a remote site, failed over by hand.
    case dr
    /// The pair stretched across two sites with synchronous replication and a quorum server.
    case splitsite

    public static func < (lhs: SiteProtection, rhs: SiteProtection) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A protection tier: a local tier, optionally combined with site protection (`ft+dr`,
/// `ha+splitsite`). SplitSite needs a pair, so `backup+splitsite` does not exist.
public struct TierID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var local: LocalTier
    public var site: SiteProtection

    public init(_ local: LocalTier, _ site: SiteProtection = .none) {
        self.local = local
        self.site = site
    }

    /// Every tier Nines knows, cheapest protection first.
    public static let all: [TierID] = LocalTier.allCases.flatMap { local in
        SiteProtection.allCases.compactMap { site in
            (local == .backup && site == .splitsite) ? nil : TierID(local, site)
        }
    }

    /// Parses `ft`, `ha+dr`, `ft+splitsite` (case-insensitive).
    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), let local = LocalTier(rawValue: parts[0]) else { return nil }
        let site = parts.count == 2 ? SiteProtection(rawValue: parts[1]) : SiteProtection.none
        guard let site, site != .none || parts.count == 1 else { return nil }
        guard !(local == .backup && site == .splitsite) else { return nil }
        self.init(local, site)
    }

    /// "did you mean 'ft+dr'?" for a near miss, else the tiers to choose from.
    public static func hint(for text: String) -> String {
        let names = all.map(\.description)
        return Spelling.suggestion(for: text, among: names).map { "did you mean '\($0)'?" }
            ?? "use one of: \(names.joined(separator: ", "))"
    }

    public var description: String { site == .none ? local.rawValue : "\(local.rawValue)+\(site.rawValue)" }

    public static func < (lhs: TierID, rhs: TierID) -> Bool { (lhs.local, lhs.site) < (rhs.local, rhs.site) }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = TierID(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown tier \(text)"))
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
