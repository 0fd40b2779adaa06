import Foundation

/// An estimate given as a range, `{low: 20000, likely: 40000, high: 90000}`: `low` and `high`
/// are the 10th and 90th percentiles and `likely` the most likely value (the mode) of a
/// triangular distribution fitted to them — the "Trigen" form of Palisade's @RISK
/// (`RiskTrigen(low, likely, high, 10, 90)`), whose minimum `a` and maximum `b` lie beyond the
/// percentiles the consultant gave. Values outside the input's domain (a revenue below 0, a
/// fraction above 1) are clamped to it, so the distribution keeps a point mass at the bound
/// (docs/MODEL.md §12).
public struct InputRange: Hashable, Sendable {
    /// The 10th percentile, the mode and the 90th percentile, as given.
    public var low, likely, high: Double
    /// The fitted triangle's minimum and maximum (`a ≤ low`, `b ≥ high`).
    public private(set) var minimum, maximum: Double
    /// The values the input can take (e.g. 0…∞ for money, 0…1 for a fraction).
    public var domain: ClosedRange<Double>

    /// The percentile `low` and `high` stand for.
    public static let tail = 0.1

    /// Fits the triangle; nil unless `low ≤ likely ≤ high`, all finite and inside `domain`.
    public init?(low: Double, likely: Double, high: Double, domain: ClosedRange<Double> = 0...Double.greatestFiniteMagnitude) {
        guard [low, likely, high].allSatisfy(\.isFinite), low <= likely, likely <= high,
            domain.contains(low), domain.contains(high)
        else { return nil }
        self.low = low
        self.likely = likely
        self.high = high
        self.domain = domain
        (minimum, maximum) = Self.fit(low: low, likely: likely, high: high)
    }

    /// Whether the range is a single value (`low = likely = high`).
    public var isPoint: Bool { low == high }

    /// The triangle's minimum and maximum with `F(low) = 0.1` and `F(high) = 0.9`.
    ///
    /// With u = likely − a, v = b − likely, L = likely − low, H = high − likely and p = 0.1,
    /// the two conditions are (u − L)² = p·u·(u + v) and (v − H)² = p·v·(u + v); each is a
    /// quadratic in one unknown given the other, solved alternately (written by hand: a
    /// two-unknown fixed point has no library here). Each step moves the other unknown by
    /// about p/(2(1 − p)) ≈ 0.06 of its own change, so 60 steps reach machine precision.
    /// Symmetric check: L = H gives u = v = L/(1 − √(2p)) = 1.809·L.
    static func fit(low: Double, likely: Double, high: Double) -> (Double, Double) {
        let p = tail
        let l = likely - low
        let h = high - likely
        guard l + h > 0 else { return (likely, likely) }
        func root(_ side: Double, _ other: Double) -> Double {
            let b = 2 * side + p * other
            return (b + (b * b - 4 * (1 - p) * side * side).squareRoot()) / (2 * (1 - p))
        }
        var u = l
        var v = h
        for _ in 0..<60 {
            u = root(l, v)
            v = root(h, u)
        }
        return (likely - u, likely + v)
    }

    /// The unclamped triangle's cumulative probability at `x`.
    func triangleCDF(_ x: Double) -> Double {
        let (a, b, c) = (minimum, maximum, likely)
        if x <= a { return 0 }
        if x >= b { return 1 }
        if x <= c { return (x - a) * (x - a) / ((b - a) * (c - a)) }
        return 1 - (b - x) * (b - x) / ((b - a) * (b - c))
    }

    /// P(X ≤ x) of the clamped distribution.
    public func cdf(_ x: Double) -> Double {
        guard !isPoint else { return x >= likely ? 1 : 0 }
        if x < domain.lowerBound { return 0 }
        if x >= domain.upperBound { return 1 }
        return triangleCDF(x)
    }

    /// The value at cumulative probability `q` (0…1): the inverse of the triangle's CDF,
    /// clamped to the domain (how a uniform draw becomes a sample).
    public func quantile(_ q: Double) -> Double {
        guard !isPoint else { return likely }
        let (a, b, c) = (minimum, maximum, likely)
        let split = (c - a) / (b - a)
        let x = q <= split ? a + (q * (b - a) * (c - a)).squareRoot() : b - ((1 - q) * (b - a) * (b - c)).squareRoot()
        return min(max(x, domain.lowerBound), domain.upperBound)
    }

    /// The clamped distribution's mean: the triangle's (a + b + likely)/3, plus what clamping
    /// adds at the bottom, ∫ₐ^lo F(x) dx = (lo − a)³/(3(b − a)(c − a)), less what it takes at the
    /// top, ∫_hi^b (1 − F(x)) dx = (b − hi)³/(3(b − a)(b − c)). The plan uses it in place of the
    /// range: the expected cost is linear in each input, so the mean gives the expected cost.
    public var mean: Double {
        guard !isPoint else { return likely }
        let (a, b, c) = (minimum, maximum, likely)
        var mean = (a + b + c) / 3
        let lo = domain.lowerBound
        let hi = domain.upperBound
        if a < lo { mean += pow(lo - a, 3) / (3 * (b - a) * (c - a)) }
        if b > hi { mean -= pow(b - hi, 3) / (3 * (b - a) * (b - c)) }
        return mean
    }
}
