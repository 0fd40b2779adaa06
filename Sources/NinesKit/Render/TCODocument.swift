import Foundation

/// The TCO comparison as JSON (`nines tco --json` and plan.json's `tco`): money rounded to
/// cents, keys snake_case and sorted.
public struct TCODocument: Encodable, Sendable {
    struct Alternative: Encodable {
        var id, name, kind: String
        var nodes, groups: Int
        var years: [Year]
        var capex: AlternativeEvaluation.Capex
        var opexPerYear: AlternativeEvaluation.Opex
        var downtimeCostPerYear, total, npv, expectedDowntimeMinutesPerYear, maintenanceMinutesPerYear: Double
        var recoveryTime, dataLoss, recoveryEffort: String
        var notes: [String]
    }

    struct Year: Encodable {
        var year: Int
        var capex, opex, downtimeCost, total, cumulative: Double
        /// Present value of everything spent to the end of the year: break-even's basis.
        var presentValue: Double
    }

    var horizonYears: Int
    var discountRatePercent: Double
    var currency: String
    var reference: String?
    var method: String
    var alternatives: [Alternative]
    var breakEven: [TCOComparison.BreakEven]
    var referencePaysAbove: [TCOComparison.PaysAbove]
    var sensitivity: [TCOComparison.SensitivityCase]
    var recommendation: RecommendationEntry?
    /// The alternatives across the draws of the impact ranges (absent without ranges).
    var uncertainty: SpreadEntry?

    /// `AlternativeSpread`: each alternative's yearly cost and NPV at P10/P50/P90 and its
    /// share of draws as the cheapest.
    struct SpreadEntry: Encodable {
        var alternatives: [Entry]
        var recommendedCheapest: Double?

        struct Entry: Encodable {
            var id: String
            var yearly, npv: PlanDocument.Spread
            var cheapest: Double
        }
    }

    /// `Recommendation`: the cheapest alternative by NPV, the runner-up and the margin, the
    /// multiples of the downtime estimates between which it stays cheapest, and the
    /// sensitivity cases that change it.
    struct RecommendationEntry: Encodable {
        var alternative: String
        var runnerUp: String?
        var margin: Double
        var holdsAbove, holdsBelow: Double?
        var cheaperBelow, cheaperAbove: String?
        var flips: [Flip]

        struct Flip: Encodable {
            var factor: String
            var multiplier: Double
            var cheapest: String
        }
    }

    public init(_ tco: TCOComparison) {
        func r(_ value: Double) -> Double { Number.round(value, 2) }
        horizonYears = tco.horizonYears
        discountRatePercent = tco.discountRatePercent
        currency = tco.currency
        reference = tco.reference
        method =
            "capex at the start of year 1 (undiscounted); opex and expected downtime at the end of each year, discounted at the engagement's rate"
        alternatives = tco.alternatives.map { e in
            Alternative(
                id: e.id, name: e.spec.name, kind: e.spec.kind.rawValue, nodes: e.sizing.nodes, groups: e.sizing.groups,
                years: e.years.map {
                    Year(
                        year: $0.year, capex: r($0.capex), opex: r($0.opex), downtimeCost: r($0.downtimeCost), total: r($0.total),
                        cumulative: r($0.cumulative), presentValue: r($0.presentValue))
                },
                capex: .init(
                    hardware: r(e.capex.hardware), storage: r(e.capex.storage), network: r(e.capex.network), licenses: r(e.capex.licenses),
                    management: r(e.capex.management), implementation: r(e.capex.implementation)),
                opexPerYear: .init(
                    licenses: r(e.opex.licenses), support: r(e.opex.support), administration: r(e.opex.administration),
                    powerAndSpace: r(e.opex.powerAndSpace)),
                downtimeCostPerYear: r(e.downtimeCostPerYear), total: r(e.total), npv: r(e.npv),
                expectedDowntimeMinutesPerYear: Number.round(e.unplannedMinutesPerApplication, 3),
                maintenanceMinutesPerYear: Number.round(e.maintenanceMinutesPerApplication, 3), recoveryTime: e.recoveryTime.description,
                dataLoss: e.spec.dataLoss.value.description, recoveryEffort: e.spec.recoveryEffort, notes: e.sizing.notes)
        }
        breakEven = tco.breakEvens
        referencePaysAbove = tco.referencePaysAbove.map {
            var p = $0; p.costPerHour = p.costPerHour.map(r); return p
        }
        sensitivity = tco.sensitivity.map {
            var c = $0; c.npv = c.npv.mapValues(r); return c
        }
        recommendation = tco.recommendation.map { rec in
            RecommendationEntry(
                alternative: rec.alternative, runnerUp: rec.runnerUp, margin: r(rec.margin),
                holdsAbove: rec.holdsAbove.map { Number.round($0, 4) }, holdsBelow: rec.holdsBelow.map { Number.round($0, 4) },
                cheaperBelow: rec.cheaperBelow, cheaperAbove: rec.cheaperAbove,
                flips: rec.flips.map { RecommendationEntry.Flip(factor: $0.factor, multiplier: $0.multiplier, cheapest: $0.cheapest) })
        }
        uncertainty = tco.spread.map(Self.spread)
    }

    static func spread(_ s: AlternativeSpread) -> SpreadEntry {
        SpreadEntry(
            alternatives: s.alternatives.map {
                SpreadEntry.Entry(id: $0.id, yearly: .init($0.yearly), npv: .init($0.npv), cheapest: Number.round($0.cheapest, 4))
            }, recommendedCheapest: s.recommendedCheapest.map { Number.round($0, 4) })
    }

    public func json() throws -> String { try JSONOutput.string(self) }
}
