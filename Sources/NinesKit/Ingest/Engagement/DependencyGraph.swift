/// The `depends_on` relation between applications, over application indices (first
/// occurrence of a name wins; dependencies on unknown names are left out — the validator
/// reports them). Everything here is linear in applications + dependencies except what is
/// inherently per pair (`closure(of:)` and `dependents()` return whole closures; the planner
/// works from `topologicalOrder` and `reach` instead).
public struct DependencyGraph: Sendable {
    /// Application names, in file order (duplicates removed).
    let names: [String]
    /// Index of each name in `names`.
    let indexOf: [String: Int]
    /// Direct dependencies of each application, in `depends_on` order.
    let dependencies: [[Int]]
    /// Direct dependents of each application, in file order.
    let directDependents: [[Int]]

    public init(_ applications: [Application]) {
        var names: [String] = []
        var indexOf: [String: Int] = [:]
        var declared: [[String]] = []
        for app in applications where indexOf[app.name] == nil {
            indexOf[app.name] = names.count
            names.append(app.name)
            declared.append(app.dependsOn)
        }
        let dependencies = declared.map { $0.compactMap { indexOf[$0] } }
        var reverse = Array(repeating: [Int](), count: names.count)
        for (node, targets) in dependencies.enumerated() { for target in targets { reverse[target].append(node) } }
        self.names = names
        self.indexOf = indexOf
        self.dependencies = dependencies
        self.directDependents = reverse
    }

    /// Number of distinct applications.
    var count: Int { names.count }

    /// Every application after all of its dependencies (Kahn's algorithm, file order among
    /// equals); nil when the graph has a cycle.
    var topologicalOrder: [Int]? {
        var waiting = dependencies.map(\.count)
        var ready = waiting.indices.filter { waiting[$0] == 0 }
        var head = 0
        while head < ready.count {
            let node = ready[head]
            head += 1
            for dependent in directDependents[node] {
                waiting[dependent] -= 1
                if waiting[dependent] == 0 { ready.append(dependent) }
            }
        }
        return ready.count == count ? ready : nil
    }

    /// Each elementary cycle found by depth-first search, reported once, starting at the
    /// application that comes first in the file. Iterative: a chain of any length is walked
    /// without recursion.
    public func cycles() -> [[String]] {
        var state = Array(repeating: 0, count: count)  // 1 = on stack, 2 = done
        var found: [[String]] = []
        var seen = Set<[Int]>()
        var stack: [(node: Int, next: Int)] = []
        var position = Array(repeating: -1, count: count)  // index on `stack` while on it
        for root in 0..<count where state[root] == 0 {
            stack.append((root, 0))
            (state[root], position[root]) = (1, 0)
            while let (node, next) = stack.last {
                guard next < dependencies[node].count else {
                    (state[node], position[node]) = (2, -1)
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let target = dependencies[node][next]
                if state[target] == 1 {
                    var cycle = stack[position[target]...].map(\.node)
                    let pivot = cycle.indices.min { cycle[$0] < cycle[$1] }!
                    cycle = Array(cycle[pivot...] + cycle[..<pivot])
                    if seen.insert(cycle).inserted { found.append(cycle.map { names[$0] }) }
                } else if state[target] == 0 {
                    (state[target], position[target]) = (1, stack.count)
                    stack.append((target, 0))
                }
            }
        }
        return found
    }

    /// For every application, the applications that depend on it, directly or not, in
    /// breadth-first order. Quadratic in size for a long chain: prefer `reach`.
    public func dependents() -> [String: [String]] {
        var result: [String: [String]] = [:]
        var scratch = ReachScratch(count: count)
        for node in 0..<count {
            var found: [String] = []
            reach(from: node, along: directDependents, &scratch) { found.append(names[$0]) }
            if !found.isEmpty { result[names[node]] = found }
        }
        return result
    }

    /// Every application `name` depends on, directly or not (cycles are cut), breadth-first.
    public func closure(of name: String) -> [String] {
        guard let node = indexOf[name] else { return [] }
        var found: [String] = []
        var scratch = ReachScratch(count: count)
        reach(from: node, along: dependencies, &scratch) { found.append(names[$0]) }
        return found
    }

    /// Breadth-first: calls `visit` with everything reachable from `start` along `edges`, in
    /// the order reached, `start` itself excluded; stops early when `visit` returns false.
    /// `scratch` is reused between calls so a walk costs only what it visits.
    func reach(from start: Int, along edges: [[Int]], _ scratch: inout ReachScratch, _ visit: (Int) -> Bool) {
        scratch.begin(start)
        var head = 0
        while head < scratch.queue.count {
            let node = scratch.queue[head]
            head += 1
            for next in edges[node] where scratch.mark(next) {
                guard visit(next) else { return }
            }
        }
    }

    /// `reach` visiting everything.
    func reach(from start: Int, along edges: [[Int]], _ scratch: inout ReachScratch, _ visit: (Int) -> Void) {
        reach(from: start, along: edges, &scratch) { (node: Int) -> Bool in
            visit(node)
            return true
        }
    }
}

/// The visited marks and queue of `DependencyGraph.reach`, kept between walks: marks are
/// stamped with a walk number, so starting a walk costs nothing however many nodes there are.
struct ReachScratch {
    private var stamps: [Int]
    private var walk = 0
    /// The nodes reached so far in this walk, in order (the start first).
    private(set) var queue: [Int] = []

    init(count: Int) { stamps = Array(repeating: 0, count: count) }

    mutating func begin(_ start: Int) {
        walk += 1
        queue.removeAll(keepingCapacity: true)
        stamps[start] = walk
        queue.append(start)
    }

    /// Marks `node` reached and queues it; false when it already was.
    mutating func mark(_ node: Int) -> Bool {
        guard stamps[node] != walk else { return false }
        stamps[node] = walk
        queue.append(node)
        return true
    }
}
