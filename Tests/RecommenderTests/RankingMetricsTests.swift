import Foundation
import Testing
@testable import Evaluation
@testable import Recommender

struct RankingMetricsTests {
    @Test func tiesCountAgainstThePositive() {
        #expect(RankingMetrics.rank(positive: 0.5, others: [0.9, 0.5, 0.1]) == 3)
        #expect(RankingMetrics.rank(positive: 0.95, others: [0.9, 0.5, 0.1]) == 1)
        // A profile that scores everything equal earns the last rank, not the first.
        #expect(RankingMetrics.rank(positive: 0, others: [Float](repeating: 0, count: 199)) == 200)
    }

    @Test(arguments: [(1, 1.0), (2, 0.6309297535714575), (3, 0.5), (7, 1.0 / 3.0), (10, 0.28906482631788782), (11, 0.0)])
    func nDCGIsOneOverLog2OfRankPlusOneWithinTheTopTen(rank: Int, expected: Double) {
        #expect(abs(RankingMetrics.nDCG(rank: rank, at: 10) - expected) < 1e-12)
    }

    @Test func accumulatorAveragesOverPositives() {
        var ranks = RankingAccumulator(k: 10)
        for rank in [1, 2, 20] { ranks.add(rank: rank) }
        #expect(ranks.count == 3)
        #expect(abs(ranks.meanReciprocalRank - (1 + 0.5 + 0.05) / 3) < 1e-12)
        #expect(abs(ranks.recall - 2.0 / 3) < 1e-12)
        #expect(abs(ranks.nDCG - (1 + 1 / log2(3.0)) / 3) < 1e-12)

        var halves = RankingAccumulator(k: 10)
        halves.add(rank: 1)
        var rest = RankingAccumulator(k: 10)
        rest.add(rank: 2)
        rest.add(rank: 20)
        halves.merge(rest)
        #expect(halves == ranks)
    }

    static func user(_ ranks: [Int]) -> RankingAccumulator {
        var accumulator = RankingAccumulator(k: 10)
        for rank in ranks { accumulator.add(rank: rank) }
        return accumulator
    }

    @Test func standardErrorTreatsUsersAsClusters() {
        // Users who all score alike leave no doubt.
        #expect(RankingAccumulator.nDCGStandardError(users: [Self.user([1, 20]), Self.user([20, 1]), Self.user([1, 20])]) == 0)
        // Two users, one perfect (2 positives at rank 1), one hopeless (2 at rank 50): pooled nDCG 0.5,
        // residuals gᵤ − 0.5·nᵤ = ±1, SE = √(2/1 · 2) / 4 = 0.5.
        let split = RankingAccumulator.nDCGStandardError(users: [Self.user([1, 1]), Self.user([50, 50])])
        #expect(abs(split - 0.5) < 1e-12)
        // One user gives no estimate of the spread between users.
        #expect(RankingAccumulator.nDCGStandardError(users: [Self.user([1, 50])]) == 0)
    }
}
