import Foundation

/// Reads `incident_history: {file: incidents.csv, from: 2024-01-01, to: 2025-12-31}` and the
/// file it names (`application,start,end,cause,planned`). Every row is checked like any input:
/// the application (or a VM of it), ISO 8601 times with the end after the start, `planned`
/// true or false; a row outside the period is reported and not counted, one that crosses its
/// edge is clipped to it.
enum IncidentHistoryReader {
    static let keys = ["file", "from", "to", "prior_weight_years"]
    static let columns = ["application", "start", "end", "cause", "planned"]

    /// The settings in engagement.yaml (the file is read once the applications are known).
    struct Settings: Sendable {
        var file: Located<String>
        var from, to: Date
        var priorWeightYears: Double
        var location: SourceLocation
    }

    static func settings(_ map: YAMLMap, diagnostics: inout DiagnosticCollector) -> Settings? {
        guard let history = map.map("incident_history", what: "'incident_history'", keys: keys, diagnostics: &diagnostics) else {
            return nil
        }
        let file = history.string("file", required: true, diagnostics: &diagnostics)
        func day(_ key: String) -> Date? {
            guard let text = history.string(key, required: true, diagnostics: &diagnostics) else { return nil }
            guard ReportCoverReader.isCalendarDate(text.value), let date = parse(text.value + "T00:00:00Z") else {
                diagnostics.error(
                    "'incident_history.\(key)' is '\(Escape.plain(text.value))', not a calendar date", at: text.location,
                    fix: "write the date as YYYY-MM-DD, e.g. 2024-01-01")
                return nil
            }
            return date
        }
        let from = day("from")
        let to = day("to").map { $0.addingTimeInterval(86_400) }
        let weight = history.number("prior_weight_years", in: 0.1...100, diagnostics: &diagnostics)
        guard let file, let from, let to else { return nil }
        guard to > from else {
            diagnostics.error(
                "'incident_history' ends before it starts", at: history.location(of: "to"), fix: "give 'from' before 'to'")
            return nil
        }
        return Settings(
            file: file, from: from, to: to, priorWeightYears: weight ?? IncidentHistory.defaultPriorWeightYears,
            location: map.location(of: "incident_history"))
    }

    /// The outages of `table`; `applications` by name, `vms` by VM name to their application.
    static func read(
        _ table: CSVTable, settings: Settings, applications: [String], vms: [String: String], diagnostics: inout DiagnosticCollector
    ) -> IncidentHistory {
        var history = IncidentHistory(
            file: settings.file.value, from: settings.from, to: settings.to, outages: [], priorWeightYears: settings.priorWeightYears,
            location: settings.location)
        let index = table.columnIndex(diagnostics: &diagnostics)
        let header = "the header is: \(columns.joined(separator: ","))"
        for missing in columns where index[missing] == nil {
            diagnostics.error("missing column '\(missing)'", at: table.location(ofLine: 1), fix: header)
        }
        guard columns.allSatisfy({ index[$0] != nil }) else { return history }
        let names = Dictionary(applications.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let machines = Dictionary(vms.map { ($0.key.lowercased(), ($0.key, $0.value)) }, uniquingKeysWith: { first, _ in first })
        for row in table.rows {
            let location = table.location(ofLine: row.line)
            func cell(_ name: String) -> String {
                let column = index[name]!
                return column < row.fields.count ? row.fields[column].trimmingWhitespace : ""
            }
            let row = Row(location: location, period: (settings.from, settings.to))
            guard
                let outage = row.outage(
                    application: cell("application"), start: cell("start"), end: cell("end"), cause: cell("cause"),
                    planned: cell("planned"), names: names, machines: machines, &diagnostics)
            else { continue }
            history.outages.append(outage)
        }
        return history
    }

    /// An ISO 8601 time: `2024-03-05T08:00:00Z`, with an offset (`+01:00`), fractional seconds,
    /// a space for the `T`, or no seconds; without a zone it is read as UTC (only durations and
    /// the period's edges depend on it).
    static func parse(_ text: String) -> Date? {
        var text = text.trimmingCharacters(in: .whitespaces)
        if text.count > 10, text[text.index(text.startIndex, offsetBy: 10)] == " " {
            text.replaceSubrange(text.index(text.startIndex, offsetBy: 10)...text.index(text.startIndex, offsetBy: 10), with: "T")
        }
        let zoned = text.hasSuffix("Z") || text.range(of: #"[+-]\d\d:?\d\d$"#, options: .regularExpression) != nil
        if !zoned { text += "Z" }
        // Minutes without seconds: 2024-03-05T08:00Z.
        if let match = text.range(of: #"T\d\d:\d\d(?=[Z+-])"#, options: .regularExpression) {
            text.insert(contentsOf: ":00", at: match.upperBound)
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
