extension SVGChart {
    static let gridColour = "#d0d7de"
    static let axisColour = "#59636e"

    /// A value axis along the bottom of a plot between `left` and `right`: a light grid line up
    /// to `top` at every tick, the tick labels under `bottom`, and `title` centred below them.
    mutating func bottomAxis(_ ticks: AxisTicks, left: Double, right: Double, top: Double, bottom: Double, title: String) {
        for value in ticks.values {
            let x = left + (right - left) * ticks.fraction(value)
            line(x1: x, y1: top, x2: x, y2: bottom, stroke: Self.gridColour, dash: value != 0)
            text(ticks.label(value), x: x, y: bottom + 14, anchor: .middle, size: 10, fill: Self.axisColour)
        }
        line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: Self.axisColour)
        text(title, x: (left + right) / 2, y: bottom + 32, anchor: .middle, size: 11, fill: Self.axisColour)
    }

    /// A value axis up the left of a plot between `bottom` and `top`: a light grid line across to
    /// `right` at every tick, the tick labels left of `left`, and `title` above the axis.
    mutating func leftAxis(_ ticks: AxisTicks, left: Double, right: Double, top: Double, bottom: Double, title: String) {
        for value in ticks.values {
            let y = bottom - (bottom - top) * ticks.fraction(value)
            line(x1: left, y1: y, x2: right, y2: y, stroke: Self.gridColour, dash: value != 0)
            text(ticks.label(value), x: left - 6, y: y + 4, anchor: .end, size: 10, fill: Self.axisColour)
        }
        line(x1: left, y1: top, x2: left, y2: bottom, stroke: Self.axisColour)
        text(title, x: left - 6, y: top - 10, anchor: .start, size: 11, fill: Self.axisColour)
    }

    /// One legend entry at (`x`, `y`): a swatch (a filled box, or a short upright line for a
    /// mark) and its label. Returns the x where the next entry may start.
    @discardableResult
    mutating func legendEntry(_ label: String, colour: String, mark: Bool = false, x: Double, y: Double) -> Double {
        if mark {
            line(x1: x + 6, y1: y - 11, x2: x + 6, y2: y + 1, stroke: colour, width: 2.5)
        } else {
            rect(x: x, y: y - 10, width: 12, height: 10, fill: colour)
        }
        text(label, x: x + 17, y: y, size: 11)
        return x + 17 + Double(label.count) * 6.2 + 16
    }
}
