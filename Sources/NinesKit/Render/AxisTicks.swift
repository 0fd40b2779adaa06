import Foundation

/// Round tick values for a chart axis: a step of 1, 2 or 5 times a power of ten (the "nice
/// numbers" of Heckbert, Graphics Gems, 1990), from a multiple of the step at or below the
/// smallest value to one at or above the largest. A reader checks a bar against "1 M, 2 M, 3 M",
/// never against "1.04M, 2.07M, 3.11M".
struct AxisTicks: Equatable {
    /// Tick values, ascending; the first and last are the axis' ends.
    let values: [Double]
    /// Distance between two ticks.
    let step: Double

    var lower: Double { values.first ?? 0 }
    var upper: Double { values.last ?? 1 }

    /// Ticks covering `lower...upper` in about `count` steps (never fewer than 2 ticks). An empty
    /// range (`lower == upper`) is widened to include zero, or to one unit when both are zero.
    init(from lower: Double, to upper: Double, count: Int = 5) {
        var (low, high) = (min(lower, upper), max(lower, upper))
        if !low.isFinite || !high.isFinite { (low, high) = (0, 1) }
        if low == high { (low, high) = low == 0 ? (0, 1) : (min(0, low), max(0, high)) }
        let raw = (high - low) / Double(max(count, 1))
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let residual = raw / magnitude
        let factor: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10
        let step = factor * magnitude
        let first = (low / step).rounded(.down)
        let last = (high / step).rounded(.up)
        // Each tick computed from its index (no accumulated error), then rounded to the step's
        // precision so 0.1 + 0.2 prints as 0.3.
        let places = max(0, -Int((log10(step)).rounded(.down)))
        let scale = pow(10, Double(places))
        values = stride(from: first, through: last, by: 1).map { (($0 * step) * scale).rounded() / scale }
        self.step = step
    }

    /// Where `value` falls between the axis' ends, 0 at `lower` and 1 at `upper`.
    func fraction(_ value: Double) -> Double {
        upper == lower ? 0 : (value - lower) / (upper - lower)
    }

    /// A tick's label in the axis' unit: `0`, `500 k`, `1.5 M`, `20`, `0.25`. The unit (k, M, bn)
    /// is chosen from the largest tick and the decimals from the step, so every label has as
    /// many decimals as the step needs and no more.
    func label(_ value: Double) -> String {
        let largest = max(abs(lower), abs(upper))
        let (divisor, unit): (Double, String) =
            largest >= 1e9 ? (1e9, " bn") : largest >= 1e6 ? (1e6, " M") : largest >= 1e4 ? (1e3, " k") : (1, "")
        if value == 0 { return "0" }
        let scaledStep = step / divisor
        let places = max(0, -Int((log10(scaledStep)).rounded(.down)))
        return Number.grouped(value / divisor, fraction: places) + unit
    }
}
