extension DecisionSampler {
    /// The analysis of the plan kept in `round`, or nil when no input is a range (or
    /// `settings.samples` is 0).
    static func analyse(_ round: Planner.Round, decisions: [TierDecision], graph: DependencyGraph, settings: UncertaintySettings)
        -> DecisionUncertainty?
    {
        let applications = round.table.entries.map(\.application)
        let inputs = rangedInputs(applications, rates: round.assigner.catalog.failureRates)
        guard !inputs.isEmpty, settings.samples > 0 else { return nil }
        let assigner = round.assigner
        var allowed = assigner.candidates(table: round.table).allowed
        var chosen = allowed.indices.map { a in allowed[a].firstIndex { $0.tier == decisions[a].chosen.tier } ?? 0 }
        // Only an application with a range, or one it depends on, can change its tier on a
        // draw; the others keep the plan's (their figures do not move).
        let ranged = inputs.contains { $0.application == nil } ? Set(applications.indices) : Set(inputs.compactMap(\.application))
        let relevant = Self.closure(of: ranged, along: graph.dependencies)
        for a in allowed.indices where !relevant.contains(a) {
            allowed[a] = [allowed[a][chosen[a]]]
            chosen[a] = 0
        }
        // Only those and what depends on them can change their figures; what they depend on
        // is kept to compose them. The rest is a constant, left out of every draw's search.
        let moving = Self.closure(of: relevant, along: graph.directDependents)
        let kept = Self.closure(of: moving, along: graph.dependencies).sorted()
        let minutes = assigner.engagement.minutesPerYear
        var whole = JointChoice(
            applications: applications, options: allowed, siteLevels: assigner.siteLevels(allowed), graph: graph, minutesPerYear: minutes)
        let keptSet = Set(kept)
        let fixed = whole.evaluate(chosen).evaluations.enumerated().filter { !keptSet.contains($0.offset) }.reduce(0) {
            $0 + $1.element.score.cost
        }
        let position = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        let keptApplications = kept.map { applications[$0] }
        let keptOptions = kept.map { allowed[$0] }
        var sampler = DecisionSampler(
            applications: keptApplications, options: keptOptions, siteLevels: assigner.siteLevels(keptOptions),
            graph: DependencyGraph(keptApplications), minutesPerYear: minutes, planChosen: kept.map { chosen[$0] },
            inputs: inputs.map { input in
                guard case .impact(let a, let figure) = input.target else { return input }
                return RangedInput(application: position[a]!, input: figure, range: input.range)
            })
        sampler.fixedCost = fixed
        sampler.handicapRepacking()
        let names = inputNames(inputs, applications: applications, catalog: round.assigner.catalog)
        var result = sampler.run(settings, names: (keptApplications.map(\.name), names))
        // The applications left out keep the plan's tier in every draw.
        let outcomes = Dictionary(uniqueKeysWithValues: result.outcomes.map { ($0.application, $0) })
        result.outcomes = applications.indices.map { a in
            outcomes[applications[a].name]
                ?? DecisionUncertainty.Outcome(
                    application: applications[a].name, chosen: decisions[a].chosen.label,
                    tierProbabilities: [.init(tier: decisions[a].chosen.label, share: 1)], confidence: 1, expectedRegret: 0)
        }
        return result
    }

    /// Every impact figure given as a range (applications in order, figures in `ImpactInput`
    /// order), then the catalog's frequencies given as ranges.
    static func rangedInputs(_ applications: [Application], rates: FailureRates) -> [RangedInput] {
        var inputs: [RangedInput] = []
        for (a, app) in applications.enumerated() {
            for (input, range) in app.impact.ranges.sorted(by: { $0.key < $1.key }) {
                inputs.append(RangedInput(application: a, input: input, range: range))
            }
        }
        for (rate, range) in rates.ranges.sorted(by: { $0.key < $1.key }) { inputs.append(RangedInput(rate: rate, range: range)) }
        return inputs
    }

    /// Each input's key, words and where it is written.
    static func inputNames(_ inputs: [RangedInput], applications: [Application], catalog: Catalog) -> [(
        key: String, phrase: String, location: SourceLocation
    )] {
        inputs.map { input in
            switch input.target {
            case .impact(let a, let figure):
                let app = applications[a]
                return (key: figure.key(in: app.impact), phrase: figure.phrase(in: app.impact), location: app.location)
            case .rate(let rate):
                return (
                    key: "rates.\(rate.rawValue)", phrase: rate.phrase,
                    location: SourceLocation(file: catalog.directory + "/failure-rates.yaml")
                )
            }
        }
    }

    /// The standard error of the mean of `values` (s/√n; conservative for Latin hypercube draws).
    static func standardError(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (variance / Double(values.count)).squareRoot()
    }

    /// `start` and everything reached from it along `edges` (dependencies or dependents).
    static func closure(of start: Set<Int>, along edges: [[Int]]) -> Set<Int> {
        var found = start
        var stack = Array(start)
        while let node = stack.popLast() {
            for next in edges[node] where found.insert(next).inserted { stack.append(next) }
        }
        return found
    }

    /// Makes the plan's choice the best one at the inputs' means. The plan was chosen on the
    /// cost of each choice packed into its own pairs; here the pairs and prices are held, so
    /// a tier the planner rejected once packed can look cheaper on the plan's pairs. Each
    /// other option of an application is charged, as protection, what it looks cheaper by at
    /// the means (switched alone): the cost of re-packing that the planner's rounds found.
    mutating func handicapRepacking() {
        var joint = choice([Double?](repeating: nil, count: inputs.count))
        let plan = joint.evaluate(planChosen)
        let gaps = switches(&joint, plan: plan)
        for a in options.indices {
            for o in options[a].indices where gaps[a][o] > 0 { options[a][o].protectionCost += gaps[a][o] }
        }
    }

    /// The whole analysis: every draw's choice, each application's tier shares, confidence and
    /// regret, the plan's spread, and each input's value of information. An input's value of
    /// information varies it alone over M midpoint strata of its quantiles, (j + ½)/M — a
    /// one-input expectation integrated with an error of order 1/M², without sampling noise.
    func run(
        _ settings: UncertaintySettings, names: (application: [String], input: [(key: String, phrase: String, location: SourceLocation)])
    )
        -> DecisionUncertainty
    {
        // Latin hypercube: each input takes one value from each of the N equal strata of its
        // quantiles, in a random order (seeded), so every part of every range is drawn.
        var generator = SeededGenerator(seed: settings.seed)
        let n = settings.samples
        let columns = inputs.map { input in
            var order = Array(0..<n)
            order.shuffle(using: &generator)
            return order.map { input.range.quantile((Double($0) + generator.uniform()) / Double(n)) }
        }
        let draws = (0..<n).map { d in inputs.indices.map { columns[$0][d] } }
        let results = Parallel.map(draws.count) { draw(draws[$0].map { $0 }, perApplication: true) }
        let count = Double(max(1, results.count))
        let regrets = results.map { $0.planCost - $0.bestCost }
        let outcomes = applications.indices.map { a in
            var counts = [Int](repeating: 0, count: options[a].count)
            for result in results { counts[result.chosen[a]] += 1 }
            let shares = options[a].indices.filter { counts[$0] > 0 }.map {
                DecisionUncertainty.TierShare(tier: options[a][$0].label, share: Double(counts[$0]) / count)
            }
            return DecisionUncertainty.Outcome(
                application: names.application[a], chosen: options[a][planChosen[a]].label, tierProbabilities: shares,
                confidence: Double(counts[planChosen[a]]) / count, expectedRegret: results.reduce(0) { $0 + $1.regrets[a] } / count)
        }
        // Each input's strata, fewer when there are many inputs: at most `informationBudget`
        // draws in all, at least 8 strata an input.
        let strata = max(8, min(settings.informationSamples, settings.informationBudget / max(1, inputs.count)))
        let information = Parallel.map(inputs.count * strata) { index in
            let (k, j) = index.quotientAndRemainder(dividingBy: strata)
            var values = [Double?](repeating: nil, count: inputs.count)
            values[k] = inputs[k].range.quantile((Double(j) + 0.5) / Double(strata))
            let result = draw(values, perApplication: false)
            return result.planCost - result.bestCost
        }
        let described = inputs.indices.map { k in
            DecisionUncertainty.Input(
                application: inputs[k].application.map { names.application[$0] } ?? "", target: inputs[k].target.described,
                key: names.input[k].key,
                phrase: names.input[k].phrase, range: inputs[k].range, location: names.input[k].location,
                valueOfInformation: information[(k * strata)..<((k + 1) * strata)].reduce(0, +) / Double(strata))
        }
        return DecisionUncertainty(
            samples: settings.samples, seed: settings.seed, informationSamples: strata, inputs: described, outcomes: outcomes,
            expectedRegret: regrets.reduce(0, +) / count, expectedRegretError: Self.standardError(regrets),
            planCost: DecisionUncertainty.Spread(results.map { $0.planCost + fixedCost }), draws: draws)
    }
}
