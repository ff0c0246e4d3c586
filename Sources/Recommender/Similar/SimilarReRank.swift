import Foundation
public import LinearAlgebra

/// Re-scores the dense view's top `depth` neighbours with `dense + sparseWeight × sparse cosine`: the
/// dense view finds the topical neighbourhood, the exact sparse view refines its order by shared terms.
/// Then, with feedback on, the sparse query is moved towards its best few neighbours and the same
/// neighbours are scored again (pseudo-relevance feedback, Rocchio's rule without negatives).
///
/// `arxrec similar` (``Recommender/nearest(to:sparse:k:excluding:)``) and `arxrec evaluate`
/// (``SimilarTask``) both apply ``standard``, so the figure measured is the list users get.
public struct SimilarReRank: Sendable, Codable, Equatable {
    /// How many dense neighbours are re-scored; 0 turns the re-rank off.
    public var depth: Int
    public var sparseWeight: Float
    /// How many of the first re-score's best neighbours the sparse query is moved towards; 0: no feedback.
    public var feedbackCount: Int
    /// β of the moved query `q + β × mean(best neighbours' sparse vectors)`, L2.
    public var feedbackWeight: Float

    public init(depth: Int, sparseWeight: Float, feedbackCount: Int = 0, feedbackWeight: Float = 0) {
        self.depth = depth
        self.sparseWeight = sparseWeight
        self.feedbackCount = feedbackCount
        self.feedbackWeight = feedbackWeight
    }

    /// The dense top 100 re-scored by `dense + 3 × sparse cosine` (experiment 60), then again with the sparse
    /// query moved towards its best 3 (β 1; each of those 3 against the query moved towards the other two:
    /// experiments 135–136).
    ///
    /// Why a mix and not the sparse cosine alone: the centered dense view (model v4) spreads a field's
    /// cosines out instead of crowding them at 0.99, so its score is worth keeping; depth 300 gains nothing
    /// measurable at three times the re-rank's cost (figures: `Models/EXPERIMENTS.md`, experiments 60–61,
    /// and on model v8 experiment 126).
    ///
    /// Why the feedback: a paper's three nearest neighbours share its topic's vocabulary beyond its own words,
    /// so the moved query ranks the topic's papers above those that only share a term with the query.
    /// Paired with the rule without it on the same queries: +0.0023 ± 0.0010 / +0.0030 ± 0.0010 P@10_primary
    /// (seeds 7 / 8, 5,000 queries), +0.0025 / +0.0036 ± 0.0009 on the 10,429 papers announced from 2025-10-01,
    /// 0.7108 on both seeds over all 20,000 papers as queries (experiments 127–132, 135–136). Leaving each
    /// feedback paper's own share out costs nothing measurable (−0.0003 ± 0.0003) and keeps the printed
    /// similarities honest: scored against a query holding its own vector, the best 3 led the rest by ~0.2.
    /// With their own shares in, 5 and 10 feedback papers gained less (10 nothing: each lifted itself), β 0.5
    /// less, β 2 no more; the dense query moved the same way gained on one seed only (experiments 127–130).
    public static let standard = SimilarReRank(depth: 100, sparseWeight: 3, feedbackCount: 3, feedbackWeight: 1)

    public var isActive: Bool { depth > 0 && sparseWeight != 0 }

    /// Whether the sparse query is moved towards its best neighbours and the neighbours scored again.
    public var usesFeedback: Bool { isActive && feedbackCount > 0 && feedbackWeight != 0 }

    /// The rule in words, as help texts state it: "the dense top 100 re-scored by dense + 3 × sparse cosine,
    /// then with the sparse query moved towards its best 3".
    public var summary: String {
        guard isActive else { return "the dense view alone" }
        let rule = "the dense top \(depth) re-scored by dense + \(weightText) × sparse cosine"
        guard usesFeedback else { return rule }
        let beta = feedbackWeight == 1 ? "" : " (β \(String(format: "%g", feedbackWeight)))"
        return rule + ", then with the sparse query moved towards its best \(feedbackCount)\(beta)"
    }

    /// The sparse weight as help texts print it ("3", "0.5").
    public var weightText: String { String(format: "%g", sparseWeight) }

    /// What ``similarity(_:)`` divides a re-ranked score by, as help texts print it ("4": 1 + the weight).
    public var similarityDivisor: String { String(format: "%g", isActive && sparseWeight > 0 ? 1 + sparseWeight : 1) }

    /// `hits` re-scored and re-sorted (score descending, then index); with feedback, scored a second time with
    /// the moved query (``movedQuery(_:towards:)``; a paper it was moved towards, with the query moved towards
    /// the others), the dense scores unchanged.
    public func apply(_ hits: [ScoredIndex], query: SparseVector, sparse: (Int) -> SparseVector) -> [ScoredIndex] {
        let vectors = hits.map { sparse($0.index) }
        let first = rescored(hits, vectors: vectors) { _ in query }
        guard usesFeedback, !first.isEmpty else { return first.map(\.scored) }
        let best = first.prefix(feedbackCount).map(\.position)
        let moved = movedQuery(query, towards: best.map { vectors[$0] })
        // A neighbour the query was moved towards is scored against the query moved towards the others only:
        // against its own share it would score itself, and lead the list by a gap that says nothing.
        let own = Dictionary(uniqueKeysWithValues: best.map { position in
            (position, movedQuery(query, towards: best.filter { $0 != position }.map { vectors[$0] }))
        })
        return rescored(hits, vectors: vectors) { own[$0] ?? moved }.map(\.scored)
    }

    /// `query + feedbackWeight × mean(neighbours)`, L2 (the query itself when there are no neighbours).
    func movedQuery(_ query: SparseVector, towards neighbours: [SparseVector]) -> SparseVector {
        guard !neighbours.isEmpty else { return query }
        let share = feedbackWeight / Float(neighbours.count)
        return SparseVector.sum([query] + neighbours, weights: [1] + neighbours.map { _ in share }).normalized()
    }

    /// Each hit's `dense + w × sparse cosine` with the query for its position in `hits`, with that position,
    /// best first (ties: the lower index).
    private func rescored(
        _ hits: [ScoredIndex], vectors: [SparseVector], query: (Int) -> SparseVector
    ) -> [(position: Int, scored: ScoredIndex)] {
        zip(hits, vectors).enumerated()
            .map { position, pair in
                (position, ScoredIndex(index: pair.0.index, score: pair.0.score + sparseWeight * query(position).dot(pair.1)))
            }
            .sorted { $0.scored.score != $1.scored.score ? $0.scored.score > $1.scored.score : $0.scored.index < $1.scored.index }
    }

    package func apply(_ hits: [ScoredIndex], query: SparseVector, sparse: [SparseVector]) -> [ScoredIndex] {
        apply(hits, query: query, sparse: { sparse[$0] })
    }

    /// The similarity a reader sees for a re-scored `score`: `(dense + w × sparse) / (1 + w)`, a weighted
    /// mean of two cosines, so it stays in [−1, 1], reads like a cosine and falls down the list. With
    /// feedback the sparse cosine is the moved query's: the score the list is ordered by.
    /// With a negative weight (or none) the score is shown as it is.
    public func similarity(_ score: Float) -> Float {
        guard isActive, sparseWeight > 0 else { return score }
        return score / (1 + sparseWeight)
    }
}
