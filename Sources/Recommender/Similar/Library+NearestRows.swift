public import Library
import LinearAlgebra

extension Library {
    /// The `count` vector rows with the largest dot product with `query` (a healthy row: unit or zero),
    /// best first, and the rows found damaged on the way, which are left out (``VectorRowCheck``).
    ///
    /// Two stages when the library has its 8-bit copy (``Library/withScanViews(_:)``): ``TwoStageScan``
    /// chooses a few hundred rows from the 8-bit rows, a quarter of the bytes (on a large library, only
    /// among the best few thousand rows of a pass over the prefix copy), and one `cblas_sgemv` scores
    /// those rows exactly from the memory-mapped Float32 file; without the copy, one `cblas_sgemv` scores
    /// every row. The exact scores are then checked as before: a score that is no cosine (not finite, or
    /// beyond ±1) can only come from a damaged row, and since a damaged row can still score a plausible
    /// cosine (a row scaled by 1.5, a few flipped bits), the rows that make the result are each checked
    /// whole too.
    /// - Complexity: O(rows × dimension) for the scan (in bytes, not floats, with the copy),
    ///   O(rows log count) per top-k, O(count × dimension) per check of the hits.
    /// - Parameters:
    ///   - topical: for a Chinese query, the rule that re-scores the (healthy) hits on the topical view
    ///     while the rows are mapped (``CrossLanguageReRank``).
    ///   - plan: when the prefix pass and two threads are used (tests lower the thresholds).
    func nearestRows(
        to query: [Float], count: Int, topical: CrossLanguageReRank? = nil, plan: TwoStageScan.Plan = TwoStageScan.Plan()
    ) throws -> (hits: [ScoredIndex], damaged: Set<Int>) {
        var stale = Set<Int>()
        defer { repairQuantizedRows(stale) }
        return try withScanViews { view, quantized in
            // `scores[i]` is the exact score of row `rows?[i] ?? i`.
            var scores: [Float] = []
            let candidates = quantized.flatMap {
                TwoStageScan.candidates(query: query, quantized: $0, rowCount: view.rowCount, count: count, plan: plan)
            }
            let rows = candidates?.rows
            if let rows, let candidates, let quantized {
                // 8-bit rows that differ from their Float32 rows are rewritten (the Float32 rows are the truth).
                stale = Set(candidates.unvouched + TwoStageScan.mismatchedRows(rows, view: view, quantized: quantized))
                var block = [Float](repeating: 0, count: rows.count * view.dimension)
                block.withUnsafeMutableBufferPointer { out in
                    for (i, row) in rows.enumerated() {
                        _ = UnsafeMutableBufferPointer(rebasing: out[(i * view.dimension)..<((i + 1) * view.dimension)])
                            .initialize(from: view.row(row))
                    }
                }
                block.withUnsafeBufferPointer { block in
                    Similarity.dotProducts(rows: block, rowCount: rows.count, dimension: view.dimension, query: query, into: &scores)
                }
            } else {
                Similarity.dotProducts(rows: view.rows, rowCount: view.rowCount, dimension: view.dimension, query: query, into: &scores)
            }
            let row = { (index: Int) in rows?[index] ?? index }
            var damaged = Set<Int>()
            for index in scores.indices where !VectorRowCheck.isPossibleCosine(scores[index]) {
                damaged.insert(row(index))
                scores[index] = -.infinity
            }
            while true {
                // Candidate rows are ascending, so ties still go to the lower row, as in the full scan.
                let hits = topK(scores, k: count).filter { $0.score.isFinite }.map { ScoredIndex(index: row($0.index), score: $0.score) }
                let unhealthy = hits.filter { !view.isHealthy(row: $0.index) }
                if unhealthy.isEmpty {
                    guard let topical else { return (hits, damaged) }
                    return (topical.apply(hits, query: query, row: { Array(view.row($0)) }), damaged)
                }
                let positions = rows.map { rows in Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) }) }
                for hit in unhealthy {
                    damaged.insert(hit.index)
                    scores[positions?[hit.index] ?? hit.index] = -.infinity
                }
            }
        }
    }

    /// Re-embeds the papers of damaged rows from their stored text (``Library/repairVectorRows(_:)``);
    /// true when a row was rewritten. A library that cannot be written (read-only, busy) keeps its damaged
    /// rows, which every reader keeps leaving out: that costs the papers a place in results, never a crash.
    func repairIfPossible(_ damaged: Set<Int>) -> Bool {
        guard !damaged.isEmpty else { return false }
        return ((try? repairVectorRows(damaged)) ?? 0) > 0
    }

    /// Checks each of `rows` whole (``VectorRowCheck``), repairs the damaged ones where possible, and
    /// returns those still damaged: empty when every row can be read as written. For readers of every
    /// row, such as `export`, which must not hand on a damaged row.
    /// - Complexity: O(rows × dimension) for the check; one embedding per damaged row.
    public func repairedRows(_ rows: Set<Int>) throws -> Set<Int> {
        let damaged = try withVectors { view in rows.filter { $0 < view.rowCount && !view.isHealthy(row: $0) } }
        guard repairIfPossible(damaged) else { return damaged }
        return try withVectors { view in damaged.filter { !view.isHealthy(row: $0) } }
    }
}
