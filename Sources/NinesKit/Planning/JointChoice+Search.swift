extension JointChoice {
    /// The branch and bound of `JointChoice.solve`: depth d assigns `shared[d]`, whose
    /// dependencies are all assigned above it, so its load and verdict are exact there.
    struct Search {
        let choice: JointChoice
        let shared: [Int]
        /// The applications nothing depends on, settled once depth d is assigned (index d + 1;
        /// index 0: those with no dependency).
        let settleAfter: [[Int]]
        /// Each application's lowest own score.
        let lower: [Score]
        private(set) var evaluations = 0

        private var chosen: [Int]
        private var loads: [DependencyLoad]
        /// The weakest site level of each assigned application and its closure.
        private var closureLevel: [Int]
        /// The bound of what is assigned or settled from depth d on.
        private var remaining: [Score]
        /// The bound of what is assigned or settled after depth d (`remaining[d]` without
        /// `shared[d]` itself).
        private var after: [Score]

        init(choice: JointChoice, shared: [Int], settleAfter: [[Int]], lower: [Score]) {
            self.choice = choice
            self.shared = shared
            self.settleAfter = settleAfter
            self.lower = lower
            let n = choice.applications.count
            chosen = [Int](repeating: 0, count: n)
            loads = [DependencyLoad](repeating: DependencyLoad(), count: n)
            closureLevel = [Int](repeating: 2, count: n)
            remaining = [Score](repeating: .zero, count: shared.count + 1)
            after = [Score](repeating: .zero, count: shared.count + 1)
            for depth in stride(from: shared.count - 1, through: 0, by: -1) {
                after[depth] = settleAfter[depth + 1].reduce(remaining[depth + 1]) { $0 + lower[$1] }
                remaining[depth] = after[depth] + lower[shared[depth]]
            }
        }

        /// Runs the search; false when the budget ran out first.
        mutating func run(best: inout (chosen: [Int], score: Score)) -> Bool {
            var partial = Score.zero
            for leaf in settleAfter[0] {
                let settled = settle(leaf)
                chosen[leaf] = settled.option
                partial = partial + settled.score
            }
            return descend(0, partial: partial, best: &best)
        }

        private mutating func descend(_ depth: Int, partial: Score, best: inout (chosen: [Int], score: Score)) -> Bool {
            if depth == shared.count {
                if partial < best.score { best = (chosen, partial) }
                return true
            }
            let node = shared[depth]
            let load = load(of: node)
            let dependencyLevel = choice.graph.dependencies[node].map { closureLevel[$0] }.min() ?? 2
            // Cheapest own figures first: the first dive is a good combination.
            let order = choice.options[node].indices.sorted { choice.ownScore(node, $0) < choice.ownScore(node, $1) }
            for option in order {
                guard partial + choice.ownScore(node, option) + after[depth] < best.score else { continue }
                guard evaluations < choice.budget else { return false }
                evaluations += 1
                let evaluated = choice.evaluation(node, option, load: load, dependencySiteLevel: dependencyLevel)
                chosen[node] = option
                loads[node] = load
                closureLevel[node] = min(choice.siteLevels[node][option], dependencyLevel)
                var next = partial + evaluated.score
                for leaf in settleAfter[depth + 1] {
                    let settled = settle(leaf)
                    chosen[leaf] = settled.option
                    next = next + settled.score
                }
                guard next + remaining[depth + 1] < best.score else { continue }
                if !descend(depth + 1, partial: next, best: &best) { return false }
            }
            return true
        }

        /// The best option of an application nothing depends on, its dependencies assigned.
        private mutating func settle(_ app: Int) -> (option: Int, score: Score) {
            let load = load(of: app)
            let level = choice.graph.dependencies[app].map { closureLevel[$0] }.min() ?? 2
            var best: (option: Int, score: Score)?
            for option in choice.options[app].indices {
                if let best, !(choice.ownScore(app, option) < best.score) { continue }
                evaluations += 1
                let score = choice.evaluation(app, option, load: load, dependencySiteLevel: level).score
                if best == nil || score < best!.score { best = (option, score) }
            }
            return best!
        }

        /// The sources `app`'s assigned dependencies bring (as `ServiceComposer.loads` builds them).
        private func load(of app: Int) -> DependencyLoad {
            let direct = choice.graph.dependencies[app]
            var load = DependencyLoad()
            if let only = direct.first, direct.allSatisfy({ $0 == only }) {
                load.add(dependency: choice.options[only][chosen[only]].estimate.incidents)
                load.add(loads[only])
            } else if !direct.isEmpty {
                var scratch = ReachScratch(count: choice.graph.count)
                choice.graph.reach(from: app, along: choice.graph.dependencies, &scratch) {
                    load.add(dependency: choice.options[$0][chosen[$0]].estimate.incidents)
                }
            }
            return load
        }
    }
}
