/// Which applications a simulation source reaches and what it does to each: an application
/// is hit when the source hits it or anything it depends on, for the longest outage and the
/// lowest coverage among those (`RiskModelBuilder.Direct`, combined by max / min).
///
/// Max and min do not care how often a node is reached, so each reached application combines
/// its own hit with those of its direct dependencies, in topological order: a source costs
/// O(reached applications + their dependencies), not O(reached × closure).
struct SourceReach {
    private let graph: DependencyGraph
    /// Position of each node in a topological order (nil: the graph has a cycle).
    private let rank: [Int]?

    init(_ graph: DependencyGraph) {
        self.graph = graph
        self.rank = graph.topologicalOrder.map { order in
            var rank = [Int](repeating: 0, count: graph.count)
            for (position, node) in order.enumerated() { rank[node] = position }
            return rank
        }
    }

    /// Each application the source reaches (in index order) with what it suffers: `direct`
    /// holds the applications it hits themselves, by index.
    func involved(_ direct: [Int: RiskModelBuilder.Direct]) -> [(Int, RiskModelBuilder.Direct)] {
        var reached = Set(direct.keys)
        var queue = Array(direct.keys)
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for dependent in graph.directDependents[node] where reached.insert(dependent).inserted { queue.append(dependent) }
        }
        guard let rank else { return walked(reached.sorted(), direct) }
        var combined: [Int: RiskModelBuilder.Direct] = [:]
        for node in reached.sorted(by: { rank[$0] < rank[$1] }) {
            var value = direct[node]
            for dependency in graph.dependencies[node] {
                guard let theirs = combined[dependency] else { continue }
                value = value.map { Self.combine($0, theirs) } ?? theirs
            }
            combined[node] = value
        }
        return reached.sorted().compactMap { node in combined[node].map { (node, $0) } }
    }

    /// With a cycle: each reached application's closure walked (cycles cut).
    private func walked(_ reached: [Int], _ direct: [Int: RiskModelBuilder.Direct]) -> [(Int, RiskModelBuilder.Direct)] {
        var scratch = ReachScratch(count: graph.count)
        return reached.compactMap { node in
            var value = direct[node]
            graph.reach(from: node, along: graph.dependencies, &scratch) { dependency in
                guard let theirs = direct[dependency] else { return }
                value = value.map { Self.combine($0, theirs) } ?? theirs
            }
            return value.map { (node, $0) }
        }
    }

    static func combine(_ a: RiskModelBuilder.Direct, _ b: RiskModelBuilder.Direct) -> RiskModelBuilder.Direct {
        RiskModelBuilder.Direct(
            coveredMinutes: max(a.coveredMinutes, b.coveredMinutes), uncoveredMinutes: max(a.uncoveredMinutes, b.uncoveredMinutes),
            coverage: min(a.coverage, b.coverage), dataLossHours: a.dataLossHours)
    }
}
