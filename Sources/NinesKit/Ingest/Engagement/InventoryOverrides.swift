/// One decision a consultant took after import, kept in the engagement's `overrides.csv`
/// beside the inventory (which a new import replaces): exclude a VM, pin its tier, set its
/// application or its site. Applied at every load, so every plan carries it.
public struct InventoryOverride: Hashable, Sendable {
    public enum Action: String, CaseIterable, Sendable {
        case exclude, tier, application, site
    }

    public var vm: String
    public var action: Action
    /// The tier, application or site (empty for `exclude`).
    public var value: String
    public var reason: String
    public var location: SourceLocation

    /// One line for the report: `exclude web01: decommissioned in May (overrides.csv:3)`.
    public var sentence: String {
        let what = action == .exclude ? "exclude \(vm)" : "\(vm): \(action.rawValue) \(value)"
        return reason.isEmpty ? what : "\(what) — \(reason)"
    }
}

/// Reads `overrides.csv` (`vm, action, value, reason`) and applies it to the inventory. Every
/// bad line is an error at its line: an unknown VM or action, a tier that is none, a site or
/// application the engagement does not declare, an exclusion without a reason, a VM overridden
/// twice for the same action.
public enum InventoryOverrides {
    /// The file's name in the engagement folder; it is optional.
    public static let fileName = "overrides.csv"
    static let columns = ["vm", "action", "value", "reason"]

    /// The overrides of `table`, checked against the engagement's VMs, sites and applications.
    static func read(
        _ table: CSVTable, workloads: [Workload], sites: [String], applications: Set<String>, diagnostics: inout DiagnosticCollector
    ) -> [InventoryOverride] {
        let index = table.columnIndex(diagnostics: &diagnostics)
        for missing in columns where index[missing] == nil {
            diagnostics.error("missing column '\(missing)'", at: table.location(ofLine: 1), fix: "the header is: vm,action,value,reason")
        }
        for name in table.header where !columns.contains(name.lowercased()) {
            diagnostics.error(
                "unknown column '\(Escape.plain(name))'", at: table.location(ofLine: 1), fix: "the header is: vm,action,value,reason")
        }
        guard columns.allSatisfy({ index[$0] != nil }) else { return [] }
        let vms = Dictionary(workloads.map { ($0.name.lowercased(), $0.name) }, uniquingKeysWith: { first, _ in first })
        var seen: [String: Int] = [:]
        var overrides: [InventoryOverride] = []
        for row in table.rows {
            let location = table.location(ofLine: row.line)
            func cell(_ name: String) -> String {
                let column = index[name]!
                return column < row.fields.count ? row.fields[column].trimmingWhitespace : ""
            }
            let check = Check(sites: sites, applications: applications, location: location)
            guard let vm = check.vm(cell("vm"), in: vms, &diagnostics), let action = check.action(cell("action"), &diagnostics),
                check.value(cell("value"), for: action, reason: cell("reason"), &diagnostics)
            else { continue }
            let key = "\(vm.lowercased())\u{0}\(action.rawValue)"
            if let first = seen[key] {
                diagnostics.error(
                    "VM '\(Escape.plain(vm))' has a second '\(action.rawValue)' override (first on line \(first))", at: location,
                    fix: "keep one of them")
                continue
            }
            seen[key] = row.line
            overrides.append(InventoryOverride(vm: vm, action: action, value: cell("value"), reason: cell("reason"), location: location))
        }
        return overrides
    }

    /// The inventory with the overrides applied: excluded VMs removed, the others re-mapped.
    public static func apply(_ overrides: [InventoryOverride], to workloads: [Workload]) -> [Workload] {
        let byVM = Dictionary(grouping: overrides, by: \.vm)
        return workloads.compactMap { vm in
            var vm = vm
            for override in byVM[vm.name] ?? [] {
                switch override.action {
                case .exclude: return nil
                case .tier: vm.pinnedTier = TierID(parsing: override.value)
                case .application: vm.application = override.value
                case .site: vm.site = override.value
                }
            }
            return vm
        }
    }

    /// The checks of one line, each reporting at the line.
    private struct Check {
        var sites: [String]
        var applications: Set<String>
        var location: SourceLocation

        func vm(_ text: String, in vms: [String: String], _ diagnostics: inout DiagnosticCollector) -> String? {
            guard !text.isEmpty else {
                diagnostics.error("'vm' is empty", at: location, fix: "name a VM of the inventory")
                return nil
            }
            guard let name = vms[text.lowercased()] else {
                let hint = Spelling.suggestion(for: text, among: Array(vms.values))
                diagnostics.error(
                    "no VM '\(Escape.plain(text))' in the inventory", at: location,
                    fix: hint.map { "did you mean '\($0)'?" } ?? "name a VM of the inventory")
                return nil
            }
            return name
        }

        func action(_ text: String, _ diagnostics: inout DiagnosticCollector) -> InventoryOverride.Action? {
            guard let action = InventoryOverride.Action(rawValue: text.lowercased()) else {
                diagnostics.error(
                    "unknown action '\(Escape.plain(text))'", at: location,
                    fix: "use one of: \(InventoryOverride.Action.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return action
        }

        func value(_ text: String, for action: InventoryOverride.Action, reason: String, _ diagnostics: inout DiagnosticCollector) -> Bool {
            switch action {
            case .exclude:
                guard !reason.isEmpty else {
                    diagnostics.error("an exclusion needs a 'reason'", at: location, fix: "say why the VM is left out of the plan")
                    return false
                }
            case .tier:
                guard TierID(parsing: text) != nil else {
                    diagnostics.error("unknown tier '\(Escape.plain(text))'", at: location, fix: TierID.hint(for: text))
                    return false
                }
            case .application:
                guard applications.contains(text) else {
                    let hint = Spelling.suggestion(for: text, among: Array(applications))
                    diagnostics.error(
                        "unknown application '\(Escape.plain(text))'", at: location,
                        fix: hint.map { "did you mean '\($0)'?" } ?? "name an application of the applications file")
                    return false
                }
            case .site:
                guard sites.contains(text) else {
                    diagnostics.error(
                        "unknown site '\(Escape.plain(text))'", at: location,
                        fix: "use one of the sites in engagement.yaml: \(sites.joined(separator: ", "))")
                    return false
                }
            }
            return true
        }
    }
}
