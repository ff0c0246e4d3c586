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

    public init(depth: Int, sparseWeight: Float) {
        self.depth = depth
        self.sparseWeight = sparseWeight
    }

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
    public func apply(_ hits: [ScoredIndex], query: SparseVector, sparse: (Int) -> SparseVector) -> [ScoredIndex] {
        hits.map { ScoredIndex(index: $0.index, score: $0.score + sparseWeight * query.dot(sparse($0.index))) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
    }

    package func apply(_ hits: [ScoredIndex], query: SparseVector, sparse: [SparseVector]) -> [ScoredIndex] {
        apply(hits, query: query, sparse: { sparse[$0] })
    }

    /// The similarity a reader sees for a re-scored `score`: `(dense + w × sparse) / (1 + w)`, a weighted
    /// mean of two cosines, so it stays in [−1, 1], reads like a cosine and falls down the list.
    /// With a negative weight (or none) the score is shown as it is.
    public func similarity(_ score: Float) -> Float {
        guard isActive, sparseWeight > 0 else { return score }
        return score / (1 + sparseWeight)
    }
}
