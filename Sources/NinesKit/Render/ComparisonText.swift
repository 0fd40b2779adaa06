/// The sentences of "Since the last assessment" (report and terminal), written from the
/// comparison's values.
public enum ComparisonText {
    /// One sentence per change.
    public static func lines(_ comparison: AssessmentComparison, currency: String) -> [String] {
        let c = comparison
        let money = { (v: Double) in Number.money(v, currency: currency) }
        var lines: [String] = []
        if abs(c.exposureChange) < 0.5 {
            lines.append("Expected downtime cost with the plan is unchanged at \(money(c.to.exposureAfter)) a year.")
        } else {
            lines.append(
                "Expected downtime cost with the plan \(c.exposureChange < 0 ? "fell" : "rose") by \(money(abs(c.exposureChange))) a year, from \(money(c.from.exposureAfter)) to \(money(c.to.exposureAfter))."
            )
        }
        if c.pairsChange != 0 { lines.append("Host pairs: \(c.from.pairs) → \(c.to.pairs).") }
        for move in c.tierMoves { lines.append("\(move.application) moved from \(move.from) to \(move.to).") }
        if !c.applicationsAdded.isEmpty { lines.append("New applications: \(c.applicationsAdded.joined(separator: ", ")).") }
        if !c.applicationsRemoved.isEmpty { lines.append("Applications gone: \(c.applicationsRemoved.joined(separator: ", ")).") }
        if !c.vmsAdded.isEmpty {
            lines.append(
                "\(c.vmsAdded.count) VM(s) added: \(c.vmsAdded.prefix(10).joined(separator: ", "))\(c.vmsAdded.count > 10 ? ", …" : "").")
        }
        if !c.vmsRemoved.isEmpty {
            lines.append(
                "\(c.vmsRemoved.count) VM(s) removed: \(c.vmsRemoved.prefix(10).joined(separator: ", "))\(c.vmsRemoved.count > 10 ? ", …" : "")."
            )
        }
        for change in c.tco where change.from != change.to {
            if let a = change.from, let b = change.to {
                lines.append("NPV of \(change.alternative) over the horizon: \(money(a)) → \(money(b)).")
            }
        }
        if !c.inputsChanged && !c.catalogChanged { lines.append("The inputs and the catalog are unchanged.") }
        lines += causes(c.causes)
        return lines
    }

    /// "Changed: ERP's availability target 99.99% → 99.995%." — the changed inputs, one line
    /// each, at most 12 listed and the rest counted.
    static func causes(_ changes: [InputChange]) -> [String] {
        guard !changes.isEmpty else { return [] }
        let shown = changes.prefix(12).map { change -> String in
            let what: String
            switch change.kind {
            case .sla: what = "\(change.subject)'s \(change.field) target"
            case .impact: what = "\(change.subject)'s \(change.field)"
            case .vm: what = "VM \(change.subject)'s \(change.field)"
            case .catalog: what = "catalog \(change.subject) \(change.field)"
            case .file:
                let state = change.from.isEmpty ? "added" : change.to.isEmpty ? "removed" : "edited"
                return "\(change.subject) \(state)"
            }
            return "\(what) \(change.from.isEmpty ? "(none)" : change.from) → \(change.to.isEmpty ? "(none)" : change.to)"
        }
        let more =
            changes.count > 12 ? ["\(changes.count - 12) more changed inputs (`nines compare --json` lists every one)."] : []
        return shown.map { "Changed: \($0)." } + more
    }
}
