import Foundation
import Recommender

/// The ranking figures of the profile task, for one held-out positive among its day's candidates.
///
/// Ties count against the positive: a candidate scoring exactly as high ranks above it, so a profile
/// that scores everything equal earns rank 200 of 200, not rank 1.
public enum RankingMetrics {
    /// 1 + the number of `others` scoring at least `positive`.
    public static func rank(positive: Float, others: some Sequence<Float>) -> Int {
        var rank = 1
        for score in others where score >= positive || score.isNaN { rank += 1 }
        return rank
    }

    /// 1 / rank.
    public static func reciprocalRank(_ rank: Int) -> Double {
        1 / Double(rank)
    }

    /// 1 when the positive is in the top `k`, else 0 (one relevant item per list).
    public static func recall(rank: Int, at k: Int) -> Double {
        rank <= k ? 1 : 0
    }

    /// nDCG@k with one relevant item: 1 / log2(rank + 1) when rank ≤ k (the ideal DCG is 1), else 0.
    public static func nDCG(rank: Int, at k: Int) -> Double {
        rank <= k ? 1 / log2(Double(rank) + 1) : 0
    }
}

/// Running means of MRR, Recall@k and nDCG@k over held-out positives.
public struct RankingAccumulator: Sendable, Equatable {
    public let k: Int
    public private(set) var count = 0
    private var reciprocalRanks: Double = 0
    private var recalls: Double = 0
    private var gains: Double = 0

    public init(k: Int = 10) {
        self.k = k
    }

    public mutating func add(rank: Int) {
        count += 1
        reciprocalRanks += RankingMetrics.reciprocalRank(rank)
        recalls += RankingMetrics.recall(rank: rank, at: k)
        gains += RankingMetrics.nDCG(rank: rank, at: k)
    }

    public mutating func merge(_ other: RankingAccumulator) {
        precondition(k == other.k, "RankingAccumulator: merging @\(other.k) into @\(k)")
        count += other.count
        reciprocalRanks += other.reciprocalRanks
        recalls += other.recalls
        gains += other.gains
    }

    public var meanReciprocalRank: Double { count == 0 ? 0 : reciprocalRanks / Double(count) }
    public var recall: Double { count == 0 ? 0 : recalls / Double(count) }
    public var nDCG: Double { count == 0 ? 0 : gains / Double(count) }

    /// The standard error of the pooled nDCG@k of `users` (one accumulator per user), with users as
    /// clusters: a user's held-out papers share one profile, so they are not independent draws. This is
    /// the delta-method (linearised) variance of the ratio Σgᵤ / Σnᵤ:
    /// SE² = U/(U−1) · Σᵤ (gᵤ − nDCG·nᵤ)² / (Σᵤ nᵤ)². Zero with fewer than two users.
    public static func nDCGStandardError(users: [RankingAccumulator]) -> Double {
        let total = users.reduce(0) { $0 + $1.count }
        guard users.count > 1, total > 0 else { return 0 }
        let pooled = users.reduce(0) { $0 + $1.gains } / Double(total)
        let squares = users.reduce(0) { sum, user in
            let residual = user.gains - pooled * Double(user.count)
            return sum + residual * residual
        }
        let u = Double(users.count)
        return (u / (u - 1) * squares).squareRoot() / Double(total)
    }
}
