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
    /// The prefix copy (``Int8Prefix``), when it can be trusted: `nil` when missing, damaged or of an older
    /// file, and the caller scans the full rows. Covers at most `rowCount` rows.
    public let prefix: QuantizedRows?

    /// Every copy lent: the full rows, then the prefix copy when there is one.
    public var copies: [QuantizedRows] {
        [QuantizedRows(rowCount: rowCount, layout: layout, rows: rows)] + (prefix.map { [$0] } ?? [])
    }
}

/// The mapped rows of one 8-bit copy: rows `0..<rowCount` in `layout`. For the prefix copy
/// (`vectors-<model>.p8`, the leading ``Int8Prefix/dimension`` dimensions), rows past it are for the caller
/// to score in full.
public struct QuantizedRows {
    public let rowCount: Int
    public let layout: Int8RowLayout
    /// `rowCount × layout.rowBytes` bytes.
    public let rows: UnsafeRawBufferPointer
}
