/// Re-runs the joint tier choice (`JointChoice`) on draws of the impact ranges, reusing the
/// plan's tier table: each option's incidents, protection cost and verdict are fixed by the
/// plan's pairs and prices; a draw only reprices the expected downtime of the applications
/// with ranges (`DowntimeEstimate` on the drawn impact model), then searches again from the
/// plan's choice (docs/MODEL.md §12).
struct DecisionSampler: Sendable {
    /// One input with a range: an application's impact figure, or a catalog frequency.
    struct RangedInput: Sendable {
        enum Target: Sendable {
            /// The application (index) and its figure.
            case impact(Int, ImpactInput)
            case rate(FailureRateInput)
        }

        var target: Target
        var range: InputRange

        init(application: Int, input: ImpactInput, range: InputRange) {
            self.target = .impact(application, input)
            self.range = range
        }

        init(rate: FailureRateInput, range: InputRange) {
            self.target = .rate(rate)
            self.range = range
        }

        /// The application it belongs to (nil: a catalog frequency, which moves them all).
        var application: Int? {
            if case .impact(let a, _) = target { return a }
            return nil
        }
    }

    /// What one draw gives.
    struct Draw: Sendable {
        /// The option chosen per application (index into `options`).
        var chosen: [Int]
        /// The plan's yearly total on this draw.
        var planCost: Double
        /// The best joint choice's yearly total on this draw.
        var bestCost: Double
        /// Per application: the plan's tier against its best tier alone, the others as planned.
        var regrets: [Double]
    }

    var applications: [Application]
    /// The options the plan chose among (a pinned application has one), own figures, with
    /// their incidents.
    var options: [[TierAssessment]]
    var siteLevels: [[Int]]
    var graph: DependencyGraph
    var minutesPerYear: Double
    /// The plan's choice (index into `options`).
    var planChosen: [Int]
    var inputs: [RangedInput]
    /// Most option evaluations one draw's search may spend.
    var budget = 20_000
    /// The yearly total of the applications left out of the search (their figures do not
    /// move), added to the plan's cost on every draw.
    var fixedCost = 0.0

    /// The joint choice's problem with every input at `values` (nil: the plan's value).
    func choice(_ values: [Double?]) -> JointChoice {
        var apps = applications
        var touched = Set<Int>()
        var ratios: [FailureRateInput: Double] = [:]
        for (k, input) in inputs.enumerated() {
            guard let value = values[k] else { continue }
            switch input.target {
            case .impact(let a, let figure):
                apps[a].impact = apps[a].impact.setting(figure, to: value)
                touched.insert(a)
            case .rate(let rate):
                ratios[rate] = input.range.mean > 0 ? value / input.range.mean : 1
            }
        }
        // A catalog frequency moves every application's incidents.
        if !ratios.isEmpty { touched = Set(options.indices) }
        var repriced = options
        for a in touched {
            for o in repriced[a].indices {
                let incidents = options[a][o].estimate.incidents
                repriced[a][o].estimate = DowntimeEstimate(
                    incidents: ratios.isEmpty ? incidents : FailureRateInput.scaled(incidents, ratios: ratios), application: apps[a],
                    minutesPerYear: minutesPerYear)
            }
        }
        var joint = JointChoice(
            applications: apps, options: repriced, siteLevels: siteLevels, graph: graph, minutesPerYear: minutesPerYear)
        joint.budget = budget
        return joint
    }

    /// The choice and the plan's cost on one draw; `regrets` only when `perApplication`.
    func draw(_ values: [Double?], perApplication: Bool) -> Draw {
        var joint = choice(values)
        let plan = joint.evaluate(planChosen)
        let best = joint.solve(start: planChosen, startScore: plan.score)
        let better = best.score < plan.score
        // When the plan's choice is proven best on this draw, no single switch beats it.
        let planBest = best.proven && !better
        let regrets =
            !perApplication ? [] : planBest ? [Double](repeating: 0, count: planChosen.count) : self.regrets(&joint, plan: plan)
        // Regret is counted in money among choices that miss no more requirements than the
        // plan's (a catalog range can change which tiers meet an SLA): the search's best, or a
        // single application's switch when that saves more.
        let saving = max(
            0, better && best.score.failures <= plan.score.failures ? plan.score.cost - best.score.cost : 0, regrets.max() ?? 0)
        return Draw(
            chosen: better ? best.chosen : planChosen, planCost: plan.score.cost, bestCost: plan.score.cost - saving, regrets: regrets)
    }

    /// Each application's regret on a draw: the plan's total less the best total with only
    /// that application's tier changed (0 when no other tier does better).
    private func regrets(_ joint: inout JointChoice, plan: (evaluations: [JointChoice.Evaluation], score: JointChoice.Score)) -> [Double] {
        switches(&joint, plan: plan).map { max(0, $0.max() ?? 0) }
    }

    /// Per application and option, what switching that application alone to the option saves
    /// on the plan's total (negative: costs more; 0 for the plan's own option and for a switch
    /// that misses more requirements). An application nothing depends on changes only its
    /// own figures; a shared one changes its dependents'.
    func switches(_ joint: inout JointChoice, plan: (evaluations: [JointChoice.Evaluation], score: JointChoice.Score)) -> [[Double]] {
        let loads = ServiceComposer.loads(graph, own: planChosen.indices.map { joint.options[$0][planChosen[$0]].estimate.incidents })
        let levels = joint.weakestSiteLevels(planChosen).dependencies
        return planChosen.indices.map { a in
            joint.options[a].indices.map { o in
                guard o != planChosen[a] else { return 0 }
                let score: JointChoice.Score
                if graph.directDependents[a].isEmpty {
                    let own = joint.evaluation(a, o, load: loads[a], dependencySiteLevel: levels[a]).score
                    score = JointChoice.Score(
                        failures: plan.score.failures - plan.evaluations[a].score.failures + own.failures,
                        cost: plan.score.cost - plan.evaluations[a].score.cost + own.cost)
                } else {
                    var combination = planChosen
                    combination[a] = o
                    score = joint.evaluate(combination).score
                }
                return score.failures > plan.score.failures ? 0 : plan.score.cost - score.cost
            }
        }
    }
}

extension DecisionSampler.RangedInput.Target {
    /// As `DecisionUncertainty.Input` names it.
    var described: DecisionUncertainty.Input.Target {
        switch self {
        case .impact(_, let figure): .impact(figure)
        case .rate(let rate): .rate(rate)
        }
    }
}
