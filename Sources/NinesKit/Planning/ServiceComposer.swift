import Foundation

/// Composes each application in series with the applications it depends on: the business
/// loses ERP while Active Directory is down, so ERP's service downtime is its own plus that of
/// everything it depends on (directly or not), each at its own tier. A failure two of them
/// share (their common site going down) is counted once, at the longer of their outages.
///
/// An application's service depends on its whole closure, but the closure is never walked per
/// application: `DependencyLoad`s are built once over a topological order, an application with
/// one dependency reusing that dependency's load. Only an application with several direct
/// dependencies (whose closures may overlap) walks its closure, with marks reused between walks.
/// The composed incident list holds one entry per kind of incident (with its rate times the
/// dependencies that bring it), not one per dependency.
enum ServiceComposer {
    static func compose(_ decisions: inout [TierDecision], graph: DependencyGraph, minutesPerYear: Double) {
        let byNode = nodes(of: decisions, in: graph)
        let chosen = loads(graph, own: byNode.map { $0.map { decisions[$0].chosen.estimate.incidents } ?? [] })
        let current = loads(graph, own: byNode.map { $0.map { decisions[$0].current.estimate.incidents } ?? [] })
        let nodeOf = graph.indexOf
        let snapshot = decisions
        let services = Parallel.map(decisions.count) { index in
            let decision = snapshot[index]
            let app = decision.application
            let node = nodeOf[app.name].flatMap { byNode[$0] == index ? $0 : nil }
            let service = DowntimeEstimate(
                incidents: node.map { chosen[$0].composed(with: decision.chosen.estimate.incidents) } ?? decision.chosen.estimate.incidents,
                application: app, minutesPerYear: minutesPerYear)
            let currentService = DowntimeEstimate(
                incidents: node.map { current[$0].composed(with: decision.current.estimate.incidents) }
                    ?? decision.current.estimate.incidents,
                application: app, minutesPerYear: minutesPerYear)
            return (service, currentService)
        }
        for index in decisions.indices {
            (decisions[index].service, decisions[index].currentService) = services[index]
        }
    }

    /// The decision index of each graph node (the first decision with its name).
    private static func nodes(of decisions: [TierDecision], in graph: DependencyGraph) -> [Int?] {
        var byNode = [Int?](repeating: nil, count: graph.count)
        for (index, decision) in decisions.enumerated() {
            if let node = graph.indexOf[decision.application.name], byNode[node] == nil { byNode[node] = index }
        }
        return byNode
    }

    /// Each node's `DependencyLoad` from every node's own incidents. Over a topological order
    /// when there is one (always, once validated); otherwise each closure is walked.
    static func loads(_ graph: DependencyGraph, own: [[IncidentClass]]) -> [DependencyLoad] {
        var loads = [DependencyLoad](repeating: DependencyLoad(), count: graph.count)
        var scratch = ReachScratch(count: graph.count)
        let order = graph.topologicalOrder
        for node in order ?? Array(0..<graph.count) {
            let direct = graph.dependencies[node]
            if order != nil, let only = direct.first, direct.allSatisfy({ $0 == only }) {
                var load = DependencyLoad()
                load.add(dependency: own[only])
                load.add(loads[only])
                loads[node] = load
            } else if !direct.isEmpty {
                var load = DependencyLoad()
                graph.reach(from: node, along: graph.dependencies, &scratch) { load.add(dependency: own[$0]) }
                loads[node] = load
            }
        }
        return loads
    }
}
