/// One input that changed between two assessments: what (`subject`), which figure, and its
/// values before and after as recorded. `compare` lists them as the causes of the changed
/// results.
public struct InputChange: Sendable, Hashable, Encodable {
    public enum Kind: String, Sendable, Hashable, Encodable {
        case sla, impact, vm, catalog, file
    }

    public var kind: Kind
    /// The application, VM, catalog entry or file.
    public var subject: String
    public var field: String
    /// Empty when the subject did not exist on that side.
    public var from: String
    public var to: String

    /// The changes from `old` to `new`, in kind order, then by subject and field.
    static func between(_ old: AssessmentDetail, _ new: AssessmentDetail) -> [InputChange] {
        applications(old.inputs, new.inputs) + vms(old.vms, new.vms) + catalog(old.catalogValues, new.catalogValues)
            + files(old.files, new.files)
    }

    private static func applications(_ old: [ApplicationInputRow], _ new: [ApplicationInputRow]) -> [InputChange] {
        let before = Dictionary(old.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [InputChange] = []
        for after in new {
            guard let was = before[after.name] else { continue }
            func check(_ kind: Kind, _ field: String, _ a: String, _ b: String) {
                if a != b { changes.append(InputChange(kind: kind, subject: after.name, field: field, from: a, to: b)) }
            }
            check(.sla, "availability", Number.plain(was.availabilityPercent) + "%", Number.plain(after.availabilityPercent) + "%")
            check(.sla, "rto", TimeSpan(seconds: was.rtoSeconds).description, TimeSpan(seconds: after.rtoSeconds).description)
            check(.sla, "rpo", TimeSpan(seconds: was.rpoSeconds).description, TimeSpan(seconds: after.rpoSeconds).description)
            check(.sla, "site_disaster", was.siteDisaster, after.siteDisaster)
            check(.sla, "required_vms", was.requiredVms.map(String.init) ?? "all", after.requiredVms.map(String.init) ?? "all")
            check(.impact, "cost per hour", Number.plain(was.costPerHour, maxFraction: 2), Number.plain(after.costPerHour, maxFraction: 2))
            check(.impact, "per_incident", Number.plain(was.perIncident, maxFraction: 2), Number.plain(after.perIncident, maxFraction: 2))
            check(
                .impact, "data_loss_per_hour", Number.plain(was.dataLossPerHour, maxFraction: 2),
                Number.plain(after.dataLossPerHour, maxFraction: 2))
        }
        return changes
    }

    /// VMs in both assessments that were resized or moved (added and removed VMs are listed
    /// with the effects).
    private static func vms(_ old: [VMResultRow], _ new: [VMResultRow]) -> [InputChange] {
        let before = Dictionary(old.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [InputChange] = []
        for after in new.sorted(by: { $0.name < $1.name }) {
            guard let was = before[after.name] else { continue }
            func check(_ field: String, _ a: String, _ b: String) {
                if a != b { changes.append(InputChange(kind: .vm, subject: after.name, field: field, from: a, to: b)) }
            }
            check("vcpus", String(was.vcpus), String(after.vcpus))
            check("memory", Number.plain(was.memoryGib, maxFraction: 3) + " GiB", Number.plain(after.memoryGib, maxFraction: 3) + " GiB")
            check("disk", Number.plain(was.diskGib, maxFraction: 3) + " GiB", Number.plain(after.diskGib, maxFraction: 3) + " GiB")
            check("site", was.site, after.site)
            check("application", was.application, after.application)
        }
        return changes
    }

    private static func catalog(_ old: [CatalogValueRow], _ new: [CatalogValueRow]) -> [InputChange] {
        func keyed(_ rows: [CatalogValueRow]) -> [String: String] {
            Dictionary(rows.map { ("\($0.entry) \($0.key)", $0.value) }, uniquingKeysWith: { a, _ in a })
        }
        let before = keyed(old)
        let after = keyed(new)
        return Set(before.keys).union(after.keys).sorted().compactMap { key in
            guard before[key] != after[key] else { return nil }
            let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
            return InputChange(kind: .catalog, subject: parts[0], field: parts[1], from: before[key] ?? "", to: after[key] ?? "")
        }
    }

    private static func files(_ old: [InputFileRow], _ new: [InputFileRow]) -> [InputChange] {
        let before = Dictionary(old.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        return Set(before.keys).union(after.keys).sorted().compactMap { path in
            guard before[path] != after[path] else { return nil }
            let state = { (digest: String?) in digest.map { String($0.prefix(12)) } ?? "" }
            return InputChange(kind: .file, subject: path, field: "sha256", from: state(before[path]), to: state(after[path]))
        }
    }
}
