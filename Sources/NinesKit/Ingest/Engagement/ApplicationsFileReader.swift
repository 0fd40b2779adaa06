import Yams

/// Reads applications.yaml (a list of entries) or applications.csv (flattened columns such as
/// `sla.rto`, `impact.curve` as `1h:1.0;4h:1.3`, `depends_on` as `A;B`) into records.
public enum ApplicationsFileReader {
    static let listKeys: Set<String> = ["depends_on"]

    public static func records(yaml file: YAMLFile, diagnostics: inout DiagnosticCollector) -> [ApplicationRecord] {
        var items: [Node]
        switch file.root {
        case .sequence(let sequence): items = Array(sequence)
        case .mapping(let mapping) where mapping.count == 1 && mapping.keys.first?.string == "applications":
            guard case .sequence(let sequence) = mapping.values.first! else { fallthrough }
            items = Array(sequence)
        default:
            diagnostics.error("applications.yaml must be a list of applications", at: file.location(of: file.root))
            return []
        }
        return items.compactMap { item in
            guard item.mapping != nil else {
                diagnostics.error("each application must be a mapping with at least 'name'", at: file.location(of: item))
                return nil
            }
            var record = ApplicationRecord(location: file.location(of: item))
            flatten(item, prefix: "", file: file, into: &record, diagnostics: &diagnostics)
            return record
        }
    }

    private static func flatten(
        _ node: Node, prefix: String, file: YAMLFile, into record: inout ApplicationRecord, diagnostics: inout DiagnosticCollector
    ) {
        guard let mapping = node.mapping else { return }
        for (keyNode, value) in mapping {
            let key = prefix + (keyNode.string ?? "?")
            switch value {
            case .scalar(let scalar):
                record.set(key, Located(scalar.string, at: file.location(of: value)))
            case .mapping:
                flatten(value, prefix: key + ".", file: file, into: &record, diagnostics: &diagnostics)
            case .sequence(let sequence):
                let items = sequence.compactMap { item -> Located<String>? in
                    guard case .scalar(let scalar) = item else {
                        diagnostics.error("'\(key)' must list plain values", at: file.location(of: item))
                        return nil
                    }
                    return Located(scalar.string, at: file.location(of: item))
                }
                record.setList(key, items, at: file.location(of: value))
            case .alias:
                diagnostics.error("'\(key)' uses a YAML alias, which is not supported here", at: file.location(of: value))
            }
        }
    }

    public static func records(csv table: CSVTable, diagnostics: inout DiagnosticCollector) -> [ApplicationRecord] {
        let columns = table.columnIndex(diagnostics: &diagnostics)
        if columns["name"] == nil {
            diagnostics.error("missing column 'name'", at: table.location(ofLine: 1))
            return []
        }
        var records: [ApplicationRecord] = []
        for row in table.rows {
            let location = table.location(ofLine: row.line)
            guard row.fields.count == table.header.count else {
                diagnostics.error("row has \(row.fields.count) fields; the header has \(table.header.count)", at: location)
                continue
            }
            var record = ApplicationRecord(location: location)
            for (index, name) in table.header.enumerated() {
                let key = name.lowercased()
                let text = row.fields[index].trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                if listKeys.contains(key) {
                    let items = text.split(separator: ";").map { Located($0.trimmingCharacters(in: .whitespaces), at: location) }
                    record.setList(key, items, at: location)
                } else if key == "impact.curve" {
                    addCurve(text, location: location, to: &record, diagnostics: &diagnostics)
                } else {
                    record.set(key, Located(text, at: location))
                }
            }
            records.append(record)
        }
        return records
    }

    private static func addCurve(
        _ text: String, location: SourceLocation, to record: inout ApplicationRecord, diagnostics: inout DiagnosticCollector
    ) {
        for point in text.split(separator: ";") {
            let parts = point.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                diagnostics.error(
                    "'impact.curve' point '\(Escape.plain(String(point)))' is not DURATION:MULTIPLIER", at: location,
                    fix: "write 1h:1.0;4h:1.3")
                continue
            }
            record.set("impact.curve.\(parts[0])", Located(parts[1], at: location))
        }
    }
}
