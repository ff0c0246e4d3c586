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

    /// The ranks of every user's held-out positives, one accumulator per user, in user order. Users are
    /// split over the cores (``ConcurrentParts``); the result does not depend on the split.
    func run(users: [UserSimulation.User], vectors: [ProfileVector], ids: [String], negatives: WeakNegatives?) throws
        -> [RankingAccumulator]
    {
        let trainer = ProfileTrainer(settings: settings, featureCount: featureCount)
        let results = ConcurrentParts.map(users.count, minimumPerPart: 1, makeState: {}) { _, index in
            Result { try Self.evaluate(users[index], trainer: trainer, vectors: vectors, ids: ids, negatives: negatives) }
        }
        return try results.map { try $0.get() }
    }

    static func evaluate(
        _ user: UserSimulation.User, trainer: ProfileTrainer, vectors: [ProfileVector], ids: [String],
        negatives: WeakNegatives?
    ) throws -> RankingAccumulator {
        let examples = user.liked.map { RatedExample(id: ids[$0], features: vectors[$0], label: .like) }
        let profile = try trainer.train(examples, negatives: negatives)
        var ranks = RankingAccumulator(k: 10)
        for heldOut in user.heldOut {
            let positive = profile.score(vectors[heldOut.positive]).value
            let rank = RankingMetrics.rank(positive: positive, others: heldOut.negatives.lazy.map { profile.score(vectors[$0]).value })
            ranks.add(rank: rank)
        }
        return ranks
    }
}
