/// The tiers of all applications chosen together: a dependency's tier changes the service
/// figures and costs of everything that depends on it, so the choice minimises, over every
/// combination, first the requirements missed end to end, then the total yearly cost —
/// protection plus every application's expected downtime and data-loss cost on its service
/// (docs/MODEL.md §7).
///
/// Only applications others depend on ("shared" ones) are searched: once their tiers are fixed,
/// each application nothing depends on takes its best option alone. The search is a
/// depth-first branch and bound over the shared applications in topological order, each
/// node's service known exactly when it is assigned (its dependencies come before it); the
/// bound adds, for what is not yet assigned, each option's own figures — composing only adds
/// downtime, so they can only be beaten. Within `budget` evaluations the optimum is proven;
/// past it the best combination found is kept with the bound, and the gap is reported.
struct JointChoice {
    /// Missed requirements, then yearly cost.
    struct Score: Comparable {
        var failures: Int
        var cost: Double

        static let zero = Score(failures: 0, cost: 0)
        static func + (a: Score, b: Score) -> Score { Score(failures: a.failures + b.failures, cost: a.cost + b.cost) }
        static func < (a: Score, b: Score) -> Bool {
            a.failures != b.failures ? a.failures < b.failures : a.cost < b.cost - 1e-6 * max(1, abs(b.cost))
        }
    }

    /// One option's service and verdict with the chosen tiers below it.
    struct Evaluation {
        var service: DowntimeEstimate
        var failures: [TierFailure]
        var score: Score
    }

    struct Result {
        /// The option chosen for each application (index into its options).
        var chosen: [Int]
        var score: Score
        /// The lowest total any combination can reach.
        var lowerBound: Score
        /// Whether the search finished: `chosen` is then optimal.
        var proven: Bool
        var evaluations: Int
    }

    var applications: [Application]
    /// Each application's options (its own figures and failures); a pinned one has one.
    var options: [[TierAssessment]]
    var siteLevels: [[Int]]
    var graph: DependencyGraph
    var minutesPerYear: Double
    /// Most option evaluations the search may spend (about 20 µs each).
    var budget = 20_000

    /// Most shared applications searched (the recursion's depth).
    static let maxDepth = 256

    /// Evaluations spent so far.
    private var evaluations = 0

    init(applications: [Application], options: [[TierAssessment]], siteLevels: [[Int]], graph: DependencyGraph, minutesPerYear: Double) {
        self.applications = applications
        self.options = options
        self.siteLevels = siteLevels
        self.graph = graph
        self.minutesPerYear = minutesPerYear
    }

    /// The own-figure score of each option: a lower bound of its score in any combination.
    func ownScore(_ app: Int, _ option: Int) -> Score { Self.ownScore(options[app][option]) }

    static func ownScore(_ o: TierAssessment) -> Score {
        Score(failures: o.failures.count, cost: o.protectionCost + o.estimate.totalCost)
    }

    /// No combination of `options` (one per application) scores better: each application's
    /// best own score, which composing can only worsen.
    static func lowerBound(_ options: [[TierAssessment]]) -> Score {
        options.reduce(Score.zero) { $0 + $1.map(ownScore).min()! }
    }

    /// The best combination, starting from `start` (a combination to beat; its score when the
    /// caller has it).
    mutating func solve(start: [Int], startScore: Score? = nil) -> Result {
        let n = applications.count
        let lower = (0..<n).map { a in options[a].indices.map { ownScore(a, $0) }.min()! }
        let bound = Self.lowerBound(options)
        var best = (chosen: start, score: startScore ?? evaluate(start).score)
        guard let order = graph.topologicalOrder, graph.count == n else {
            return Result(chosen: best.chosen, score: best.score, lowerBound: bound, proven: false, evaluations: evaluations)
        }
        let shared = order.filter { !graph.directDependents[$0].isEmpty }
        // The search recurses once per shared application; past `maxDepth` (a long chain) it
        // is not started, and the starting combination is kept with the bound.
        guard shared.count <= Self.maxDepth, budget > 0 else {
            return Result(chosen: best.chosen, score: best.score, lowerBound: bound, proven: shared.isEmpty, evaluations: evaluations)
        }
        // Each application nothing depends on is settled right after its last dependency.
        var settleAfter = [[Int]](repeating: [], count: shared.count + 1)
        var position = [Int](repeating: -1, count: n)
        for (depth, node) in shared.enumerated() { position[node] = depth }
        for node in order where graph.directDependents[node].isEmpty {
            let last = graph.dependencies[node].map { position[$0] }.max() ?? -1
            settleAfter[last + 1].append(node)
        }
        var search = Search(choice: self, shared: shared, settleAfter: settleAfter, lower: lower)
        let finished = search.run(best: &best)
        evaluations += search.evaluations
        return Result(chosen: best.chosen, score: best.score, lowerBound: bound, proven: finished, evaluations: evaluations)
    }

    /// Every application's service and verdict for a whole combination.
    mutating func evaluate(_ chosen: [Int]) -> (evaluations: [Evaluation], score: Score) {
        let own = chosen.indices.map { options[$0][chosen[$0]].estimate.incidents }
        let loads = ServiceComposer.loads(graph, own: own)
        let levels = weakestSiteLevels(chosen)
        let results = (0..<chosen.count).map { a in
            evaluation(a, chosen[a], load: loads[a], dependencySiteLevel: levels.dependencies[a])
        }
        evaluations += chosen.count
        return (results, results.reduce(Score.zero) { $0 + $1.score })
    }

    /// Every option of every application (`all`, each list in `options`' tier terms) evaluated
    /// with the tiers of `chosen` below it: the end-to-end figures per tier that `--explain`
    /// shows (each service without its incidents).
    mutating func evaluateAlternatives(_ chosen: [Int], all: [[TierAssessment]], catalog: Catalog) -> [[Evaluation]] {
        let own = chosen.indices.map { options[$0][chosen[$0]].estimate.incidents }
        let loads = ServiceComposer.loads(graph, own: own)
        let levels = weakestSiteLevels(chosen)
        var alternatives = self
        alternatives.options = all
        alternatives.siteLevels = all.map { $0.map { ServiceFeasibility.siteLevel(catalog.siteProtection($0.tier?.site ?? .none)) } }
        let frozen = alternatives
        evaluations += all.reduce(0) { $0 + $1.count }
        // Only the figures of an alternative are kept, not its composed incidents: an
        // application's dependencies' sources, once per option, were most of a large plan's
        // memory, and no output lists them.
        return Parallel.map(all.count) { a in
            all[a].indices.map {
                var evaluation = frozen.evaluation(a, $0, load: loads[a], dependencySiteLevel: levels.dependencies[a])
                evaluation.service.incidents = []
                return evaluation
            }
        }
    }

    /// One option's evaluation on `load` (its dependencies' sources) when the weakest site
    /// protection among its dependencies is `dependencySiteLevel`.
    func evaluation(_ app: Int, _ option: Int, load: DependencyLoad, dependencySiteLevel: Int) -> Evaluation {
        let o = options[app][option]
        let application = applications[app]
        let service =
            load.entries.isEmpty
            ? o.estimate
            : DowntimeEstimate(
                incidents: load.composed(with: o.estimate.incidents), application: application, minutesPerYear: minutesPerYear)
        var failures = o.failures.filter { !ServiceFeasibility.dependsOnService($0) }
        if o.tier == nil {
            // A SaaS application: its vendor's figure is its verdict.
            failures = o.failures
        } else {
            failures += ServiceFeasibility.failures(
                sla: application.sla, service: service, siteLevel: min(siteLevels[app][option], dependencySiteLevel))
        }
        return Evaluation(
            service: service, failures: failures, score: Score(failures: failures.count, cost: o.protectionCost + service.totalCost))
    }

    /// The weakest site protection in each application's dependencies (its closure), 2 when it
    /// has none.
    func weakestSiteLevels(_ chosen: [Int]) -> (own: [Int], dependencies: [Int]) {
        let own = chosen.indices.map { siteLevels[$0][chosen[$0]] }
        var closure = own
        var dependencies = [Int](repeating: 2, count: chosen.count)
        if let order = graph.topologicalOrder, graph.count == chosen.count {
            for node in order {
                for dependency in graph.dependencies[node] { dependencies[node] = min(dependencies[node], closure[dependency]) }
                closure[node] = min(own[node], dependencies[node])
            }
        }
        return (own, dependencies)
    }
}
