extension ReportCharts {
    /// Each shown application's tier shares across the draws: one stacked bar per application,
    /// the plan's tier first, with a legend of the tiers.
    static func tierShares(_ u: DecisionUncertainty) -> String {
        let outcomes = UncertaintySectionView.shown(u)
        let tiers = TierID.all.map(\.description) + ["saas"]
        let used = tiers.filter { tier in outcomes.contains { $0.tierProbabilities.contains { $0.tier == tier } } }
        let colour = Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, SVGChart.palette[$0 % SVGChart.palette.count]) })
        let (left, right, rowHeight) = (170.0, 620.0, 22.0)
        let bottom = 8 + Double(outcomes.count) * rowHeight
        // The legend wraps to rows of its own within the width (an entry takes 33 + 6.2 per
        // character, as `legendEntry` places them).
        var places: [(x: Double, row: Int)] = []
        var cursor = (x: left, row: 0)
        for tier in used {
            let width = 33 + Double(tier.count) * 6.2
            if cursor.x + width > 636 && cursor.x > left { cursor = (left, cursor.row + 1) }
            places.append(cursor)
            cursor.x += width
        }
        var svg = SVGChart(width: 640, height: bottom + 44 + 18 * Double((places.last?.row ?? 0) + 1))
        svg.bottomAxis(AxisTicks(from: 0, to: 100), left: left, right: right, top: 4, bottom: bottom, title: "Share of draws (%)")
        for (index, o) in outcomes.enumerated() {
            let y = 8 + Double(index) * rowHeight
            svg.text(o.application, x: left - 8, y: y + 12, anchor: .end, size: 11)
            var x = left
            let ordered = o.tierProbabilities.filter { $0.tier == o.chosen } + o.tierProbabilities.filter { $0.tier != o.chosen }
            for share in ordered {
                let width = (right - left) * share.share
                svg.rect(
                    x: x, y: y, width: width, height: 14, fill: colour[share.tier] ?? SVGChart.axisColour,
                    title: "\(o.application): \(share.tier) in \(UncertaintySectionView.percent(share.share)) of draws")
                x += width
            }
        }
        for (tier, place) in zip(used, places) {
            svg.legendEntry(tier, colour: colour[tier]!, x: place.x, y: bottom + 56 + 18 * Double(place.row))
        }
        return svg.render(label: "Share of draws choosing each tier, per application")
    }

    /// Each alternative's NPV across the draws: a bar from P10 to P90 with a mark at P50.
    static func npvSpread(_ spread: AlternativeSpread, names: [String: String], currency: String) -> String {
        // Cheapest P50 first; the axis from a round value below the lowest P10, so the bars use
        // the width.
        let rows = spread.alternatives.sorted { ($0.npv.p50, $0.id) < ($1.npv.p50, $1.id) }
        let low = rows.map(\.npv.p10).min() ?? 0
        let high = rows.map(\.npv.p90).max() ?? 1
        let ticks = AxisTicks(from: max(0, low - (high - low) * 0.1), to: high)
        let (left, right, rowHeight) = (270.0, 620.0, 22.0)
        let bottom = 8 + Double(rows.count) * rowHeight
        func label(_ id: String) -> String {
            let name = names[id] ?? id
            return name.count > 42 ? String(name.prefix(41)) + "…" : name
        }
        var svg = SVGChart(width: 640, height: bottom + 44 + 18)
        svg.bottomAxis(ticks, left: left, right: right, top: 4, bottom: bottom, title: "Net present value (\(currency))")
        func x(_ value: Double) -> Double { left + (right - left) * ticks.fraction(value) }
        for (index, a) in rows.enumerated() {
            let y = 8 + Double(index) * rowHeight
            let colour = SVGChart.palette[index % SVGChart.palette.count]
            svg.text(label(a.id), x: left - 8, y: y + 12, anchor: .end, size: 11)
            svg.rect(
                x: x(a.npv.p10), y: y + 2, width: x(a.npv.p90) - x(a.npv.p10), height: 10, fill: colour,
                title:
                    "\(names[a.id] ?? a.id): P10 \(Number.money(a.npv.p10, currency: currency)), P90 \(Number.money(a.npv.p90, currency: currency))"
            )
            svg.line(x1: x(a.npv.p50), y1: y - 1, x2: x(a.npv.p50), y2: y + 15, stroke: "#1f2328", width: 2.5)
        }
        let next = svg.legendEntry("P10 to P90 (one colour per alternative)", colour: SVGChart.palette[0], x: left, y: bottom + 56)
        svg.legendEntry("P50", colour: "#1f2328", mark: true, x: next, y: bottom + 56)
        return svg.render(label: "Net present value per alternative across the draws, P10 to P90")
    }
}
