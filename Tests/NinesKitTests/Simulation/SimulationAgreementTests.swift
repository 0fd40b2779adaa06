import Foundation
import Testing

@testable import NinesKit

/// The expected values and the simulation come from one description of failure sources
/// (`SourceHit`): for every application, the simulated mean lies within 3 standard errors of
/// the expected yearly loss — on the sample and on random estates with shared dependencies,
/// pairs shared by several applications, redundant applications and weekday service hours.
@Suite struct SimulationAgreementTests {
    /// |simulated − expected| / standard error for each application that loses anything.
    static func zScores(_ assessment: Assessment) throws -> [(String, Double)] {
        let risk = try #require(assessment.risk)
        return risk.applications.compactMap { distribution in
            guard let expected = distribution.analytic, expected > 0 else { return nil }
            let error = max(distribution.standardError, 1e-9 * expected)
            return (distribution.name, (distribution.mean - expected) / error)
        }
    }

    /// 200,000 simulated years of the sample: the trial count at which the audit found LIMS
    /// at z = +90 and EDI Gateway at z = −25 when the simulation keyed pair failures its own way.
    @Test func sampleAgreesWithItsExpectedValues() throws {
        let assessment = try Pipeline.assess(
            Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, trials: 200_000))
        let scores = try Self.zScores(assessment)
        #expect(scores.count >= 15)
        for (name, z) in scores { #expect(abs(z) < 3, "\(name): z = \(z)") }
    }

    @Test(arguments: [11, 23, 37, 41])
    func randomEstateAgreesWithItsExpectedValues(seed: UInt64) throws {
        let (apps, vms) = Self.randomEstate(seed: seed)
        let catalog = try Catalog.load(from: TestPaths.catalog)
        let loaded = LoadedEngagement(engagement: TinyEngagement.make(applications: apps, workloads: vms), catalog: catalog, warnings: [])
        let plan = Planner.plan(loaded)
        let assessment = Assessment(plan: plan, risk: RiskSimulator(trials: 60_000, seed: seed).run(RiskModelBuilder.build(plan)))
        let scores = try Self.zScores(assessment)
        #expect(scores.count >= 6)
        for (name, z) in scores { #expect(abs(z) < 3, "seed \(seed), \(name): z = \(z)") }
    }

    /// Ten applications, each depending on up to two earlier ones, 1–4 VMs at hq or dr, SLAs
    /// and impacts drawn from a seeded generator; some redundant (`required_vms`), some with
    /// weekday service hours.
    static func randomEstate(seed: UInt64) -> ([Application], [Workload]) {
        var generator = SeededGenerator(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(generator.uniform() * Double(values.count))] }
        var apps: [Application] = []
        var vms: [Workload] = []
        for index in 0..<10 {
            let name = "App\(index)"
            var app = TinyEngagement.app(
                name, availability: pick([99, 99.5, 99.9, 99.95, 99.99]), rto: pick([.minutes(15), .hours(1), .hours(4), .hours(24)]),
                rpo: pick([.zero, .hours(1), .hours(24)]), revenue: pick([0, 2_000, 20_000, 80_000]),
                siteDisaster: pick([.accept, .accept, .recover, .survive]))
            app.impact.perIncident = pick([0, 1_000, 10_000])
            app.impact.dataLossPerHour = pick([0, 5_000])
            app.impact.noticeableAfter = TimeSpan(seconds: 30)
            if generator.uniform() < 0.3 { app.sla.serviceHours = ServiceHours(parsing: "mon-fri 08:00-18:00")! }
            if index > 0 {
                let first = Int(generator.uniform() * Double(index))
                app.dependsOn = [apps[first].name]
                if index > 2, generator.uniform() < 0.4 {
                    let second = Int(generator.uniform() * Double(index))
                    if second != first { app.dependsOn.append(apps[second].name) }
                }
            }
            let count = 1 + Int(generator.uniform() * 4)
            if count > 1, generator.uniform() < 0.4 { app.requiredVMs = 1 }
            for vm in 0..<count {
                vms.append(
                    TinyEngagement.vm(
                        "\(name.lowercased())-\(vm)", app: name, vcpus: pick([2, 4, 8]), memory: pick([8, 16, 32]),
                        site: generator.uniform() < 0.7 ? "hq" : "dr"))
            }
            apps.append(app)
        }
        return (apps, vms)
    }
}
