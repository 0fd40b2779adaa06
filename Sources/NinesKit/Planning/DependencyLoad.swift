/// The unplanned incidents an application's dependencies (its whole closure) add to its
/// service, folded so that its size depends on the kinds of incident, not on the number of
/// dependencies: an unscoped incident kind (mode, rate, duration) is kept once with how many
/// dependencies bring it, a scoped one (a shared site) once per scope and mode at the longest
/// duration and the rate of the first dependency reached (breadth-first) that has it.
///
/// Built in `ServiceComposer` over a topological order: an application with one dependency
/// takes that dependency's own incidents then its load (the breadth-first order from the
/// application is exactly that), so a chain of n costs O(n × kinds), not O(n²).
struct DependencyLoad: Sendable {
    /// One folded entry, in the order first reached.
    struct Entry: Sendable {
        /// A representative incident (data loss zeroed: a dependency's lost transactions are
        /// its own loss).
        var incident: IncidentClass
        /// Dependencies that bring it (always 1 for a scoped entry).
        var count: Int
    }

    private struct Key: Hashable {
        var mode: IncidentClass.Mode
        var scope: String
        /// Rate and duration of an unscoped kind; zero for a scoped one.
        var rate: Double
        var duration: TimeSpan
    }

    private(set) var entries: [Entry] = []
    private var index: [Key: Int] = [:]

    /// Adds one dependency's own incidents (its tier's estimate), in their order.
    mutating func add(dependency incidents: [IncidentClass]) {
        for incident in incidents where !incident.planned { add(incident, count: 1) }
    }

    /// Adds another load after everything already here (the dependencies reached later).
    mutating func add(_ other: DependencyLoad) {
        for entry in other.entries { add(entry.incident, count: entry.count) }
    }

    private mutating func add(_ incident: IncidentClass, count: Int) {
        let scoped = !incident.scope.isEmpty
        let key = Key(
            mode: incident.mode, scope: incident.scope, rate: scoped ? 0 : incident.ratePerYear,
            duration: scoped ? .zero : incident.duration)
        if let at = index[key] {
            if scoped {
                entries[at].incident.duration = max(entries[at].incident.duration, incident.duration)
            } else {
                entries[at].count += count
            }
            return
        }
        var kept = incident
        kept.dataLoss = .zero
        index[key] = entries.count
        entries.append(Entry(incident: kept, count: scoped ? 1 : count))
    }

    /// `own` in series with this load: a scoped entry the application shares lengthens its own
    /// incident to the longer outage; every other entry is added, an unscoped kind at its
    /// rate × the dependencies that bring it.
    func composed(with own: [IncidentClass]) -> [IncidentClass] {
        var result = own
        var ownScoped: [Key: Int] = [:]
        for (at, incident) in own.enumerated() where !incident.scope.isEmpty {
            let key = Key(mode: incident.mode, scope: incident.scope, rate: 0, duration: .zero)
            if ownScoped[key] == nil { ownScoped[key] = at }
        }
        for entry in entries {
            var incident = entry.incident
            if !incident.scope.isEmpty {
                let key = Key(mode: incident.mode, scope: incident.scope, rate: 0, duration: .zero)
                if let at = ownScoped[key] {
                    result[at].duration = max(result[at].duration, incident.duration)
                    continue
                }
            }
            if entry.count > 1 { incident.ratePerYear *= Double(entry.count) }
            result.append(incident)
        }
        return result
    }
}
