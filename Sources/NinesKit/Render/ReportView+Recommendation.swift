/// The report's recommendation, the reconciliation its headline figures follow from, and the
/// applications that need a decision — each sentence from the core's figures
/// (`TCOComparison.recommendation`, `AssessmentFigures`), none computed here.
extension ReportView {
    /// One row of the reconciliation: a figure a year and over the horizon (present value).
    public struct ReconciliationRow: Sendable {
        public var label, perYear, horizon: String
        /// A result row (a difference or a total), set in bold.
        public var result: Bool
    }

    /// "Recommended: vSphere HA, the lowest cost over 5 years in present value …".
    static func recommendationLine(_ tco: TCOComparison, money: (Double) -> String) -> String? {
        guard let rec = tco.recommendation, let best = tco.alternatives.first(where: { $0.id == rec.alternative }) else {
            return nil
        }
        let names = Dictionary(uniqueKeysWithValues: tco.alternatives.map { ($0.id, $0.spec.name) })
        var text =
            "Recommended: \(best.spec.name), the lowest cost over \(tco.horizonYears) years in present value, expected downtime included (\(money(best.npv)), the NPV of its costs)."
        if let runner = rec.runnerUp, let name = names[runner] {
            text += " Runner-up: \(name), \(money(rec.margin)) more."
        }
        var holds: [String] = []
        if let low = rec.holdsAbove, let other = rec.cheaperBelow.flatMap({ names[$0] }) {
            holds.append("if downtime cost less than \(Number.plain(low, maxFraction: 2))× the estimates: \(other) would then be cheapest")
        }
        if let high = rec.holdsBelow, let other = rec.cheaperAbove.flatMap({ names[$0] }) {
            holds.append("if it cost more than \(Number.plain(high, maxFraction: 2))× the estimates: \(other) would then be cheapest")
        }
        text +=
            holds.isEmpty
            ? " No multiple of the downtime estimates changes the choice."
            : " The choice flips " + holds.joined(separator: "; ") + "."
        let flips = rec.flips.map { "\($0.factor) × \(Number.plain($0.multiplier)) (\(names[$0.cheapest] ?? $0.cheapest))" }
        text +=
            flips.isEmpty
            ? " \(best.spec.name) stays cheapest in every sensitivity case."
            : " Sensitivity cases in which another is cheapest: \(flips.joined(separator: ", "))."
        return text
    }

    /// How the headline figures follow (`AssessmentFigures.Investment.reconciliation`):
    /// downtime today and with the plan on the recommended alternative, its running and one-off
    /// costs, the net saving, the NPV and the payback.
    static func reconciliation(_ assessment: Assessment, money: (Double) -> String) -> [ReconciliationRow] {
        guard let tco = assessment.tco, let investment = assessment.figures.investment else { return [] }
        let annuity = tco.annuityFactor
        let name = investment.name
        var rows: [ReconciliationRow] = investment.reconciliation.map { line in
            let label: String
            var result = false
            switch line.item {
            case .exposureToday: label = "Expected downtime and data-loss cost today"
            case .exposureWithPlan: label = "… with the plan on \(name)"
            case .downtimeSaved: (label, result) = ("Downtime cost saved", true)
            case .runningCost: label = "Running cost of \(name)"
            case .netSaving: (label, result) = ("Net saving (saved − running cost)", true)
            case .investment: label = "One-off investment in \(name)"
            case .npv:
                let factor = Number.plain(annuity, maxFraction: 4)
                (label, result) = ("Net present value of the plan's saving (net saving × \(factor) − investment)", true)
            }
            return ReconciliationRow(
                label: label, perYear: line.perYear.map(money) ?? "–", horizon: money(line.presentValue), result: result)
        }
        let payback =
            investment.paybackMonths.map { $0 < 1 ? "under a month" : "\(Number.plain($0, maxFraction: 1)) months" }
            ?? "never from downtime savings"
        rows.append(ReconciliationRow(label: "Payback (investment ÷ net saving × 12)", perYear: payback, horizon: "–", result: true))
        return rows
    }

    /// The two costs of protection a reader meets, told apart: the tier choice's per-VM share
    /// (the summary's "hosting and protection") and the recommended platform's whole cost.
    static func reconciliationNote(_ assessment: Assessment, money: (Double) -> String) -> String {
        guard let investment = assessment.figures.investment else { return "" }
        let e = assessment.engagement
        return
            "The tiers were chosen with hosting and protection priced per VM: \(money(assessment.figures.protectionAfter)) a year on \(assessment.platform.name), each VM's share of its servers, power, licences, backup and site protection, capital spread over \(e.horizonYears) years (Summary below). The investment above is the whole platform for the protected applications — servers, storage, network, management, implementation and administration — as the TCO section costs it: \(money(investment.capex)) once and \(money(investment.opexPerYear)) a year."
    }

    /// The applications whose SLA no combination of tiers meets end to end, dearest downtime
    /// first, each in one sentence: what it misses and the closest option; then the decisions
    /// that are a close call across the ranges.
    static func needsDecision(_ assessment: Assessment, money: (Double) -> String) -> [String] {
        let open = assessment.decisions.filter { !$0.chosen.feasible }
        let dearestFirst = open.sorted {
            ($1.service.totalCost, $0.application.name) < ($0.service.totalCost, $1.application.name)
        }
        return dearestFirst.map { d in sentence(d, money: money) } + closeCalls(assessment, money: money)
    }

    /// Decisions that are a coin toss between tiers across the draws of the ranges, with the
    /// input whose narrowing is worth most for them.
    static func closeCalls(_ assessment: Assessment, money: (Double) -> String) -> [String] {
        guard let u = assessment.plan.uncertainty else { return [] }
        return u.outcomes.filter { $0.confidence < DecisionUncertainty.closeCall }.map { o in
            let shares =
                ([o.tierProbabilities.first { $0.tier == o.chosen }].compactMap { $0 }
                + o.tierProbabilities.filter { $0.tier != o.chosen }.sorted { $0.share > $1.share })
                .prefix(3).map { "\($0.tier) in \(UncertaintySectionView.percent($0.share))" }.joined(separator: ", ")
            let input = u.inputsByValue.first { $0.application == o.application && $0.valueOfInformation >= 1 }
            let narrow =
                input.map { " Narrowing its \($0.phrase) is worth \(money($0.valueOfInformation)) a year in better decisions." } ?? ""
            return
                "\(o.application): a close call across the ranges — \(shares) of the draws (expected regret \(money(o.expectedRegret)) a year).\(narrow)"
        }
    }

    /// One application whose SLA is not met, in a sentence.
    private static func sentence(_ d: TierDecision, money: (Double) -> String) -> String {
        let name = d.application.name
        let cost = money(d.service.totalCost)
        if d.basis == .saas {
            let required = Number.plain(d.application.sla.availability)
            return
                "\(name): its vendor's SLA is below the required \(required)%; negotiate the SLA or plan a fallback (expected downtime \(cost) a year)."
        }
        let misses = d.chosen.failures.map(DecisionText.failure).joined(separator: "; ")
        return
            "\(name): no combination of tiers meets its SLA end to end. The closest, \(d.chosen.label), misses — \(misses) (expected downtime \(cost) a year). Relax the target, or accept the gap in writing."
    }
}
