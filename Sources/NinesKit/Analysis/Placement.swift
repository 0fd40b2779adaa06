/// Where an application's VMs run, as far as failures are concerned: the hosts its VMs share.
/// A host failure takes down every VM of the application on that host, a site outage every VM
/// at that site (docs/MODEL.md §2).
///
/// Before packing the planner states an estimate (`estimated`); once pairs are packed it uses
/// the real ones (`packed`), whose host and pair failures are shared with every other
/// application on them.
public struct Placement: Hashable, Sendable {
    /// A host (a pair's primary host for the application, or a single server) and the
    /// application's VMs on it.
    public struct Host: Hashable, Sendable {
        /// The host failure source when other applications share it (`pair:pair-03/host0`);
        /// empty when it is the application's own (a server, or a pair not yet packed).
        public var scope: String
        /// The pair's both-hosts-down source when shared (`pair:pair-03`); empty otherwise.
        public var pairScope: String
        public var site: String
        /// The application's VMs on it.
        public var vms: Int

        public init(scope: String = "", pairScope: String = "", site: String, vms: Int) {
            self.scope = scope
            self.pairScope = pairScope
            self.site = site
            self.vms = vms
        }
    }

    public var hosts: [Host]

    public init(hosts: [Host]) { self.hosts = hosts }

    /// The hosts with one entry per shared host (a pair's host holding VMs of two sites is
    /// listed once per site); private hosts stay separate.
    public var distinctHosts: [Host] {
        var merged: [Host] = []
        var at: [String: Int] = [:]
        for host in hosts {
            if !host.scope.isEmpty, let index = at[host.scope] {
                merged[index].vms += host.vms
                continue
            }
            if !host.scope.isEmpty { at[host.scope] = merged.count }
            merged.append(host)
        }
        return merged
    }

    /// VMs in all.
    public var vmCount: Int { hosts.reduce(0) { $0 + $1.vms } }

    /// VMs per site, sites in name order.
    public var vmsBySite: [(site: String, vms: Int)] {
        Dictionary(hosts.map { ($0.site, $0.vms) }, uniquingKeysWith: +).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The estimate before packing: one host per site for a single server; on pairs, the VMs of
    /// a site spread evenly over `pairs[site]` pairs of their own (each with one primary host).
    public static func estimated(vmsBySite: [String: Int], pairsBySite: [String: Int]? = nil) -> Placement {
        var hosts: [Host] = []
        for (site, vms) in vmsBySite.sorted(by: { $0.key < $1.key }) where vms > 0 {
            let count = max(1, min(vms, pairsBySite?[site] ?? 1))
            for index in 0..<count {
                hosts.append(Host(site: site, vms: vms / count + (index < vms % count ? 1 : 0)))
            }
        }
        return Placement(hosts: hosts)
    }

    /// The real placement on packed pairs: on each pair the application's VMs share one primary
    /// host, the applications of a pair alternating between its two hosts in name order.
    /// `siteOf` gives each VM's own site (a SplitSite pair spans two).
    public static func packed(_ pairs: [Pair], siteOf: [String: String]) -> [String: Placement] {
        var placements: [String: [Host]] = [:]
        for pair in pairs {
            var counts: [String: [String: Int]] = [:]
            for member in pair.members { counts[member.application, default: [:]][siteOf[member.vm] ?? pair.site, default: 0] += 1 }
            for (offset, app) in counts.keys.sorted().enumerated() {
                for (site, vms) in counts[app]!.sorted(by: { $0.key < $1.key }) {
                    placements[app, default: []].append(
                        Host(scope: "pair:\(pair.id)/host\(offset % 2)", pairScope: "pair:\(pair.id)", site: site, vms: vms))
                }
            }
        }
        return placements.mapValues(Placement.init(hosts:))
    }
}
