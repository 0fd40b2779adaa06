extension ReportCharts {
    /// Cumulative cost by year per alternative.
    static func tco(_ tco: TCOComparison) -> String {
        let alternatives = tco.alternatives
        let top = alternatives.flatMap { $0.years.map(\.cumulative) }.max() ?? 1
        let (left, right, topY, bottom) = (70.0, 620.0, 10.0, 250.0)
        var svg = SVGChart(width: 640, height: 300 + Double(alternatives.count) * 16)
        for tick in 0...4 {
            let value = top * Double(tick) / 4
            let y = bottom - (bottom - topY) * Double(tick) / 4
            svg.line(x1: left, y1: y, x2: right, y2: y, stroke: "#d0d7de", dash: tick > 0)
            svg.text(compact(value), x: left - 6, y: y + 4, anchor: .end, size: 10)
        }
        let years = tco.horizonYears
        func x(_ year: Int) -> Double { left + (right - left) * Double(year) / Double(max(years, 1)) }
        for year in 0...years { svg.text(year == 0 ? "start" : "year \(year)", x: x(year), y: bottom + 16, anchor: .middle, size: 10) }
        for (index, e) in alternatives.enumerated() {
            let colour = SVGChart.palette[index % SVGChart.palette.count]
            let points =
                [(x(0), bottom - (bottom - topY) * e.capex.total / top)]
                + e.years.map { (x($0.year), bottom - (bottom - topY) * $0.cumulative / top) }
            svg.polyline(points, stroke: colour)
            let ly = bottom + 38 + Double(index) * 16
            svg.rect(x: left, y: ly - 9, width: 14, height: 10, fill: colour)
            svg.text("\(e.spec.name): \(Number.money(e.total, currency: tco.currency))", x: left + 20, y: ly, size: 11)
        }
        return svg.render(label: "Cumulative cost by year per alternative")
    }

    /// How the reference's lead over the best other alternative moves when each uncertain input
    /// moves by half: a tornado, widest swing on top.
    static func tornado(_ tco: TCOComparison) -> String? {
        guard let reference = tco.reference, tco.alternatives.count > 1 else { return nil }
        func lead(_ totals: [String: Double]) -> Double {
            let others = totals.filter { $0.key != reference }.values.min() ?? 0
            return others - (totals[reference] ?? 0)
        }
        let base = lead(Dictionary(uniqueKeysWithValues: tco.alternatives.map { ($0.id, $0.total) }))
        let factors = Array(Set(tco.sensitivity.map(\.factor))).sorted()
        let bars = factors.map { factor -> (String, Double, Double) in
            let values = tco.sensitivity.filter { $0.factor == factor }.map { lead($0.totals) }
            return (factor, values.min() ?? base, values.max() ?? base)
        }.sorted { ($0.2 - $0.1) > ($1.2 - $1.1) }
        let extent = max(bars.map { max(abs($0.1), abs($0.2)) }.max() ?? 1, abs(base), 1)
        let (left, span) = (170.0, 440.0)
        func x(_ value: Double) -> Double { left + span / 2 + span / 2 * value / extent }
        var svg = SVGChart(width: 640, height: Double(bars.count) * 34 + 40)
        for (index, bar) in bars.enumerated() {
            let y = 8 + Double(index) * 34
            svg.text("\(bar.0) ±50%", x: left - 8, y: y + 16, anchor: .end, size: 11)
            svg.rect(
                x: x(bar.1), y: y + 4, width: x(bar.2) - x(bar.1), height: 18, fill: "#1f6feb",
                title: "\(compact(bar.1)) to \(compact(bar.2))")
            svg.text(compact(bar.1), x: x(bar.1) - 4, y: y + 17, anchor: .end, size: 10)
            svg.text(compact(bar.2), x: x(bar.2) + 4, y: y + 17, size: 10)
        }
        let bottom = Double(bars.count) * 34 + 12
        svg.line(x1: x(base), y1: 4, x2: x(base), y2: bottom, stroke: "#1f2328", width: 1.5)
        svg.line(x1: x(0), y1: 4, x2: x(0), y2: bottom, stroke: "#dc2626", dash: true)
        svg.text("lead of \(reference) over the next cheapest: \(compact(base)) (red line: break-even)", x: left, y: bottom + 20, size: 11)
        return svg.render(label: "Sensitivity of the cost advantage")
    }

    /// 1.2M, 350k, 900.
    static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1_000_000 { return Number.plain(value / 1_000_000, maxFraction: 2) + "M" }
        if magnitude >= 1000 { return Number.plain(value / 1000, maxFraction: 0) + "k" }
        return Number.plain(value, maxFraction: 0)
    }
}
