import NinesKit

/// The text the executable prints: the run's summary and one application's decision table.
enum Summary {
    static func text(_ assessment: Assessment) -> String {
        let currency = assessment.engagement.currency
        let tiers = TextTable(
            header: ["tier", "applications"], rows: assessment.plan.applicationsPerTier.map { [$0.tier, "\($0.count)"] },
            rightAligned: [1])
        let money = { (v: Double) in Number.money(v, currency: currency) }
        let f = assessment.figures
        let figures = TextTable(
            header: ["", "today", "planned"],
            rows: [
                ["expected downtime cost / yr", money(f.exposureBefore), money(f.exposureAfter)],
                ["hosting and protection / yr", money(f.protectionBefore), money(f.protectionAfter)],
            ], rightAligned: [1, 2])
        let pairs = "host pairs: \(assessment.packing.pairs.count) (lower bound \(assessment.packing.lowerBound))"
        var parts = [tiers.render(), "", pairs, "", figures.render()]
        if let investment = f.investment, let rec = assessment.tco?.recommendation {
            let runner = rec.runnerUp.flatMap { id in assessment.tco?.alternatives.first { $0.id == id }?.spec.name }
            parts += [
                "",
                "recommended: \(investment.name), the lowest cost in present value, expected downtime included"
                    + (runner.map { "; runner-up \($0), \(money(rec.margin)) more" } ?? ""),
            ]
        }
        parts += uncertainty(assessment, money: money)
        return parts.joined(separator: "\n")
    }

    /// With ranges: the close calls and the input most worth pinning down; with an outage
    /// record: today's exposure as modelled and as calibrated.
    static func uncertainty(_ assessment: Assessment, money: (Double) -> String) -> [String] {
        var lines: [String] = []
        if let u = assessment.plan.uncertainty {
            let close = u.outcomes.filter { $0.confidence < DecisionUncertainty.closeCall }.map(\.application)
            lines += [
                "",
                "ranges: \(u.inputs.count) over \(Number.grouped(Double(u.samples))) draws; "
                    + (close.isEmpty ? "no decision is a close call" : "close calls: \(close.joined(separator: ", "))"),
            ]
            if let top = u.inputsByValue.first, top.valueOfInformation >= 1 {
                lines.append(
                    "pin down first: \(UncertaintySectionView.owner(top))\(top.phrase), worth \(money(top.valueOfInformation)) a year")
            }
            if let share = assessment.tco?.spread?.recommendedCheapest {
                lines.append("the recommended alternative is the cheapest in \(UncertaintySectionView.percent(share)) of the draws")
            }
        }
        if let c = assessment.plan.calibration {
            let modelled = c.applications.reduce(0) { $0 + $1.costModelled }
            let calibrated = c.applications.reduce(0) { $0 + $1.costCalibrated }
            lines += [
                "",
                "today calibrated on the outage record (\(c.applications.reduce(0) { $0 + $1.observedCount }) outages in \(Number.plain(c.years, maxFraction: 2)) years): expected downtime cost \(money(modelled)) modelled → \(money(calibrated)) a year",
            ]
        }
        return lines
    }

    /// `--explain APP`: one row per tier (end-to-end figures, the requirements it misses by
    /// name), then each miss in full below the table, so the table fits a terminal.
    static func explanation(_ decision: TierDecision, engagement: Engagement) -> String {
        let money = { (v: Double) in Number.money(v, currency: engagement.currency) }
        let rows = decision.options.map { option -> [String] in
            let mark = option.label == decision.chosen.label ? "→ " : "  "
            let misses = option.failures.map(\.requirement.rawValue)
            return [
                mark + option.label, option.feasible ? "yes" : "no",
                Number.plain(option.figures.availabilityPercent, maxFraction: 4) + "%",
                Number.downtime(minutes: option.figures.unplannedMinutes), money(option.protectionCost),
                money(option.figures.totalCost), money(option.annualCost),
                misses.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: ", "),
            ]
        }
        let table = TextTable(
            header: ["tier", "meets", "availability", "downtime/yr", "protection/yr", "downtime cost/yr", "total/yr", "misses"],
            rows: rows, rightAligned: [2, 3, 4, 5, 6])
        let details = decision.options.filter { !$0.failures.isEmpty }.map { option in
            "  \(option.label): " + option.failures.map(DecisionText.failure).joined(separator: "; ")
        }
        let missed = details.isEmpty ? "" : "\n\nWhat each tier misses, end to end:\n" + details.joined(separator: "\n")
        return "\(decision.application.name)\n\n\(table.render())\(missed)\n\n\(DecisionText.explanation(decision, engagement: engagement))"
    }

    static func risk(_ risk: RiskReport, currency: String) -> String {
        let money = { (v: Double) in Number.money(v, currency: currency) }
        let rows = (risk.applications + [risk.estate]).map { d -> [String] in
            [d.name, money(d.analytic ?? 0), money(d.mean), "± " + money(d.standardError), money(d.p50), money(d.p90), money(d.p99)]
        }
        let table = TextTable(
            header: ["application", "expected (model)", "mean (simulated)", "std. error", "P50", "P90", "P99"], rows: rows,
            rightAligned: [1, 2, 3, 4, 5, 6])
        let rate = Double(risk.trials * max(1, risk.pairs)) / max(risk.seconds, 1e-9)
        return table.render()
            + "\n\n\(risk.trials) simulated years, seed \(risk.seed), \(Number.plain(risk.seconds, maxFraction: 2)) s (\(Number.grouped(rate)) pair-years/s)"
    }
}
