/// How sure the plan's tier choice is when impact inputs are ranges: the joint choice re-run
/// on each of `samples` draws of the ranges (seeded), with the pairs and prices of the plan
/// held (docs/MODEL.md §12).
public struct DecisionUncertainty: Hashable, Sendable {
    /// One input given as a range.
    public struct Input: Hashable, Sendable {
        /// The application whose figure it is; empty for a catalog frequency.
        public var application: String
        /// An impact figure, or a catalog frequency (which moves every application).
        public enum Target: Hashable, Sendable {
            case impact(ImpactInput)
            case rate(FailureRateInput)
        }

        public var target: Target
        /// The applications.yaml key (`impact.revenue_per_hour`).
        public var key: String
        /// Words for a sentence ("revenue per hour").
        public var phrase: String
        public var range: InputRange
        public var location: SourceLocation
        /// The expected value of perfect information on this input alone (EVPPI): what the
        /// decisions would save a year, on average, if its value were known before choosing.
        public var valueOfInformation: Double
    }

    /// One application's decision across the samples.
    public struct Outcome: Hashable, Sendable {
        public var application: String
        /// The plan's tier label.
        public var chosen: String
        /// Share of samples in which each tier is chosen, in tier order; only tiers chosen at
        /// least once.
        public var tierProbabilities: [TierShare]
        /// The share of the plan's tier (0…1).
        public var confidence: Double
        /// Mean, over the samples, of what keeping the plan's tier costs a year against the
        /// best tier for this application in that sample, the others as planned.
        public var expectedRegret: Double
    }

    public struct TierShare: Hashable, Sendable {
        public var tier: String
        public var share: Double
    }

    /// P10, P50, P90 and the mean of a figure across the samples.
    public struct Spread: Hashable, Sendable {
        public var p10, p50, p90, mean: Double

        /// The spread of `values` (sorted or not): the order statistics at ⌈q·n⌉.
        public init(_ values: [Double]) {
            let sorted = values.sorted()
            func at(_ q: Double) -> Double {
                sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1))]
            }
            p10 = at(0.1)
            p50 = at(0.5)
            p90 = at(0.9)
            mean = values.reduce(0, +) / Double(max(1, values.count))
        }
    }

    public var samples: Int
    public var seed: UInt64
    /// Samples drawn for each input's value of information (stratified).
    public var informationSamples: Int
    /// In applications.yaml order; `valueOfInformation` set.
    public var inputs: [Input]
    /// In plan order.
    public var outcomes: [Outcome]
    /// Mean over the samples of the plan's total against the best joint choice in each sample:
    /// the expected value of perfect information on every range at once, a year.
    public var expectedRegret: Double
    /// Its standard error from the draws, a year.
    public var expectedRegretError: Double
    /// The plan's yearly total (protection plus expected downtime and data loss) across samples.
    public var planCost: Spread
    /// Each sample's input values (`inputs` order), for the alternatives' spread.
    public var draws: [[Double]]

    /// Shares below this make a decision "a close call" (a coin toss between two tiers).
    public static let closeCall = 0.6

    public func outcome(for application: String) -> Outcome? { outcomes.first { $0.application == application } }

    /// Inputs by value of information, largest first (ties in input order).
    public var inputsByValue: [Input] {
        inputs.enumerated().sorted { ($1.element.valueOfInformation, $0.offset) < ($0.element.valueOfInformation, $1.offset) }
            .map(\.element)
    }
}
