/// The plan's protected workloads costed on every alternative: TCO by year, NPV, break-even
/// years, the downtime cost above which the recommended alternative pays for itself against
/// each other one, and how the ranking moves when the uncertain inputs move.
public struct TCOComparison: Sendable {
    public var horizonYears: Int
    public var discountRatePercent: Double
    public var currency: String
    public var alternatives: [AlternativeEvaluation]
    public var breakEvens: [BreakEven]
    /// Per alternative, the downtime cost per hour above which the reference costs less.
    public var referencePaysAbove: [PaysAbove]
    public var sensitivity: [SensitivityCase]
    /// The alternative the others are measured against: the recommended one.
    public var reference: String?
    /// The cheapest alternative by NPV, the runner-up, and what would change it.
    public var recommendation: Recommendation?
    /// The economics the alternatives were costed with.
    public var economics: AlternativeEconomics
    /// The alternatives across the draws of the impact ranges (nil: no ranges).
    public var spread: AlternativeSpread? = nil

    /// When `costlier` (more up front) has cost no more than `cheaper` in present value,
    /// counting from the start (the ranking's basis, NPV); nil year: not within the horizon.
    public struct BreakEven: Hashable, Sendable, Codable {
        public var costlier: String
        public var cheaper: String
        public var year: Int?
    }

    public struct PaysAbove: Hashable, Sendable, Codable {
        public var against: String
        /// Cost of an hour of downtime above which the reference is cheaper over the horizon;
        /// nil when it is cheaper at any cost (or never, with `never`).
        public var costPerHour: Double?
        public var always: Bool
        public var never: Bool
    }

    public struct SensitivityCase: Hashable, Sendable, Codable {
        /// `downtime cost`, `host MTBF`, `licence prices`.
        public var factor: String
        /// 0.5 or 1.5.
        public var multiplier: Double
        /// Alternative ids, cheapest total first.
        public var ranking: [String]
        /// Net present value per alternative in this case.
        public var npv: [String: Double]
    }

    public static func build(plan: Plan, specs: [AlternativeSpec], economics: AlternativeEconomics) -> TCOComparison {
        let model = TCOModel(plan: plan, specs: specs, economics: economics)
        let evaluations = model.evaluate()
        let horizon = plan.engagement.horizonYears
        let rate = plan.engagement.discountRatePercent / 100
        let cases = sensitivity(model, base: evaluations, horizon: horizon, rate: rate)
        // The recommended alternative is the reference of every comparison: nothing assumes
        // the platform the plan was sized on.
        let recommendation = Recommendation.of(evaluations, horizon: horizon, rate: rate, sensitivity: cases)
        let reference = recommendation?.alternative
        var comparison = TCOComparison(
            horizonYears: horizon, discountRatePercent: plan.engagement.discountRatePercent, currency: plan.engagement.currency,
            alternatives: evaluations, breakEvens: breakEvens(evaluations),
            referencePaysAbove: paysAbove(evaluations, reference: reference, horizon: horizon, rate: rate), sensitivity: cases,
            reference: reference, recommendation: recommendation, economics: economics)
        comparison.spread = plan.uncertainty.map { AlternativeSpread.of(comparison, plan: plan, uncertainty: $0) }
        return comparison
    }

    /// Each protected application's expected downtime on each alternative (in `alternatives`
    /// order, applications in plan order): what `downtimeCostPerYear` sums, for plan.xlsx.
    public func applicationDowntime(plan: Plan) -> [[(decision: TierDecision, estimate: DowntimeEstimate)]] {
        var model = TCOModel(plan: plan, specs: alternatives.map(\.spec), economics: economics)
        model.sizings = Dictionary(uniqueKeysWithValues: alternatives.map { ($0.id, $0.sizing) })
        let protected = AlternativeSizing.protectedVMs(plan)
        let evaluated = alternatives
        return Parallel.map(evaluated.count) { [model] index in
            model.estimates(evaluated[index].spec, sizing: evaluated[index].sizing, protected: protected)
        }
    }

    /// What 1 a year over the horizon is worth today at the engagement's discount rate.
    public var annuityFactor: Double { TCOModel.annuityFactor(years: horizonYears, rate: discountRatePercent / 100) }

    /// Cheapest first by net present value with the expected downtime included.
    public var ranking: [AlternativeEvaluation] { alternatives.sorted { ($0.npv, $0.id) < ($1.npv, $1.id) } }

    static func breakEvens(_ evaluations: [AlternativeEvaluation]) -> [BreakEven] {
        var result: [BreakEven] = []
        for a in evaluations {
            for b in evaluations where a.id != b.id && a.years[0].total > b.years[0].total {
                let year = zip(a.years, b.years).first { $0.presentValue <= $1.presentValue + 1e-6 }?.0.year
                result.append(BreakEven(costlier: a.id, cheaper: b.id, year: year))
            }
        }
        return result
    }

    /// On the ranking's basis, NPV = capex + (opex + c × hours) × A for each alternative, with
    /// A = Σ_{y=1..horizon} (1 + r)^−y the annuity factor; equal at
    /// c* = (capex_ref − capex_x + (opex_ref − opex_x) × A) / ((hours_x − hours_ref) × A).
    static func paysAbove(_ evaluations: [AlternativeEvaluation], reference: String?, horizon: Int, rate: Double) -> [PaysAbove] {
        guard let ref = evaluations.first(where: { $0.id == reference }) else { return [] }
        let h = TCOModel.annuityFactor(years: horizon, rate: rate)
        func fixed(_ e: AlternativeEvaluation) -> Double { e.capex.total + e.opex.total * h }
        return evaluations.filter { $0.id != ref.id }.map { other in
            let extraFixed = fixed(ref) - fixed(other)
            let savedHours = (other.downtimeHoursPerYear - ref.downtimeHoursPerYear) * h
            if extraFixed <= 0 && savedHours >= 0 { return PaysAbove(against: other.id, costPerHour: nil, always: true, never: false) }
            if savedHours <= 0 { return PaysAbove(against: other.id, costPerHour: nil, always: false, never: true) }
            return PaysAbove(against: other.id, costPerHour: max(0, extraFixed / savedHours), always: false, never: false)
        }
    }

    /// Each uncertain input at half and one and a half times its estimate, every alternative's
    /// NPV in each case.
    static func sensitivity(_ baseModel: TCOModel, base: [AlternativeEvaluation], horizon: Int, rate: Double) -> [SensitivityCase] {
        let annuity = TCOModel.annuityFactor(years: horizon, rate: rate)
        var model = baseModel
        model.sizings = Dictionary(uniqueKeysWithValues: base.map { ($0.id, $0.sizing) })
        let multipliers = [0.5, 1.5]
        // Host MTBF and licence prices change the evaluation: all of those models at once.
        let variants = multipliers.flatMap { multiplier in
            var mtbf = model
            mtbf.failureRateFactor = 1 / multiplier
            var licences = model
            licences.licenseFactor = multiplier
            // Licence prices leave the expected downtime as it is.
            licences.downtimes = Dictionary(
                uniqueKeysWithValues: base.map {
                    (
                        $0.id,
                        TCOModel.Downtime(
                            cost: $0.downtimeCostPerYear, unplanned: $0.unplannedMinutesPerApplication,
                            planned: $0.maintenanceMinutesPerApplication, hours: $0.downtimeHoursPerYear)
                    )
                })
            return [mtbf, licences]
        }
        let evaluated = TCOModel.evaluate(variants)
        var cases: [SensitivityCase] = []
        for (index, multiplier) in multipliers.enumerated() {
            let downtime = Dictionary(
                uniqueKeysWithValues: base.map { e in
                    (e.id, e.npv - e.downtimeCostPerYear * annuity * (1 - multiplier))
                })
            cases.append(SensitivityCase(factor: "downtime cost", multiplier: multiplier, ranking: rank(downtime), npv: downtime))
            for (offset, factor) in ["host MTBF", "licence prices"].enumerated() {
                let npv = Dictionary(uniqueKeysWithValues: evaluated[index * 2 + offset].map { ($0.id, $0.npv) })
                cases.append(SensitivityCase(factor: factor, multiplier: multiplier, ranking: rank(npv), npv: npv))
            }
        }
        return cases
    }

    private static func rank(_ totals: [String: Double]) -> [String] {
        totals.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
    }
}

/// The "Availability Report Card" arithmetic (Servo Dynamics, "Stratus everRun", quoting Stratus,
/// "VMware vSphere vs Stratus everRun Enterprise Comparison"): downtime minutes priced per minute.
public enum ReportCard {
    /// At $11,437.50 a minute, 52.56 min is $601,155 and 4 min is $45,750 (docs/MODEL.md §11).
    public static func cost(downtimeMinutes: Double, costPerMinute: Double) -> Double {
        downtimeMinutes * costPerMinute
    }
}
