import Foundation
import Testing

@testable import NinesKit

/// Disk as a packing limit: each VM's part of the storage group against a host's disk less the
/// engine's volumes. The expected figures are worked out by hand in the comments.
@Suite struct DiskPackingTests {
    static let here = SourceLocation(file: "disk-tests", line: 1)

    static func catalog() throws -> Catalog { try Catalog.load(from: TestPaths.catalog) }

    /// A VM of `diskGiB` on one disk, small in memory and threads.
    static func vm(_ name: String, diskGiB: Double, app: String = "Files", memory: Double = 8, site: String = "hq") -> Workload {
        Workload(
            name: name, application: app, vcpus: 2, memoryGiB: memory, diskGiB: diskGiB, os: "Linux", site: site, pinnedTier: TierID(.ha),
            location: here)
    }

    /// Three items each 60% of a bin's disk and tiny otherwise. By hand, with C = 1,000 GiB:
    /// L1 on disk = 3 × 600 / 1,000 = 1.8 → 2 (memory, threads and count each give 1);
    /// L2 on disk: no item is ≤ C/2 = 500, so α = 0 only: all three lie in (500, 1,000] and need
    /// a bin each, the small items ([0, 500]) are none: 3 + 0 = 3. Any two together hold
    /// 1,200 > 1,000, so 3 bins is also what the packer must use.
    @Test func diskBindsAHandComputedPacking() {
        let capacity = PackingCapacity(memory: 380, threads: 92, count: 28, disk: 1000)
        let items = (0..<3).map { _ in VectorBinPacker.Item(memory: 9.6, threads: 3, disk: 600) }
        let (memory, threads, disk) = (items.map(\.memory), items.map(\.threads), items.map(\.disk))
        #expect(PackingBounds.l1(memory: memory, threads: threads, disk: disk, capacity: capacity) == 2)
        #expect(PackingBounds.l2(disk, capacity: 1000) == 3)
        #expect(PackingBounds.bound(memory: memory, threads: threads, disk: disk, capacity: capacity) == 3)
        let (bins, unplaced) = VectorBinPacker(capacity: capacity).pack(items)
        #expect(bins.count == 3 && unplaced.isEmpty)
        // Without the disk limit the three share one bin.
        let unlimited = PackingCapacity(memory: 380, threads: 92, count: 28)
        #expect(VectorBinPacker(capacity: unlimited).pack(items).bins.count == 1)
    }

    /// L2 with items on both sides of C/2, by hand (C = 100): sizes 70, 60, 30, 30, 20.
    /// α = 0: j2 = {70, 60} leave 30 + 40 = 70 free; j3 = 30 + 30 + 20 = 80; ⌈(80 − 70) / 100⌉ = 1
    /// → 3. α = 30: j1 = {70} (> 70), j2 = {60} leaves 40; j3 = {30, 30} = 60; ⌈20 / 100⌉ = 1 → 3.
    /// L1 = ⌈210 / 100⌉ = 3. The prefix-sum L2 gives the same 3.
    @Test func martelloTothL2ByHand() {
        #expect(PackingBounds.l2([70, 60, 30, 30, 20], capacity: 100) == 3)
        // Items all in (C/2, C]: one bin each.
        #expect(PackingBounds.l2([51, 51, 51, 51], capacity: 100) == 4)
        // Unlimited capacity bounds nothing.
        #expect(PackingBounds.l2([51, 51], capacity: .infinity) == 0)
    }

    /// The sample's server on everRun: 28,610 GiB less 64 GiB of engine volumes = 28,546 GiB for
    /// the VMs' parts. A VM of 11,900 GiB takes 11,900 + growth ⌈2,380⌉ = 2,380 + snapshots
    /// ⌈(11,900 + 2,380) × 0.2⌉ = 2,856 → 17,136 GiB, 60.03% of a host; its memory, 8 × 1.2 =
    /// 9.6 GiB of 342, is 2.8%. Two would need 34,272 GiB: three such VMs need three pairs, each
    /// bound by disk, each storage group 17,136 + 64 = 17,200 GiB within the 28,610 it holds.
    @Test func diskBindsOnRealPairs() throws {
        let catalog = try Self.catalog()
        let platform = try #require(catalog.platform("everrun-enterprise"))
        let profile = try #require(catalog.hardwareProfile("dl380-gen11-384"))
        let capacity = HostCapacity.of(profile, platform: platform, tier: .ha, headroomPercent: 10)
        #expect(capacity.diskGiB == 28_546)
        let items = (1...3).map { i in
            let vm = Self.vm("files-\(i)", diskGiB: 11_900)
            let member = Pair.Member(
                vm: vm.name, application: vm.application, tier: TierID(.ha), vcpus: 2, memoryGiB: 8, diskGiB: vm.diskGiB, os: vm.os,
                demand: VMDemand.of(vm, tier: .ha, platform: platform))
            return PairPacker.Item(member: member, site: "hq", secondSite: "hq", hardware: profile.id, capacity: capacity)
        }
        #expect(items.map(\.member.demand.diskGiB) == [17_136, 17_136, 17_136])
        let result = PairPacker().pack(items)
        #expect(result.pairs.count == 3 && result.lowerBound == 3 && result.unplaced.isEmpty)
        for pair in result.pairs {
            #expect(pair.bindingLimit == .disk)
            #expect(abs(pair.utilization.disk - 17_136.0 / 28_546) < 1e-12)
            #expect(StorageGroupSize(pair, platform: platform).totalGiB == 17_200)
        }
    }

    /// A VM whose own part is larger than a host: 20,000 GiB + 4,000 + ⌈24,000 × 0.2⌉ = 4,800
    /// → 28,800 GiB > 28,546. It is left off the pairs with the reason, and a pair tier is not
    /// feasible for it.
    @Test func aVMLargerThanAHostInDiskIsNotPlaced() throws {
        let catalog = try Self.catalog()
        let platform = try #require(catalog.platform("everrun-enterprise"))
        let profile = try #require(catalog.hardwareProfile("dl380-gen11-384"))
        let capacity = HostCapacity.of(profile, platform: platform, tier: .ha, headroomPercent: 0)
        let big = Self.vm("archive", diskGiB: 20_000)
        let demand = VMDemand.of(big, tier: .ha, platform: platform)
        #expect(demand.diskGiB == 28_800)
        let member = Pair.Member(
            vm: big.name, application: big.application, tier: TierID(.ha), vcpus: 2, memoryGiB: 8, diskGiB: big.diskGiB, os: "",
            demand: demand)
        let result = PairPacker().pack([
            PairPacker.Item(member: member, site: "hq", secondSite: "hq", hardware: profile.id, capacity: capacity)
        ])
        #expect(result.pairs.isEmpty && result.unplaced == ["archive"])
        #expect(result.overruns["archive"] == [LimitOverrun(limit: .disk, needed: 28_800, offered: 28_546)])
        let text = DecisionText.overrunText(result.overruns["archive"]!)
        #expect(text == " (disk: needs 28,800 GiB with growth and snapshots, a host offers 28,546 GiB to VMs)")
        // The tier choice sees it too: HA and FT are refused for the VM, at the platform.
        let engagement = TinyEngagement.make(applications: [TinyEngagement.app("Files")], workloads: [big])
        let decision = TierAssigner(engagement: engagement, catalog: catalog).decide(TinyEngagement.app("Files"))
        let ha = try #require(decision.options.first { $0.tier == TierID(.ha) })
        #expect(ha.failures.contains(.diskLargerThanAHost(vm: "archive", diskGiB: 28_800, hostDiskGiB: 28_546)))
    }

    /// A hardware profile without `disk_gib` loads, and disk is then no limit: the capacity is
    /// infinite, the storage group is not checked, and the bound ignores disk.
    @Test func aProfileWithoutDiskIsUnlimited() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in Catalog.fileNames {
            try FileManager.default.copyItem(at: TestPaths.catalog.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let url = folder.appendingPathComponent("hardware.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let line = "    disk_gib: 3576   # usable per host after its own RAID: 2 × 3.84 TB SSD in RAID 1: 3.84 TB, 3,576 GiB\n"
        try #require(text.contains(line))
        try text.replacingOccurrences(of: line, with: "").write(to: url, atomically: true, encoding: .utf8)
        let catalog = try Catalog.load(from: folder)
        let edge = try #require(catalog.hardwareProfile("edge-1s-128"))
        #expect(edge.diskGiB == nil && edge.usableDiskGiB == .infinity)
        let platform = try #require(catalog.platform("everrun-enterprise"))
        let capacity = HostCapacity.of(edge, platform: platform, tier: .ha, headroomPercent: 10)
        #expect(capacity.diskGiB == .infinity)
        let vm = Self.vm("big", diskGiB: 100_000)
        #expect(VMDemand.of(vm, tier: .ha, platform: platform).dominantShare(of: capacity) < 0.2)
    }

    /// The sample scaled up: every VM 100 times over (5,000 VMs), its disks doubled so disk
    /// binds on some pairs. Planned end to end, no pair's storage group exceeds its hosts' disk,
    /// so the plan has no disk note; and some pairs are bound by disk.
    @Test func scaledSampleKeepsEveryStorageGroupWithinItsHosts() throws {
        var loaded = try EngagementLoader.load(TestPaths.acme.path, catalogPath: TestPaths.catalog.path)
        let original = loaded.engagement.workloads
        loaded.engagement.workloads = (0..<100).flatMap { copy in
            original.map { vm in
                var vm = vm
                vm.name += "-\(copy)"
                vm.diskGiB *= 2
                vm.disksGiB = vm.disksGiB.map { $0 * 2 }
                return vm
            }
        }
        let plan = Planner.plan(loaded)
        let pairs = plan.packing.pairs
        #expect(pairs.count > 200)
        for pair in pairs {
            let held = try #require(plan.catalog.hardwareProfile(pair.hardware)?.diskGiB?.value)
            let group = StorageGroupSize(pair, platform: plan.platform)
            #expect(group.totalGiB <= held, "\(pair.id): \(group.totalGiB) GiB > \(held)")
            #expect(group.vmGiB == pair.usedDiskGiB)
        }
        #expect(!plan.notes.contains { if case .pairOverDisk = $0 { true } else { false } })
        #expect(pairs.contains { $0.bindingLimit == .disk })
        #expect(pairs.count >= plan.packing.lowerBound)
    }
}
