import NinesKit

/// The text the executable prints: the run's summary and one application's decision table.
enum Summary {
    static func text(_ plan: Plan) -> String {
        let currency = plan.engagement.currency
        let tiers = TextTable(
            header: ["tier", "applications"], rows: plan.applicationsPerTier.map { [$0.tier, "\($0.count)"] }, rightAligned: [1])
        let money = { (v: Double) in Number.money(v, currency: currency) }
        let figures = TextTable(
            header: ["", "today", "planned"],
            rows: [
                ["expected downtime cost / yr", money(plan.exposureBefore), money(plan.exposureAfter)],
                ["hosting and protection / yr", money(plan.protectionBefore), money(plan.protectionAfter)],
            ], rightAligned: [1, 2])
        let pairs = "host pairs: \(plan.packing.pairs.count) (lower bound \(plan.packing.lowerBound))"
        return [tiers.render(), "", pairs, "", figures.render()].joined(separator: "\n")
    }

    static func explanation(_ decision: TierDecision, currency: String) -> String {
        let money = { (v: Double) in Number.money(v, currency: currency) }
        let rows = decision.options.map { option -> [String] in
            let mark = option.label == decision.chosen.label ? "→ " : "  "
            return [
                mark + option.label, option.feasible ? "yes" : "no",
                Number.plain(option.estimate.availabilityPercent, maxFraction: 4) + "%",
                Number.downtime(minutes: option.estimate.unplannedMinutes), money(option.protectionCost),
                money(option.estimate.totalCost), money(option.annualCost), option.failures.joined(separator: "; "),
            ]
        }
        let table = TextTable(
            header: ["tier", "feasible", "availability", "downtime/yr", "protection/yr", "downtime cost/yr", "total/yr", "why not"],
            rows: rows, rightAligned: [2, 3, 4, 5, 6])
        return "\(decision.application.name)\n\n\(table.render())\n\n\(decision.explanation)"
    }
}
