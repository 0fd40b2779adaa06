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

    /// Mean yearly loss per application (bar) with its P50, P90 and P99 over the simulated
    /// years (marks), largest P99 first, on a money axis with round ticks.
    static func risk(_ risk: RiskReport, currency: String) -> String {
        let rows = risk.applications.filter { $0.p99 > 0 }.sorted { ($0.p99, $0.name) > ($1.p99, $1.name) }.prefix(12)
        let ticks = AxisTicks(from: 0, to: rows.map(\.p99).max() ?? 1)
        let (left, right, top, rowHeight) = (170.0, 620.0, 34.0, 26.0)
        let bottom = top + Double(rows.count) * rowHeight + 4
        var svg = SVGChart(width: 640, height: bottom + 42)
        func x(_ value: Double) -> Double { left + (right - left) * ticks.fraction(value) }
        func money(_ value: Double) -> String { Number.money(value, currency: currency) }
        var legend = left
        legend = svg.legendEntry("mean", colour: "#1f6feb", x: legend, y: 14)
        for (name, colour) in [("P50", "#059669"), ("P90", "#d97706"), ("P99", "#dc2626")] {
            legend = svg.legendEntry(name, colour: colour, mark: true, x: legend, y: 14)
        }
        svg.bottomAxis(ticks, left: left, right: right, top: top, bottom: bottom, title: "Loss in a year (\(currency))")
        for (index, d) in rows.enumerated() {
            let y = top + 4 + Double(index) * rowHeight
            svg.text(d.name, x: left - 8, y: y + 14, anchor: .end, size: 11)
            svg.rect(
                x: left, y: y + 3, width: x(d.mean) - left, height: 14, fill: "#1f6feb",
                title: "\(d.name): mean \(money(d.mean)), P50 \(money(d.p50)), P90 \(money(d.p90)), P99 \(money(d.p99))")
            for (value, colour) in [(d.p50, "#059669"), (d.p90, "#d97706"), (d.p99, "#dc2626")] {
                svg.line(x1: x(value), y1: y, x2: x(value), y2: y + 20, stroke: colour, width: 2)
            }
        }
        return svg.render(label: "Loss in a year per application: mean, P50, P90 and P99 over the simulated years")
    }

    /// Each pair's use of memory, threads, VM slots and disk, with the binding limit marked.
    static func pairs(_ assessment: Assessment) -> String {
        let pairs = assessment.packing.pairs
        let rowHeight = 70.0
        var svg = SVGChart(width: 640, height: Double(pairs.count) * rowHeight + 6)
        for (index, pair) in pairs.enumerated() {
            let y = 4 + Double(index) * rowHeight
            let u = pair.utilization
            svg.text(
                "\(pair.id) (\(pair.isSplitSite ? "\(pair.site) + \(pair.secondSite)" : pair.site))", x: 0, y: y + 14, size: 12, bold: true)
            for (row, limit) in PackingLimit.allCases.enumerated() {
                let by = y + 4 + Double(row) * 16
                let value = u[limit]
                svg.text(limit == .vms ? "VM slots" : limit.label, x: 250, y: by + 11, anchor: .end, size: 11)
                svg.rect(x: 260, y: by, width: 300, height: 12, fill: "#eaeef2")
                svg.rect(x: 260, y: by, width: 300 * min(value, 1), height: 12, fill: limit == u.binding ? "#dc2626" : "#1f6feb")
                let shown = limit == .disk && !pair.capacity.diskGiB.isFinite ? "no limit" : "\(Number.plain(value * 100, maxFraction: 0))%"
                svg.text(shown, x: 570, y: by + 11, size: 11)
            }
        }
        return svg.render(label: "Pair utilization per dimension")
    }
}
