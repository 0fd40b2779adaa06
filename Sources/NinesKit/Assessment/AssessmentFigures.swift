/// The figures the summary of every output shows (report, plan.json, terminal), computed once
/// here so that no renderer derives one of its own. Money in the engagement's currency per
/// year, rounded to cents; months to a hundredth.
public struct AssessmentFigures: Sendable, Equatable {
    /// Expected downtime and data-loss cost today and with the plan, dependencies included.
    public let exposureBefore, exposureAfter: Double
    /// Hosting and protection today and with the plan.
    public let protectionBefore, protectionAfter: Double
    /// Downtime cost the plan saves: `exposureBefore − exposureAfter`.
    public let downtimeSaved: Double
    /// Added hosting and protection: `protectionAfter − protectionBefore`.
    public let addedProtection: Double
    /// `downtimeSaved − addedProtection`.
    public let netSaving: Double
    /// The recommended alternative's investment and its payback, when alternatives are compared.
    public let investment: Investment?

    /// What the recommended alternative (`TCOComparison.recommendation`) costs and how soon the
    /// downtime it saves pays it back.
    public struct Investment: Sendable, Equatable {
        /// The alternative's id and name.
        public let alternative, name: String
        /// One-off cost, and running cost per year.
        public let capex, opexPerYear: Double
        /// Expected downtime and data-loss cost a year with the plan on this alternative: the
        /// plan's, with its protected applications' downtime on the plan's own platform
        /// replaced by theirs on this alternative.
        public let exposureWith: Double
        /// Downtime cost saved per year (today's exposure − `exposureWith`) net of the running
        /// cost.
        public let netYearlySaving: Double
        /// Months until the saving repays the one-off cost; nil when it never does.
        public let paybackMonths: Double?
        /// Each figure a year and over the horizon, down to the plan's NPV.
        public let reconciliation: [Line]
    }

    /// One line of the reconciliation: a figure a year (nil for a one-off) and its present
    /// value over the horizon (× the annuity factor A for a yearly figure).
    public struct Line: Sendable, Equatable {
        public enum Item: String, Sendable {
            case exposureToday = "exposure_today", exposureWithPlan = "exposure_with_plan", downtimeSaved = "downtime_saved"
            case runningCost = "running_cost", netSaving = "net_saving", investment, npv
        }
        public let item: Item
        public let perYear: Double?
        public let presentValue: Double
    }

    init(plan: Plan, tco: TCOComparison?) {
        exposureBefore = Number.round(plan.exposureBefore, 2)
        exposureAfter = Number.round(plan.exposureAfter, 2)
        protectionBefore = Number.round(plan.protectionBefore, 2)
        protectionAfter = Number.round(plan.protectionAfter, 2)
        downtimeSaved = Number.round(plan.exposureBefore - plan.exposureAfter, 2)
        addedProtection = Number.round(plan.protectionAfter - plan.protectionBefore, 2)
        netSaving = Number.round((plan.exposureBefore - plan.exposureAfter) - (plan.protectionAfter - plan.protectionBefore), 2)
        investment = tco.flatMap { tco in
            tco.alternatives.first { $0.id == tco.recommendation?.alternative }.map { chosen in
                // The plan's figures are sized on its own platform; on another alternative its
                // protected applications' expected downtime is that alternative's.
                let own = tco.alternatives.first { $0.spec.platform == plan.engagement.platform }
                let exposure = plan.exposureAfter + (own.map { chosen.downtimeCostPerYear - $0.downtimeCostPerYear } ?? 0)
                let yearly = plan.exposureBefore - exposure - chosen.opex.total
                let annuity = tco.annuityFactor
                func line(_ item: Line.Item, _ value: Double) -> Line {
                    Line(item: item, perYear: Number.round(value, 2), presentValue: Number.round(value * annuity, 2))
                }
                let lines = [
                    line(.exposureToday, plan.exposureBefore), line(.exposureWithPlan, exposure),
                    line(.downtimeSaved, plan.exposureBefore - exposure), line(.runningCost, chosen.opex.total),
                    line(.netSaving, yearly),
                    Line(item: .investment, perYear: nil, presentValue: Number.round(chosen.capex.total, 2)),
                    Line(item: .npv, perYear: nil, presentValue: Number.round(yearly * annuity - chosen.capex.total, 2)),
                ]
                return Investment(
                    alternative: chosen.id, name: chosen.spec.name, capex: Number.round(chosen.capex.total, 2),
                    opexPerYear: Number.round(chosen.opex.total, 2), exposureWith: Number.round(exposure, 2),
                    netYearlySaving: Number.round(yearly, 2),
                    paybackMonths: yearly <= 0 ? nil : Number.round(chosen.capex.total / yearly * 12, 2), reconciliation: lines)
            }
        }
    }
}
