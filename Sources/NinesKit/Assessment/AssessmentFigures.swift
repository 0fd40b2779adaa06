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
    /// The reference alternative's investment and its payback, when alternatives are compared.
    public let investment: Investment?

    /// What the reference alternative costs and how soon the downtime it saves pays it back.
    public struct Investment: Sendable, Equatable {
        /// The alternative's id and name.
        public let alternative, name: String
        /// One-off cost, and running cost per year.
        public let capex, opexPerYear: Double
        /// Downtime cost saved per year net of the running cost.
        public let netYearlySaving: Double
        /// Months until the saving repays the one-off cost; nil when it never does.
        public let paybackMonths: Double?
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
            tco.alternatives.first { $0.id == tco.reference }.map { reference in
                let yearly = plan.exposureBefore - plan.exposureAfter - reference.opex.total
                return Investment(
                    alternative: reference.id, name: reference.spec.name, capex: Number.round(reference.capex.total, 2),
                    opexPerYear: Number.round(reference.opex.total, 2), netYearlySaving: Number.round(yearly, 2),
                    paybackMonths: yearly <= 0 ? nil : Number.round(reference.capex.total / yearly * 12, 2))
            }
        }
    }
}
