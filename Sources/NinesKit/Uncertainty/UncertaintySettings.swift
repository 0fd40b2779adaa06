/// How the decision's uncertainty is sampled (`nines plan --samples`, `--seed`).
public struct UncertaintySettings: Hashable, Sendable {
    /// Outer samples (draws of every range); 0 skips the analysis.
    public var samples: Int
    public var seed: UInt64
    /// Midpoint strata per input for its value of information (at most).
    public var informationSamples: Int
    /// Most draws the values of information take in all (the strata per input shrink, to 8 at
    /// least, when there are many inputs).
    public var informationBudget = 4_000

    public init(samples: Int = 1000, seed: UInt64 = 1, informationSamples: Int = 64) {
        self.samples = samples
        self.seed = seed
        self.informationSamples = informationSamples
    }
}
