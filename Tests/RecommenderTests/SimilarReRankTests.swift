import Foundation
import LinearAlgebra
import Testing
@testable import Evaluation
@testable import Recommender

/// ``SimilarReRank``: the rule `similar` and `evaluate` share, its arithmetic and its displayed similarity.
struct SimilarReRankTests {
    @Test func theStandardRuleIsTheMeasuredOneAndEvaluateUsesIt() {
        #expect(SimilarReRank.standard == SimilarReRank(depth: 100, sparseWeight: 3, feedbackCount: 3, feedbackWeight: 1))
        #expect(SimilarTask().reRank == .standard)
        #expect(SimilarTask().queries == 1_000)
    }

    @Test func theSparseCosineIsAddedWithItsWeight() {
        let rule = SimilarReRank(depth: 2, sparseWeight: 3)
        let query = SparseVector(indices: [1, 2], values: [0.6, 0.8])
        let sparse = [SparseVector(indices: [7], values: [1]), SparseVector(indices: [2], values: [1])]
        // Paper 0: dense 0.9, sparse 0 → 0.9. Paper 1: dense 0.5, sparse 0.8 → 2.9.
        let ranked = rule.apply([ScoredIndex(index: 0, score: 0.9), ScoredIndex(index: 1, score: 0.5)], query: query, sparse: sparse)
        #expect(ranked.map(\.index) == [1, 0])
        #expect(abs(ranked[0].score - 2.9) < 1e-6)
        #expect(abs(rule.similarity(ranked[0].score) - 0.725) < 1e-6, "(0.5 + 3 × 0.8) / 4")
        #expect(rule.similarity(ranked[1].score) == ranked[1].score / 4)
        #expect(SimilarReRank(depth: 0, sparseWeight: 3).similarity(0.4) == 0.4, "off: the dense cosine itself")
    }

    /// Feedback: the query moved towards the first re-score's best neighbour lifts a paper that shares that
    /// neighbour's words and none of the query's, past one that shares a query word only.
    @Test func feedbackMovesTheQueryTowardsItsBestNeighbours() {
        let query = SparseVector(indices: [1], values: [1])
        let sparse = [
            SparseVector(indices: [1, 5], values: [0.8, 0.6]),  // the best: the query's word and the topic's
            SparseVector(indices: [1, 9], values: [0.3, 0.954]),  // shares the query's word weakly
            SparseVector(indices: [5], values: [1]),  // only the topic's word
        ]
        let hits = [ScoredIndex(index: 0, score: 0.5), ScoredIndex(index: 1, score: 0.3), ScoredIndex(index: 2, score: 0.3)]
        let plain = SimilarReRank(depth: 3, sparseWeight: 1)
        #expect(plain.apply(hits, query: query, sparse: sparse).map(\.index) == [0, 1, 2])
        let feedback = SimilarReRank(depth: 3, sparseWeight: 1, feedbackCount: 1, feedbackWeight: 1)
        #expect(feedback.usesFeedback)
        // Moved: (1, 0) + (0.8, 0.6) = (1.8, 0.6), L2 (0.949, 0.316). Paper 2: 0.3 + 0.316; paper 1: 0.3 + 0.285.
        let moved = feedback.apply(hits, query: query, sparse: sparse)
        #expect(moved.map(\.index) == [0, 2, 1])
        let expected = feedback.movedQuery(query, towards: [sparse[0]])
        #expect(expected.indices == [1, 5])
        let length = Float(3.6).squareRoot()
        #expect(abs(expected.values[0] - 1.8 / length) < 1e-6 && abs(expected.values[1] - 0.6 / length) < 1e-6)
        #expect(abs(moved[1].score - (0.3 + expected.dot(sparse[2]))) < 1e-6, "the dense score kept, the moved query's cosine added")
        // Paper 0, which the query was moved towards, is scored without its own share: here the query itself.
        #expect(abs(moved[0].score - (0.5 + query.dot(sparse[0]))) < 1e-6)
        // Off when the re-rank is off, and the words say what the rule does.
        #expect(!SimilarReRank(depth: 0, sparseWeight: 1, feedbackCount: 3, feedbackWeight: 1).usesFeedback)
        #expect(SimilarReRank.standard.summary
            == "the dense top 100 re-scored by dense + 3 × sparse cosine, then with the sparse query moved towards its best 3")
    }

    @Test func sparseSumsMergeEntriesByIndex() {
        let a = SparseVector(indices: [1, 4], values: [1, 2])
        let b = SparseVector(indices: [0, 4, 9], values: [3, -4, 5])
        let sum = SparseVector.sum([a, b], weights: [1, 0.5])
        #expect(sum.indices == [0, 1, 4, 9] && sum.values == [1.5, 1, 0, 2.5])
        #expect(SparseVector.sum([], weights: []).indices.isEmpty)
    }

    @Test func queriesAreCappedAtThePapersAndDrawnWithTheSeed() {
        // 40 papers on two axes, alternating categories that follow the axes: every neighbour list is pure.
        let rows = 40
        var storage: [Float] = []
        var categories: [String?] = []
        for i in 0 ..< rows {
            let angle = Float(i / 2) * 0.01
            storage += i % 2 == 0 ? [cos(angle), sin(angle)] : [-sin(angle), cos(angle)]
            categories.append(i % 2 == 0 ? "cs.CV" : "cs.CL")
        }
        let dense = Matrix(rows: rows, columns: 2, storage: storage)
        let sparse = [SparseVector](repeating: SparseVector(indices: [], values: []), count: rows)
        var task = SimilarTask(reRank: SimilarReRank(depth: 0, sparseWeight: 0))
        task.queries = 7
        let few = task.sameCategoryHits(dense: dense, sparse: sparse, categories: categories, seed: 1)
        #expect(few.count == 7 && task.precision(of: few) == 1)
        task.queries = 20_000
        let all = task.sameCategoryHits(dense: dense, sparse: sparse, categories: categories, seed: 1)
        #expect(all.count == rows && task.precision(of: all) == 1)
        // Categories that cut across the axes: the precision must drop, so the figure really reads them.
        let mixed: [String?] = categories.indices.map { $0 < rows / 2 ? "cs.CV" : "cs.CL" }
        #expect(task.precision(of: task.sameCategoryHits(dense: dense, sparse: sparse, categories: mixed, seed: 1)) < 0.9)
    }
}
