/// Exact Float16 → Float widening in plain integer and float arithmetic.
///
/// `Float(Float16(bitPattern:))` becomes a library call per value on x86-64 without F16C (Swift's default
/// target), too slow for the 256-wide row additions of the dense view. Moving the half's exponent and
/// mantissa into a Float's bit positions and multiplying by 2^112 (the exponent-bias difference, 127 − 15)
/// gives the same value for every finite half, subnormals included, and the loop vectorises.
enum HalfFloat {
    /// 2^112.
    private static let biasAdjustment = Float(bitPattern: UInt32(127 + 112) << 23)

    /// The Float value of a finite Float16 bit pattern (identical to `Float(Float16(bitPattern: bits))`).
    @inline(__always)
    static func widen(_ bits: UInt16) -> Float {
        let magnitude = Float(bitPattern: UInt32(bits & 0x7fff) << 13) * biasAdjustment
        return Float(bitPattern: magnitude.bitPattern | UInt32(bits & 0x8000) << 16)
    }
}
