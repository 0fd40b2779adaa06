import Foundation
import Testing

@testable import NinesKit

/// The recommended alternative is the one the TCO ranking puts first (lowest NPV with expected
/// downtime), on the sample and on a copy whose downtime costs are a hundredth of it; the
/// summary, the investment and the report name that one; the downtime multiple at which the
/// choice flips is where the alternatives' NPV lines cross.
@Suite struct RecommendationTests {
    static func assessment(impactScale: Double) throws -> Assessment {
        var loaded = try EngagementLoader.load(TestPaths.acme.path, catalogPath: TestPaths.catalog.path)
        for index in loaded.engagement.applications.indices {
            var impact = loaded.engagement.applications[index].impact
            impact.revenuePerHour *= impactScale
            impact.loadedCostPerUserHour *= impactScale
            impact.perIncident *= impactScale
            impact.penaltyPerHour *= impactScale
            impact.dataLossPerHour *= impactScale
            loaded.engagement.applications[index].impact = impact
        }
        let plan = Planner.plan(loaded)
        let (specs, economics) = try loaded.catalog.alternatives(overriddenBy: loaded.engagement.alternativeOverrides)
        return Assessment(plan: plan, tco: TCOComparison.build(plan: plan, specs: specs, economics: economics))
    }

    @Test(arguments: [1.0, 0.01])
    func recommendsWhatItsOwnRankingPutsFirst(impactScale: Double) throws {
        let assessment = try Self.assessment(impactScale: impactScale)
        let tco = try #require(assessment.tco)
        let recommendation = try #require(tco.recommendation)
        let ranking = tco.ranking
        #expect(recommendation.alternative == ranking[0].id)
        #expect(recommendation.runnerUp == ranking[1].id)
        #expect(abs(recommendation.margin - (ranking[1].npv - ranking[0].npv)) < 1e-6)
        // Every comparison is against it, and the investment and the report are its.
        #expect(tco.reference == recommendation.alternative)
        #expect(assessment.figures.investment?.alternative == recommendation.alternative)
        let view = ReportView(assessment)
        #expect(view.recommendationLine?.hasPrefix("Recommended: \(ranking[0].spec.name),") == true)
        // The NPV ranking agrees with the sensitivity's base: every case at multiplier 1 would
        // rank the same, and no case names an alternative that is not compared.
        for c in tco.sensitivity { #expect(Set(c.npv.keys) == Set(tco.alternatives.map(\.id))) }
    }

    /// The sample recommends the FT pairs; at a hundredth of its downtime costs another
    /// alternative is cheapest, as the sample's own flip point (holds_above ≈ 0.38) says.
    @Test func aHundredthOfTheDowntimeChangesTheRecommendation() throws {
        let full = try #require(try Self.assessment(impactScale: 1).tco?.recommendation)
        let hundredth = try #require(try Self.assessment(impactScale: 0.01).tco?.recommendation)
        #expect(full.alternative == "everrun-enterprise")
        #expect(try #require(full.holdsAbove) > 0.01)
        #expect(hundredth.alternative != full.alternative)
    }

    /// The flip multiple, checked by brute force: NPV(m) = npv − D × A × (1 − m) evaluated for
    /// every alternative on a fine grid; just above `holdsAbove` the recommended is cheapest,
    /// just below it `cheaperBelow` is (A(5 y, 8%) = 3.992710, docs/MODEL.md §11).
    @Test func flipPointIsWhereTheNPVLinesCross() throws {
        let tco = try #require(try Self.assessment(impactScale: 1).tco)
        let rec = try #require(tco.recommendation)
        let annuity = TCOModel.presentValue(
            upfront: 0, yearly: Array(repeating: 1, count: tco.horizonYears), rate: tco.discountRatePercent / 100)
        #expect(abs(annuity - 3.992710) < 1e-6)
        func cheapest(at m: Double) -> String {
            tco.alternatives.min {
                ($0.npv - $0.downtimeCostPerYear * annuity * (1 - m), $0.id) < ($1.npv - $1.downtimeCostPerYear * annuity * (1 - m), $1.id)
            }!.id
        }
        let low = try #require(rec.holdsAbove)
        #expect(cheapest(at: low + 1e-6) == rec.alternative)
        #expect(cheapest(at: low - 1e-6) == rec.cheaperBelow)
        // No other flip between it and 1, nor above 1 up to `holdsBelow` (or 100×).
        for m in stride(from: low + 0.001, through: min(rec.holdsBelow ?? 100, 100) - 0.001, by: 0.001) {
            #expect(cheapest(at: m) == rec.alternative, "m = \(m)")
        }
    }
}
