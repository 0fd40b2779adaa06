import Foundation

/// A seedable random number generator (xoshiro256**, seeded through SplitMix64), so that a
/// simulation with the same seed gives the same numbers on every machine. Written here
/// because the standard library's generator cannot be seeded and no project package has one.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var x = seed
        func splitmix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitmix(), splitmix(), splitmix(), splitmix())
    }

    public mutating func next() -> UInt64 {
        let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = s.3 << 45 | s.3 >> 19
        return result
    }

    /// A uniform double in [0, 1).
    @inline(__always) public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A Poisson count with mean `mean`, given `threshold` = e^−mean (Knuth's method; the
    /// means here are small, a few events a year at most).
    @inline(__always) public mutating func poisson(threshold: Double) -> Int {
        var count = 0
        var product = uniform()
        while product > threshold {
            count += 1
            product *= uniform()
        }
        return count
    }
}
