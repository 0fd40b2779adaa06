import Foundation
import Testing

@testable import NinesKit

/// One capacity model: `nines size` and `nines plan` see the same host.
@Suite struct HostCapacityTests {
    /// The sample's host (384 GiB, 96 threads, everRun's 4 GiB and 4 threads reserved) with its
    /// 10% growth headroom: (384 − 4) × 0.9 = 342 GiB and (96 − 4) × 0.9 = 82.8 threads, 28 VMs
    /// (docs/MODEL.md, pair sizing) — for the plan and for `nines size --headroom 10` alike.
    /// Disk: 28,610 GiB less the engine's 64 GiB of volumes = 28,546 GiB, no headroom taken (each
    /// VM's part of the storage group carries its own).
    @Test func sizeAndPlanShareTheCapacityModel() throws {
        let loaded = try EngagementLoader.load(TestPaths.acme.path, catalogPath: TestPaths.catalog.path)
        let assigner = TierAssigner(engagement: loaded.engagement, catalog: loaded.catalog)
        let planned = assigner.costs.capacity(site: "hq", tier: .ft)
        #expect(abs(planned.memoryGiB - 342) < 1e-9 && abs(planned.threads - 82.8) < 1e-9 && planned.vms == 28)
        #expect(planned.diskGiB == 28_546)
        let sized = StandaloneSizing(
            platform: assigner.platform, hostMemoryGiB: 384, hostThreads: 96, headroomPercent: loaded.engagement.growthHeadroomPercent,
            hostDiskGiB: 28_610
        ).capacity
        #expect(sized == planned)
        let plain = StandaloneSizing(platform: assigner.platform, hostMemoryGiB: 384, hostThreads: 96).capacity
        #expect(plain.threads == 92 && plain.diskGiB == .infinity)
        // Off a pair (a backup tier's single server) disk is not a limit.
        #expect(assigner.costs.capacity(site: "hq", tier: .backup).diskGiB == .infinity)
    }

    /// Unlimited disk is left out of `nines size --json` (JSON has no infinity), a finite one is
    /// written, and both read back.
    @Test func unlimitedDiskIsLeftOutOfJSON() throws {
        let unlimited = try JSONEncoder().encode(HostCapacity(memoryGiB: 342, threads: 82.8, vms: 28))
        #expect(!String(decoding: unlimited, as: UTF8.self).contains("diskGib"))
        #expect(try JSONDecoder().decode(HostCapacity.self, from: unlimited).diskGiB == .infinity)
        let limited = HostCapacity(memoryGiB: 342, threads: 82.8, vms: 28, diskGiB: 28_546)
        #expect(try JSONDecoder().decode(HostCapacity.self, from: JSONEncoder().encode(limited)) == limited)
    }
}
