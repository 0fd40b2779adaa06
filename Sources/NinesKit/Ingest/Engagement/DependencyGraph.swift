/// The `depends_on` relation between applications.
public struct DependencyGraph: Sendable {
    private var edges: [String: [String]] = [:]
    private var order: [String] = []

    public init(_ applications: [Application]) {
        for app in applications where edges[app.name] == nil {
            edges[app.name] = app.dependsOn
            order.append(app.name)
        }
    }

    /// Each elementary cycle found by depth-first search, reported once, starting at the
    /// application that comes first in the file.
    public func cycles() -> [[String]] {
        var state: [String: Int] = [:]  // 1 = on stack, 2 = done
        var stack: [String] = []
        var found: [[String]] = []
        var seen = Set<String>()
        func visit(_ node: String) {
            state[node] = 1
            stack.append(node)
            for next in edges[node] ?? [] where edges[next] != nil {
                if state[next] == 1, let start = stack.firstIndex(of: next) {
                    var cycle = Array(stack[start...])
                    let pivot = cycle.indices.min { order.firstIndex(of: cycle[$0])! < order.firstIndex(of: cycle[$1])! }!
                    cycle = Array(cycle[pivot...] + cycle[..<pivot])
                    if seen.insert(cycle.joined(separator: "\u{0}")).inserted { found.append(cycle) }
                } else if state[next] == nil {
                    visit(next)
                }
            }
            stack.removeLast()
            state[node] = 2
        }
        for node in order where state[node] == nil { visit(node) }
        return found
    }

    /// For every application, the applications that depend on it, directly or not.
    public func dependents() -> [String: [String]] {
        var reverse: [String: [String]] = [:]
        for name in order { for dependency in edges[name] ?? [] { reverse[dependency, default: []].append(name) } }
        var result: [String: [String]] = [:]
        for name in order {
            let found = Self.reach(from: name, along: reverse)
            if !found.isEmpty { result[name] = found }
        }
        return result
    }

    /// Every application `name` depends on, directly or not (cycles are cut).
    public func closure(of name: String) -> [String] { Self.reach(from: name, along: edges) }

    /// Breadth-first: everything reachable from `start` along `edges`, in the order reached,
    /// `start` itself excluded.
    private static func reach(from start: String, along edges: [String: [String]]) -> [String] {
        var result: [String] = []
        var queue = edges[start] ?? []
        var seen: Set<String> = [start]
        var head = 0
        while head < queue.count {
            let next = queue[head]
            head += 1
            guard seen.insert(next).inserted else { continue }
            result.append(next)
            queue += edges[next] ?? []
        }
        return result
    }
}
