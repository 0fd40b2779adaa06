import Foundation

/// VMs naming a site engagement.yaml does not declare: one problem however many VMs name it,
/// reported once at the first of them with the count and the lines.
struct UndeclaredSite {
    var site: String
    /// The VMs naming it, in inventory order.
    var vms: [Workload]
    /// The sites engagement.yaml declares.
    var declared: [String]

    /// "763 VMs name site 'esx-prod', which is not declared (inventory.csv:2–764)", with the
    /// ways to fix it and the declared site it may be a misspelling of.
    var diagnostic: Diagnostic {
        let first = vms[0]
        let subject = vms.count == 1 ? "VM '\(Escape.plain(first.name))' names" : "\(vms.count) VMs name"
        let file = URL(fileURLWithPath: first.location.file).lastPathComponent
        var message = "\(subject) site '\(Escape.plain(site))', which is not declared"
        if first.location.line > 0 { message += " (\(file):\(Self.lines(vms.map(\.location.line))))" }
        let ways = "declare it under `sites` in engagement.yaml, or set `default_site`, `--site`, or a mapping rule"
        let fix =
            Spelling.suggestion(for: site, among: declared).map { "did you mean '\(Escape.plain($0))'? Otherwise \(ways)" }
            ?? "\(ways) (declared: \(declared.map(Escape.plain).joined(separator: ", ")))"
        return Diagnostic(.error, message, at: first.location, fix: fix)
    }

    /// "2–764" for a run of consecutive lines, else "2, 9, 12, …" (at most five listed).
    static func lines(_ lines: [Int]) -> String {
        guard let first = lines.first, let last = lines.last else { return "" }
        if lines.count == 1 { return "\(first)" }
        if zip(lines, lines.dropFirst()).allSatisfy({ $1 == $0 + 1 }) { return "\(first)–\(last)" }
        return lines.prefix(5).map(String.init).joined(separator: ", ") + (lines.count > 5 ? ", …" : "")
    }
}
