/// The view model of a pair's provisioning runbook (Templates/runbook.md.mustache).
struct RunbookView {
    struct VMStep {
        var order: String
        var id, name, application, protection, vcpus, memory, disk, drivers: String
    }

    var pair: String
    var platform: String
    var hardware: String
    var node0, node1, site0, site1: String
    var replication0, replication1: String
    var splitSite: Bool
    /// A-link MTU, bytes, and the ICMP payload that fills it.
    var mtu, pingPayload: String
    var mtuSource: String
    /// The inter-site link of a SplitSite pair: Gb/s per A-link, longest round trip in ms.
    var linkGbps, linkGbpsSource, linkRTT, linkRTTSource: String
    var quorumPlacement, alternatePlacement, quorumSource: String
    /// The storage group and its parts, "N GiB".
    var storage, storageDisks, storageGrowth, storageSnapshots, storageEngine, hostDisk: String
    var growthShare, snapshotShare: String
    var storageFits: Bool
    var hasWindows: Bool
    var virtioWinISO: String
    var vms: [VMStep]

    init(pair: Pair, assessment: Assessment, names: ManifestNames, bootOrder: [String: Int]) {
        let platform = assessment.platform
        let profile = assessment.catalog.hardwareProfile(pair.hardware)
        self.pair = pair.id
        self.platform = platform.name
        hardware = profile?.name ?? pair.hardware
        node0 = "\(pair.id)-node0"
        node1 = "\(pair.id)-node1"
        site0 = pair.site
        site1 = pair.secondSite
        let replication = assessment.addresses.pairs[pair.id]?.replication ?? []
        replication0 = replication.first ?? "<node0 A-link address>"
        replication1 = replication.dropFirst().first ?? "<node1 A-link address>"
        splitSite = pair.isSplitSite
        let link = SplitSiteLink(pair: pair, platform: platform, sites: assessment.engagement.sites)
        mtu = Number.plain(link.mtu.value)
        pingPayload = String(link.pingPayload)
        mtuSource = link.mtu.provenance.summary
        linkGbps = Number.plain(link.gbps.value)
        linkGbpsSource = link.gbps.provenance.summary
        linkRTT = Number.plain(link.roundTripMs.value)
        linkRTTSource = link.roundTripMs.provenance.summary
        quorumPlacement = link.quorumPlacement
        alternatePlacement =
            link.alternateSite.flatMap { $0 == link.quorumSite ? nil : "\($0.id) (\($0.name))" } ?? "the same site, on other power"
        quorumSource = SplitSiteLink.quorumSource
        let size = StorageGroupSize(pair, platform: platform)
        let gib = { (value: Double) in Number.grouped(value) + " GiB" }
        storage = gib(size.totalGiB)
        storageDisks = gib(size.disksGiB)
        storageGrowth = gib(size.growthGiB)
        storageSnapshots = gib(size.snapshotsGiB)
        storageEngine = gib(size.engineGiB)
        hostDisk = profile?.diskGiB.map { gib($0.value) } ?? "as much as the hardware provides (its profile gives no disk_gib)"
        growthShare = Number.plain(platform.storageGrowthHeadroom.value * 100) + "% of the disks"
        snapshotShare = Number.plain(platform.snapshotReserve.value * 100) + "% of disks and growth"
        storageFits = size.totalGiB <= (profile?.usableDiskGiB ?? .infinity) + 1e-9
        hasWindows = pair.members.contains { GuestDrivers.isWindows($0.os) }
        virtioWinISO = platform.virtioWinISO
        vms = pair.members.sorted { (bootOrder[$0.vm] ?? 0, $0.vm) < (bootOrder[$1.vm] ?? 0, $1.vm) }.map { m in
            VMStep(
                order: String(bootOrder[m.vm] ?? 1), id: names[m.vm], name: m.vm, application: m.application,
                protection: m.tier.local.rawValue.uppercased(), vcpus: String(m.vcpus), memory: Number.plain(m.memoryGiB) + " GiB",
                disk: Number.plain(StorageGroupSize.volumeGiB(m.diskGiB)) + " GiB",
                drivers: GuestDrivers(os: m.os).needsVirtioWin ? "virtio-win" : "in the kernel")
        }
    }
}
