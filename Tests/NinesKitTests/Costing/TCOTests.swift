import Foundation
import Testing

@testable import NinesKit

@Suite struct TCOTests {
    let catalog: Catalog

    init() throws {
        catalog = try Catalog.load(from: TestPaths.catalog)
    }

    func plan(_ vms: [Workload], apps: [Application]) -> Plan {
        let engagement = TinyEngagement.make(applications: apps, workloads: vms)
        return Planner.plan(LoadedEngagement(engagement: engagement, catalog: catalog, warnings: []))
    }

    func evaluate(_ id: String, _ plan: Plan) throws -> AlternativeEvaluation {
        let spec = try #require(catalog.alternatives.first { $0.id == id })
        return TCOModel(plan: plan, specs: [spec], economics: catalog.economics).evaluate()[0]
    }

    /// Worked example: 100 now, then 10 a year for 3 years at 10%:
    /// 100 + 10/1.1 + 10/1.21 + 10/1.331 = 124.8685.
    @Test func presentValueWorkedExample() {
        #expect(abs(TCOModel.presentValue(upfront: 100, yearly: [10, 10, 10], rate: 0.10) - 124.868_519) < 1e-6)
    }

    /// The Availability Report Card (Servo Dynamics, "Stratus everRun", quoting Stratus, "VMware
    /// vSphere vs Stratus everRun Enterprise Comparison") at $11,437.50 a minute: vSphere HA's
    /// 52.56 min → $601,155; everRun's 4 min → $45,750 (docs/MODEL.md §11).
    @Test func reportCardArithmetic() {
        #expect(abs(ReportCard.cost(downtimeMinutes: 52.56, costPerMinute: 11_437.50) - 601_155) < 1e-6)
        #expect(ReportCard.cost(downtimeMinutes: 4, costPerMinute: 11_437.50) == 45_750)
        #expect(abs(Availability.downtimeMinutes(percent: 99.99) - 52.56) < 1e-9)
    }

    /// One FT VM on everRun Enterprise, by hand from the bundled catalog (5-year horizon):
    /// capex = 2 × 28,000 hardware + 2 × 2,400 storage + 2 × 1,800 network + 2 × 9,000 licences
    /// + 3 days × 1,400 = 86,600; opex = 20% × 18,000 support + 0.05 × 96,800 × 1.42 admin
    /// + 0.9 kW × 8,760 h × 1.58 × 0.0806 power + 0.9 kW × 1.58 × 184 × 12 space
    /// = 3,600 + 6,872.80 + 1,004.01 + 3,139.78 = 14,616.59.
    @Test func onePairByHand() throws {
        let app = TinyEngagement.app("A", availability: 99.9, rto: .hours(1), rpo: .zero, revenue: 1000)
        let plan = plan([TinyEngagement.vm("a1", app: "A", tier: TierID(.ft))], apps: [app])
        let e = try evaluate("everrun-enterprise", plan)
        #expect(e.sizing.nodes == 2 && e.sizing.groups == 1)
        #expect(abs(e.capex.total - 86_600) < 0.01)
        #expect(abs(e.opex.total - 14_616.59) < 0.01)
        #expect(e.sizing.runsFT["A"] == true)
        #expect(e.years.count == 5)
        #expect(abs(e.total - (86_600 + 5 * (14_616.59 + e.downtimeCostPerYear))) < 0.05)
    }

    /// vSphere HA: one host's capacity held back, at least two hosts; licences per core with a
    /// 16-core minimum per CPU: 2 hosts × 48 cores × $135 = $12,960 a year.
    @Test func clusterSizingAndPerCoreLicences() throws {
        let app = TinyEngagement.app("A", availability: 99.9, rto: .hours(1), rpo: .zero, revenue: 1000)
        let plan = plan([TinyEngagement.vm("a1", app: "A", tier: TierID(.ha))], apps: [app])
        let e = try evaluate("vsphere-ha", plan)
        #expect(e.sizing.nodes == 2)
        #expect(e.opex.licenses == 12_960)
        #expect(e.capex.storage == 60_000)
    }

    /// vSphere FT: four 2-vCPU FT VMs are 8 FT VMs (primaries and secondaries) and 16 FT vCPUs;
    /// at 4 FT VMs and 8 FT vCPUs per host that is 2 hosts, plus one held back: 3.
    @Test func vSphereFTLimits() throws {
        let app = TinyEngagement.app("A", availability: 99.9, rto: TimeSpan(seconds: 30), rpo: .zero, revenue: 1000)
        let vms = (0..<4).map { TinyEngagement.vm("a\($0)", app: "A", vcpus: 2, memory: 8, tier: TierID(.ft)) }
        let e = try evaluate("vsphere-ft", plan(vms, apps: [app]))
        #expect(e.sizing.nodes == 3)
        #expect(e.sizing.runsFT["A"] == true)
        let big = [TinyEngagement.vm("b", app: "A", vcpus: 12, memory: 8, tier: TierID(.ft))]
        let capped = try evaluate("vsphere-ft", plan(big, apps: [app]))
        #expect(capped.sizing.runsFT["A"] == false)
        #expect(capped.sizing.notes.contains { $0.contains("is over 8 vCPUs") })
    }

    @Test func breakEvenAndSensitivityOnTheSample() throws {
        let plan = try Pipeline.assess(Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, trials: 0))
        let tco = try #require(plan.tco)
        #expect(tco.alternatives.count == 6)
        #expect(tco.reference == "everrun-enterprise")
        for b in tco.breakEvens {
            let a = tco.alternatives.first { $0.id == b.costlier }!
            let c = tco.alternatives.first { $0.id == b.cheaper }!
            if let year = b.year {
                #expect(a.years[year - 1].presentValue <= c.years[year - 1].presentValue + 1e-6)
                if year > 1 { #expect(a.years[year - 2].presentValue > c.years[year - 2].presentValue) }
            } else {
                #expect(a.years.last!.presentValue > c.years.last!.presentValue)
            }
        }
        // Each year's present value ends at the NPV the ranking uses.
        for alternative in tco.alternatives { #expect(abs(alternative.years.last!.presentValue - alternative.npv) < 1e-6) }
        #expect(tco.sensitivity.count == 6)
        #expect(Set(tco.sensitivity.map(\.factor)) == ["downtime cost", "host MTBF", "licence prices"])
        let json = try JSONSerialization.jsonObject(with: Data(try TCODocument(tco).json().utf8)) as? [String: Any]
        let first = (json?["alternatives"] as? [[String: Any]])?.first
        #expect(first?["id"] != nil && first?["npv"] != nil && first?["expected_downtime_minutes_per_year"] != nil)
        let year = (first?["years"] as? [[String: Any]])?.first
        #expect(year?["capex"] != nil && year?["opex"] != nil && year?["downtime_cost"] != nil && year?["total"] != nil)
        // The sensitivity reuses sizings and (for licence prices) the base downtime: each case
        // equals a model evaluated from scratch with that one multiplier.
        for (factor, multiplier) in [("licence prices", 1.5), ("host MTBF", 0.5)] {
            var fresh = TCOModel(plan: plan.plan, specs: tco.alternatives.map(\.spec), economics: plan.catalog.economics)
            if factor == "licence prices" { fresh.licenseFactor = multiplier } else { fresh.failureRateFactor = 1 / multiplier }
            let npv = Dictionary(uniqueKeysWithValues: fresh.evaluate().map { ($0.id, $0.npv) })
            let reused = try #require(tco.sensitivity.first { $0.factor == factor && $0.multiplier == multiplier })
            for (id, value) in npv { #expect(abs(reused.npv[id]! - value) < 1e-6 * max(1, value), "\(factor) \(id)") }
        }
    }

    /// "Pays for itself above c per hour" is on the NPV basis: at c the reference and the other
    /// alternative have the same NPV, capex + (opex + c × hours) × A, where A is the annuity
    /// factor — for 5 years at 8%, (1 − 1.08^−5) / 0.08 = 3.992710 (hand calculation).
    @Test func paysAboveIsOnTheDiscountedBasis() throws {
        #expect(abs(TCOModel.presentValue(upfront: 0, yearly: Array(repeating: 1, count: 5), rate: 0.08) - 3.992_710) < 1e-6)
        let plan = try Pipeline.assess(Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, trials: 0))
        let tco = try #require(plan.tco)
        let rate = tco.discountRatePercent / 100
        let ref = try #require(tco.alternatives.first { $0.id == tco.reference })
        var checked = 0
        for paysAbove in tco.referencePaysAbove {
            guard let c = paysAbove.costPerHour, c > 0 else { continue }
            let other = try #require(tco.alternatives.first { $0.id == paysAbove.against })
            let npv = { (e: AlternativeEvaluation) in
                TCOModel.presentValue(
                    upfront: e.capex.total, yearly: Array(repeating: e.opex.total + c * e.downtimeHoursPerYear, count: tco.horizonYears),
                    rate: rate)
            }
            #expect(abs(npv(ref) - npv(other)) < 1e-6 * npv(ref), "\(other.id)")
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test func engagementOverridesCatalogValues() throws {
        let folder = try TestPaths.acmeCopy(edits: [
            (
                "engagement.yaml", "growth_headroom: 10",
                "growth_headroom: 10\nalternatives: [everrun-enterprise, vsphere-ha]\nalternative_overrides:\n  vsphere-ha: {license_price: 200}"
            )
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let plan = try Pipeline.assess(Pipeline.Options(engagement: folder.path, catalog: TestPaths.catalog.path, trials: 0))
        let tco = try #require(plan.tco)
        #expect(tco.alternatives.map(\.id) == ["everrun-enterprise", "vsphere-ha"])
        let ha = tco.alternatives[1]
        #expect(ha.spec.licensePrice.value == 200)
        #expect(ha.spec.licensePrice.provenance.source?.contains("engagement.yaml") == true)
        let bad = try TestPaths.acmeCopy(edits: [
            ("engagement.yaml", "growth_headroom: 10", "growth_headroom: 10\nalternative_overrides:\n  vsphere-ha: {licence_price: 200}")
        ])
        defer { try? FileManager.default.removeItem(at: bad.deletingLastPathComponent()) }
        let error = try #require(throws: InputError.self) { try EngagementLoader.load(bad.path, catalogPath: TestPaths.catalog.path) }
        #expect(
            error.diagnostics.contains { $0.message.contains("unknown key 'licence_price'") && $0.fix?.contains("license_price") == true })
    }
}
