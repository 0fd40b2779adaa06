/// The report's "How sure the decisions are" section: each decision's confidence across the
/// draws of the ranges, what narrowing each range is worth, and the alternatives' NPV spread.
/// Every figure comes from `DecisionUncertainty` and `AlternativeSpread`.
public struct UncertaintySectionView: Sendable {
    public struct DecisionRow: Sendable {
        public var name, planned, confidence, others, regret: String
        public var closeCall: Bool
    }

    public struct InputRow: Sendable {
        public var application, input, range, mean, value: String
    }

    public struct AlternativeRow: Sendable {
        public var name, p10, p50, p90, cheapest: String
    }

    public var line: String
    public var decisions: [DecisionRow]
    public var inputs: [InputRow]
    /// The inputs worth narrowing, in a sentence each, most valuable first.
    public var pinDown: [String]
    public var alternatives: [AlternativeRow]
    public var alternativesLine: String?
    public var hasAlternatives: Bool

    /// Inputs listed by value, at most.
    static let topInputs = 10

    init(_ u: DecisionUncertainty, tco: TCOComparison?, currency: String) {
        let money = { (v: Double) in Number.money(v, currency: currency) }
        line =
            "\(Number.grouped(Double(u.samples))) draws of \(u.inputs.count) ranges (seed \(u.seed)); the plan uses each range's mean. Not knowing the inputs exactly costs the decisions \(money(u.expectedRegret)) a year on average (± \(money(u.expectedRegretError)), one standard error: the expected value of perfect information). The plan's yearly total: \(money(u.planCost.p10)) (P10), \(money(u.planCost.p50)) (P50), \(money(u.planCost.p90)) (P90)."
        decisions = Self.shown(u).map { o in
            DecisionRow(
                name: o.application, planned: o.chosen, confidence: Self.percent(o.confidence),
                others: o.tierProbabilities.filter { $0.tier != o.chosen }.map { "\($0.tier) \(Self.percent($0.share))" }
                    .joined(separator: ", "),
                regret: money(o.expectedRegret), closeCall: o.confidence < DecisionUncertainty.closeCall)
        }
        let ranked = u.inputsByValue.prefix(Self.topInputs)
        inputs = ranked.map { i in
            InputRow(
                application: i.application.isEmpty ? "all (catalog)" : i.application, input: i.phrase,
                range: "\(Self.figure(i.range.low)) – \(Self.figure(i.range.high)), likely \(Self.figure(i.range.likely))",
                mean: Self.figure(i.range.mean), value: money(i.valueOfInformation))
        }
        let worth = ranked.filter { $0.valueOfInformation >= 1 }.prefix(3)
        pinDown =
            worth.isEmpty
            ? ["No range changes a decision enough to matter: knowing any input exactly is worth less than \(money(1)) a year."]
            : worth.map {
                "Narrowing \(Self.owner($0))\($0.phrase) is worth \(money($0.valueOfInformation)) a year in better decisions."
            }
        let names = Dictionary(uniqueKeysWithValues: (tco?.alternatives ?? []).map { ($0.id, $0.spec.name) })
        let spread = tco?.spread
        alternatives = (spread?.alternatives ?? []).map { a in
            AlternativeRow(
                name: names[a.id] ?? a.id, p10: money(a.npv.p10), p50: money(a.npv.p50), p90: money(a.npv.p90),
                cheapest: Self.percent(a.cheapest))
        }
        hasAlternatives = !alternatives.isEmpty
        alternativesLine = tco?.recommendation.flatMap { r in
            spread?.recommendedCheapest.map {
                "\(names[r.alternative] ?? r.alternative), recommended at the means, is the cheapest in \(Self.percent($0)) of the draws."
            }
        }
    }

    /// The decisions a range can move: those with a range or a dependency's range in play
    /// (a tier other than the plan's chosen at least once, or a regret).
    static func shown(_ u: DecisionUncertainty) -> [DecisionUncertainty.Outcome] {
        let ranged = Set(u.inputs.map(\.application))
        return u.outcomes.filter { ranged.contains($0.application) || $0.confidence < 1 || $0.expectedRegret > 0 }
    }

    /// Whose input it is, for a sentence: "MES's ", or "the " for a catalog frequency.
    public static func owner(_ input: DecisionUncertainty.Input) -> String {
        input.application.isEmpty ? "the " : "\(input.application)'s "
    }

    /// An input's value: grouped whole numbers from 100 up, else up to three decimals.
    static func figure(_ value: Double) -> String {
        abs(value) >= 100 ? Number.grouped(value) : Number.plain(value, maxFraction: 3)
    }

    public static func percent(_ share: Double) -> String {
        let value = share * 100
        if value > 99 && value < 100 { return "over 99%" }
        if value > 0 && value < 1 { return "under 1%" }
        return Number.plain(value, maxFraction: 0) + "%"
    }
}
