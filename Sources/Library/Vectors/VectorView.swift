/// The vector file's rows as a read-only, memory-mapped matrix, lent inside
/// ``Library/withVectors(_:)`` only: the memory is unmapped when the closure returns, so neither
/// the view nor a pointer from it may escape.
///
/// Row `r` is the vector of the paper whose `vectorRow` is `r`. Rows of papers whose text has
/// since changed stay in the file until ``Library/reindex(progress:)`` compacts it; no paper points
/// to them (``Library/allVectorIDs()`` has `nil` there).
public struct VectorView {
    /// Rows the database references (`max(vector_row) + 1`).
    public let rowCount: Int
    /// Floats per row.
    public let dimension: Int
    /// `rowCount × dimension` Floats, row-major, ready for `cblas_sgemv`.
    public let rows: UnsafeBufferPointer<Float>
    /// The file's generation (``VectorFileHeader/generation``): the 8-bit copy must be of the same one.
    let generation: Int64

    init(rowCount: Int, dimension: Int, rows: UnsafeBufferPointer<Float>, generation: Int64 = 0) {
        self.rowCount = rowCount
        self.dimension = dimension
        self.rows = rows
        self.generation = generation
    }

    /// The floats of row `r`.
    /// - Complexity: O(1); no copy.
    public func row(_ r: Int) -> UnsafeBufferPointer<Float> {
        precondition(r >= 0 && r < rowCount, "vector row \(r) out of 0..<\(rowCount)")
        return UnsafeBufferPointer(rebasing: rows[(r * dimension)..<((r + 1) * dimension)])
    }
}
