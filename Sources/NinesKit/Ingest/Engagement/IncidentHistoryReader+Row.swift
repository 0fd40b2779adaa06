import Foundation

extension IncidentHistoryReader {
    /// One row's checks, each problem at the row's line.
    struct Row {
        var location: SourceLocation
        var period: (from: Date, to: Date)

        func outage(
            application: String, start: String, end: String, cause: String, planned: String, names: [String: String],
            machines: [String: (vm: String, application: String)], _ diagnostics: inout DiagnosticCollector
        ) -> IncidentHistory.Outage? {
            var app = names[application.lowercased()]
            var vm: String?
            if app == nil, let machine = machines[application.lowercased()] {
                (vm, app) = (machine.vm, machine.application)
            }
            if app == nil {
                let hint = Spelling.suggestion(for: application, among: Array(names.values))
                diagnostics.error(
                    application.isEmpty
                        ? "the incident names no application"
                        : "the incident names '\(Escape.plain(application))', which is no application or VM",
                    at: location,
                    fix: hint.map { "did you mean '\($0)'?" } ?? "name an application of applications.yaml or a VM of the inventory")
            }
            let from = time(start, "start", &diagnostics)
            let to = time(end, "end", &diagnostics)
            let flag = self.planned(planned, &diagnostics)
            guard let app, let from, let to, let flag else { return nil }
            guard to >= from else {
                diagnostics.error("the incident ends (\(end)) before it starts (\(start))", at: location, fix: "swap start and end")
                return nil
            }
            guard to > period.from, from < period.to else {
                diagnostics.warning(
                    "the incident of \(Escape.plain(app)) at \(Escape.plain(start)) is outside the record's period; it is not counted",
                    at: location, fix: "widen incident_history's from and to, or remove the row")
                return nil
            }
            return IncidentHistory.Outage(
                application: app, vm: vm, start: max(from, period.from), end: min(to, period.to), cause: cause, planned: flag,
                location: location)
        }

        func time(_ text: String, _ column: String, _ diagnostics: inout DiagnosticCollector) -> Date? {
            if let date = IncidentHistoryReader.parse(text) { return date }
            diagnostics.error(
                text.isEmpty ? "the incident has no \(column) time" : "'\(column)' is '\(Escape.plain(text))', not an ISO 8601 time",
                at: location, fix: "write it as 2024-03-05T08:30:00Z (or with an offset, +01:00)")
            return nil
        }

        func planned(_ text: String, _ diagnostics: inout DiagnosticCollector) -> Bool? {
            switch text.lowercased() {
            case "true", "yes", "1": return true
            case "false", "no", "0", "": return false
            default:
                diagnostics.error("'planned' is '\(Escape.plain(text))'", at: location, fix: "write true or false")
                return nil
            }
        }
    }
}
