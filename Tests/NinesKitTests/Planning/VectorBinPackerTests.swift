import Foundation
import Testing

@testable import NinesKit

@Suite struct VectorBinPackerTests {
    /// Martello & Toth L2, hand example: capacity 10, sizes 6, 6, 6, 4, 4, 4, 4. L1 = ⌈34/10⌉ =
    /// 4; with α = 4 the three 6s need three bins leaving 3 × 4 = 12 free, the four 4s (16)
    /// need ⌈(16 − 12)/10⌉ = 1 more: L2 = 4. With sizes 6, 6, 6, 5, 5: L1 = ⌈28/10⌉ = 3, but
    /// with α = 5 the 6s are above C − α and need three bins, and the 5s (10) cannot use them:
    /// L2 = 3 + ⌈10/10⌉ = 4, the optimum (6 | 6 | 6 | 5 5). And 7, 7, 7, 7: L1 = 3, L2 = 4.
    @Test func martelloTothL2() {
        #expect(PackingBounds.l2([6, 6, 6, 4, 4, 4, 4], capacity: 10) == 4)
        #expect(PackingBounds.l2([6, 6, 6, 5, 5], capacity: 10) == 4)
        #expect(
            PackingBounds.l1(
                memory: [6, 6, 6, 5, 5], threads: [1, 1, 1, 1, 1], capacity: PackingCapacity(memory: 10, threads: 9, count: 9)) == 3)
        #expect(PackingBounds.l2([7, 7, 7, 7], capacity: 10) == 4)
        let capacity = PackingCapacity(memory: 10, threads: 100, count: 100)
        #expect(PackingBounds.l1(memory: [7, 7, 7, 7], threads: [1, 1, 1, 1], capacity: capacity) == 3)
        #expect(PackingBounds.bound(memory: [7, 7, 7, 7], threads: [1, 1, 1, 1], capacity: capacity) == 4)
    }

    /// Threads bind and first-fit decreasing wastes a bin: 6 items of 5 and 6 of 3 threads into
    /// bins of 8. Total 48 = 6 × 8: the optimum pairs each 5 with a 3 in 6 bins.
    @Test func reachesTheBoundWhereFirstFitDoesNot() {
        let items =
            (0..<6).map { _ in VectorBinPacker.Item(memory: 1, threads: 5) }
            + (0..<6).map { _ in VectorBinPacker.Item(memory: 1, threads: 3) }
        let packer = VectorBinPacker(capacity: PackingCapacity(memory: 100, threads: 8, count: 28))
        let (bins, unplaced) = packer.pack(items)
        #expect(bins.count == 6)
        #expect(unplaced.isEmpty)
        #expect(Set(bins.flatMap { $0 }) == Set(items.indices))
    }

    /// Running the attempt after a failure beside the current one must not change the search:
    /// on random estates (VM sizes as on the sizing workshop's hosts: 1–16 threads, 2–64 GiB,
    /// some anti-affinity groups) the bins are exactly those of the one-by-one search.
    @Test func speculativeAttemptsGiveTheSequentialResult() {
        var generator = SeededGenerator(seed: 7)
        for size in [50, 400, 3000] {
            let items = (0..<size).map { _ in
                VectorBinPacker.Item(
                    memory: Double(2 + generator.next() % 63), threads: Int(1 + generator.next() % 16),
                    group: generator.next() % 10 == 0 ? Int(generator.next() % 20) : nil)
            }
            var sequential = VectorBinPacker(capacity: PackingCapacity(memory: 380, threads: 92, count: 28))
            sequential.speculates = false
            let speculative = VectorBinPacker(capacity: PackingCapacity(memory: 380, threads: 92, count: 28))
            let expected = sequential.pack(items)
            let packed = speculative.pack(items)
            #expect(packed.bins == expected.bins, "\(size) items")
            #expect(packed.unplaced == expected.unplaced)
        }
    }

    @Test func antiAffinityKeepsGroupMembersApart() {
        let items =
            (0..<4).map { _ in VectorBinPacker.Item(memory: 1, threads: 1, group: 7) } + [VectorBinPacker.Item(memory: 1, threads: 1)]
        let (bins, _) = VectorBinPacker(capacity: PackingCapacity(memory: 100, threads: 100, count: 28)).pack(items)
        #expect(bins.count == 4)
        for bin in bins { #expect(bin.filter { $0 < 4 }.count <= 1) }
    }

    /// The packing benchmark on the sizing-workshop export (Fixtures/rvtools): 763 VMs, lower bound 40
    /// (threads bind), first-fit decreasing 44, the optimum 40.
    @Test
    func designBenchmarkReachesTheBound() throws {
        let vms = try InventoryImporter.read(
            [RVToolsFixtureTests.fixtures.appendingPathComponent("sizing-workshop.xlsx").path], format: .rvtools
        ).vms
        let items = vms.enumerated().map { i, vm in
            VectorBinPacker.Item(memory: vm.memoryGiB * 1.2, threads: vm.vcpus + (i % 3 == 0 && vm.vcpus <= 8 ? 2 : 1))
        }
        #expect(vms.enumerated().filter { $0.offset % 3 == 0 && $0.element.vcpus <= 8 }.count == 251)
        let capacity = PackingCapacity(memory: 380, threads: 92, count: 28)
        #expect(PackingBounds.bound(memory: items.map(\.memory), threads: items.map(\.threads), capacity: capacity) == 40)
        let (bins, unplaced) = VectorBinPacker(capacity: capacity).pack(items)
        #expect(bins.count == 40 && unplaced.isEmpty)
        for bin in bins {
            #expect(bin.reduce(0) { $0 + items[$1].memory } <= 380 + 1e-9)
            #expect(bin.reduce(0) { $0 + items[$1].threads } <= 92)
            #expect(bin.count <= 28)
        }
    }
}

@Suite struct PlannerTests {
    /// The fixed point: a lone VM at a site pays for a whole pair once the packing is known,
    /// so a low-value application there falls back to backup instead of buying a pair.
    @Test func repricingAtThePackingMovesLoneVMsOffPairs() throws {
        let catalog = try Catalog.load(from: TestPaths.catalog)
        let apps = [TinyEngagement.app("Lone", availability: 99.9, rto: .hours(1), rpo: .hours(1), revenue: 600)]
        let vms = [TinyEngagement.vm("lone1", app: "Lone", vcpus: 2, memory: 8, site: "dr")]
        let engagement = TinyEngagement.make(applications: apps, workloads: vms)
        let optimistic = TierAssigner(engagement: engagement, catalog: catalog).decide(apps[0])
        let plan = Planner.plan(LoadedEngagement(engagement: engagement, catalog: catalog, warnings: []))
        let chosen = try #require(plan.decisions.first?.chosen)
        // With a share-of-a-pair price, HA looks cheap; at the price of a whole pair it is not.
        #expect(optimistic.chosen.tier?.local == .ha)
        #expect(chosen.tier?.local == .backup || chosen.protectionCost > optimistic.chosen.protectionCost)
    }

    @Test func sizeCommandLibraryHonoursTheTierColumn() throws {
        let catalog = try Catalog.load(from: TestPaths.catalog)
        let sizing = StandaloneSizing(platform: catalog.platform("everrun-enterprise")!, hostMemoryGiB: 384, hostThreads: 96)
        let vms =
            (0..<30).map { TinyEngagement.vm("v\($0)", app: "A", vcpus: 1, memory: 1, tier: $0 % 2 == 0 ? TierID(.ft) : nil) }
            + [TinyEngagement.vm("b", app: "B", tier: TierID(.backup))]
        let result = sizing.size(vms)
        #expect(result.pairs == 2 && result.lowerBound == 2)
        #expect(result.skipped == ["b"])
        #expect(result.assignments.filter { $0.tier == "ft" }.count == 15)
        let json = try JSONSerialization.jsonObject(with: Data(try result.json().utf8)) as? [String: Any]
        #expect(json?["pairs"] as? Int == 2 && json?["lower_bound"] as? Int == 2)
        #expect((json?["assignments"] as? [[String: Any]])?.first?["pair"] as? String == "pair-01")
    }
}
