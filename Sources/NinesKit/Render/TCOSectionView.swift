/// The TCO part of the report: every figure formatted for Markdown.
public struct TCOSectionView: Sendable {
    public struct Row: Sendable {
        public var name, nodes, capex, opex, downtime, total, npv: String
    }

    public struct CardRow: Sendable {
        public var name, unplanned, cost, maintenance, recovery, dataLoss, effort: String
    }

    public struct SensitivityRow: Sendable {
        public var factor, cheapest, ranking: String
    }

    public var horizon: Int
    public var rate: String
    public var rows: [Row]
    public var card: [CardRow]
    public var findings: [String]
    public var sensitivity: [SensitivityRow]
    public var notes: [String]

    init(_ tco: TCOComparison) {
        let money = { (v: Double) in Number.money(v, currency: tco.currency) }
        let md = { (text: String) in text }
        let names = Dictionary(uniqueKeysWithValues: tco.alternatives.map { ($0.id, $0.spec.name) })
        horizon = tco.horizonYears
        rate = Number.plain(tco.discountRatePercent) + "%"
        rows = tco.ranking.map { e in
            Row(
                name: md(e.spec.name), nodes: "\(e.sizing.nodes)", capex: money(e.capex.total), opex: money(e.opex.total),
                downtime: money(e.downtimeCostPerYear), total: money(e.total), npv: money(e.npv))
        }
        card = tco.alternatives.map { e in
            CardRow(
                name: md(e.spec.name), unplanned: Number.downtime(minutes: e.unplannedMinutesPerApplication),
                cost: money(e.downtimeCostPerYear),
                maintenance: e.maintenanceMinutesPerApplication == 0
                    ? "none" : Number.downtime(minutes: e.maintenanceMinutesPerApplication),
                recovery: Number.downtime(minutes: e.recoveryTime.minutes),
                dataLoss: e.spec.dataLoss.value.seconds == 0 ? "none" : Number.downtime(minutes: e.spec.dataLoss.value.minutes),
                effort: md(e.spec.recoveryEffort))
        }
        var findings: [String] = []
        if let reference = tco.reference, let name = names[reference] {
            for p in tco.referencePaysAbove {
                let other = md(names[p.against] ?? p.against)
                if p.always {
                    findings.append("\(md(name)) costs less than \(other) over \(tco.horizonYears) years whatever downtime costs.")
                } else if p.never {
                    findings.append("\(md(name)) does not pay for itself against \(other) through downtime alone.")
                } else if let c = p.costPerHour {
                    findings.append("\(md(name)) pays for itself against \(other) when an hour of downtime costs more than \(money(c)).")
                }
            }
            for b in tco.breakEvens where b.costlier == reference {
                let other = md(names[b.cheaper] ?? b.cheaper)
                findings.append(
                    b.year.map { "Against \(other), \(md(name)) breaks even in year \($0)." }
                        ?? "Against \(other), \(md(name)) does not break even within \(tco.horizonYears) years.")
            }
        }
        self.findings = findings
        sensitivity = tco.sensitivity.map { c in
            SensitivityRow(
                factor: "\(c.factor) × \(Number.plain(c.multiplier))", cheapest: md(names[c.ranking.first ?? ""] ?? ""),
                ranking: c.ranking.map { md(names[$0] ?? $0) }.joined(separator: ", "))
        }
        notes = tco.alternatives.flatMap { e in e.sizing.notes.map { md("\(e.spec.name): \($0)") } }
    }
}
