import LinearAlgebra
public import Recommender

/// The similar-papers task: for seeded random query papers, the top 10 neighbours over all evaluated
/// papers on the dense view (the query excluded), and `P@10_primary` — the share of those neighbours
/// whose primary category equals the query's.
///
/// Scores are those of `arxrec similar` (dot products of L2-normalised dense rows), computed for a
/// block of queries at once with one `cblas_sgemm` instead of one `cblas_sgemv` per query; with
/// ``SimilarReRank`` the top `depth` are re-scored with the sparse view, as `similar` does.
public struct SimilarTask: Sendable {
    /// How many seeded random papers ask (the protocol's 1,000; more, up to every paper, narrow the noise).
    public var queries = 1_000
    public var k = 10
    public var reRank: SimilarReRank

    public init(reRank: SimilarReRank = .standard) {
        self.reRank = reRank
    }

    /// The mean P@k of ``sameCategoryHits(dense:sparse:categories:seed:)``'s counts (0 without queries).
    func precision(of hits: [(query: Int, same: Int)]) -> Double {
        hits.isEmpty ? 0 : hits.reduce(0.0) { $0 + Double($1.same) / Double(k) } / Double(hits.count)
    }

    /// For each query, in the seeded draw's order: its row and how many of its `k` neighbours share its
    /// primary category. The same seed and papers draw the same queries, so two settings compare query by
    /// query (`evaluate --dump-similar`).
    func sameCategoryHits(
        dense: Matrix, sparse: [SparseVector], categories: [String?], seed: UInt64
    ) -> [(query: Int, same: Int)] {
        precondition(dense.rows == categories.count && sparse.count == categories.count, "SimilarTask: rows disagree")
        let picks = SeededSample.indices(count: queries, from: dense.rows, seed: seed ^ EvaluationCorpus.Stream.queries)
        guard !picks.isEmpty else { return [] }
        let d = dense.columns
        var found: [(query: Int, same: Int)] = []
        let block = 250
        for start in stride(from: 0, to: picks.count, by: block) {
            let rows = Array(picks[start ..< min(start + block, picks.count)])
            var storage = [Float]()
            storage.reserveCapacity(rows.count * d)
            for row in rows { storage.append(contentsOf: dense.row(row)) }
            let scores = Matrix(rows: rows.count, columns: d, storage: storage).multiplyTransposed(dense)
            scores.withUnsafeBufferPointer { all in
                for (q, query) in rows.enumerated() {
                    let line = UnsafeBufferPointer(rebasing: all[(q * dense.rows) ..< ((q + 1) * dense.rows)])
                    let depth = max(k, reRank.depth)
                    var hits = topK(line, k: depth, excluding: [query])
                    if reRank.isActive {
                        hits = reRank.apply(hits, query: sparse[query], sparse: sparse)
                    }
                    let neighbours = hits.prefix(k)
                    let same = neighbours.filter { categories[$0.index] != nil && categories[$0.index] == categories[query] }
                    found.append((query, same.count))
                }
            }
        }
        return found
    }
}
