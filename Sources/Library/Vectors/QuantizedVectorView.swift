public import LinearAlgebra

/// The 8-bit rows of the vector file (``QuantizedFileHeader``), memory-mapped read-only, lent beside a
/// ``VectorView`` by ``Library/withScanViews(_:)`` only.
///
/// It covers rows `0..<rowCount`, never more than the vector view: rows the vector file has beyond it (the
/// 8-bit file lags after a crash between the two writes, or an older library) are for the caller to score
/// in Float32.
public struct QuantizedVectorView {
    public let rowCount: Int
    public let layout: Int8RowLayout
    /// `rowCount × layout.rowBytes` bytes.
    public let rows: UnsafeRawBufferPointer
}
