/// Exact Float16 → Float widening in plain integer and float arithmetic.
///
/// `Float(Float16(bitPattern:))` becomes a library call per value on x86-64 without F16C (Swift's default
/// target), too slow for the 256-wide row additions of the dense view. Moving the half's sign, exponent and
/// mantissa into a Float's bit positions and multiplying by 2^112 (the exponent-bias difference, 127 − 15)
/// gives the same value for every finite half, subnormals included, and the loop vectorises.
enum HalfFloat {
    /// 2^112.
    static let biasAdjustment = Float(bitPattern: UInt32(127 + 112) << 23)

    /// The Float value of a finite Float16 bit pattern (identical to `Float(Float16(bitPattern: bits))`).
    @inline(__always)
    static func widen(_ bits: UInt16) -> Float {
        scaledDown(bits) * biasAdjustment
    }

    /// The half's value × 2^-112, exactly: its sign, exponent and mantissa moved into a Float's bit positions
    /// (a half's value times 2^-112 is always a Float, subnormal for subnormal halves).
    ///
    /// Why: `(w × 2^112) × scaledDown(h)` and `w × widen(h)` are the same real number rounded once, so they
    /// are equal bit for bit (2^112 × w is exact for |w| < 2^16), and the dense view's inner loop saves the
    /// multiplication by 2^112 and the separate sign. Sign-extending the 16 bits puts the sign in bit 31
    /// (and in bits 28–30, which the mask clears) after the shift by 13.
    @inline(__always)
    static func scaledDown(_ bits: UInt16) -> Float {
        Float(bitPattern: UInt32(bitPattern: Int32(Int16(bitPattern: bits)) &<< 13) & signExponentMantissa)
    }

    /// ``scaledDown(_:)-(UInt16)`` of eight halves at once (the compiler keeps it in vector registers).
    @inline(__always)
    static func scaledDown(_ bits: SIMD8<UInt16>) -> SIMD8<Float> {
        let shifted = SIMD8<Int32>(truncatingIfNeeded: SIMD8<Int16>(truncatingIfNeeded: bits)) &<< 13
        return unsafeBitCast(shifted & Int32(bitPattern: signExponentMantissa), to: SIMD8<Float>.self)
    }

    /// `bits` widened (``widen(_:)``, bit for bit), when every one is a finite half greater than zero; `nil`
    /// otherwise. Eight at a time: a model's idf is 2^20 halves, widened and checked at every load, and the
    /// element-wise `map` and `allSatisfy` it replaces were 2 % of a cold `similar` (perf, session 10).
    ///
    /// The finite halves above zero are exactly the bit patterns 0x0001 through 0x7BFF (0x7C00 is +∞, above
    /// it NaN, from 0x8000 the sign): read as `Int16`, 1 through 31,743. So the check is a running minimum
    /// and maximum, which stay in vector registers (`pminsw`, `pmaxsw`).
    static func widenIfPositive(_ bits: [UInt16]) -> [Float]? {
        var lowest = SIMD8<Int16>(repeating: 1)
        var highest = SIMD8<Int16>(repeating: 1)
        let widened = [Float](unsafeUninitializedCapacity: bits.count) { out, initialized in
            bits.withUnsafeBytes { source in
                guard let from = source.baseAddress, let to = out.baseAddress.map(UnsafeMutableRawPointer.init) else { return }
                var i = 0
                while i + 8 <= bits.count {
                    let half = from.loadUnaligned(fromByteOffset: 2 &* i, as: SIMD8<UInt16>.self)
                    let signed = SIMD8<Int16>(truncatingIfNeeded: half)
                    lowest = pointwiseMin(lowest, signed)
                    highest = pointwiseMax(highest, signed)
                    to.storeBytes(of: scaledDown(half) * biasAdjustment, toByteOffset: 4 &* i, as: SIMD8<Float>.self)
                    i &+= 8
                }
                while i < bits.count {
                    let signed = SIMD8<Int16>(repeating: Int16(bitPattern: bits[i]))
                    lowest = pointwiseMin(lowest, signed)
                    highest = pointwiseMax(highest, signed)
                    out[i] = widen(bits[i])
                    i &+= 1
                }
            }
            initialized = bits.count
        }
        return lowest.min() >= 1 && highest.max() <= largestFinitePositive ? widened : nil
    }

    /// 0x7BFF, the largest finite half, as `Int16`.
    private static let largestFinitePositive: Int16 = 0x7bff

    /// Bit 31 (the sign) and bits 13–27 (a half's exponent and mantissa once shifted by 13).
    private static let signExponentMantissa: UInt32 = 0x8fff_e000
}
