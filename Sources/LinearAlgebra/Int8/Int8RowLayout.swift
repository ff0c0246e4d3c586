/// How one vector row is stored in 8 bits: `paddedDimension` signed bytes, then the row's scale (Float32,
/// little-endian). Value `j` of the row is about `Float(byte[j]) × scale`.
///
/// Why a scale per row: rows are only ever appended, so a per-row scale never has to be re-fitted when the
/// library grows (a per-dimension scale would, or would clip new rows). The scale maps the row's largest
/// magnitude onto ±127, which bounds each value's rounding error by `scale / 2`.
///
/// The bytes are padded with zeros to a multiple of ``chunk`` so the scan reads whole SIMD chunks.
public struct Int8RowLayout: Equatable, Sendable {
    /// Bytes the scan kernel reads at a time.
    public static let chunk = 16
    /// The largest stored magnitude.
    public static let maxMagnitude: Float = 127

    public let dimension: Int
    /// `dimension` rounded up to a multiple of ``chunk``.
    public let paddedDimension: Int
    /// Bytes per row: the values, then the scale.
    public var rowBytes: Int { paddedDimension + MemoryLayout<Float>.size }
    /// Byte offset of the scale inside a row.
    public var scaleOffset: Int { paddedDimension }

    public init(dimension: Int) {
        precondition(dimension >= 1, "Int8RowLayout: dimension \(dimension)")
        self.dimension = dimension
        paddedDimension = (dimension + Self.chunk - 1) / Self.chunk * Self.chunk
    }

    /// Writes the 8-bit form of `row` (`dimension` floats) into `out` (`rowBytes` bytes).
    ///
    /// A row with a value that is not finite cannot be scaled; it is stored with scale NaN, which the scan
    /// reads as "score this row exactly" (the exact score then finds the row damaged). A zero row gets
    /// scale 0 and scores 0, as its Float32 form does.
    public func quantize(_ row: UnsafeBufferPointer<Float>, into out: UnsafeMutableRawBufferPointer) {
        precondition(row.count == dimension && out.count >= rowBytes, "Int8RowLayout.quantize: shape")
        var largest: Float = 0
        var finite = true
        for value in row {
            finite = finite && value.isFinite
            largest = max(largest, abs(value))
        }
        for j in 0..<paddedDimension { out[j] = 0 }
        guard finite else {
            out.storeBytes(of: Float.nan.bitPattern.littleEndian, toByteOffset: scaleOffset, as: UInt32.self)
            return
        }
        let scale = largest / Self.maxMagnitude
        if scale > 0 {
            for (j, value) in row.enumerated() {
                // |value / scale| <= 127 by the choice of scale; rounding keeps it there.
                let level = min(max((value / scale).rounded(), -Self.maxMagnitude), Self.maxMagnitude)
                out[j] = UInt8(bitPattern: Int8(level))
            }
        }
        out.storeBytes(of: scale.bitPattern.littleEndian, toByteOffset: scaleOffset, as: UInt32.self)
    }

    /// The scale stored in the row at `row`.
    @inline(__always)
    public func scale(of row: UnsafeRawPointer) -> Float {
        Float(bitPattern: UInt32(littleEndian: row.loadUnaligned(fromByteOffset: scaleOffset, as: UInt32.self)))
    }

    /// The row at `row` decoded back to `dimension` floats (for checks and tests).
    public func dequantize(_ row: UnsafeRawPointer) -> [Float] {
        let scale = scale(of: row)
        return (0..<dimension).map { Float(row.load(fromByteOffset: $0, as: Int8.self)) * scale }
    }

    /// How far an approximate score of a unit row with a unit query can be from the exact one:
    /// each value is off by at most `scale / 2 <= 1 / 254` (a unit row's largest value is at most 1), and
    /// the query's 16-bit rounding adds at most `√dimension / (2 × Int8ScanQuery.levels)`; by Cauchy–Schwarz
    /// over the `dimension` terms the score moves by at most √dimension times that.
    public var scoreErrorBound: Float {
        let root = Float(dimension).squareRoot()
        return root / (2 * Self.maxMagnitude) + root / (2 * Float(Int8ScanQuery.levels(paddedDimension: paddedDimension)))
    }
}
