import Foundation
import Testing

@testable import NinesKit

/// One capacity model: `nines size` and `nines plan` see the same host.
@Suite struct HostCapacityTests {
    /// The sample's host (384 GiB, 96 threads, everRun's 4 GiB and 4 threads reserved) with its
    /// 10% growth headroom: (384 − 4) × 0.9 = 342 GiB and (96 − 4) × 0.9 = 82.8 threads, 28 VMs
    /// (docs/MODEL.md, pair sizing) — for the plan and for `nines size --headroom 10` alike.
    @Test func sizeAndPlanShareTheCapacityModel() throws {
        let loaded = try EngagementLoader.load(TestPaths.acme.path, catalogPath: TestPaths.catalog.path)
        let assigner = TierAssigner(engagement: loaded.engagement, catalog: loaded.catalog)
        let planned = assigner.costs.capacity(site: "hq", tier: .ft)
        #expect(abs(planned.memoryGiB - 342) < 1e-9 && abs(planned.threads - 82.8) < 1e-9 && planned.vms == 28)
        let sized = StandaloneSizing(
            platform: assigner.platform, hostMemoryGiB: 384, hostThreads: 96, headroomPercent: loaded.engagement.growthHeadroomPercent
        ).capacity
        #expect(sized == planned)
        #expect(StandaloneSizing(platform: assigner.platform, hostMemoryGiB: 384, hostThreads: 96).capacity.threads == 92)
    }
}
