/// What one source of failure events does to an application: how often it fires, the share of
/// its events the failover covers, and the outage of a covered and of an uncovered event.
///
/// This is the one description of failures behind both the expected values and the
/// simulation (docs/MODEL.md §4): an application's service suffers the union of the sources
/// that reach it or anything it depends on, each counted once, combined by `merge` — the
/// longest outages and the lowest coverage among what it hits. `ServiceComposer` prices that
/// union; `RiskModelBuilder` draws its events.
public struct SourceHit: Hashable, Sendable {
    /// A host failure with its uncovered share, or one incident mode.
    public var mode: IncidentClass.Mode
    /// The shared thing that fails (`site:hq`, `pair:pair-03/host0`); empty when it is the
    /// application's own.
    public var scope: String
    /// Events per year.
    public var rate: Double
    /// Share of events the failover covers (1 when nothing is uncovered).
    public var coverage: Double
    public var covered: TimeSpan
    public var uncovered: TimeSpan
    /// Transactions lost per event, as time (the application's own only).
    public var dataLoss: TimeSpan
    public var planned: Bool

    /// The hits of an application's incidents: a host failure and the uncovered failure of
    /// the same host (the next incident, with the same scope) become one hit.
    public static func hits(_ incidents: [IncidentClass]) -> [SourceHit] {
        var hits: [SourceHit] = []
        for incident in incidents {
            if incident.mode == .uncoveredFailure, let last = hits.last, last.mode == .hostFailure, last.scope == incident.scope,
                last.coverage == 1, last.uncovered == last.covered
            {
                let total = last.rate + incident.ratePerYear
                hits[hits.count - 1].coverage = total > 0 ? last.rate / total : 1
                hits[hits.count - 1].rate = total
                hits[hits.count - 1].uncovered = incident.duration
                continue
            }
            hits.append(
                SourceHit(
                    mode: incident.mode == .uncoveredFailure ? .hostFailure : incident.mode, scope: incident.scope,
                    rate: incident.ratePerYear, coverage: incident.mode == .uncoveredFailure ? 0 : 1, covered: incident.duration,
                    uncovered: incident.duration, dataLoss: incident.dataLoss, planned: incident.planned))
        }
        return hits
    }

    /// One event of this source and of `other` (the same source, reaching another component of
    /// the service): the longer outages, the lower coverage; data loss stays this one's.
    public func merged(_ other: SourceHit) -> SourceHit {
        var hit = self
        hit.coverage = min(coverage, other.coverage)
        hit.covered = max(covered, other.covered)
        hit.uncovered = max(uncovered, other.uncovered)
        return hit
    }

    /// The hit as incidents: the covered events, and the uncovered ones when there are any.
    public var incidents: [IncidentClass] {
        var list = [
            IncidentClass(
                mode: mode, ratePerYear: rate * coverage, duration: covered, dataLoss: dataLoss, planned: planned, scope: scope)
        ]
        if coverage < 1 {
            list.append(
                IncidentClass(
                    mode: .uncoveredFailure, ratePerYear: rate * (1 - coverage), duration: uncovered, dataLoss: dataLoss, planned: planned,
                    scope: scope))
        }
        if coverage == 0 { list.removeFirst() }
        return list
    }
}
