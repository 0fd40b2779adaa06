/// The order in which applications start after a full outage: what an application depends on
/// boots in an earlier wave. Wave 1 holds the applications that depend on nothing; each other
/// application boots one wave after the latest of its dependencies. Computed once, in
/// dependency order (linear in applications and dependencies), for the manifests' boot order,
/// the runbooks and plan.json.
public enum BootOrder {
    /// Wave per application name (1-based). A dependency cycle (refused by `nines check`)
    /// leaves its members in wave 1.
    public static func waves(_ applications: [Application]) -> [String: Int] {
        let graph = DependencyGraph(applications)
        var wave = Array(repeating: 1, count: graph.count)
        for node in graph.topologicalOrder ?? [] {
            wave[node] = 1 + (graph.dependencies[node].map { wave[$0] }.max() ?? 0)
        }
        return Dictionary(graph.names.indices.map { (graph.names[$0], wave[$0]) }, uniquingKeysWith: { first, _ in first })
    }
}
