import Testing
@testable import Evaluation

/// The recall of `evaluate --digest` (``DigestRecallCheck``): a user's own rows in the top k, a row's rank
/// being 1 + the rows scoring at least as high, so ties count against it as in the profile task.
struct DigestRecallTests {
    @Test func recallCountsOwnRowsInTheTopK() {
        let scores: [Float] = [0.9, 0.1, 0.5, 0.7, 0.3]
        // Ranks: row 0 → 1, row 3 → 2, row 2 → 3, row 4 → 4, row 1 → 5.
        #expect(DigestRecallCheck.recall(scores, positives: [0, 2], k: 3) == 1)
        #expect(DigestRecallCheck.recall(scores, positives: [0, 1], k: 3) == 0.5)
        #expect(DigestRecallCheck.recall(scores, positives: [1], k: 4) == 0)
        #expect(DigestRecallCheck.recall(scores, positives: [], k: 3) == 0)
    }

    @Test func aTieCountsAgainstTheOwnRow() {
        // Two rows at the top score: each has rank 2, so neither is in the top 1.
        let scores: [Float] = [0.5, 0.5, 0.1]
        #expect(DigestRecallCheck.recall(scores, positives: [0], k: 1) == 0)
        #expect(DigestRecallCheck.recall(scores, positives: [0], k: 2) == 1)
        // Every score equal (a profile that scores nothing): no row reaches the top k below the row count.
        #expect(DigestRecallCheck.recall([Float](repeating: 0, count: 5), positives: [2], k: 4) == 0)
    }
}
