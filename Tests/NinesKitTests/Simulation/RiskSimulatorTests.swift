import Foundation
import Testing

@testable import NinesKit

@Suite struct RiskSimulatorTests {
    static func plan(_ applications: [Application], _ workloads: [Workload], trials: Int, seed: UInt64 = 7) throws -> Assessment {
        let catalog = try Catalog.load(from: TestPaths.catalog)
        let loaded = LoadedEngagement(
            engagement: TinyEngagement.make(applications: applications, workloads: workloads), catalog: catalog, warnings: [])
        let plan = Planner.plan(loaded)
        return Assessment(plan: plan, risk: RiskSimulator(trials: trials, seed: seed).run(RiskModelBuilder.build(plan)))
    }

    /// The simulated mean of every application lies within 3 standard errors of the analytic
    /// expected value, on each tier family and with a weekday service window.
    @Test func meanMatchesTheAnalyticValue() throws {
        var apps = [
            TinyEngagement.app("FTApp", availability: 99.99, rto: TimeSpan(seconds: 30), rpo: .zero, revenue: 20_000),
            TinyEngagement.app("HAApp", availability: 99.9, rto: .hours(1), rpo: .zero, revenue: 2_000),
            TinyEngagement.app("Cheap", availability: 99, revenue: 50),
        ]
        apps[1].sla.serviceHours = ServiceHours(parsing: "mon-fri 07:00-19:00")!
        apps[2].impact.dataLossPerHour = 100
        let vms = [
            TinyEngagement.vm("f1", app: "FTApp", tier: TierID(.ft)), TinyEngagement.vm("f2", app: "FTApp", tier: TierID(.ft)),
            TinyEngagement.vm("h1", app: "HAApp", tier: TierID(.ha)),
            TinyEngagement.vm("c1", app: "Cheap", vcpus: 1, memory: 2, tier: TierID(.backup)),
        ]
        let plan = try Self.plan(apps, vms, trials: 200_000)
        let risk = try #require(plan.risk)
        #expect(plan.decisions.map { $0.chosen.tier?.local } == [.ft, .ha, .backup])
        for d in risk.applications {
            let analytic = try #require(d.analytic)
            #expect(abs(d.mean - analytic) < 3 * d.standardError, "\(d.name): \(d.mean) vs \(analytic) ± \(d.standardError)")
        }
        #expect(abs(risk.estate.mean - risk.estate.analytic!) < 3 * risk.estate.standardError)
        #expect(risk.estate.p50 <= risk.estate.p90 && risk.estate.p90 <= risk.estate.p99)
    }

    @Test func sameSeedSameFiguresOtherSeedOtherFigures() throws {
        let apps = [TinyEngagement.app("A", availability: 99.9, rto: .hours(1), rpo: .zero, revenue: 5_000)]
        let vms = [TinyEngagement.vm("a1", app: "A")]
        let first = try #require(try Self.plan(apps, vms, trials: 5_000).risk)
        let again = try #require(try Self.plan(apps, vms, trials: 5_000).risk)
        let other = try #require(try Self.plan(apps, vms, trials: 5_000, seed: 8).risk)
        #expect(first.applications == again.applications)
        #expect(first.estate == again.estate)
        #expect(first.estate.mean != other.estate.mean)
    }

    /// Two applications on one site share its outages: their losses are correlated, so the
    /// estate's P99 is above the sum of what independent sites would give.
    @Test func sharedSitesFailTogether() throws {
        let apps = [
            TinyEngagement.app("A", availability: 99.9, rto: .hours(1), rpo: .zero, revenue: 10_000),
            TinyEngagement.app("B", availability: 99.9, rto: .hours(1), rpo: .zero, revenue: 10_000),
        ]
        let vms = [TinyEngagement.vm("a1", app: "A"), TinyEngagement.vm("b1", app: "B")]
        let plan = try Self.plan(apps, vms, trials: 20_000)
        let model = RiskModelBuilder.build(plan.plan)
        let site = try #require(model.sources.first { $0.key == "site:hq/site-outage" })
        #expect(site.impacts.count == 2)
        let pairHost = model.sources.filter { $0.key.hasPrefix("pair:pair-01/host") }
        #expect(pairHost.count == 2 && pairHost.allSatisfy { $0.impacts.count == 1 })
    }

    @Test func poissonSamplerHasTheRightMean() {
        var generator = SeededGenerator(seed: 3)
        let mean = 0.7
        let n = 200_000
        let total = (0..<n).reduce(0) { sum, _ in sum + generator.poisson(threshold: exp(-mean)) }
        // Standard error of the mean of Poisson(0.7) over 200,000 draws is √(0.7/200,000) ≈ 0.0019.
        #expect(abs(Double(total) / Double(n) - mean) < 0.006)
    }

    /// The automatic trial count, by hand: 20,000,000 events ÷ events per year (each source's
    /// rate × the applications it hits), between 1,000 and 20,000 years.
    /// 2 sources × 0.5/yr × 4 impacts = 4 events/yr → 5,000,000 years → capped at 20,000;
    /// 1,000 sources × 2/yr × 2 impacts = 4,000/yr → 5,000; 40,000 sources × 1/yr × 1 = 40,000/yr
    /// → 500 → raised to 1,000.
    @Test func automaticTrialsKeepTheEventBudget() {
        func model(sources: Int, rate: Double, impacts: Int) -> RiskModel {
            let impact = RiskModel.Impact(
                application: 0, coveredCost: 1, uncoveredCost: 1, coverage: 1, dataLossCost: 0, coveredMinutes: 1, uncoveredMinutes: 1)
            let source = RiskModel.Source(key: "s", rate: rate, threshold: exp(-rate), impacts: Array(repeating: impact, count: impacts))
            return RiskModel(
                sources: Array(repeating: source, count: sources), serviceMinutes: [], fixedCost: [], applications: [], analytic: [],
                pairCount: 0)
        }
        #expect(RiskSimulator.defaultTrials(for: model(sources: 2, rate: 0.5, impacts: 4)) == 20_000)
        #expect(RiskSimulator.defaultTrials(for: model(sources: 1000, rate: 2, impacts: 2)) == 5_000)
        #expect(RiskSimulator.defaultTrials(for: model(sources: 40_000, rate: 1, impacts: 1)) == 1_000)
    }

    /// A source once in a million years, USD 1,000 an event: 1,000 simulated years see none, and
    /// the gap to the expected USD 0.001 is the bound √(N r) = √0.001 standard errors, not
    /// USD 0.001 over a zero spread.
    @Test func aSourceTooRareToSimulateDeviatesByItsBound() {
        let impact = RiskModel.Impact(
            application: 0, coveredCost: 1000, uncoveredCost: 1000, coverage: 1, dataLossCost: 0, coveredMinutes: 60, uncoveredMinutes: 60)
        let model = RiskModel(
            sources: [RiskModel.Source(key: "s", rate: 1e-6, threshold: exp(-1e-6), impacts: [impact])],
            serviceMinutes: [Array(repeating: true, count: 10_080)], fixedCost: [0], applications: ["A"], analytic: [0.001], pairCount: 0)
        let report = RiskSimulator(trials: 1000, seed: 3).run(model)
        #expect(report.applications[0].mean == 0)
        #expect(abs(report.largestDeviation - 0.001.squareRoot()) < 1e-12)
    }

    /// Percentiles read off all the years sorted (the reference), whatever share of them is
    /// zero and even with negative values.
    @Test(arguments: [0.0, 0.5, 0.97, 1.0])
    func percentilesEqualThoseOfTheWholeSort(zeroShare: Double) {
        var generator = SeededGenerator(seed: 11)
        for count in [1, 2, 7, 100, 2_201] {
            let values = (0..<count).map { _ -> Double in
                let draw = Double(generator.next() % 1_000_000) / 1_000_000
                if draw < zeroShare { return 0 }
                return draw < zeroShare + (1 - zeroShare) / 10 ? -draw * 100 : draw * 1_000
            }
            let sorted = values.sorted()
            func reference(_ q: Double) -> Double { sorted[min(count - 1, Int((q * Double(count)).rounded(.up)) - 1)] }
            let d = RiskReport.Distribution(name: "x", values: values, analytic: nil)
            #expect(d.p50 == reference(0.5) && d.p90 == reference(0.9) && d.p99 == reference(0.99), "\(count) \(zeroShare)")
        }
    }
}
