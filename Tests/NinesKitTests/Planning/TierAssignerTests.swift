import Foundation
import Testing

@testable import NinesKit

@Suite struct TierAssignerTests {
    let catalog: Catalog

    init() throws {
        catalog = try Catalog.load(from: TestPaths.catalog)
    }

    func decide(_ app: Application, _ vms: [Workload]) -> TierDecision {
        TierAssigner(engagement: TinyEngagement.make(applications: [app], workloads: vms), catalog: catalog).decide(app)
    }

    @Test func shortHardwareRTOLeavesOnlyFT() {
        var app = TinyEngagement.app("ERP", availability: 99.99, rto: TimeSpan(seconds: 30), rpo: .zero, revenue: 10_000)
        app.sla.rtoScope = .hardware
        let d = decide(app, [TinyEngagement.vm("e1", app: "ERP")])
        #expect(d.chosen.tier?.local == .ft)
        #expect(d.basis == .cheapestFeasible)
        let ha = d.options.first { $0.tier == TierID(.ha) }!
        #expect(ha.failures.contains(.rto(mode: .hostFailure, recovers: .minutes(10), required: TimeSpan(seconds: 30))))
        #expect(ha.failures.map(DecisionText.failure).contains("rto: a host failure recovers in 10m, the RTO is 30s"))
        #expect(d.options.count == TierID.all.count)
    }

    /// With the RTO held for every failure (the default), the longest recovery of a mode at
    /// least once a century binds. On FT that is both hosts down by a common cause: β × λ ×
    /// P(both up) = 0.02 × 1 × 0.998 ≈ 0.02 a year (failure-rates.yaml), repaired in 8 h; a
    /// guest crash (0.5 a year, a 5-minute reboot: tiers.yaml) also misses 30 s, but is shorter.
    @Test func shortRTOForEveryFailureIsBoundByTheLongestRecovery() {
        let d = decide(
            TinyEngagement.app("ERP", availability: 99, rto: TimeSpan(seconds: 30), rpo: .zero, revenue: 10_000),
            [TinyEngagement.vm("e1", app: "ERP")])
        #expect(d.basis == .noFeasibleTier)
        let ft = d.options.first { $0.tier == TierID(.ft) }!
        #expect(ft.failures == [.rto(mode: .commonCause, recovers: .hours(8), required: TimeSpan(seconds: 30))])
        let binding = ServiceFeasibility.bindingRecovery(sla: d.application.sla, incidents: ft.estimate.incidents)
        #expect(binding?.mode == .commonCause)
        var hardware = d.application.sla
        hardware.rtoScope = .hardware
        // Held to hardware failures only, FT's 5-second failover is what counts (the uncovered
        // share, 1% of 0.98 a year, is under once a century).
        #expect(ServiceFeasibility.bindingRecovery(sla: hardware, incidents: ft.estimate.incidents)?.mode == .hostFailure)
    }

    @Test func cheapApplicationStaysOnBackup() {
        let d = decide(TinyEngagement.app("Print", availability: 99), [TinyEngagement.vm("p1", app: "Print", vcpus: 1, memory: 2)])
        #expect(d.chosen.tier == TierID(.backup))
    }

    /// An FT VM over 8 vCPUs is infeasible for FT, with a split suggestion; with an RTO only FT
    /// meets, nothing is feasible and the explanation names the requirement.
    @Test func oversizedVMCannotBeFT() {
        var app = TinyEngagement.app("DWH", availability: 99.9, rto: TimeSpan(seconds: 30), rpo: .zero)
        app.sla.rtoScope = .hardware
        let d = decide(app, [TinyEngagement.vm("big", app: "DWH", vcpus: 12, memory: 64)])
        let ft = d.options.first { $0.tier == TierID(.ft) }!
        #expect(ft.failures.contains(.tooManyVCPUs(vm: "big", vcpus: 12, protection: "FT", limit: 8, parts: 2)))
        #expect(
            ft.failures.map(DecisionText.failure).contains(
                "platform: big has 12 vCPUs, over the FT limit of 8; split it into 2 VMs of ≤ 8 vCPUs"))
        #expect(d.basis == .noFeasibleTier)
        let text = DecisionText.explanation(d, engagement: TinyEngagement.make(applications: [], workloads: []))
        #expect(text.contains("ha (fails rto: a host failure recovers in 10m, the RTO is 30s)"))
        #expect(text.contains("ft (fails platform: big has 12 vCPUs"))
    }

    @Test func siteDisasterSurvivalNeedsSplitSite() {
        let d = decide(
            TinyEngagement.app("MES", availability: 99.9, rto: .hours(1), rpo: .zero, revenue: 1000, siteDisaster: .survive),
            [TinyEngagement.vm("m1", app: "MES")])
        #expect(d.chosen.tier?.site == .splitsite)
        #expect(d.options.filter(\.feasible).allSatisfy { $0.tier?.site == .splitsite })
    }

    @Test func pinnedTierWins() {
        let d = decide(TinyEngagement.app("Print", availability: 99), [TinyEngagement.vm("p1", app: "Print", tier: TierID(.ft))])
        #expect(d.chosen.tier == TierID(.ft))
        #expect(d.basis == .pinned)
    }

    @Test func saasGapIsFlagged() {
        let d = decide(TinyEngagement.app("CRM", availability: 99.95, hosting: .saas(vendorAvailability: 99.9)), [])
        #expect(d.basis == .saas)
        #expect(!d.chosen.feasible)
        // 0.1% of a 365-day year is 525.6 minutes of vendor downtime.
        #expect(abs(d.chosen.estimate.unplannedMinutes - 525.6) < 1e-9)
    }

    /// Hand calculation from the bundled catalog (dl380-gen11-384, everrun-enterprise, 5 years):
    /// server 28,000/5 + 0.45 kW × 8,760 h × 1.58 × 0.0806 = 5,600 + 502.01 = 6,102.01;
    /// pair = 2 × (6,102.01 + 9,000/5 + 0.2 × 9,000) = 19,404.01. A 4-vCPU, 32-GiB FT VM takes
    /// 38.4 of 380 GiB (0.10105), 6 of 92 threads, 1 of 28 slots: 0.10105 × 19,404.01 + 300
    /// backup = 2,260.83.
    @Test func protectionCostByHand() {
        let engagement = TinyEngagement.make(applications: [], workloads: [])
        let model = ProtectionCostModel(catalog: catalog, engagement: engagement, platform: catalog.platform("everrun-enterprise")!)
        let profile = catalog.hardwareProfile("dl380-gen11-384")!
        #expect(abs(model.powerPerServerYear(profile) - 0.45 * 8760 * 1.58 * 0.0806) < 1e-9)
        #expect(abs(model.pairPerYear(profile) - 19_404.01) < 0.01)
        let cost = model.annualCost(of: TinyEngagement.vm("v", app: "A"), tier: TierID(.ft))
        #expect(abs(cost - (38.4 / 380 * 19_404.01 + 300)) < 0.01)
    }
}
