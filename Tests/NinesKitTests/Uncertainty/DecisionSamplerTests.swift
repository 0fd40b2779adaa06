import Foundation
import Testing

@testable import NinesKit

/// The worked example of docs/MODEL.md §12, on the sampler alone: one application, two options.
/// A costs nothing to protect and loses 10 hours a year at the revenue per hour r; B costs
/// 600,000 a year and loses nothing. A is cheaper below r* = 600,000/10 = 60,000. The revenue
/// is {low: 20000, likely: 40000, high: 90000}: a = −3,300.16, b = 122,079.86, mean 52,928.77,
/// so the plan keeps A, and
///
///     P(B) = 1 − F(r*) = (b − r*)²/((b − a)(b − c)) = 0.374487
///     EVPPI = 10·∫_{r*}^{b} (1 − F(r)) dr = 10·(b − r*)³/(3(b − a)(b − c)) = 77,493.63 a year
@Suite struct DecisionSamplerTests {
    static let here = SourceLocation(file: "test", line: 1)

    static func sampler(range: InputRange) -> DecisionSampler {
        var app = TinyEngagement.app("Shop", availability: 90, revenue: range.mean)
        app.impact.ranges[.revenuePerHour] = range
        let minutes = 525_600.0
        let outage = IncidentClass(mode: .hostFailure, ratePerYear: 1, duration: .hours(10), dataLoss: .zero, planned: false)
        let a = TierAssessment(
            tier: TierID(.backup), failures: [], estimate: DowntimeEstimate(incidents: [outage], application: app, minutesPerYear: minutes),
            recoveryTime: .hours(10), dataLoss: .zero, protectionCost: 0)
        let b = TierAssessment(
            tier: TierID(.ft), failures: [], estimate: DowntimeEstimate(incidents: [], application: app, minutesPerYear: minutes),
            recoveryTime: .zero, dataLoss: .zero, protectionCost: 600_000)
        return DecisionSampler(
            applications: [app], options: [[a, b]], siteLevels: [[0, 0]], graph: DependencyGraph([app]), minutesPerYear: minutes,
            planChosen: [0], inputs: [.init(application: 0, input: .revenuePerHour, range: range)])
    }

    @Test func twoOptionExampleMatchesItsClosedForm() throws {
        let range = try #require(InputRange(low: 20_000, likely: 40_000, high: 90_000))
        #expect(abs(range.minimum - -3_300.161375) < 1e-5)
        #expect(abs(range.maximum - 122_079.860979) < 1e-5)
        #expect(abs(range.mean - 52_928.773352) < 1e-5)
        let n = 4000
        let u = Self.sampler(range: range).run(
            UncertaintySettings(samples: n, seed: 3, informationSamples: 64), names: (["Shop"], [("k", "revenue", Self.here)]))
        let outcome = u.outcomes[0]
        let p = 0.374487
        let se = (p * (1 - p) / Double(n)).squareRoot()
        let drawnB = outcome.tierProbabilities.first { $0.tier == "ft" }?.share ?? 0
        #expect(abs(drawnB - p) < 4 * se, "B chosen in \(drawnB) of the draws")
        #expect(abs(outcome.confidence - (1 - p)) < 4 * se)
        let evppi = 77_493.63
        #expect(abs(u.inputs[0].valueOfInformation - evppi) < 0.01 * evppi, "EVPPI \(u.inputs[0].valueOfInformation)")
        // The regret 10·(r − r*)⁺ has a standard deviation of 134,345 (integrated over 200,000
        // strata), so four standard errors of the mean of 4,000 draws are 8,497.
        #expect(abs(u.expectedRegret - evppi) < 8_497, "expected regret \(u.expectedRegret)")
        #expect(abs(outcome.expectedRegret - u.expectedRegret) < 1e-6)
    }
}
