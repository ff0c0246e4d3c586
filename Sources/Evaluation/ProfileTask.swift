import Foundation
import LinearAlgebra
import Recommender

/// The profile task: every simulated user's profile, learned from the liked papers only by the code
/// `shortlist` uses (``ProfileTrainer`` with one shared ``WeakNegatives`` sample drawn from the library),
/// ranks each held-out positive's day of candidates.
///
/// The weak-negative sample excludes every user's held-out positives, so no positive is ever trained
/// as a negative; it may contain another user's likes, which the trainer handles (a rated paper that is
/// also a weak negative simply counts twice, its rating outweighing the weak target).
struct ProfileTask: Sendable {
    let settings: ProfileSettings
    let featureCount: Int

    /// One user's ranks, and when asked for, every score behind them.
    struct UserResult: Sendable {
        var ranks: RankingAccumulator
        /// Empty unless the run records scores.
        var scores: [ProfileScoreTable.Row]
    }

    /// The ranks of every user's held-out positives, one result per user, in user order; with
    /// `recordsScores`, each candidate's score terms too (``ProfileScoreTable``). Users are split over the
    /// cores (``ConcurrentParts``); the result does not depend on the split.
    func run(
        users: [UserSimulation.User], vectors: [ProfileVector], ids: [String], negatives: WeakNegatives?,
        recordsScores: Bool = false
    ) throws -> [UserResult] {
        let trainer = ProfileTrainer(settings: settings, featureCount: featureCount)
        let results = ConcurrentParts.map(users.count, minimumPerPart: 1, makeState: {}) { _, index in
            Result {
                try Self.evaluate(
                    users[index], number: index, trainer: trainer, vectors: vectors, ids: ids, negatives: negatives,
                    recordsScores: recordsScores)
            }
        }
        return try results.map { try $0.get() }
    }

    static func evaluate(
        _ user: UserSimulation.User, number: Int, trainer: ProfileTrainer, vectors: [ProfileVector], ids: [String],
        negatives: WeakNegatives?, recordsScores: Bool
    ) throws -> UserResult {
        let examples = user.liked.map { RatedExample(id: ids[$0], features: vectors[$0], label: .like) }
        let profile = try trainer.train(examples, negatives: negatives)
        var result = UserResult(ranks: RankingAccumulator(k: 10), scores: [])
        for (heldOutIndex, heldOut) in user.heldOut.enumerated() {
            let positive = profile.score(vectors[heldOut.positive])
            let others = heldOut.negatives.map { profile.score(vectors[$0]) }
            result.ranks.add(rank: RankingMetrics.rank(positive: positive.value, others: others.lazy.map(\.value)))
            guard recordsScores else { continue }
            for (paper, score) in zip([heldOut.positive] + heldOut.negatives, [positive] + others) {
                result.scores.append(.init(
                    user: number, heldOut: heldOutIndex, paper: paper, isPositive: paper == heldOut.positive, score: score))
            }
        }
        return result
    }
}
