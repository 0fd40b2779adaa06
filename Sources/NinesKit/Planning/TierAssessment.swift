/// One tier evaluated for one application: whether it meets the requirements, and what a year
/// on it costs.
public struct TierAssessment: Hashable, Sendable {
    /// The tier, or nil for a SaaS application (run by its vendor).
    public var tier: TierID?
    /// Requirements this tier fails; empty when feasible.
    public var failures: [TierFailure]
    public var estimate: DowntimeEstimate
    /// Outage the tier allows on a host failure, for the RTO (a guest crash is a reboot on every tier).
    public var recoveryTime: TimeSpan
    /// Worst-case data loss, for the RPO.
    public var dataLoss: TimeSpan
    /// Hosting and protection, per year.
    public var protectionCost: Double
    /// In series with the chosen tiers of what the application depends on (set on the plan's
    /// final decisions; nil while planning). Its incidents are kept for the chosen tier only.
    public var service: DowntimeEstimate?

    public var feasible: Bool { failures.isEmpty }
    /// The figures its verdict is judged on: end to end once set (`service`), else its own.
    public var figures: DowntimeEstimate { service ?? estimate }
    /// Protection plus expected downtime and data-loss cost, per year (on `figures`).
    public var annualCost: Double { protectionCost + figures.totalCost }
    public var label: String { tier?.description ?? "saas" }
}

/// The tier chosen for one application, with every alternative and why.
public struct TierDecision: Hashable, Sendable {
    public enum Basis: String, Hashable, Sendable, Codable {
        /// The cheapest feasible tier.
        case cheapestFeasible = "cheapest-feasible"
        /// Pinned in the inventory's `tier` column.
        case pinned
        /// No tier meets every requirement; the nearest one is used and flagged.
        case noFeasibleTier = "no-feasible-tier"
        /// Run by a vendor; only the vendor's availability is assessed.
        case saas
    }

    public var application: Application
    public var options: [TierAssessment]
    public var chosen: TierAssessment
    /// The application today (the report's "before").
    public var current: TierAssessment
    public var basis: Basis
    /// Why this tier: the values the renderers write the paragraph from.
    public var reason: DecisionReason
    /// The chosen tier in series with the applications this one depends on.
    public var service: DowntimeEstimate
    /// Today's tier in series with today's dependencies.
    public var currentService: DowntimeEstimate

    public init(
        application: Application, options: [TierAssessment], chosen: TierAssessment, current: TierAssessment, basis: Basis,
        reason: DecisionReason
    ) {
        self.application = application
        self.options = options
        self.chosen = chosen
        self.current = current
        self.basis = basis
        self.reason = reason
        self.service = chosen.estimate
        self.currentService = current.estimate
    }
}

extension TierDecision {
    /// The next cheapest feasible tier after the chosen one.
    public var runnerUp: TierAssessment? {
        options.filter { $0.feasible && $0.tier != chosen.tier }.min { $0.annualCost < $1.annualCost }
    }

    /// The options with the fewest failures, cheapest first (the first is planned when no tier
    /// is feasible).
    public static func closest(_ options: [TierAssessment]) -> [TierAssessment] {
        let fewest = options.map(\.failures.count).min()!
        return options.filter { $0.failures.count == fewest }.sorted { $0.annualCost < $1.annualCost }
    }

    /// The requirements every option fails, in name order.
    public var failedByAll: [TierFailure.Requirement] {
        let failing = options.map { Set($0.failures.map(\.requirement)) }
        return failing.dropFirst().reduce(failing[0]) { $0.intersection($1) }.sorted()
    }
}
