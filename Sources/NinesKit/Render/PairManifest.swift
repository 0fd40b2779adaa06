import Yams

/// manifests/pair-NN/pair.yaml: the system as the engine is configured — its two hosts, the
/// A-links, and each VM with its protection level. Built as a YAML node tree and serialised by
/// Yams, so names from the input are always quoted correctly.
public enum PairManifest {
    public static func yaml(_ pair: Pair, plan: Plan) throws -> String {
        let profile = plan.catalog.hardwareProfile(pair.hardware)!
        let platform = plan.platform
        func host(_ index: Int, site: String) -> Node {
            map([
                ("name", Node("\(pair.id)-node\(index)")), ("site", Node(site)), ("hardware", Node(profile.id)),
                ("sockets", number(profile.sockets.value)), ("cores", number(profile.cores.value)),
                ("threads", number(profile.threads.value)),
                ("memory_gib", number(min(profile.memoryGiB.value, platform.maxMemoryGiB.value))),
            ])
        }
        let aLinks = Node(
            (1...2).map { index in
                map([("name", Node("a-link\(index)")), ("speed_gbps", Node("10")), ("mtu", Node("9000"))])
            })
        let vms = Node(
            pair.members.map { m in
                map([
                    ("name", Node(m.vm)), ("application", Node(m.application)),
                    ("protection", Node(m.tier.local.rawValue.uppercased())), ("site_protection", Node(m.tier.site.rawValue)),
                    ("vcpus", Node(String(m.vcpus))), ("memory_gib", number(m.memoryGiB)), ("disk_gib", number(m.diskGiB)),
                    ("os", Node(m.os)),
                ])
            })
        let root = map([
            ("schema_version", Node("1")), ("pair", Node(pair.id)), ("platform", Node(platform.id)),
            (
                "engine_reserve",
                map([("memory_gib", number(platform.reserveMemoryGiB.value)), ("threads", number(platform.reserveThreads.value))])
            ),
            ("hosts", Node([host(0, site: pair.site), host(1, site: pair.secondSite)])),
            ("a_links", aLinks),
            ("quorum", Node(pair.isSplitSite ? "required: place a quorum server at a third site (UDP 4557/4558)" : "optional")),
            ("vms", vms),
        ])
        return try Yams.serialize(node: root, width: -1, allowUnicode: true, sortKeys: false)
    }

    private static func map(_ pairs: [(String, Node)]) -> Node {
        Node(pairs.map { (Node($0.0), $0.1) })
    }

    private static func number(_ value: Double) -> Node {
        Node(Number.plain(value, maxFraction: 3), Tag(.int), .plain)
    }
}
