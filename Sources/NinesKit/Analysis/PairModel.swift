/// The availability of a 1-of-2 host pair as a continuous-time Markov chain (docs/MODEL.md §3):
///
/// ```
///            2(1−β)λc                    λ
///   [both up] ─────────► [one down] ─────────► [both down]
///      │  ▲  ◄───────────     ▲     ◄─────────      ▲
///      │  │       μ           │    μ (2μ with 2 crews)
///      │  └───────────────────┼─────────────────────┘ βλ (common cause)
///      │ 2(1−β)λ(1−c)         │ δ = 1 / recovery
///      └────────► [uncovered] ┘
/// ```
///
/// The service is down in "both down" and "uncovered". With λ = 1/5000 h and MTTR 4 h it gives
/// the reference values of docs/MODEL.md §3: 0.336 min/yr (2 crews), 0.672 (1 crew), 21.66 (β = 5%),
/// 1.72 (coverage 0.99, 30 min recovery).
public struct PairModel: Hashable, Sendable {
    /// Failures per hour of one host.
    public var failureRate: Double
    /// Mean time to repair a host, hours.
    public var repairHours: Double
    /// Repair crews: 1 repairs one host at a time, 2 both at once.
    public var crews: Int = 1
    /// Common-cause fraction β of each host's failures that take both hosts.
    public var beta: Double = 0
    /// Probability a failure is handled by failover (1: always).
    public var coverage: Double = 1
    /// Hours to restore service after an uncovered failure.
    public var recoveryHours: Double = 0

    public init(failureRate: Double, repairHours: Double, crews: Int = 1, beta: Double = 0, coverage: Double = 1, recoveryHours: Double = 0)
    {
        self.failureRate = failureRate
        self.repairHours = repairHours
        self.crews = crews
        self.beta = beta
        self.coverage = coverage
        self.recoveryHours = recoveryHours
    }

    enum State: Int, CaseIterable { case bothUp, oneDown, bothDown, uncovered }

    public var chain: MarkovChain {
        let λ = failureRate
        let μ = 1 / repairHours
        let hasUncovered = coverage < 1 && recoveryHours > 0
        // An unreachable state would make the steady state singular, so it is left out.
        var chain = MarkovChain(states: hasUncovered ? 4 : 3)
        chain.add(State.bothUp.rawValue, State.oneDown.rawValue, rate: 2 * (1 - beta) * λ * coverage)
        chain.add(State.bothUp.rawValue, State.bothDown.rawValue, rate: beta * λ)
        chain.add(State.oneDown.rawValue, State.bothDown.rawValue, rate: λ)
        chain.add(State.oneDown.rawValue, State.bothUp.rawValue, rate: μ)
        chain.add(State.bothDown.rawValue, State.oneDown.rawValue, rate: μ * Double(crews))
        if hasUncovered {
            chain.add(State.bothUp.rawValue, State.uncovered.rawValue, rate: 2 * (1 - beta) * λ * (1 - coverage))
            chain.add(State.uncovered.rawValue, State.oneDown.rawValue, rate: 1 / recoveryHours)
        } else if coverage < 1 {
            // Recovery is instantaneous: an uncovered failure is a plain host failure.
            chain.add(State.bothUp.rawValue, State.oneDown.rawValue, rate: 2 * (1 - beta) * λ * (1 - coverage))
        }
        return chain
    }

    /// Steady-state probabilities: both up, one down, both down and, when failures can be
    /// uncovered, uncovered.
    public var probabilities: [Double] { chain.steadyState() }

    /// Fraction of time the service is down.
    public var unavailability: Double {
        let p = probabilities
        return p[State.bothDown.rawValue] + (p.count > State.uncovered.rawValue ? p[State.uncovered.rawValue] : 0)
    }

    /// Entries per hour into "both down" (overlap and common cause); each lasts one repair
    /// (1/μ, or 1/2μ with two crews), so rate × duration is its share of unavailability.
    public var bothDownRate: Double {
        let p = probabilities
        return p[State.bothUp.rawValue] * beta * failureRate + p[State.oneDown.rawValue] * failureRate
    }

    /// Hours one "both down" episode lasts.
    public var bothDownHours: Double { repairHours / Double(crews) }

    /// A single unit: unavailability λ / (λ + μ) = MTTR / (MTBF + MTTR).
    public static func singleUnavailability(mtbfHours: Double, mttrHours: Double) -> Double {
        mttrHours / (mtbfHours + mttrHours)
    }
}
