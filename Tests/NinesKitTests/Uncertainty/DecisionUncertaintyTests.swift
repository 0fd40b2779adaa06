import Foundation
import Testing

@testable import NinesKit

/// The decision under uncertainty (`DecisionSampler`) against closed forms: one application
/// whose revenue per hour is a range. Each tier's yearly cost is a line in the revenue,
/// C_o(r) = C_o(mean) + H_o·(r − mean), with H_o its curve-weighted outage hours a year
/// (`DowntimeDrivers.outageHours`). The tier chosen at r is the lowest line, so the share of
/// draws choosing a tier is the range's probability mass over the interval where its line is
/// lowest (docs/MODEL.md §12), and the value of knowing r is E[C_plan(r) − min_o C_o(r)].
@Suite struct DecisionUncertaintyTests {
    let catalog: Catalog

    init() throws {
        catalog = try Catalog.load(from: TestPaths.catalog)
    }

    func plan(revenue: InputRange?, plain: Double = 0, samples: Int = 1000) -> Plan {
        var app = TinyEngagement.app("Shop", availability: 99, revenue: revenue?.mean ?? plain)
        if let revenue { app.impact.ranges[.revenuePerHour] = revenue }
        let vms = [TinyEngagement.vm("shop1", app: "Shop"), TinyEngagement.vm("shop2", app: "Shop")]
        let loaded = LoadedEngagement(engagement: TinyEngagement.make(applications: [app], workloads: vms), catalog: catalog, warnings: [])
        return Planner.plan(loaded, uncertainty: UncertaintySettings(samples: samples, seed: 7))
    }

    /// The candidate tiers' lines (the options with the fewest missed requirements).
    struct Line {
        var tier: String
        var atMean, slope: Double
        func cost(_ r: Double, mean: Double) -> Double { atMean + slope * (r - mean) }
    }

    static func lines(_ decision: TierDecision) -> [Line] {
        let fewest = decision.options.map(\.failures.count).min()!
        return decision.options.filter { $0.failures.count == fewest }.map {
            Line(tier: $0.label, atMean: $0.annualCost, slope: $0.figures.drivers.outageHours)
        }
    }

    /// Each tier's probability: the lowest line's intervals between the lines' crossings,
    /// weighed with the triangle's CDF (written out here).
    static func shares(_ lines: [Line], range: InputRange) -> [String: Double] {
        let mean = range.mean
        let (a, b, c) = (max(range.minimum, 0), range.maximum, range.likely)
        var cuts = [a, b]
        for i in lines.indices {
            for j in lines.indices where j > i && lines[i].slope != lines[j].slope {
                let r = mean + (lines[j].atMean - lines[i].atMean) / (lines[i].slope - lines[j].slope)
                if r > a && r < b { cuts.append(r) }
            }
        }
        cuts.sort()
        func cdf(_ x: Double) -> Double {
            InputRangeTests.cdf(x, a: range.minimum, c: c, b: b)
        }
        var shares: [String: Double] = [:]
        for (lo, hi) in zip(cuts, cuts.dropFirst()) where hi > lo {
            let middle = (lo + hi) / 2
            let best = lines.min { $0.cost(middle, mean: mean) < $1.cost(middle, mean: mean) }!
            // The mass clamped at zero belongs to the first interval.
            shares[best.tier, default: 0] += cdf(hi) - (lo == a ? 0 : cdf(lo))
        }
        return shares
    }

    /// A revenue range straddling the break-even between two tiers: the share of draws
    /// choosing each tier matches the closed-form mass within four binomial standard errors.
    @Test func straddlingRangeMatchesTheClosedFormShares() throws {
        // Where the lines cross at plain revenues: the first crossing above zero.
        let base = plan(revenue: nil, plain: 20_000)
        let baseLines = Self.lines(base.decisions[0])
        let crossings = baseLines.indices.flatMap { i in
            baseLines.indices.filter { $0 > i && baseLines[$0].slope != baseLines[i].slope }.map { j in
                20_000 + (baseLines[j].atMean - baseLines[i].atMean) / (baseLines[i].slope - baseLines[j].slope)
            }
        }.filter { $0 > 1_000 }.sorted()
        let breakEven = try #require(crossings.first)
        let range = try #require(InputRange(low: breakEven * 0.5, likely: breakEven, high: breakEven * 1.8))
        let planned = plan(revenue: range)
        let uncertainty = try #require(planned.uncertainty)
        let decision = planned.decisions[0]
        let lines = Self.lines(decision)
        // The plan's tier is the lowest line at the mean (no re-packing handicap involved).
        let lowest = lines.min { $0.atMean < $1.atMean }!
        #expect(lowest.tier == decision.chosen.label)
        let expected = Self.shares(lines, range: range)
        #expect(expected.count >= 2, "the range straddles a break-even: \(expected)")
        let outcome = try #require(uncertainty.outcome(for: "Shop"))
        let n = Double(uncertainty.samples)
        for (tier, p) in expected {
            let observed = outcome.tierProbabilities.first { $0.tier == tier }?.share ?? 0
            let se = max((p * (1 - p) / n).squareRoot(), 1 / n)
            #expect(abs(observed - p) < 4 * se, "\(tier): \(observed) drawn, \(p) closed form")
        }
        #expect(abs(outcome.confidence - (expected[decision.chosen.label] ?? 0)) < 0.07)

        // The value of knowing the revenue: E[C_plan(r) − min_o C_o(r)], integrated over a
        // hundred thousand quantile strata, against the 64 midpoint strata of the analysis.
        let m = 100_000
        let mean = range.mean
        var sum = 0.0
        var squares = 0.0
        for j in 0..<m {
            let r = range.quantile((Double(j) + 0.5) / Double(m))
            let regret = lowest.cost(r, mean: mean) - lines.map { $0.cost(r, mean: mean) }.min()!
            sum += regret
            squares += regret * regret
        }
        let evpi = sum / Double(m)
        #expect(evpi > 0)
        let information = try #require(uncertainty.inputs.first?.valueOfInformation)
        #expect(abs(information - evpi) < 0.02 * evpi, "EVPPI \(information), integrated \(evpi)")
        // The outer samples' mean regret, within four standard errors of the integral.
        let sd = (squares / Double(m) - evpi * evpi).squareRoot()
        #expect(abs(uncertainty.expectedRegret - evpi) < 4 * sd / n.squareRoot())
        #expect(abs(outcome.expectedRegret - evpi) < 4 * sd / n.squareRoot())
    }

    /// A range far from every break-even: the choice holds in (nearly) every draw, and
    /// knowing the value exactly is worth nothing.
    @Test func distantRangeGivesAConfidentDecision() throws {
        let range = try #require(InputRange(low: 1_000_000, likely: 1_100_000, high: 1_300_000))
        let planned = plan(revenue: range)
        let outcome = try #require(planned.uncertainty?.outcome(for: "Shop"))
        #expect(outcome.confidence > 0.95)
        #expect(planned.uncertainty!.inputs[0].valueOfInformation < 1)
    }

    /// Plain numbers: no analysis at all, and a point range (low = likely = high) is a plain
    /// number.
    @Test func plainNumbersGiveNoAnalysis() throws {
        #expect(plan(revenue: nil, plain: 40_000).uncertainty == nil)
        let point = try #require(InputRange(low: 40_000, likely: 40_000, high: 40_000))
        #expect(point.isPoint && point.mean == 40_000)
    }

    /// The plan's cost across the draws averages to the plan's cost at the means: the cost is
    /// linear in the revenue, and the plan uses the range's mean.
    @Test func planCostAveragesToThePlanAtTheMeans() throws {
        let range = try #require(InputRange(low: 5_000, likely: 12_000, high: 40_000))
        let planned = plan(revenue: range)
        let u = try #require(planned.uncertainty)
        let d = planned.decisions[0]
        let atMeans = d.chosen.protectionCost + d.service.totalCost
        let slope = d.service.drivers.outageHours
        // sd of the plan's cost: slope × sd of the triangle (√((a²+b²+c²−ab−ac−bc)/18)).
        let (a, b, c) = (range.minimum, range.maximum, range.likely)
        let sd = slope * ((a * a + b * b + c * c - a * b - a * c - b * c) / 18).squareRoot()
        #expect(abs(u.planCost.mean - atMeans) < 4 * sd / Double(u.samples).squareRoot() + 0.01)
        #expect(u.planCost.p10 < u.planCost.p50 && u.planCost.p50 < u.planCost.p90)
    }
}
