extension ReportCharts {
    /// Cumulative cost by year per alternative, on a money axis with round ticks, with a legend
    /// giving each alternative's total over the horizon.
    static func tco(_ tco: TCOComparison) -> String {
        let alternatives = tco.alternatives
        let ticks = AxisTicks(from: 0, to: alternatives.flatMap { $0.years.map(\.cumulative) }.max() ?? 1)
        let (left, right, top, bottom) = (70.0, 620.0, 30.0, 250.0)
        var svg = SVGChart(width: 640, height: bottom + 56 + Double(alternatives.count) * 16)
        svg.leftAxis(ticks, left: left, right: right, top: top, bottom: bottom, title: "Cumulative cost (\(tco.currency))")
        let years = tco.horizonYears
        func x(_ year: Int) -> Double { left + (right - left) * Double(year) / Double(max(years, 1)) }
        func y(_ value: Double) -> Double { bottom - (bottom - top) * ticks.fraction(value) }
        for year in 0...years { svg.text(year == 0 ? "start" : "\(year)", x: x(year), y: bottom + 14, anchor: .middle, size: 10) }
        svg.text("Year", x: (left + right) / 2, y: bottom + 30, anchor: .middle, size: 11, fill: SVGChart.axisColour)
        for (index, e) in alternatives.enumerated() {
            let colour = SVGChart.palette[index % SVGChart.palette.count]
            svg.polyline([(x(0), y(e.capex.total))] + e.years.map { (x($0.year), y($0.cumulative)) }, stroke: colour)
            svg.legendEntry(
                "\(e.spec.name): \(Number.money(e.total, currency: tco.currency)) over \(years) years", colour: colour, x: left,
                y: bottom + 52 + Double(index) * 16)
        }
        return svg.render(label: "Cumulative cost by year per alternative")
    }

    /// How the reference's lead over the best other alternative moves when each uncertain input
    /// moves by half: a tornado, widest swing on top, on a money axis with round ticks.
    static func tornado(_ tco: TCOComparison) -> String? {
        guard let reference = tco.reference, tco.alternatives.count > 1 else { return nil }
        func lead(_ npv: [String: Double]) -> Double {
            let others = npv.filter { $0.key != reference }.values.min() ?? 0
            return others - (npv[reference] ?? 0)
        }
        let base = lead(Dictionary(uniqueKeysWithValues: tco.alternatives.map { ($0.id, $0.npv) }))
        let factors = Array(Set(tco.sensitivity.map(\.factor))).sorted()
        let bars = factors.map { factor -> (String, Double, Double) in
            let values = tco.sensitivity.filter { $0.factor == factor }.map { lead($0.npv) }
            return (factor, values.min() ?? base, values.max() ?? base)
        }.sorted { ($0.2 - $0.1) > ($1.2 - $1.1) }
        let ticks = AxisTicks(from: min(0, base, bars.map(\.1).min() ?? 0), to: max(0, base, bars.map(\.2).max() ?? 0))
        let (left, right, top) = (170.0, 620.0, 8.0)
        let bottom = top + Double(bars.count) * 34 + 4
        func x(_ value: Double) -> Double { left + (right - left) * ticks.fraction(value) }
        let name = tco.alternatives.first { $0.id == reference }?.spec.name ?? reference
        var svg = SVGChart(width: 640, height: bottom + 62)
        svg.bottomAxis(
            ticks, left: left, right: right, top: top, bottom: bottom, title: "Lead of \(name) over the next cheapest (\(tco.currency))")
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * 34
            svg.text("\(bar.0) ±50%", x: left - 8, y: y + 17, anchor: .end, size: 11)
            svg.rect(
                x: x(bar.1), y: y + 4, width: x(bar.2) - x(bar.1), height: 18, fill: "#1f6feb",
                title: "\(Number.money(bar.1, currency: tco.currency)) to \(Number.money(bar.2, currency: tco.currency))")
        }
        svg.line(x1: x(base), y1: top, x2: x(base), y2: bottom, stroke: "#1f2328", width: 1.5)
        svg.line(x1: x(0), y1: top, x2: x(0), y2: bottom, stroke: "#dc2626", width: 1.5, dash: true)
        var legend = left
        legend = svg.legendEntry("range when the input moves by half", colour: "#1f6feb", x: legend, y: bottom + 54)
        legend = svg.legendEntry("as planned", colour: "#1f2328", mark: true, x: legend, y: bottom + 54)
        svg.legendEntry("break-even", colour: "#dc2626", mark: true, x: legend, y: bottom + 54)
        return svg.render(label: "Sensitivity of the cost advantage")
    }
}
