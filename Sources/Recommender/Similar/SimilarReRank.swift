import Foundation
public import LinearAlgebra

/// Re-scores the dense view's top `depth` neighbours with `dense + sparseWeight × sparse cosine`: the
/// dense view finds the topical neighbourhood, the exact sparse view refines its order by shared terms.
///
/// `arxrec similar` (``Recommender/nearest(to:sparse:k:excluding:)``) and `arxrec evaluate`
/// (``SimilarTask``) both apply ``standard``, so the figure measured is the list users get.
public struct SimilarReRank: Sendable, Codable, Equatable {
    /// How many dense neighbours are re-scored; 0 turns the re-rank off.
    public var depth: Int
    public var sparseWeight: Float

    /// Pseudo-relevance feedback (Rocchio): after the first re-score, the query is moved towards the mean
    /// of its best `feedbackCount` neighbours — the sparse query by `sparseFeedback`, the dense one by
    /// `denseFeedback` (q' = q + β × mean, L2) — and the same candidates are scored again. 0: off.
    public var feedbackCount: Int
    public var sparseFeedback: Float
    public var denseFeedback: Float
    /// Hubness correction (CSLS-style): `hubnessWeight` × each candidate's mean dense cosine to its
    /// `hubnessNeighbours` nearest rows of a fixed sample is taken off its dense score. 0: off.
    public var hubnessWeight: Float
    public var hubnessNeighbours: Int
    /// How many seeded rows of the library make the hubness sample.
    public var hubnessSampleSize: Int
    /// Score regularisation by the cluster hypothesis (LexBoost, Diaz 2005): each candidate's re-ranked
    /// score plus `neighbourhoodWeight` × the mean score of its `neighbourhoodSize` nearest fellow
    /// candidates on the dense view. 0: off.
    public var neighbourhoodWeight: Float
    public var neighbourhoodSize: Int

    public init(
        depth: Int, sparseWeight: Float, feedbackCount: Int = 0, sparseFeedback: Float = 0, denseFeedback: Float = 0,
        hubnessWeight: Float = 0, hubnessNeighbours: Int = 10, hubnessSampleSize: Int = 2_000,
        neighbourhoodWeight: Float = 0, neighbourhoodSize: Int = 10
    ) {
        self.depth = depth
        self.sparseWeight = sparseWeight
        self.feedbackCount = feedbackCount
        self.sparseFeedback = sparseFeedback
        self.denseFeedback = denseFeedback
        self.hubnessWeight = hubnessWeight
        self.hubnessNeighbours = hubnessNeighbours
        self.hubnessSampleSize = hubnessSampleSize
        self.neighbourhoodWeight = neighbourhoodWeight
        self.neighbourhoodSize = neighbourhoodSize
    }

    /// Whether the re-rank reads the candidates' dense rows (feedback on the dense view, or hubness).
    public var needsDenseRows: Bool { isActive && (usesDenseFeedback || hubnessWeight != 0 || neighbourhoodWeight != 0) }
    var usesFeedback: Bool { feedbackCount > 0 && (sparseFeedback != 0 || denseFeedback != 0) }
    var usesDenseFeedback: Bool { feedbackCount > 0 && denseFeedback != 0 }

    /// The dense top 100 re-scored by `dense + 3 × sparse cosine` (experiment 60).
    ///
    /// Why a mix and not the sparse cosine alone: the centered dense view (model v4) spreads a field's
    /// cosines out instead of crowding them at 0.99, so its score is worth keeping; depth 300 gains nothing
    /// measurable at three times the re-rank's cost (figures: `Models/EXPERIMENTS.md`, experiments 60–61).
    public static let standard = SimilarReRank(depth: 100, sparseWeight: 3)

    public var isActive: Bool { depth > 0 && sparseWeight != 0 }

    /// The rule in words, as help texts state it: "the dense top 100 re-scored by dense + 3 × sparse cosine".
    public var summary: String {
        isActive ? "the dense top \(depth) re-scored by dense + \(weightText) × sparse cosine" : "the dense view alone"
    }

    /// The sparse weight as help texts print it ("3", "0.5").
    public var weightText: String { String(format: "%g", sparseWeight) }

    /// What ``similarity(_:)`` divides a re-ranked score by, as help texts print it ("4": 1 + the weight).
    public var similarityDivisor: String { String(format: "%g", isActive && sparseWeight > 0 ? 1 + sparseWeight : 1) }

    /// `hits` re-scored and re-sorted (score descending, then index).
    ///
    /// `denseQuery` and `dense` (the candidates' dense rows) are read only when ``needsDenseRows``;
    /// `hubnessSample` (unit rows, with the index of each in `dense`'s numbering so that a candidate is
    /// never its own neighbour) only with a hubness weight.
    public func apply(
        _ hits: [ScoredIndex], query: SparseVector, sparse: (Int) -> SparseVector,
        denseQuery: [Float] = [], dense: (Int) -> [Float] = { _ in [] },
        hubnessSample: (rows: Matrix, indices: [Int])? = nil
    ) -> [ScoredIndex] {
        let vectors = hits.map { sparse($0.index) }
        let rows = needsDenseRows ? hits.map { dense($0.index) } : []
        let hub = hubnessWeight != 0 ? hubness(rows: rows, indices: hits.map(\.index), sample: hubnessSample) : nil
        var denseScores = hits.map(\.score)
        if let hub { for i in denseScores.indices { denseScores[i] -= hubnessWeight * hub[i] } }
        var order = score(denseScores, query, vectors, hits)
        if neighbourhoodWeight != 0 { order = smoothed(order, rows: rows, hits: hits) }
        guard usesFeedback else { return order.map { ScoredIndex(index: hits[$0.index].index, score: $0.score) } }
        let top = order.prefix(feedbackCount).map(\.index)
        var expanded = query
        if sparseFeedback != 0 {
            expanded = SparseVector.sum([query] + top.map { vectors[$0] },
                weights: [1] + top.map { _ in sparseFeedback / Float(top.count) }).normalized()
        }
        if usesDenseFeedback, !denseQuery.isEmpty, rows.allSatisfy({ $0.count == denseQuery.count }) {
            var q = denseQuery
            for position in top { DenseVector.add(rows[position], scaledBy: denseFeedback / Float(top.count), to: &q) }
            DenseVector.normalize(&q)
            denseScores = rows.map { DenseVector.dot(q, $0) }
            if let hub { for i in denseScores.indices { denseScores[i] -= hubnessWeight * hub[i] } }
        }
        order = score(denseScores, expanded, vectors, hits)
        if neighbourhoodWeight != 0 { order = smoothed(order, rows: rows, hits: hits) }
        return order.map { ScoredIndex(index: hits[$0.index].index, score: $0.score) }
    }

    /// Positions into `hits` with `dense + w × sparse cosine`, best first (ties: the lower paper index).
    private func score(_ dense: [Float], _ query: SparseVector, _ vectors: [SparseVector], _ hits: [ScoredIndex]) -> [ScoredIndex] {
        dense.indices.map { ScoredIndex(index: $0, score: dense[$0] + sparseWeight * query.dot(vectors[$0])) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : hits[$0.index].index < hits[$1.index].index }
    }

    /// `order` (positions into `hits` with their scores) with each score raised by ``neighbourhoodWeight`` ×
    /// the mean score of its ``neighbourhoodSize`` nearest other candidates (dense cosine), re-sorted.
    private func smoothed(_ order: [ScoredIndex], rows: [[Float]], hits: [ScoredIndex]) -> [ScoredIndex] {
        guard let width = rows.first?.count, width > 0, rows.count == hits.count, neighbourhoodSize > 0 else { return order }
        var scoreAt = [Float](repeating: 0, count: hits.count)
        for item in order { scoreAt[item.index] = item.score }
        let block = Matrix(rows: rows.count, columns: width, storage: rows.flatMap { $0 })
        let cosines = block.multiplyTransposed(block)
        let raised = scoreAt.indices.map { i in
            let near = topK(Array(cosines.row(i)), k: neighbourhoodSize, excluding: [i])
            let mean = near.isEmpty ? 0 : near.reduce(Float(0)) { $0 + scoreAt[$1.index] } / Float(near.count)
            return ScoredIndex(index: i, score: scoreAt[i] + neighbourhoodWeight * mean)
        }
        return raised.sorted { $0.score != $1.score ? $0.score > $1.score : hits[$0.index].index < hits[$1.index].index }
    }

    /// Each row's mean cosine to its `hubnessNeighbours` nearest sample rows (itself excluded): how much of
    /// a hub it is. Zeros without a sample.
    func hubness(rows: [[Float]], indices: [Int], sample: (rows: Matrix, indices: [Int])?) -> [Float] {
        guard let sample, sample.rows.rows > 0, let width = rows.first?.count, width == sample.rows.columns else {
            return [Float](repeating: 0, count: rows.count)
        }
        let block = Matrix(rows: rows.count, columns: width, storage: rows.flatMap { $0 })
        let cosines = block.multiplyTransposed(sample.rows)
        return rows.indices.map { i in
            var line = Array(cosines.row(i))
            for (j, index) in sample.indices.enumerated() where index == indices[i] { line[j] = -.infinity }
            let best = topK(line, k: hubnessNeighbours).filter { $0.score.isFinite }
            return best.isEmpty ? 0 : best.reduce(0) { $0 + $1.score } / Float(best.count)
        }
    }

    package func apply(
        _ hits: [ScoredIndex], query: SparseVector, sparse: [SparseVector], denseQuery: [Float] = [], dense: Matrix? = nil,
        hubnessSample: (rows: Matrix, indices: [Int])? = nil
    ) -> [ScoredIndex] {
        apply(hits, query: query, sparse: { sparse[$0] }, denseQuery: denseQuery,
              dense: { i in dense.map { Array($0.row(i)) } ?? [] }, hubnessSample: hubnessSample)
    }

    /// The similarity a reader sees for a re-scored `score`: `(dense + w × sparse) / (1 + w)`, a weighted
    /// mean of two cosines, so it stays in [−1, 1], reads like a cosine and falls down the list.
    /// With a negative weight (or none) the score is shown as it is.
    public func similarity(_ score: Float) -> Float {
        guard isActive, sparseWeight > 0 else { return score }
        return score / (1 + sparseWeight)
    }
}
