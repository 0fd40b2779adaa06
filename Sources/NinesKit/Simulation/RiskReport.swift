import Foundation

/// The distribution of yearly losses, per application and for the estate.
public struct RiskReport: Sendable {
    /// Summary statistics of one distribution of yearly losses.
    public struct Distribution: Sendable, Codable, Hashable {
        public var name: String
        /// Mean of the simulated years.
        public var mean: Double
        /// Standard error of the mean.
        public var standardError: Double
        public var p50: Double
        public var p90: Double
        public var p99: Double
        /// The analytic expected value, for comparison (nil for the estate).
        public var analytic: Double?

        init(name: String, values: [Double], analytic: Double?) {
            self.name = name
            let n = Double(values.count)
            let average = values.reduce(0, +) / n
            mean = average
            let variance = values.reduce(0) { $0 + ($1 - average) * ($1 - average) } / max(1, n - 1)
            standardError = (variance / n).squareRoot()
            // Most simulated years cost an application nothing: only the other years are
            // sorted, and the zeros are counted in between (the same order statistics).
            let nonZero = values.filter { $0 != 0 }.sorted()
            let negatives = nonZero.firstIndex { $0 > 0 } ?? nonZero.count
            let zeros = values.count - nonZero.count
            func ranked(_ index: Int) -> Double {
                index < negatives ? nonZero[index] : index < negatives + zeros ? 0 : nonZero[index - zeros]
            }
            func quantile(_ q: Double) -> Double { ranked(min(values.count - 1, Int((q * n).rounded(.up)) - 1)) }
            p50 = quantile(0.5)
            p90 = quantile(0.9)
            p99 = quantile(0.99)
            self.analytic = analytic
        }
    }

    public var trials: Int
    public var seed: UInt64
    public var applications: [Distribution]
    public var estate: Distribution
    /// Wall-clock seconds the simulation took.
    public var seconds: Double
    /// Pairs in the plan (for the pair-years-per-second figure).
    public var pairs: Int

    init(model: RiskModel, losses: LossTable, trials: Int, seed: UInt64, seconds: Double) {
        self.trials = trials
        self.seed = seed
        self.seconds = seconds
        pairs = model.pairCount
        // Each application's percentiles sort its own column: on every core.
        applications = Parallel.map(model.applications.count) { index in
            Distribution(name: model.applications[index], values: losses.column(index, trials: trials), analytic: model.analytic[index])
        }
        estate = Distribution(name: "estate", values: losses.totals(trials: trials), analytic: model.analytic.reduce(0, +))
        byName = Dictionary(applications.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        var rates = [Double](repeating: 0, count: model.applications.count)
        for source in model.sources {
            for impact in source.impacts where impact.coveredCost > 0 || impact.uncoveredCost > 0 || impact.dataLossCost > 0 {
                rates[impact.application] += source.rate
            }
        }
        costlyEventRates = rates
    }

    private var byName: [String: Int] = [:]
    /// Per application, events a year of the sources that can cost it anything.
    private var costlyEventRates: [Double] = []

    /// Each application's simulated mean less its expected value, in standard errors (both
    /// come from the same failure sources: within 3 is sampling noise); applications that
    /// expect no loss are left out.
    ///
    /// An application no simulated year cost anything (rare sources only: two failures of a
    /// redundant one at once) has no spread to measure by. Its costly events are then Poisson
    /// with mean N r (N years, r a year) and, as E[X²] ≥ E[X]², the gap is at most √(N r)
    /// standard errors: that bound is its figure.
    public var deviations: [(name: String, z: Double)] {
        applications.enumerated().compactMap { index, d in
            guard let expected = d.analytic, expected > 0 else { return nil }
            if d.standardError == 0, d.mean < expected, index < costlyEventRates.count {
                return (d.name, -(Double(trials) * costlyEventRates[index]).squareRoot())
            }
            return (d.name, (d.mean - expected) / max(d.standardError, 1e-9 * expected))
        }
    }

    /// The largest gap between an application's simulated mean and its expected value, in
    /// standard errors (`deviations`).
    public var largestDeviation: Double { deviations.map { abs($0.z) }.max() ?? 0 }

    public func application(_ name: String) -> Distribution? { byName[name].map { applications[$0] } }
}
