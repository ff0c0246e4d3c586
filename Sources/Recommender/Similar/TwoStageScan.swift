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
    /// Measured with `scan-bench` on the corpus embedded by the shipped model, repeated to 1 M rows with
    /// seeded noise, 299 real queries (Benchmarks/README.md, "Scan run"): recall@10 and recall@100 of the two
    /// stages against exact Float32 reach 1.0000 from +128; +512 is four times that margin for larger
    /// libraries, and re-scores ~630 gathered rows with one `cblas_sgemv`.
    static let extraCandidates = 512

    /// Libraries from this many rows on are scanned as two halves on two threads. Below it the pass takes a
    /// few milliseconds at most, and on the loaded 2-core machine of the scan run two threads were no faster
    /// than one at 40 k rows (waking a second thread costs more than it saves); at 1 M they were 1.4× faster.
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
