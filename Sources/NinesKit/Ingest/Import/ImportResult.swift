/// What an import produced: the VMs kept, those skipped by design (powered off, templates),
/// those refused for a problem, each with its reason and location, and the diagnostics.
/// Every data row of the sources is in exactly one of `vms`, `excluded` and `refused`, so
/// `vms.count + excluded.count + refused.count == rows`.
public struct ImportResult: Sendable {
    public struct Exclusion: Hashable, Sendable {
        public var name: String
        public var reason: String
        public var location: SourceLocation
    }

    public var vms: [ImportedVM] = []
    /// Rows left out by design: powered off, suspended, templates.
    public var excluded: [Exclusion] = []
    /// Rows that cannot be imported: an empty VM cell, a number that is not one, a value
    /// `nines check` refuses. Each also has an error in `warnings`.
    public var refused: [Exclusion] = []
    public var hosts: [ImportedHost] = []
    /// Today's clusters (RVTools vCluster).
    public var clusters: [ImportedCluster] = []
    /// How the rows of each side tab read (vDisk, vPartition, vHost, vCluster) were used, per
    /// source: each tally's counts add up to its rows.
    public var sheets: [SheetTally] = []
    /// Warnings, and one error per refused row or host (so `nines check` reports them too).
    public var warnings: [Diagnostic] = []
    /// Data rows (VM rows, VM elements) read from the sources; blank rows are not counted.
    public var rows = 0

    public init() {}

    /// Adds the VMs, exclusions, refusals, hosts, clusters, tallies and diagnostics of another
    /// result.
    mutating func append(_ other: ImportResult) {
        vms += other.vms
        excluded += other.excluded
        refused += other.refused
        hosts += other.hosts
        clusters += other.clusters
        sheets += other.sheets
        warnings += other.warnings
        rows += other.rows
    }

    /// Records a row left out by design.
    mutating func skip(_ name: String, reason: String, at location: SourceLocation) {
        excluded.append(Exclusion(name: name, reason: reason, location: location))
    }

    /// Records a row that cannot be imported, with an error at its location.
    mutating func refuse(_ name: String, reasons: [String], at location: SourceLocation) {
        let reason = reasons.joined(separator: "; ")
        refused.append(Exclusion(name: name, reason: reason, location: location))
        let who = name.isEmpty ? "row" : "VM '\(Escape.plain(name))'"
        warnings.append(Diagnostic(.error, "\(who) not imported: \(reason)", at: location))
    }

    /// Keeps `vm` when it passes the rules of `nines check`, else refuses it. Control
    /// characters are removed from its descriptive fields (OS, site, folder, …) with a warning;
    /// in the name they refuse the row, as `nines check` would.
    mutating func admit(_ vm: ImportedVM) {
        let problems = InventoryRules.problems(of: vm)
        guard problems.isEmpty else {
            refuse(vm.name, reasons: problems, at: vm.location)
            return
        }
        var clean = vm
        var stripped: [String] = []
        for (field, path) in Self.textFields where InventoryRules.hasControlCharacters(clean[keyPath: path]) {
            clean[keyPath: path] = InventoryRules.strippingControlCharacters(clean[keyPath: path])
            stripped.append(field)
        }
        if !stripped.isEmpty {
            warnings.append(
                Diagnostic(
                    .warning, "control characters removed from the \(stripped.joined(separator: ", ")) of VM '\(Escape.plain(vm.name))'",
                    at: vm.location))
        }
        vms.append(clean)
    }

    nonisolated(unsafe) private static let textFields: [(String, WritableKeyPath<ImportedVM, String>)] = [
        ("OS", \.os), ("datacenter", \.datacenter), ("cluster", \.cluster), ("host", \.host), ("folder", \.folder),
        ("annotation", \.annotation),
    ]

    /// Gives duplicate names distinct, stable names (`web01`, `web01#2`, …) in input order (the
    /// order of the files, then of their rows), with a warning naming where the first one is; a
    /// VM whose new name would pass the name-length limit is refused instead.
    mutating func disambiguateNames() {
        var tooLong: [Int] = []
        // Per lower-cased name: VMs seen so far, and the index of the first.
        var seen: [String: (count: Int, first: Int)] = [:]
        let taken = Set(vms.map { $0.name.lowercased() })
        for index in vms.indices {
            let key = vms[index].name.lowercased()
            let count = (seen[key]?.count ?? 0) + 1
            let first = seen[key]?.first ?? index
            seen[key] = (count, first)
            guard count > 1 else { continue }
            var candidate = "\(vms[index].name)#\(count)"
            var n = count
            while taken.contains(candidate.lowercased()) {
                n += 1
                candidate = "\(vms[index].name)#\(n)"
            }
            if let problem = InventoryRules.nameProblem(candidate) {
                tooLong.append(index)
                refuse(vms[index].name, reasons: ["another VM has this name, and \(problem)"], at: vms[index].location)
                continue
            }
            let other = " (the first is at \(vms[first].location))"
            warnings.append(
                Diagnostic(
                    .warning,
                    "two VMs are named '\(Escape.plain(vms[index].name))'\(other); this one is kept as '\(Escape.plain(candidate))'",
                    at: vms[index].location))
            vms[index].name = candidate
        }
        for index in tooLong.reversed() { vms.remove(at: index) }
    }
}
