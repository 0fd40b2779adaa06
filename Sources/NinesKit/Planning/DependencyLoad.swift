/// The unplanned failure sources an application's dependencies (its whole closure) add to its
/// service, folded so that its size depends on the kinds of source, not on the number of
/// dependencies: an application's own source (a server, a guest crash) is kept once per kind
/// with how many dependencies bring it; a shared source (a site, a pair's host, a pair) once,
/// every hit on it merged (`SourceHit.merged`: the longest outages, the lowest coverage).
///
/// Built in `ServiceComposer` over a topological order: an application with one dependency
/// takes that dependency's own sources then its load, so a chain of n costs O(n × kinds), not
/// O(n²).
struct DependencyLoad: Sendable {
    /// One folded entry, in the order first reached.
    struct Entry: Sendable {
        /// A representative hit (data loss zeroed: a dependency's lost transactions are its own
        /// loss).
        var hit: SourceHit
        /// Dependencies that bring it (always 1 for a shared source).
        var count: Int
    }

    private struct Key: Hashable {
        var mode: IncidentClass.Mode
        var scope: String
        /// The whole hit of an unshared kind; nil for a shared one.
        var hit: SourceHit?
    }

    private(set) var entries: [Entry] = []
    private var index: [Key: Int] = [:]
    /// Shared sources kept apart so far.
    private var sharedCount = 0

    /// Most shared sources a load keeps apart. Past them (a chain of thousands of applications
    /// over hundreds of pairs) a new shared source is folded with its kind as if it were
    /// unshared: at worst it is counted twice, an overestimate, and the load stays O(kinds)
    /// instead of O(pairs) per application (docs/MODEL.md §4).
    static let maxShared = 16

    /// Adds one dependency's own incidents (its tier's estimate), in their order.
    mutating func add(dependency incidents: [IncidentClass]) {
        for hit in SourceHit.hits(incidents) where !hit.planned { add(hit, count: 1) }
    }

    /// Adds another load after everything already here (the dependencies reached later).
    mutating func add(_ other: DependencyLoad) {
        for entry in other.entries { add(entry.hit, count: entry.count) }
    }

    private mutating func add(_ hit: SourceHit, count: Int) {
        var kept = hit
        kept.dataLoss = .zero
        if !kept.scope.isEmpty && index[Self.key(kept)] == nil {
            if sharedCount >= Self.maxShared { kept.scope = "" } else { sharedCount += 1 }
        }
        let key = Self.key(kept)
        if let at = index[key] {
            if kept.scope.isEmpty {
                entries[at].count += count
            } else {
                entries[at].hit = entries[at].hit.merged(kept)
            }
            return
        }
        index[key] = entries.count
        entries.append(Entry(hit: kept, count: kept.scope.isEmpty ? count : 1))
    }

    private static func key(_ hit: SourceHit) -> Key {
        Key(mode: hit.mode, scope: hit.scope, hit: hit.scope.isEmpty ? hit : nil)
    }

    /// `own` in series with this load: a shared source the application also suffers is merged
    /// into its own hit; every other entry is added, an unshared kind at its rate × the
    /// dependencies that bring it.
    func composed(with own: [IncidentClass]) -> [IncidentClass] {
        var hits = SourceHit.hits(own)
        var ownShared: [Key: Int] = [:]
        for (at, hit) in hits.enumerated() where !hit.scope.isEmpty && !hit.planned {
            ownShared[Self.key(hit)] = ownShared[Self.key(hit)] ?? at
        }
        for entry in entries {
            var hit = entry.hit
            if !hit.scope.isEmpty, let at = ownShared[Self.key(hit)] {
                hits[at] = hits[at].merged(hit)
                continue
            }
            if entry.count > 1 { hit.rate *= Double(entry.count) }
            hits.append(hit)
        }
        return hits.flatMap(\.incidents)
    }
}
