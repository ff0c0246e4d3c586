import Library
import LinearAlgebra

extension Library {
    /// The `count` vector rows with the largest dot product with `query` (a healthy row: unit or zero),
    /// best first, and the rows found damaged on the way, which are left out (``VectorRowCheck``).
    ///
    /// One `cblas_sgemv` over the memory-mapped file computes every score; a score that is no cosine
    /// (not finite, or beyond ±1) can only come from a damaged row, so checking them costs one pass over
    /// the scores, not over the rows. A damaged row can still score a plausible cosine (a row scaled by
    /// 1.5, a few flipped bits), so the rows that make the result are each checked whole too.
    /// - Complexity: O(rows × dimension) for the scan, O(rows log count) per top-k, O(count × dimension)
    ///   per check of the hits.
    /// - Parameter topical: for a Chinese query, the rule that re-scores the (healthy) hits on the topical
    ///   view while the rows are mapped (``CrossLanguageReRank``).
    func nearestRows(
        to query: [Float], count: Int, topical: CrossLanguageReRank? = nil
    ) throws -> (hits: [ScoredIndex], damaged: Set<Int>) {
        try withVectors { view in
            var scores: [Float] = []
            Similarity.dotProducts(rows: view.rows, rowCount: view.rowCount, dimension: view.dimension, query: query, into: &scores)
            var damaged = Set<Int>()
            for index in scores.indices where !VectorRowCheck.isPossibleCosine(scores[index]) {
                damaged.insert(index)
                scores[index] = -.infinity
            }
            while true {
                let hits = topK(scores, k: count).filter { $0.score.isFinite }
                let unhealthy = hits.filter { !view.isHealthy(row: $0.index) }
                if unhealthy.isEmpty {
                    guard let topical else { return (hits, damaged) }
                    return (topical.apply(hits, query: query, row: { Array(view.row($0)) }), damaged)
                }
                for hit in unhealthy {
                    damaged.insert(hit.index)
                    scores[hit.index] = -.infinity
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
