/// The alternative the numbers recommend, whatever platform the plan was sized on: the lowest
/// net present value over the horizon with the expected downtime included, the runner-up and the
/// margin, and how far the downtime estimates may move before another alternative is cheapest.
///
/// Every alternative's NPV is linear in a multiplier m applied to all downtime costs:
/// NPV(m) = NPV − D × A × (1 − m), with D its expected downtime and data-loss cost a year and
/// A = Σ_{y=1..horizon} (1 + r)^−y the annuity factor (docs/MODEL.md §11).
public struct Recommendation: Hashable, Sendable {
    /// The cheapest alternative's id.
    public var alternative: String
    /// The next cheapest, when there is one.
    public var runnerUp: String?
    /// NPV of the runner-up minus the recommended's, in the engagement's currency.
    public var margin: Double
    /// Below this multiple of the downtime estimates `cheaperBelow` is cheapest instead; nil
    /// when no multiple down to 0 changes the choice.
    public var holdsAbove: Double?
    public var cheaperBelow: String?
    /// Above this multiple `cheaperAbove` is cheapest instead; nil when none does.
    public var holdsBelow: Double?
    public var cheaperAbove: String?
    /// The sensitivity cases in which another alternative is cheapest.
    public var flips: [Flip]

    /// A sensitivity case that changes the cheapest alternative.
    public struct Flip: Hashable, Sendable {
        public var factor: String
        public var multiplier: Double
        public var cheapest: String
    }

    /// The recommendation among `alternatives` ranked by NPV; nil when there are none.
    static func of(
        _ alternatives: [AlternativeEvaluation], horizon: Int, rate: Double, sensitivity: [TCOComparison.SensitivityCase]
    ) -> Recommendation? {
        let ranked = alternatives.sorted { ($0.npv, $0.id) < ($1.npv, $1.id) }
        guard let best = ranked.first else { return nil }
        let annuity = TCOModel.annuityFactor(years: horizon, rate: rate)
        var recommendation = Recommendation(
            alternative: best.id, runnerUp: ranked.dropFirst().first?.id,
            margin: ranked.count > 1 ? ranked[1].npv - best.npv : 0, flips: [])
        // Against each other alternative x: best stays cheaper while
        // (NPV_b − NPV_x) − (D_b − D_x) × A × (1 − m) ≤ 0; the crossing is at
        // m* = 1 − (NPV_b − NPV_x) / ((D_b − D_x) × A).
        for other in ranked.dropFirst() {
            let slope = (best.downtimeCostPerYear - other.downtimeCostPerYear) * annuity
            guard abs(slope) > 1e-9 else { continue }
            let crossing = 1 - (best.npv - other.npv) / slope
            if slope < 0, crossing > 0, crossing > (recommendation.holdsAbove ?? 0) {
                // Less downtime than x: x is cheapest once downtime is cheap enough.
                recommendation.holdsAbove = crossing
                recommendation.cheaperBelow = other.id
            } else if slope > 0, crossing < (recommendation.holdsBelow ?? .infinity) {
                // More downtime than x: x is cheapest once downtime is dear enough.
                recommendation.holdsBelow = crossing
                recommendation.cheaperAbove = other.id
            }
        }
        recommendation.flips = sensitivity.compactMap { c in
            guard let cheapest = c.ranking.first, cheapest != best.id else { return nil }
            return Flip(factor: c.factor, multiplier: c.multiplier, cheapest: cheapest)
        }
        return recommendation
    }
}
