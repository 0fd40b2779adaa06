/// The report's charts as inline SVG, computed from the plan.
enum ReportCharts {
    /// Applications per tier, most protected at the top: a pyramid of centred bars.
    static func pyramid(_ assessment: Assessment) -> String {
        let tiers = assessment.plan.applicationsPerTier.filter { $0.tier != "saas" }.reversed()
        let most = Double(tiers.map(\.count).max() ?? 1)
        let rowHeight = 30.0
        var svg = SVGChart(width: 640, height: Double(tiers.count) * rowHeight + 10)
        for (index, tier) in tiers.enumerated() {
            let width = 420 * Double(tier.count) / most
            let y = 5 + Double(index) * rowHeight
            svg.rect(
                x: 320 - width / 2, y: y, width: width, height: rowHeight - 6, fill: color(tier.tier), title: "\(tier.tier): \(tier.count)")
            svg.text(tier.tier, x: 10, y: y + 17, size: 12, bold: true)
            svg.text("\(tier.count)", x: 630, y: y + 17, anchor: .end)
        }
        return svg.render(label: "Applications per tier")
    }

    static func color(_ tier: String) -> String {
        if tier.hasPrefix("ft") { return "#1f6feb" }
        if tier.hasPrefix("ha") { return "#059669" }
        if tier.hasPrefix("saas") { return "#9333ea" }
        return "#d97706"
    }

    /// Expected yearly loss per application (bar) with its P90 and P99 (ticks), largest P99 first.
    static func risk(_ risk: RiskReport, currency: String) -> String {
        let rows = risk.applications.filter { $0.p99 > 0 }.sorted { ($0.p99, $0.name) > ($1.p99, $1.name) }.prefix(12)
        let top = rows.map(\.p99).max() ?? 1
        let rowHeight = 26.0
        var svg = SVGChart(width: 640, height: Double(rows.count) * rowHeight + 40)
        let left = 170.0
        let span = 440.0
        for (index, d) in rows.enumerated() {
            let y = 8 + Double(index) * rowHeight
            svg.text(d.name, x: left - 8, y: y + 14, anchor: .end, size: 11)
            svg.rect(
                x: left, y: y + 3, width: span * d.mean / top, height: 14, fill: "#1f6feb",
                title: "mean \(Number.money(d.mean, currency: currency))")
            svg.line(x1: left + span * d.p90 / top, y1: y, x2: left + span * d.p90 / top, y2: y + 20, stroke: "#d97706", width: 2)
            svg.line(x1: left + span * d.p99 / top, y1: y, x2: left + span * d.p99 / top, y2: y + 20, stroke: "#dc2626", width: 2)
        }
        let y = Double(rows.count) * rowHeight + 28
        svg.rect(x: left, y: y - 10, width: 12, height: 10, fill: "#1f6feb")
        svg.text("mean", x: left + 16, y: y, size: 11)
        svg.line(x1: left + 70, y1: y - 11, x2: left + 70, y2: y + 1, stroke: "#d97706", width: 2)
        svg.text("P90", x: left + 76, y: y, size: 11)
        svg.line(x1: left + 120, y1: y - 11, x2: left + 120, y2: y + 1, stroke: "#dc2626", width: 2)
        svg.text("P99 (scale: \(Number.money(top, currency: currency)))", x: left + 126, y: y, size: 11)
        return svg.render(label: "Yearly loss per application: mean, P90, P99")
    }

    /// Each pair's use of memory, threads and VM slots, with the binding limit marked.
    static func pairs(_ assessment: Assessment) -> String {
        let pairs = assessment.packing.pairs
        let rowHeight = 54.0
        var svg = SVGChart(width: 640, height: Double(pairs.count) * rowHeight + 6)
        for (index, pair) in pairs.enumerated() {
            let y = 4 + Double(index) * rowHeight
            let u = pair.utilization
            svg.text(
                "\(pair.id) (\(pair.isSplitSite ? "\(pair.site) + \(pair.secondSite)" : pair.site))", x: 0, y: y + 14, size: 12, bold: true)
            for (row, (name, value)) in [("memory", u.memory), ("threads", u.threads), ("vms", u.vms)].enumerated() {
                let by = y + 4 + Double(row) * 16
                svg.text(name == "vms" ? "VM slots" : name, x: 250, y: by + 11, anchor: .end, size: 11)
                svg.rect(x: 260, y: by, width: 300, height: 12, fill: "#eaeef2")
                svg.rect(x: 260, y: by, width: 300 * min(value, 1), height: 12, fill: name == pair.bindingDimension ? "#dc2626" : "#1f6feb")
                svg.text("\(Number.plain(value * 100, maxFraction: 0))%", x: 570, y: by + 11, size: 11)
            }
        }
        return svg.render(label: "Pair utilization per dimension")
    }
}
