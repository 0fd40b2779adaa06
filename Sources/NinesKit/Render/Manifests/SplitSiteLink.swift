/// What a SplitSite pair needs between and beyond its two sites: the inter-site A-link
/// requirements (catalog values of the platform) and where its quorum servers go. The
/// manifests and the runbook state both from this one value.
struct SplitSiteLink {
    /// Bandwidth each inter-site A-link needs, Gb/s.
    var gbps: Sourced<Double>
    /// Longest round trip on an A-link between the sites, milliseconds.
    var roundTripMs: Sourced<Double>
    /// MTU the A-links carry unfragmented, bytes.
    var mtu: Sourced<Double>
    /// Site of the preferred quorum server: a site of the engagement that is neither of the
    /// pair's (a data centre before a branch); nil when the engagement has none.
    var quorumSite: Site?
    /// Site of the alternate quorum server: a fourth site if there is one, else the preferred's.
    var alternateSite: Site?

    /// Where everRun's documentation places quorum servers for SplitSite.
    static let quorumSource =
        "Stratus Technologies, everRun 7.5.1.1 documentation, 'Quorum Servers' and 'Creating a SplitSite Configuration': a preferred quorum computer in a third facility, an alternate in a fourth facility or beside the preferred, reached over the management network; https://everrundoc.stratus.com"

    init(pair: Pair, platform: PlatformSpec, sites: [Site]) {
        gbps = platform.splitSiteLinkGbps
        roundTripMs = platform.splitSiteRoundTripMs
        mtu = platform.aLinkMTU
        let others = sites.filter { $0.id != pair.site && $0.id != pair.secondSite }
        let ordered = others.filter { $0.kind == .datacenter } + others.filter { $0.kind != .datacenter }
        quorumSite = ordered.first
        alternateSite = ordered.dropFirst().first ?? ordered.first
    }

    /// ICMP payload that fills an MTU-sized IPv4 packet: the MTU less 20 bytes of IPv4 header
    /// and 8 of ICMP header (`ping -M do -s`).
    var pingPayload: Int { Int(mtu.value) - 28 }

    /// The quorum server's place as a sentence.
    var quorumPlacement: String {
        guard let site = quorumSite else {
            return "the engagement has no third site: provide one (a room on another power feed and network path than both hosts)"
        }
        return "\(site.id) (\(site.name))"
    }
}
