/// A query made ready for ``Int8Scan``: its values rounded to 16-bit integers on one scale, padded with
/// zeros to the layout's padded dimension.
///
/// Why 16 bits and not 8: the kernel multiplies 16-bit pairs either way (`pmaddwd`), so the finer query
/// costs nothing and leaves the rows' 8-bit rounding as the only real error.
public struct Int8ScanQuery: Sendable {
    /// `paddedDimension` values.
    public let values: [Int16]
    /// The approximate score of a row is `Float(sum of value × byte) × rowScale × inverseScale`.
    public let inverseScale: Float

    /// The largest query level that keeps every sum of `paddedDimension` products with bytes of magnitude
    /// ≤ 127 inside `Int32` (32,767 for dimensions up to 516).
    public static func levels(paddedDimension: Int) -> Int {
        min(Int(Int16.max), Int(Int32.max) / (Int(Int8RowLayout.maxMagnitude) * max(paddedDimension, 1)))
    }

    /// `nil` when `query` has a value that is not finite (no row can be compared with it).
    public init?(_ query: [Float], layout: Int8RowLayout) {
        precondition(query.count == layout.dimension, "Int8ScanQuery: \(query.count) values for dimension \(layout.dimension)")
        guard query.allSatisfy(\.isFinite) else { return nil }
        let largest = query.reduce(Float(0)) { max($0, abs($1)) }
        let levels = Float(Self.levels(paddedDimension: layout.paddedDimension))
        let scale = largest > 0 ? levels / largest : 0
        var values = [Int16](repeating: 0, count: layout.paddedDimension)
        for (j, value) in query.enumerated() {
            values[j] = Int16(min(max((value * scale).rounded(), -levels), levels))
        }
        self.values = values
        inverseScale = scale > 0 ? 1 / scale : 0
    }
}
