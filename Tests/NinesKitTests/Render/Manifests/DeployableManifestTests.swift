import Foundation
import Testing

@testable import NinesKit

/// The sample's manifests as an installer reads them: a SplitSite pair states its inter-site
/// link and quorum site, a Windows guest gets its drivers, the storage group keeps headroom.
@Suite struct DeployableManifestTests {
    /// The sample's manifests, written once, by path.
    static let files: [String: String] = {
        let out = try! TestPaths.temporaryFolder().appendingPathComponent("manifests")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        _ = try! Pipeline.manifests(
            Pipeline.Options(
                engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, templates: TestPaths.templates.path, output: out.path))
        let paths = try! FileManager.default.subpathsOfDirectory(atPath: out.path)
        return Dictionary(
            uniqueKeysWithValues: paths.compactMap { path in
                (try? String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)).map { (path, $0) }
            })
    }()

    static func pairs(splitSite: Bool) -> [String] {
        files.keys.filter { $0.hasSuffix("/pair.yaml") && files[$0]!.contains("inter_site_link:") == splitSite }
            .map { String($0.dropLast("/pair.yaml".count)) }.sorted()
    }

    @Test func storageGroupArithmetic() {
        // A VM's part, 1,000 GiB of disks: + 20% growth = 200, + 20% of 1,200 for snapshots = 240.
        let round = StorageGroupSize.vm(volumesGiB: 1000, growth: 0.2, snapshots: 0.2)
        #expect((round.growthGiB, round.snapshotsGiB, round.vmGiB, round.totalGiB) == (200, 240, 1440, 1440))
        // 101 GiB: growth 20.2 → 21, snapshots 24.4 → 25; 101 + 21 + 25 = 147.
        let odd = StorageGroupSize.vm(volumesGiB: 101, growth: 0.2, snapshots: 0.2)
        #expect((odd.growthGiB, odd.snapshotsGiB, odd.totalGiB) == (21, 25, 147))
    }

    /// A pair's group is its VMs' parts (each rounded on its own) plus the engine's volumes,
    /// and each VM's disk demand is its part: the packer and the manifests use one figure.
    @Test func storageGroupIsTheSumOfTheVMsParts() throws {
        let catalog = try Catalog.load(from: TestPaths.catalog)
        let platform = try #require(catalog.platform("everrun-enterprise"))
        // Disks of 101 and 50.5 GiB: volumes 101 and 51; growth 21 and 11 (10.2 → 11);
        // snapshots (101 + 21) × 0.2 = 24.4 → 25 and (51 + 11) × 0.2 = 12.4 → 13.
        let vms = [("a", [101.0]), ("b", [50.5])].map { name, disks in
            var vm = Workload(
                name: name, application: "A", vcpus: 2, memoryGiB: 4, diskGiB: disks.reduce(0, +), site: "hq", location: .init(file: "t"))
            vm.disksGiB = disks
            return vm
        }
        let members = vms.map { vm in
            Pair.Member(
                vm: vm.name, application: "A", tier: TierID(.ha), vcpus: 2, memoryGiB: 4, diskGiB: vm.diskGiB, os: "",
                demand: VMDemand.of(vm, tier: .ha, platform: platform), disksGiB: vm.disksGiB)
        }
        #expect(members.map(\.demand.diskGiB) == [147, 75])
        let pair = Pair(
            id: "pair-01", site: "hq", secondSite: "hq", hardware: "h", capacity: HostCapacity(memoryGiB: 1, threads: 1, vms: 1),
            members: members)
        let group = StorageGroupSize(pair, platform: platform)
        #expect((group.disksGiB, group.growthGiB, group.snapshotsGiB, group.engineGiB) == (152, 32, 38, 64))
        #expect(group.totalGiB == 147 + 75 + 64 && group.vmGiB == pair.usedDiskGiB)
    }

    @Test func catalogValuesAreRead() throws {
        let catalog = try Catalog.load(from: TestPaths.catalog)
        let platform = try #require(catalog.platform("everrun-enterprise"))
        #expect(platform.aLinkMTU.value == 9000 && platform.splitSiteLinkGbps.value == 10 && platform.splitSiteRoundTripMs.value == 10)
        #expect(platform.storageGrowthHeadroom.value == 0.2 && platform.snapshotReserve.value == 0.2)
        #expect(platform.engineVolumesGiB.value == 64 && platform.splitSiteRoundTripMs.provenance.assumption)
        #expect(platform.virtioWinISO == "/usr/share/virtio-win/virtio-win.iso")
        // 8 × 7.68 TB in RAID 10 is 30.72 × 10^12 bytes: 28,610 whole GiB.
        #expect(try #require(catalog.hardwareProfile("dl380-gen11-384")).diskGiB?.value == (30.72e12 / 1_073_741_824).rounded(.down))
    }

    @Test func splitSitePairsStateTheLinkAndTheQuorumSite() throws {
        let split = Self.pairs(splitSite: true)
        try #require(!split.isEmpty)
        for pair in split {
            let yaml = try #require(Self.files["\(pair)/pair.yaml"])
            #expect(yaml.contains("bandwidth_gbps_per_a_link: 10\n") && yaml.contains("round_trip_ms_max: 10\n"))
            #expect(yaml.contains("    site: lyon\n"), "the sample's third site holds the quorum server")
            #expect(yaml.contains("everRun 7.5.1.1 documentation, 'Quorum Servers'"))
            let runbook = try #require(Self.files["\(pair)/runbook.md"])
            // 9,000-byte frames less 20 bytes of IPv4 and 8 of ICMP header.
            #expect(runbook.contains("ping -M do -s 8972 -c 5"))
            #expect(runbook.contains("iperf3 -c") && runbook.contains("at most 10 ms") && runbook.contains("at least 10 Gb/s"))
            #expect(runbook.contains("lyon (Lyon warehouse") && !runbook.contains("Cable the two A-links back to back"))
        }
        for pair in Self.pairs(splitSite: false) {
            let runbook = try #require(Self.files["\(pair)/runbook.md"])
            #expect(runbook.contains("Cable the two A-links back to back") && !runbook.contains("iperf3"))
        }
    }

    @Test func noThirdSiteIsARequirement() throws {
        let site = { (id: String) in Site(id: id, name: id, location: SourceLocation(file: "engagement.yaml")) }
        let catalog = try Catalog.load(from: TestPaths.catalog)
        let plan = try Pipeline.assess(Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, trials: 0))
        let pair = try #require(plan.packing.pairs.first { $0.isSplitSite })
        let link = SplitSiteLink(
            pair: pair, platform: catalog.platform("everrun-enterprise")!, sites: [site(pair.site), site(pair.secondSite)])
        #expect(link.quorumSite == nil && link.quorumPlacement.contains("provide one"))
    }

    @Test func windowsGuestsGetTheirDrivers() throws {
        let domains = Self.files.filter { $0.key.contains("/vms/") && $0.key.hasSuffix(".xml") }
        let windows = domains.filter { $0.value.contains("<clock offset=\"localtime\"") }
        try #require(!windows.isEmpty && windows.count < domains.count)
        for (path, xml) in domains {
            let cdrom = xml.contains("<source file=\"/usr/share/virtio-win/virtio-win.iso\"/>") && xml.contains("<readonly/>")
            #expect(cdrom == (windows[path] != nil), "\(path)")
        }
        let runbooks = Self.files.filter { $0.key.hasSuffix("/runbook.md") && $0.value.contains("| virtio-win |") }
        try #require(!runbooks.isEmpty)
        for runbook in runbooks.values { #expect(runbook.contains("virt-v2v") && runbook.contains("viostor")) }
    }

    @Test func pairsOverDiskAreNoted() throws {
        let plan = try Pipeline.assess(Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, trials: 0))
        var pair = try #require(plan.packing.pairs.first { $0.hardware == "dl380-gen11-384" })
        #expect(Planner.diskNotes([pair], catalog: plan.catalog, platform: plan.platform, engagement: plan.engagement).isEmpty)
        // One 20,000 GiB disk: 20,000 + 4,000 + 4,800 + 64 = 28,864 GiB > 28,610.
        pair.members = [pair.members[0]]
        pair.members[0].diskGiB = 20000
        let notes = Planner.diskNotes([pair], catalog: plan.catalog, platform: plan.platform, engagement: plan.engagement)
        guard case .pairOverDisk(_, let needed, let held, _, _) = try #require(notes.first) else { Issue.record("no disk note"); return }
        #expect((needed, held) == (28864, 28610))
    }

    /// A catalog whose A-link MTU is below IPv4's 576 bytes, or whose hardware's `disk_gib` is
    /// not a size, is refused at its line.
    @Test func badLinkAndDiskValuesAreRefused() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in Catalog.fileNames {
            try FileManager.default.copyItem(at: TestPaths.catalog.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        for (file, old, new) in [
            ("platforms.yaml", "alink_mtu:\n      value: 9000", "alink_mtu:\n      value: 200"),
            ("hardware.yaml", "    disk_gib: 3576", "    disk_gib: plenty"),
        ] {
            let url = folder.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            try #require(text.contains(old))
            try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        }
        let error = try #require(throws: InputError.self) { try Catalog.load(from: folder) }
        let messages = error.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("alink_mtu") && $0.contains("576") }, "\(messages)")
        #expect(messages.contains { $0.contains("disk_gib") }, "\(messages)")
    }

    /// Each Pacemaker pair's runbook says how its VMs move, why (the catalog's choice and its
    /// source) and what that needs — for the sample's live migration and for a stop and a start.
    @Test func pacemakerRunbookExplainsTheMigrationChoice() throws {
        let live = try #require(Self.files.first { $0.key.hasSuffix("pacemaker-drbd/pair-01/runbook.md") }?.value)
        for phrase in [
            "live migration (dual-primary DRBD)", "`live_migration: true`", "LINBIT, 'DRBD 9.0 User's Guide'", "`allow-two-primaries yes`",
            "`promoted-max=2`", "`fencing resource-and-stonith`", "pcs stonith fence kvm-01-b", "`migration_transport=ssh`",
        ] {
            #expect(live.contains(phrase), "\(phrase)")
        }
        let pair = AddressPlanTests.pairs(1, vms: 2)[0]
        let names = ManifestNames(pair.members.map(\.vm))
        let files = Dictionary(
            uniqueKeysWithValues: ManifestRenderer.pacemakerCluster(
                pair, addresses: nil, names: names, liveMigration: false, virtioWinISO: "",
                basis: PacemakerRunbook.Basis(source: "a test", restartTime: "3m")))
        let runbook = String(decoding: try #require(files["alternatives/pacemaker-drbd/pair-01/runbook.md"]), as: UTF8.self)
        for phrase in ["a stop and a start", "`live_migration: false`", "a test", "`promoted-max=1`", "`allow-migrate=false`", "about 3m"] {
            #expect(runbook.contains(phrase), "\(phrase)")
        }
        #expect(!runbook.contains("allow-two-primaries"))
        let cib = String(decoding: try #require(files["alternatives/pacemaker-drbd/pair-01/cib.xml"]), as: UTF8.self)
        #expect(cib.contains("name=\"allow-migrate\" value=\"false\""))
    }
}
