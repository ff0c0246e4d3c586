import Foundation

/// A seeded pseudo-random generator whose stream is fixed by this file alone: xoshiro256** (Blackman and
/// Vigna) with its state expanded from the seed by SplitMix64.
///
/// Swift's `SystemRandomNumberGenerator` cannot be seeded and the standard library promises no stable
/// algorithm, so anything that must be reproducible across runs and platforms (the random block of
/// `truncatedSVD`, test data) draws from this generator.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose whole stream is determined by `seed`.
    public init(seed: UInt64) {
        var splitMix = SplitMix64(seed: seed)
        state = (splitMix.next(), splitMix.next(), splitMix.next(), splitMix.next())
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform value in `[0, 1)` with 53 random bits.
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Two independent standard normal values (Box–Muller transform).
    ///
    /// The integer stream is platform-independent; the values go through `log`, `cos` and `sin`, whose last
    /// bit may differ between C libraries, which rounding to `Float` almost always hides.
    public mutating func nextGaussianPair() -> (Double, Double) {
        let u1 = Double((next() >> 11) + 1) * 0x1p-53  // (0, 1]: log stays finite
        let u2 = nextUnitInterval()
        let radius = (-2 * log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        return (radius * cos(angle), radius * sin(angle))
    }

    /// `count` standard normal values as `Float`.
    public mutating func gaussianFloats(count: Int) -> [Float] {
        var values = [Float]()
        values.reserveCapacity(count + 1)
        while values.count < count {
            let (a, b) = nextGaussianPair()
            values.append(Float(a))
            values.append(Float(b))
        }
        values.removeLast(values.count - count)
        return values
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// SplitMix64 (Steele, Lea and Flood): one 64-bit word of state, the same sequence for a seed on every
/// platform. It expands ``SeededGenerator``'s seed, and the library's random samples (weak negatives, the
/// learned bar's noise sample) draw from it directly, so their streams — and every figure `evaluate` has
/// logged — stay what they were when those samples were measured.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
