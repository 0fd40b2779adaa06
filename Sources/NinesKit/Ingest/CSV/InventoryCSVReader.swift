/// Reads the native inventory (`vm, application, vcpus, memory_gib, disk_gib, os, site,
/// power_state`, optional `tier`, `disks_gib`, `used_gib`, `notes`) into workloads, reporting every bad
/// cell at its line.
public enum InventoryCSVReader {
    public static let requiredColumns = ["vm", "application", "vcpus", "memory_gib", "disk_gib", "os", "site", "power_state"]
    public static let optionalColumns = ["tier", "disks_gib", "used_gib", "notes"]

    /// Largest vCPU count and memory accepted for one VM (vSphere 8 limits: 768 vCPUs, 24 TiB).
    /// The same limits the importers apply (`InventoryRules`).
    static let maxVCPUs = InventoryRules.vcpus.upperBound
    static let maxMemoryGiB = InventoryRules.memoryGiB.upperBound

    public static func read(_ table: CSVTable, diagnostics: inout DiagnosticCollector) -> [Workload] {
        let columns = table.columnIndex(diagnostics: &diagnostics)
        let known = requiredColumns + optionalColumns
        let headerLine = table.location(ofLine: 1)
        for missing in requiredColumns where columns[missing] == nil {
            diagnostics.error(
                "missing column '\(missing)'", at: headerLine, fix: "the header must name: \(requiredColumns.joined(separator: ", "))")
        }
        for name in table.header where !name.isEmpty && !known.contains(name.lowercased()) {
            let hint = Spelling.suggestion(for: name, among: known)
            diagnostics.error(
                "unknown column '\(Escape.plain(name))'", at: headerLine,
                fix: hint.map { "did you mean '\($0)'?" } ?? "known columns: \(known.joined(separator: ", "))")
        }
        guard requiredColumns.allSatisfy({ columns[$0] != nil }) else { return [] }
        var workloads: [Workload] = []
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            let location = table.location(ofLine: row.line)
            guard row.fields.count == table.header.count else {
                diagnostics.error(
                    "row has \(row.fields.count) fields; the header has \(table.header.count)", at: location,
                    fix: "quote values that contain commas")
                continue
            }
            guard let workload = workload(row, columns, location, &diagnostics) else { continue }
            let key = workload.name.lowercased()
            if let first = firstLine[key] {
                diagnostics.error(
                    "duplicate VM name '\(Escape.plain(workload.name))' (first on line \(first))", at: location,
                    fix: "VM names must be unique; rename one of them")
                continue
            }
            firstLine[key] = row.line
            workloads.append(workload)
        }
        return workloads
    }

    private static func workload(
        _ row: CSVTable.Row, _ columns: [String: Int], _ location: SourceLocation, _ diagnostics: inout DiagnosticCollector
    ) -> Workload? {
        func cell(_ name: String) -> Located<String> {
            Located(columns[name].map { row.fields[$0].trimmingWhitespace } ?? "", at: location)
        }
        let name = cell("vm").value
        if name.isEmpty { diagnostics.error("'vm' is empty", at: location, fix: "every row needs a VM name") }
        let nameOK = name.isEmpty || InputValue.name(cell("vm"), key: "vm", diagnostics: &diagnostics)
        let appOK = cell("application").value.isEmpty || InputValue.name(cell("application"), key: "application", diagnostics: &diagnostics)
        let vcpus = InputValue.number(cell("vcpus"), key: "vcpus", in: 1...maxVCPUs, diagnostics: &diagnostics)
        if let vcpus, vcpus != vcpus.rounded() {
            diagnostics.error("'vcpus' is \(Number.plain(vcpus)); it must be a whole number", at: location)
        }
        let memory = InputValue.number(cell("memory_gib"), key: "memory_gib", in: 0...maxMemoryGiB, unit: " GiB", diagnostics: &diagnostics)
        if memory == 0 { diagnostics.error("'memory_gib' is 0; a VM needs memory", at: location) }
        let disk =
            cell("disk_gib").value.isEmpty
            ? 0 : InputValue.number(cell("disk_gib"), key: "disk_gib", in: InventoryRules.diskGiB, unit: " GiB", diagnostics: &diagnostics)
        let site = cell("site").value
        if site.isEmpty { diagnostics.error("'site' is empty", at: location, fix: "name one of the sites in engagement.yaml") }
        let power = PowerState(cell("power_state").value)
        if power == nil {
            diagnostics.error(
                "'power_state' is '\(Escape.plain(cell("power_state").value))'", at: location,
                fix: "write poweredOn, poweredOff or suspended")
        }
        var tier: TierID?
        let tierText = cell("tier").value
        if !tierText.isEmpty {
            tier = TierID(parsing: tierText)
            if tier == nil {
                diagnostics.error(
                    "unknown tier '\(Escape.plain(tierText))'", at: location, fix: TierID.hint(for: tierText))
            }
        }
        let disks = self.disks(cell("disks_gib"), total: cell("disk_gib").value.isEmpty ? nil : disk, &diagnostics)
        let usedText = cell("used_gib")
        let used =
            usedText.value.isEmpty
            ? nil : InputValue.number(usedText, key: "used_gib", in: InventoryRules.diskGiB, unit: " GiB", diagnostics: &diagnostics)
        guard !name.isEmpty, nameOK, appOK, let vcpus, let memory, memory > 0, let disk, let disks, !site.isEmpty, let power,
            usedText.value.isEmpty || used != nil
        else {
            return nil
        }
        let application = cell("application").value
        var workload = Workload(
            name: name, application: application.isEmpty ? name : application, vcpus: Int(vcpus), memoryGiB: memory,
            diskGiB: cell("disk_gib").value.isEmpty && !disks.isEmpty ? disks.reduce(0, +) : disk, os: cell("os").value, site: site,
            poweredOn: power == .on, pinnedTier: tier, location: location)
        workload.disksGiB = disks
        workload.usedGiB = used
        return workload
    }

    /// The `disks_gib` cell: each disk's size, GiB, separated by `;` (`40;100`), which must add
    /// up to `disk_gib` when both are given. Nil when the cell is bad; empty when it is empty.
    static func disks(_ text: Located<String>, total: Double?, _ diagnostics: inout DiagnosticCollector) -> [Double]? {
        guard !text.value.isEmpty else { return [] }
        var sizes: [Double] = []
        for part in text.value.split(separator: ";", omittingEmptySubsequences: false) {
            let size = InputValue.number(
                Located(String(part), at: text.location), key: "disks_gib", in: InventoryRules.diskGiB, unit: " GiB",
                diagnostics: &diagnostics)
            guard let size else { return nil }
            sizes.append(size)
        }
        let sum = sizes.reduce(0, +)
        if let total, abs(sum - total) > 0.001 * Double(sizes.count) + 1e-9 {
            diagnostics.error(
                "'disks_gib' adds up to \(Number.plain(sum, maxFraction: 3)) GiB but 'disk_gib' is \(Number.plain(total, maxFraction: 3)) GiB",
                at: text.location, fix: "make disk_gib the sum of the disks, or leave it empty")
            return nil
        }
        return sizes
    }

    private enum PowerState {
        case on, off

        init?(_ text: String) {
            let lower = text.lowercased()
            switch lower.utf8.contains(0x20) ? lower.replacingOccurrences(of: " ", with: "") : lower {
            case "poweredon", "on", "running", "": self = .on
            case "poweredoff", "off", "stopped", "suspended", "shutoff": self = .off
            default: return nil
            }
        }
    }
}
