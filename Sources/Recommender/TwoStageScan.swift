import Library
import LinearAlgebra

/// The first stage of a whole-library dense scan: an 8-bit pass (``Int8Scan``) over the library's
/// ``QuantizedVectorView`` that chooses the rows the second stage scores exactly in Float32.
///
/// The result of the two stages is the exact Float32 top-k whenever the exact top-k rows are among the
/// chosen rows: every chosen row is re-scored exactly, and rows the 8-bit pass cannot vouch for are always
/// chosen (rows past the 8-bit copy, rows whose 8-bit score is NaN or no possible cosine).
enum TwoStageScan {
    /// Rows kept by the 8-bit pass beyond the `count` the caller asks for.
    ///
    /// Measured on the real corpus embedded by the shipped model (Benchmarks/README.md, "Two-stage scan"):
    /// recall@10 and recall@100 of the two stages against exact Float32 reach 1.000 with a few hundred
    /// candidates, and re-scoring 512 rows costs well under a millisecond.
    static let extraCandidates = 512

    /// Libraries from this many rows on are scanned as two halves on two threads: below it a thread's start
    /// (tens of µs) is a noticeable part of the pass (about 25 µs per 1,000 rows on one core).
    static let parallelRows = 100_000

    /// What the first pass chose.
    struct Candidates: Equatable {
        /// The rows to score exactly, ascending.
        var rows: [Int]
        /// Those of them whose 8-bit score is NaN or no possible cosine: a damaged 8-bit row (or the 8-bit
        /// form of a damaged Float32 row), to be rewritten.
        var unvouched: [Int]
    }

    /// The rows to score exactly: the best `count + extraCandidates` rows of the 8-bit pass, the rows it
    /// cannot score, and every vector row past the 8-bit copy (`quantized.rowCount..<rowCount`).
    /// `nil` when the query cannot be quantised (a value that is not finite): scan everything exactly.
    /// - Parameter parallelFrom: the row count from which two threads share the pass (``parallelRows``).
    static func candidates(
        query: [Float], quantized: QuantizedVectorView, rowCount: Int, count: Int, parallelFrom: Int = parallelRows
    ) -> Candidates? {
        guard let levels = Int8ScanQuery(query, layout: quantized.layout) else { return nil }
        let pass = Int8FirstPass.run(
            rows: quantized.rows, layout: quantized.layout, rowCount: quantized.rowCount, query: levels,
            keep: count + extraCandidates, threads: quantized.rowCount >= parallelFrom ? 2 : 1)
        let tail = quantized.rowCount..<max(rowCount, quantized.rowCount)
        return Candidates(rows: Array(Set(pass.best + pass.unvouched)).sorted() + Array(tail), unvouched: pass.unvouched)
    }

    /// Those of `rows` (below `quantized.rowCount`) whose 8-bit form differs from what their healthy Float32
    /// row quantises to: damage in the 8-bit copy that the first pass could not see (a few flipped bytes
    /// give a plausible score). Checking only the chosen rows costs a few hundred quantisations.
    static func mismatchedRows(_ rows: [Int], view: VectorView, quantized: QuantizedVectorView) -> [Int] {
        let layout = quantized.layout
        var fresh = [UInt8](repeating: 0, count: layout.rowBytes)
        return rows.filter { row in
            guard row < quantized.rowCount, view.isHealthy(row: row) else { return false }
            fresh.withUnsafeMutableBytes { layout.quantize(view.row(row), into: $0) }
            let stored = UnsafeRawBufferPointer(rebasing: quantized.rows[(row * layout.rowBytes)..<((row + 1) * layout.rowBytes)])
            return !stored.elementsEqual(fresh)
        }
    }
}
