/// The alternatives' costs across the draws of the impact ranges (the same draws as the
/// decision's, `DecisionUncertainty.draws`): each alternative's expected downtime re-priced
/// on every draw, its NPV moved by the annuity factor times the change, and how often each
/// alternative is the cheapest (docs/MODEL.md §12).
public struct AlternativeSpread: Hashable, Sendable {
    public struct Alternative: Hashable, Sendable {
        public var id: String
        /// Running cost plus expected downtime, a year.
        public var yearly: DecisionUncertainty.Spread
        public var npv: DecisionUncertainty.Spread
        /// Share of draws in which it has the lowest NPV.
        public var cheapest: Double
    }

    /// In the comparison's order (cheapest NPV first at the plan's values).
    public var alternatives: [Alternative]
    /// The recommended alternative's share of draws in which it is the cheapest.
    public var recommendedCheapest: Double?

    /// The spread of `comparison`'s alternatives on `uncertainty`'s draws.
    static func of(_ comparison: TCOComparison, plan: Plan, uncertainty: DecisionUncertainty) -> AlternativeSpread {
        let rows = comparison.applicationDowntime(plan: plan)
        let byApplication = Dictionary(grouping: uncertainty.inputs.indices, by: { uncertainty.inputs[$0].application })
        let annuity = comparison.annuityFactor
        let draws = uncertainty.draws
        let count = comparison.alternatives.count
        // Per alternative and draw, the change of its downtime cost a year.
        let changes = Parallel.map(count) { x in
            draws.map { values in
                rows[x].reduce(0.0) { total, row in
                    guard let inputs = byApplication[row.decision.application.name] else { return total }
                    var app = row.decision.application
                    for k in inputs { app.impact = app.impact.setting(uncertainty.inputs[k].input, to: values[k]) }
                    let drawn = DowntimeEstimate(
                        incidents: row.estimate.incidents, application: app, minutesPerYear: plan.engagement.minutesPerYear)
                    return total + drawn.totalCost - row.estimate.totalCost
                }
            }
        }
        var wins = [Int](repeating: 0, count: count)
        for d in draws.indices {
            let npvs = (0..<count).map { comparison.alternatives[$0].npv + annuity * changes[$0][d] }
            wins[npvs.indices.min { npvs[$0] < npvs[$1] }!] += 1
        }
        let n = Double(max(1, draws.count))
        let alternatives = comparison.alternatives.enumerated().map { x, e in
            Alternative(
                id: e.id, yearly: .init(changes[x].map { e.opex.total + e.downtimeCostPerYear + $0 }),
                npv: .init(changes[x].map { e.npv + annuity * $0 }), cheapest: Double(wins[x]) / n)
        }
        let recommended = comparison.recommendation.flatMap { r in alternatives.first { $0.id == r.alternative }?.cheapest }
        return AlternativeSpread(alternatives: alternatives, recommendedCheapest: recommended)
    }
}
