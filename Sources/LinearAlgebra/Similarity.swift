import CBLAS

/// Similarity of queries against every row of a row-major block of vectors, such as a memory-mapped vector
/// file, without copying the rows into a `Matrix`.
///
/// With L2-normalised rows and queries the dot products are cosine similarities.
public enum Similarity {
    /// `scores[i] = <row i, query>` for the first `rowCount * dimension` elements of `rows`, read as a
    /// `rowCount`×`dimension` row-major matrix.
    ///
    /// `scores` is resized to `rowCount` only when its length differs, so a caller scanning the same library
    /// repeatedly reuses one buffer and pays for nothing but the pass over the rows.
    ///
    /// The corresponding BLAS routine is `cblas_sgemv` (row-major, no transpose).
    ///
    /// - Complexity: O(rowCount · dimension), one pass over the rows.
    public static func dotProducts(
        rows: UnsafeBufferPointer<Float>, rowCount: Int, dimension: Int, query: [Float], into scores: inout [Float]
    ) {
        precondition(rowCount >= 0 && dimension >= 0, "Similarity.dotProducts: negative shape \(rowCount)×\(dimension)")
        precondition(
            rows.count >= rowCount * dimension,
            "Similarity.dotProducts: \(rows.count) elements cannot hold \(rowCount) rows of \(dimension)")
        precondition(
            query.count == dimension,
            "Similarity.dotProducts: query has \(query.count) elements, rows have \(dimension)")
        if scores.count != rowCount { scores = [Float](repeating: 0, count: rowCount) }
        guard rowCount > 0 else { return }
        guard dimension > 0 else {
            for i in scores.indices { scores[i] = 0 }
            return
        }
        query.withUnsafeBufferPointer { x in
            scores.withUnsafeMutableBufferPointer { y in
                cblas_sgemv(
                    CblasRowMajor, CblasNoTrans, Int32(rowCount), Int32(dimension), 1,
                    rows.baseAddress, Int32(dimension), x.baseAddress, 1, 0, y.baseAddress, 1)
            }
        }
    }

    /// All dot products of the first `rowCount` rows with the rows of `queries` (`q`×`dimension`): a
    /// `rowCount`×`q` matrix whose column `j` holds the scores of query `j`.
    ///
    /// The corresponding BLAS routine is `cblas_sgemm` (row-major, queries transposed).
    ///
    /// - Complexity: O(rowCount · dimension · q), one pass over the rows.
    public static func dotProducts(
        rows: UnsafeBufferPointer<Float>, rowCount: Int, dimension: Int, queries: Matrix
    ) -> Matrix {
        precondition(rowCount >= 0 && dimension >= 0, "Similarity.dotProducts: negative shape \(rowCount)×\(dimension)")
        precondition(
            rows.count >= rowCount * dimension,
            "Similarity.dotProducts: \(rows.count) elements cannot hold \(rowCount) rows of \(dimension)")
        precondition(
            queries.columns == dimension,
            "Similarity.dotProducts: queries have \(queries.columns) columns, rows have \(dimension)")
        var result = Matrix(rows: rowCount, columns: queries.rows)
        guard rowCount > 0, queries.rows > 0, dimension > 0 else { return result }
        queries.withUnsafeBufferPointer { b in
            result.withUnsafeMutableBufferPointer { c in
                cblas_sgemm(
                    CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rowCount), Int32(queries.rows), Int32(dimension), 1,
                    rows.baseAddress, Int32(dimension), b.baseAddress, Int32(dimension),
                    0, c.baseAddress, Int32(queries.rows))
            }
        }
        return result
    }
}
