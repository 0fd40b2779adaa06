import Foundation

/// The customer's own outage record over a stated period (`incident_history:` in
/// engagement.yaml, a CSV of `application,start,end,cause,planned`). The record is taken as
/// complete: an application without a row had no outage in the period.
public struct IncidentHistory: Hashable, Sendable {
    /// One outage of one application, clipped to the period.
    public struct Outage: Hashable, Sendable {
        public var application: String
        /// The VM the row named, when it named a VM rather than the application.
        public var vm: String?
        public var start, end: Date
        public var cause: String
        public var planned: Bool
        public var location: SourceLocation

        public var minutes: Double { end.timeIntervalSince(start) / 60 }
    }

    /// The file, as named in engagement.yaml.
    public var file: String
    /// The period: from the start of `from` to the end of `to` (UTC days, both included).
    public var from, to: Date
    public var outages: [Outage]
    /// Years of the customer's own record the catalog's rate counts as (the Gamma prior's
    /// weight, `prior_weight_years`).
    public var priorWeightYears: Double
    public var location: SourceLocation

    /// The default prior weight: the fleet figure counts as two years of the customer's own
    /// record (an assumption, docs/MODEL.md §13).
    public static let defaultPriorWeightYears = 2.0

    /// The period's length in years of `yearDays` days.
    public func years(yearDays: Double) -> Double { to.timeIntervalSince(from) / 86_400 / yearDays }

    /// The unplanned outages of `application`, overlapping ones merged into one (two rows for
    /// one outage — its database and its front end — are one incident), in time order.
    public func unplanned(of application: String) -> [(start: Date, end: Date)] {
        let spans = outages.filter { !$0.planned && $0.application == application }.map { ($0.start, $0.end) }.sorted { $0.0 < $1.0 }
        var merged: [(start: Date, end: Date)] = []
        for span in spans {
            if let last = merged.last, span.0 <= last.end {
                merged[merged.count - 1].end = max(last.end, span.1)
            } else {
                merged.append((span.0, span.1))
            }
        }
        return merged
    }
}
