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
        let rates = uncertainty.inputs.indices.compactMap { k -> (Int, FailureRateInput, Double)? in
            guard case .rate(let rate) = uncertainty.inputs[k].target else { return nil }
            return (k, rate, uncertainty.inputs[k].range.mean)
        }
        // Per alternative and draw, the change of its downtime cost a year.
        let changes = Parallel.map(count) { x in
            draws.map { values in
                var ratios: [FailureRateInput: Double] = [:]
                for (k, rate, mean) in rates { ratios[rate] = mean > 0 ? values[k] / mean : 1 }
                return rows[x].reduce(0.0) { total, row in
                    let inputs = byApplication[row.decision.application.name] ?? []
                    guard !inputs.isEmpty || !ratios.isEmpty else { return total }
                    var app = row.decision.application
                    for k in inputs {
                        if case .impact(let figure) = uncertainty.inputs[k].target {
                            app.impact = app.impact.setting(figure, to: values[k])
                        }
                    }
                    let incidents =
                        ratios.isEmpty ? row.estimate.incidents : FailureRateInput.scaled(row.estimate.incidents, ratios: ratios)
                    let drawn = DowntimeEstimate(incidents: incidents, application: app, minutesPerYear: plan.engagement.minutesPerYear)
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
