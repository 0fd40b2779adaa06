extension CatalogReader {
    private static let platformKeys = [
        "id", "name", "supports", "max_memory_gib", "max_vms", "ft_max_vcpus", "ha_max_vcpus", "memory_overhead",
        "reserve_memory_gib", "reserve_threads", "ft_thread_overhead", "ha_thread_overhead", "license_per_system",
        "support_rate", "storage_growth_headroom", "snapshot_reserve", "engine_volumes_gib", "alink_mtu", "splitsite_alink_gbps",
        "splitsite_alink_rtt_ms", "virtio_win_iso",
    ]
    private static let hardwareKeys = ["id", "name", "sockets", "cores", "threads", "memory_gib", "price", "watts", "disk_gib"]

    /// Reads platforms.yaml: a list under `platforms:`.
    mutating func readPlatforms(_ file: YAMLFile) -> [PlatformSpec] {
        guard
            let top = YAMLMap(file.root, in: file, what: "platforms.yaml", keys: ["version", "platforms"], diagnostics: &diagnostics)
        else { return [] }
        checkVersion(top)
        var seen = Set<String>()
        return top.maps("platforms", what: "platform", keys: Self.platformKeys + Self.provenanceKeys, diagnostics: &diagnostics)
            .compactMap { map in
                guard let id = map.string("id", required: true, diagnostics: &diagnostics) else { return nil }
                if !seen.insert(id.value).inserted { diagnostics.error("platform '\(id.value)' is defined twice", at: id.location) }
                return readPlatform(id.value, map)
            }
    }

    private mutating func readPlatform(_ id: String, _ map: YAMLMap) -> PlatformSpec? {
        begin()
        let p = provenance(of: map)
        let name = map.string("name", diagnostics: &diagnostics)?.value ?? id
        var supports: [LocalTier] = []
        for item in map.strings("supports", diagnostics: &diagnostics) {
            guard let tier = LocalTier(rawValue: item.value), tier.runsOnPair else {
                diagnostics.error("'supports' lists '\(Escape.plain(item.value))'; a platform supports ha and/or ft", at: item.location)
                continue
            }
            supports.append(tier)
        }
        let values = [
            "max_memory_gib", "max_vms", "ft_max_vcpus", "ha_max_vcpus", "memory_overhead", "reserve_memory_gib",
            "reserve_threads", "ft_thread_overhead", "ha_thread_overhead", "license_per_system", "support_rate",
        ].map { number(map, $0, inherited: p) }
        let headroom = ["storage_growth_headroom", "snapshot_reserve"].map { number(map, $0, inherited: p, in: 0...10) }
        // An MTU below IPv4's minimum of 576 bytes would make the runbook's ping payload negative.
        let links = [
            ("engine_volumes_gib", 0...1e12), ("alink_mtu", 576...65535), ("splitsite_alink_gbps", 0...1e12),
            ("splitsite_alink_rtt_ms", 0...1e12),
        ]
        .map { number(map, $0.0, inherited: p, in: $0.1) }
        let iso = map.string("virtio_win_iso", required: true, diagnostics: &diagnostics)?.value
        end(kind: "platform", id: id, name: name)
        guard values.allSatisfy({ $0 != nil }), let g = headroom[0], let s = headroom[1], links.allSatisfy({ $0 != nil }), let iso
        else { return nil }
        let v = values.map { $0! }
        let l = links.map { $0! }
        return PlatformSpec(
            id: id, name: name, supports: supports, maxMemoryGiB: v[0], maxVMs: v[1], ftMaxVCPUs: v[2], haMaxVCPUs: v[3],
            memoryOverhead: v[4], reserveMemoryGiB: v[5], reserveThreads: v[6], ftThreadOverhead: v[7],
            haThreadOverhead: v[8], licensePerSystem: v[9], supportRate: v[10], storageGrowthHeadroom: g, snapshotReserve: s,
            engineVolumesGiB: l[0], aLinkMTU: l[1], splitSiteLinkGbps: l[2], splitSiteRoundTripMs: l[3], virtioWinISO: iso)
    }

    /// Reads hardware.yaml: a list under `hardware:`.
    mutating func readHardware(_ file: YAMLFile) -> [HardwareProfile] {
        guard
            let top = YAMLMap(file.root, in: file, what: "hardware.yaml", keys: ["version", "hardware"], diagnostics: &diagnostics)
        else { return [] }
        checkVersion(top)
        var seen = Set<String>()
        return top.maps("hardware", what: "hardware profile", keys: Self.hardwareKeys + Self.provenanceKeys, diagnostics: &diagnostics)
            .compactMap { map in
                guard let id = map.string("id", required: true, diagnostics: &diagnostics) else { return nil }
                if !seen.insert(id.value).inserted { diagnostics.error("hardware '\(id.value)' is defined twice", at: id.location) }
                begin()
                let p = provenance(of: map)
                let name = map.string("name", diagnostics: &diagnostics)?.value ?? id.value
                let v = ["sockets", "cores", "threads", "memory_gib", "price", "watts"].map { number(map, $0, inherited: p) }
                // Optional: without it disk is not a packing limit for the profile.
                let disk = map["disk_gib"] == nil ? nil : number(map, "disk_gib", inherited: p)
                end(kind: "hardware", id: id.value, name: name)
                guard v.allSatisfy({ $0 != nil }) else { return nil }
                if let threads = v[2]?.value, threads < 8 {
                    diagnostics.error("'threads' is \(Number.plain(threads)); a host needs at least 8", at: map.location(of: "threads"))
                }
                return HardwareProfile(
                    id: id.value, name: name, sockets: v[0]!, cores: v[1]!, threads: v[2]!, memoryGiB: v[3]!, price: v[4]!,
                    watts: v[5]!, diskGiB: disk)
            }
    }
}
