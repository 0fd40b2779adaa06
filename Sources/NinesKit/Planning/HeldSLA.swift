/// The SLA an application must meet for the applications that depend on it, directly or not:
/// the highest availability, the shortest RTO and the strictest site-disaster requirement among
/// them and itself (its RPO stays its own: their data is not its data).
///
/// `all(_:graph:)` works for every application at once in O(applications + dependencies):
/// maxima and minima do not care how often a dependent is reached, so each application takes
/// them from its direct dependents (in reverse topological order). Only the names for the
/// explanation ("because ERP, MES depend on it") need the breadth-first order; that walk stops
/// as soon as the SLA reached equals the final one, and lists at most `maxListed` names.
struct HeldSLA: Sendable {
    var sla: SLA
    /// The first `maxListed` dependents that raised the SLA, breadth-first.
    var raisedBy: [String]
    /// How many dependents raised it in all.
    var raisedCount: Int

    /// Most dependents named in an explanation; the rest are counted.
    static let maxListed = 10

    /// The strictest requirements of a set of applications.
    private struct Strictest {
        var availability: Double
        var rto: TimeSpan
        var siteDisaster: Int

        init(_ sla: SLA) { (availability, rto, siteDisaster) = (sla.availability, sla.rto, strictness(sla.siteDisaster)) }

        mutating func take(_ other: Strictest) {
            availability = max(availability, other.availability)
            rto = min(rto, other.rto)
            siteDisaster = max(siteDisaster, other.siteDisaster)
        }
    }

    private static func strictness(_ requirement: SLA.SiteDisaster) -> Int {
        switch requirement {
        case .accept: 0
        case .recover: 1
        case .survive: 2
        }
    }

    /// Every graph node's held SLA (indexed like `graph.names`), from the applications' own.
    static func all(_ applications: [Application], graph: DependencyGraph) -> [HeldSLA] {
        var own = [SLA?](repeating: nil, count: graph.count)
        for app in applications { if let node = graph.indexOf[app.name], own[node] == nil { own[node] = app.sla } }
        let slas = own.map { $0! }
        var strictest = slas.map(Strictest.init)
        if let order = graph.topologicalOrder {
            for node in order.reversed() { for dependent in graph.directDependents[node] { strictest[node].take(strictest[dependent]) } }
        } else {
            // A cycle (the validator reports it): every closure is walked, cycles cut.
            var scratch = ReachScratch(count: graph.count)
            for node in 0..<graph.count {
                graph.reach(from: node, along: graph.directDependents, &scratch) { strictest[node].take(Strictest(slas[$0])) }
            }
        }
        var scratch = ReachScratch(count: graph.count)
        return (0..<graph.count).map { node in held(node, own: slas, target: strictest[node], graph: graph, &scratch) }
    }

    /// One node's held SLA; the breadth-first walk names the dependents that raise it and
    /// stops once `target` (the strictest in its dependents' closure) is reached.
    private static func held(_ node: Int, own: [SLA], target: Strictest, graph: DependencyGraph, _ scratch: inout ReachScratch)
        -> HeldSLA
    {
        var held = HeldSLA(sla: own[node], raisedBy: [], raisedCount: 0)
        var running = Strictest(own[node])
        let done = { (s: Strictest) in s.availability >= target.availability && s.rto <= target.rto && s.siteDisaster >= target.siteDisaster
        }
        guard !done(running) else { return held }
        graph.reach(from: node, along: graph.directDependents, &scratch) { (dependent: Int) -> Bool in
            let theirs = own[dependent]
            var raised = false
            if theirs.availability > held.sla.availability { (held.sla.availability, raised) = (theirs.availability, true) }
            if theirs.rto < held.sla.rto { (held.sla.rto, raised) = (theirs.rto, true) }
            if strictness(theirs.siteDisaster) > strictness(held.sla.siteDisaster) {
                (held.sla.siteDisaster, raised) = (theirs.siteDisaster, true)
            }
            if raised {
                held.raisedCount += 1
                if held.raisedBy.count < maxListed { held.raisedBy.append(graph.names[dependent]) }
                running = Strictest(held.sla)
            }
            return !done(running)
        }
        return held
    }
}
