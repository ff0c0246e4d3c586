public import LinearAlgebra

/// Greedy maximal marginal relevance (Carbonell & Goldstein, 1998): picks items that are relevant and
/// unlike the ones already picked, so near-duplicates (a paper and its companion, two versions of one
/// benchmark) do not fill a short list.
///
/// Each step takes argmax λ·relevance(c) − (1 − λ)·max_{s ∈ picked} sim(c, s). Relevance is scaled to
/// [0, 1] from min(0, lowest) to the top score, so positive scores keep their ratios and λ means the same
/// for every profile whatever the scale of its scores. Pairwise similarities are the
/// candidates' sparse-view cosines (one ``SparseGram/gram(_:dimension:)``): shared n-grams are what make two
/// papers near-duplicates, and the dense view's cosines crowd near 1 within a field (model v2).
public struct MaximalMarginalRelevance: Sendable {
    /// λ: 1 is pure relevance, 0 pure novelty.
    public var lambda: Float

    /// The shortlist's λ: three parts relevance to one part novelty, the design's setting (not tuned by
    /// `evaluate`, whose metrics score relevance alone and would always choose 1).
    public static let standardLambda: Float = 0.75

    /// How many times the list's length of the strongest candidates MMR chooses from: a candidate below
    /// them would need a relevance lead of λ-scaled ranks it cannot have, and the pool's Gram matrix stays
    /// small (40 × 40 for a list of 10).
    public static let poolPerPick = 4

    public init(lambda: Float = MaximalMarginalRelevance.standardLambda) {
        self.lambda = lambda
    }

    /// Returns indices into `relevance`, in pick order. `similarities` is the n × n matrix of pairwise
    /// cosines.
    ///
    /// - Complexity: O(k n) for the picks.
    public func select(relevance: [Float], similarities: Matrix, count: Int) -> [Int] {
        precondition(
            similarities.rows == relevance.count && similarities.columns == relevance.count,
            "MMR: \(similarities.rows)×\(similarities.columns) similarities for \(relevance.count) scores")
        let n = relevance.count
        let k = min(count, n)
        guard k > 0 else { return [] }
        let low = min(0, relevance.min() ?? 0)
        let span = max((relevance.max() ?? 0) - low, .leastNormalMagnitude)
        let scaled = relevance.map { ($0 - low) / span }

        var picked: [Int] = []
        var maxSimilarity = [Float](repeating: 0, count: n)
        var available = [Bool](repeating: true, count: n)
        for _ in 0 ..< k {
            var best = -1
            var bestValue = -Float.infinity
            for i in 0 ..< n where available[i] {
                let novelty = picked.isEmpty ? 0 : maxSimilarity[i]
                let value = lambda * scaled[i] - (1 - lambda) * novelty
                // Ties go to the more relevant item, then the lower index, so the order is deterministic.
                if value > bestValue || (value == bestValue && best >= 0 && relevance[i] > relevance[best]) {
                    best = i
                    bestValue = value
                }
            }
            guard best >= 0 else { break }
            picked.append(best)
            available[best] = false
            for i in 0 ..< n where available[i] {
                maxSimilarity[i] = max(maxSimilarity[i], similarities[i, best])
            }
        }
        return picked
    }
}
