/// manifests/pair-NN/pair.yaml: the system as the engine is configured — the two hosts, the
/// A-links (with the inter-site link a SplitSite pair needs), the business and management
/// networks, the quorum servers of a SplitSite pair, the storage group with its headroom and
/// one mirrored volume per VM disk, and each VM with its protection, volumes, networks and
/// boot order. Built as a `YAMLBlock` tree, so names from the input are always quoted
/// correctly (see `YAMLBlock`).
enum PairManifest {
    static func yaml(_ pair: Pair, assessment: Assessment, names: ManifestNames, bootOrder: [String: Int]) -> String {
        let profile = assessment.catalog.hardwareProfile(pair.hardware)!
        let platform = assessment.platform
        let addresses = assessment.addresses.pairs[pair.id]
        func host(_ index: Int, site: String) -> YAMLBlock {
            // `disk_gib` only when the hardware profile gives it (disk is otherwise not a limit).
            map(
                [
                    ("name", str("\(pair.id)-node\(index)")), ("site", str(site)), ("hardware", str(profile.id)),
                    ("sockets", number(profile.sockets.value)), ("cores", number(profile.cores.value)),
                    ("threads", number(profile.threads.value)),
                    ("memory_gib", number(min(profile.memoryGiB.value, platform.maxMemoryGiB.value))),
                ] + (profile.diskGiB.map { [("disk_gib", number($0.value))] } ?? []) + [
                    ("management_address", str(addresses?.management[index] ?? "")),
                    ("out_of_band_address", str(addresses?.outOfBand[index] ?? "")),
                ])
        }
        let networks = YAMLBlock.list([
            map([("name", str("mgmt")), ("role", str("management")), ("speed_gbps", number(1))]),
            map([("name", str("business1")), ("role", str("business")), ("speed_gbps", number(1))]),
        ])
        let link = pair.isSplitSite ? SplitSiteLink(pair: pair, platform: platform, sites: assessment.engagement.sites) : nil
        var root: [(String, YAMLBlock)] = [
            ("schema_version", number(1)), ("pair", str(pair.id)), ("platform", str(platform.id)),
            (
                "engine_reserve",
                map([("memory_gib", number(platform.reserveMemoryGiB.value)), ("threads", number(platform.reserveThreads.value))])
            ),
            ("hosts", .list([host(0, site: pair.site), host(1, site: pair.secondSite)])),
            ("a_links", aLinks(pair, mtu: platform.aLinkMTU.value)),
        ]
        if let link { root.append(("inter_site_link", interSiteLink(pair, link))) }
        root += [
            ("networks", networks), ("quorum", quorum(pair, link)),
            ("storage_groups", storage(pair, platform: platform, hostDiskGiB: profile.diskGiB?.value)),
        ]
        root += members(pair, addresses: addresses, names: names, bootOrder: bootOrder)
        return YAMLBlock.map(root).document()
    }

    private static func aLinks(_ pair: Pair, mtu: Double) -> YAMLBlock {
        .list(
            (1...2).map { index in
                map([
                    ("name", str("a-link\(index)")), ("speed_gbps", number(10)), ("mtu", number(mtu)),
                    ("carries", .list([str("disk mirroring"), str("live migration"), str("FT checkpoints")])),
                    ("ports", .list([str("\(pair.id)-node0:a\(index)"), str("\(pair.id)-node1:a\(index)")])),
                ])
            })
    }

    /// The metro link the A-links of a SplitSite pair cross, with what it must carry.
    private static func interSiteLink(_ pair: Pair, _ link: SplitSiteLink) -> YAMLBlock {
        map([
            ("between", .list([str(pair.site), str(pair.secondSite)])),
            ("bandwidth_gbps_per_a_link", number(link.gbps.value)), ("bandwidth_source", str(link.gbps.provenance.summary)),
            ("round_trip_ms_max", number(link.roundTripMs.value)), ("round_trip_source", str(link.roundTripMs.provenance.summary)),
            ("mtu", number(link.mtu.value)), ("mtu_source", str(link.mtu.provenance.summary)),
            ("verify_before_pairing", str("runbook.md, step 2")),
        ])
    }

    private static func quorum(_ pair: Pair, _ link: SplitSiteLink?) -> YAMLBlock {
        guard let link else { return map([("required", .bool(false)), ("servers", .list([]))]) }
        func server(_ name: String, role: String, site: Site?) -> YAMLBlock {
            map([
                ("name", str(name)), ("role", str(role)), ("site", str(site?.id ?? "to be provided: a third site")),
                ("ports", str("UDP 4557, 4558")), ("network", str("mgmt")),
            ])
        }
        return map([
            ("required", .bool(true)),
            ("reason", str("the hosts are at \(pair.site) and \(pair.secondSite): a quorum server at a third site breaks ties")),
            ("placement", str(link.quorumPlacement)), ("source", str(SplitSiteLink.quorumSource)),
            (
                "servers",
                .list([
                    server("quorum1", role: "preferred", site: link.quorumSite),
                    server("quorum2", role: "alternate", site: link.alternateSite),
                ])
            ),
        ])
    }

    /// The storage group, sized with headroom, against what each host holds (`hostDiskGiB` nil:
    /// the hardware profile does not say, and the group is not checked).
    private static func storage(_ pair: Pair, platform: PlatformSpec, hostDiskGiB: Double?) -> YAMLBlock {
        let size = StorageGroupSize(pair, platform: platform)
        return .list([
            map(
                [
                    ("name", str("sg1")), ("hosts", .list([str("\(pair.id)-node0"), str("\(pair.id)-node1")])),
                    ("vm_disks_gib", number(size.disksGiB)),
                    ("growth_gib", number(size.growthGiB)), ("growth_headroom", number(platform.storageGrowthHeadroom.value)),
                    ("snapshots_gib", number(size.snapshotsGiB)), ("snapshot_reserve", number(platform.snapshotReserve.value)),
                    ("engine_volumes_gib", number(size.engineGiB)),
                    ("capacity_gib", number(size.totalGiB)),
                ] + (hostDiskGiB.map { [("host_disk_gib", number($0)), ("fits", .bool(size.totalGiB <= $0 + 1e-9))] } ?? []))
        ])
    }

    private static func members(_ pair: Pair, addresses: AddressPlan.PairAddresses?, names: ManifestNames, bootOrder: [String: Int])
        -> [(String, YAMLBlock)]
    {
        let business = Dictionary(uniqueKeysWithValues: zip(pair.members.map(\.vm), addresses?.vms ?? []))
        let members = pair.members.sorted { (bootOrder[$0.vm] ?? 0, $0.vm) < (bootOrder[$1.vm] ?? 0, $1.vm) }
        let volumes = YAMLBlock.list(
            members.flatMap { m in
                m.disks.enumerated().map { index, size in
                    map([
                        ("name", str("\(names[m.vm])-disk\(index)")), ("vm", str(names[m.vm])),
                        ("size_gib", number(StorageGroupSize.volumeGiB(size))),
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
                    ("guest_drivers", str(GuestDrivers(os: m.os).summary)),
                    ("volumes", .list(m.disks.indices.map { str("\(names[m.vm])-disk\($0)") })), ("networks", .list([str("business1")])),
                    ("business_address", str(business[m.vm] ?? "")),
                    ("boot_order", number(Double(bootOrder[m.vm] ?? 1))),
                    ("domain_xml", str("vms/\(names[m.vm]).xml")),
                ])
            })
        return [("volumes", volumes), ("vms", vms)]
    }

    private static func map(_ pairs: [(String, YAMLBlock)]) -> YAMLBlock { .map(pairs) }

    private static func str(_ text: String) -> YAMLBlock { .string(text) }

    private static func number(_ value: Double) -> YAMLBlock { .number(value) }
}
