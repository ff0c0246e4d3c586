/// The little-endian unsigned fields of the vector files' headers (``VectorFileHeader``,
/// ``QuantizedFileHeader``): one encoding for both, so the two files can never disagree on byte order.
enum HeaderFields {
    /// Writes the low `count` bytes of `value` at `offset`, least significant first.
    static func put(_ value: UInt64, bytes count: Int, at offset: Int, in bytes: inout [UInt8]) {
        for i in 0..<count { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
    }

    /// The `count`-byte little-endian field at `offset`.
    static func get(_ bytes: [UInt8], bytes count: Int, at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<count { value |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        return value
    }
}
