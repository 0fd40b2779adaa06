import Foundation
import Testing

@testable import NinesKit

/// The three-point range (`InputRange`): a triangle fitted to a 10th percentile, a mode and a
/// 90th percentile ("Trigen", as Palisade's @RISK defines `RiskTrigen(low, likely, high, 10, 90)`).
@Suite struct InputRangeTests {
    /// The triangle's CDF, written here from its definition (not the code's).
    static func cdf(_ x: Double, a: Double, c: Double, b: Double) -> Double {
        if x <= a { return 0 }
        if x >= b { return 1 }
        return x <= c ? (x - a) * (x - a) / ((b - a) * (c - a)) : 1 - (b - x) * (b - x) / ((b - a) * (b - c))
    }

    /// Symmetric by hand: (u − L)² = p·u·2u gives u = L/(1 − √(2p)); with L = 10, p = 0.1:
    /// u = 10/(1 − 0.4472136) = 18.0901699, so a = 1.9098301 and b = 38.0901699.
    @Test func symmetricRangeMatchesTheHandCalculation() throws {
        let range = try #require(InputRange(low: 10, likely: 20, high: 30))
        #expect(abs(range.minimum - 1.9098301) < 1e-6)
        #expect(abs(range.maximum - 38.0901699) < 1e-6)
        #expect(abs(range.mean - 20) < 1e-9)
        #expect(abs(range.cdf(10) - 0.1) < 1e-12)
        #expect(abs(range.cdf(30) - 0.9) < 1e-12)
    }

    /// Skewed ranges: the fitted triangle puts 10% below `low` and 10% above `high`, and the
    /// quantile function inverts the CDF.
    @Test(arguments: [(20_000.0, 40_000.0, 90_000.0), (1, 1, 5), (0.1, 0.5, 0.6), (1.0, 1.3, 4.0)])
    func skewedRangeKeepsItsPercentiles(low: Double, likely: Double, high: Double) throws {
        let range = try #require(InputRange(low: low, likely: likely, high: high, domain: -1e9...1e9))
        let (a, b) = (range.minimum, range.maximum)
        #expect(a <= low && b >= high)
        #expect(abs(Self.cdf(low, a: a, c: likely, b: b) - 0.1) < 1e-9)
        #expect(abs(Self.cdf(high, a: a, c: likely, b: b) - 0.9) < 1e-9)
        for q in stride(from: 0.05, through: 0.95, by: 0.05) {
            #expect(abs(Self.cdf(range.quantile(q), a: a, c: likely, b: b) - q) < 1e-9)
        }
        #expect(abs(range.mean - (a + b + likely) / 3) < 1e-6 * max(1, abs(range.mean)))
    }

    /// A money range whose triangle reaches below zero is clamped at zero; its mean is the
    /// clamped distribution's, checked against the quantile integrated over a million strata
    /// (E[X] = ∫₀¹ Q(u) du).
    @Test func clampedMeanMatchesTheIntegratedQuantile() throws {
        let range = try #require(InputRange(low: 20_000, likely: 40_000, high: 90_000))
        #expect(range.minimum < 0)
        #expect(range.quantile(0.001) == 0)
        let n = 1_000_000
        let integral = (0..<n).reduce(0.0) { $0 + range.quantile((Double($1) + 0.5) / Double(n)) } / Double(n)
        #expect(abs(range.mean - integral) < 0.01)
        let fraction = try #require(InputRange(low: 0.5, likely: 0.9, high: 1, domain: 0...1))
        let clamped = (0..<n).reduce(0.0) { $0 + fraction.quantile((Double($1) + 0.5) / Double(n)) } / Double(n)
        #expect(fraction.maximum > 1)
        #expect(abs(fraction.mean - clamped) < 1e-6)
    }

    @Test func refusesDisorderedOrNonFiniteRanges() {
        #expect(InputRange(low: 3, likely: 2, high: 4) == nil)
        #expect(InputRange(low: 1, likely: 2, high: .infinity) == nil)
        #expect(InputRange(low: -1, likely: 2, high: 3) == nil)
        #expect(InputRange(low: 5, likely: 5, high: 5)?.isPoint == true)
    }
}
