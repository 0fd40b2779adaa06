/// manifests/pair-NN/pair.yaml: the system as the engine is configured — the two hosts, the
/// A-links, the business and management networks, the quorum servers of a SplitSite pair,
/// the storage group with one mirrored volume per VM disk, and each VM with its protection,
/// volumes, networks and boot order. Built as a `YAMLBlock` tree, so
/// names from the input are always quoted correctly (see `YAMLBlock`).
enum PairManifest {
    static func yaml(_ pair: Pair, assessment: Assessment, names: ManifestNames, bootOrder: [String: Int]) -> String {
        let profile = assessment.catalog.hardwareProfile(pair.hardware)!
        let platform = assessment.platform
        let addresses = assessment.addresses.pairs[pair.id]
        func host(_ index: Int, site: String) -> YAMLBlock {
            map([
                ("name", str("\(pair.id)-node\(index)")), ("site", str(site)), ("hardware", str(profile.id)),
                ("sockets", number(profile.sockets.value)), ("cores", number(profile.cores.value)),
                ("threads", number(profile.threads.value)),
                ("memory_gib", number(min(profile.memoryGiB.value, platform.maxMemoryGiB.value))),
                ("management_address", str(addresses?.management[index] ?? "")),
                ("out_of_band_address", str(addresses?.outOfBand[index] ?? "")),
            ])
        }
        let aLinks = YAMLBlock.list(
            (1...2).map { index in
                map([
                    ("name", str("a-link\(index)")), ("speed_gbps", number(10)), ("mtu", number(9000)),
                    ("carries", .list([str("disk mirroring"), str("live migration"), str("FT checkpoints")])),
                    ("ports", .list([str("\(pair.id)-node0:a\(index)"), str("\(pair.id)-node1:a\(index)")])),
                ])
            })
        let networks = YAMLBlock.list([
            map([("name", str("mgmt")), ("role", str("management")), ("speed_gbps", number(1))]),
            map([("name", str("business1")), ("role", str("business")), ("speed_gbps", number(1))]),
        ])
        let quorum: YAMLBlock =
            pair.isSplitSite
            ? map([
                ("required", .bool(true)),
                ("reason", str("the hosts are at \(pair.site) and \(pair.secondSite): a quorum server at a third site breaks ties")),
                (
                    "servers",
                    .list([
                        map([("name", str("quorum1")), ("ports", str("UDP 4557, 4558"))]),
                        map([("name", str("quorum2")), ("ports", str("UDP 4557, 4558"))]),
                    ])
                ),
            ])
            : map([("required", .bool(false)), ("servers", .list([]))])
        let business = Dictionary(uniqueKeysWithValues: zip(pair.members.map(\.vm), addresses?.vms ?? []))
        let members = pair.members.sorted { (bootOrder[$0.vm] ?? 0, $0.vm) < (bootOrder[$1.vm] ?? 0, $1.vm) }
        let volumes = YAMLBlock.list(
            members.flatMap { m in
                m.disks.enumerated().map { index, size in
                    map([
                        ("name", str("\(names[m.vm])-disk\(index)")), ("vm", str(names[m.vm])),
                        ("size_gib", number(max(1, size.rounded(.up)))),
                        ("storage_group", str("sg1")), ("mirrored", .bool(true)),
                    ])
                }
            })
        let vms = YAMLBlock.list(
            members.map { m in
                map([
                    ("id", str(names[m.vm])), ("name", str(m.vm)), ("application", str(m.application)),
                    ("protection", str(m.tier.local.rawValue.uppercased())), ("site_protection", str(m.tier.site.rawValue)),
                    ("vcpus", number(Double(m.vcpus))), ("memory_gib", number(m.memoryGiB)), ("os", str(m.os)),
                    ("volumes", .list(m.disks.indices.map { str("\(names[m.vm])-disk\($0)") })), ("networks", .list([str("business1")])),
                    ("business_address", str(business[m.vm] ?? "")),
                    ("boot_order", number(Double(bootOrder[m.vm] ?? 1))),
                    ("domain_xml", str("vms/\(names[m.vm]).xml")),
                ])
            })
        let storage = YAMLBlock.list([
            map([
                ("name", str("sg1")), ("hosts", .list([str("\(pair.id)-node0"), str("\(pair.id)-node1")])),
                ("capacity_gib", number(pair.members.reduce(0) { $0 + $1.disks.reduce(0) { $0 + max(1, $1.rounded(.up)) } })),
            ])
        ])
        let root = map([
            ("schema_version", number(1)), ("pair", str(pair.id)), ("platform", str(platform.id)),
            (
                "engine_reserve",
                map([("memory_gib", number(platform.reserveMemoryGiB.value)), ("threads", number(platform.reserveThreads.value))])
            ),
            ("hosts", .list([host(0, site: pair.site), host(1, site: pair.secondSite)])), ("a_links", aLinks), ("networks", networks),
            ("quorum", quorum), ("storage_groups", storage), ("volumes", volumes), ("vms", vms),
        ])
        return root.document()
    }

    private static func map(_ pairs: [(String, YAMLBlock)]) -> YAMLBlock { .map(pairs) }

    private static func str(_ text: String) -> YAMLBlock { .string(text) }

    private static func number(_ value: Double) -> YAMLBlock { .number(value) }
}
