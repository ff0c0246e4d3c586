import LinearAlgebra
import Testing
@testable import Recommender

struct MaximalMarginalRelevanceTests {
    /// Rows 0 and 1 are the same paper twice; row 2 is different and slightly less relevant.
    static let similarities = Matrix(rows: 3, columns: 3, storage: [1, 1, 0, 1, 1, 0, 0, 0, 1])

    @Test func aNearDuplicateMakesRoomForANovelPaper() {
        let picks = MaximalMarginalRelevance(lambda: 0.7).select(relevance: [0.9, 0.89, 0.8], similarities: Self.similarities, count: 2)
        #expect(picks == [0, 2])
    }

    @Test func lambdaOneIsPureRelevance() {
        let picks = MaximalMarginalRelevance(lambda: 1).select(relevance: [0.9, 0.89, 0.8], similarities: Self.similarities, count: 3)
        #expect(picks == [0, 1, 2])
    }

    @Test func countBeyondTheCandidatesReturnsAllOnce() {
        let picks = MaximalMarginalRelevance().select(relevance: [0.1, 0.2, 0.3], similarities: Self.similarities, count: 10)
        #expect(picks.sorted() == [0, 1, 2])
        #expect(MaximalMarginalRelevance().select(relevance: [], similarities: Matrix(rows: 0, columns: 0), count: 3).isEmpty)
    }
}
