public import LinearAlgebra

/// A ridge regression on the topical view (``ProfileSettings/topicalRidgeWeight``): the sparse ridge's
/// problem — likes +1, dislikes −1 (weighted ``ProfileSettings/dislikeWeight``), the weak negatives 0
/// (weighted ``ProfileSettings/weakNegativeWeight``) — over each paper's plain-LSA vector instead of its
/// hashed n-grams.
///
/// Why: a Chinese-only candidate's topical vector is almost its English twin's (the bilingual space finds
/// the twin first 98 % of the time), so a discriminative direction learned there reads a Chinese row nearly
/// as it reads the English one, where the sparse ridge sees the term table's approximation.
///
/// Solved in the primal, the same minimiser of Σ cᵢ(yᵢ − w·tᵢ)² + λ‖w‖² as the sparse ridge's dual: with
/// 256 dimensions against ~2,000 rows, (Σ cᵢ tᵢtᵢᵀ + λI)·w = Σ cᵢyᵢtᵢ is the smaller system, and the weak
/// negatives' share of it, c_w·T_WᵀT_W, is the same for every profile of a library (``gram(of:weight:)``,
/// kept in ``WeakNegatives``): a profile adds its own few rows and solves one d × d system with `sposv`.
public struct TopicalRidge: Sendable {
    /// The learned direction on the topical view (the topical vectors' dimension).
    public let weights: [Float]

    /// c_w·T_WᵀT_W: the weak negatives' share of the normal equations (d × d); nil when there are no
    /// vectors or they disagree in dimension.
    public static func gram(of topical: [[Float]], weight: Float) -> Matrix? {
        guard let dimension = topical.first?.count, dimension > 0, topical.allSatisfy({ $0.count == dimension })
        else { return nil }
        let rows = Matrix(rows: topical.count, columns: dimension, storage: topical.flatMap { $0 })
        var gram = rows.transposeMultiply(rows)
        for i in 0 ..< gram.storage.count { gram.storage[i] *= weight }
        return gram
    }

    /// Fits the direction from the rated `examples` (their ``RatedExample/topical`` vectors, all of the
    /// gram's dimension) on top of the weak negatives' `negativesGram`; nil when an example has no topical
    /// vector of that dimension.
    public init?(examples: [RatedExample], negativesGram: Matrix, settings: ProfileSettings) throws {
        let dimension = negativesGram.rows
        guard !examples.isEmpty, examples.allSatisfy({ $0.topical.count == dimension }) else { return nil }
        var system = negativesGram
        var rightHandSide = [Float](repeating: 0, count: dimension)
        for i in 0 ..< dimension { system[i, i] += settings.topicalRidgeLambda }
        for example in examples {
            let (target, weight): (Float, Float) = example.label == .like ? (1, 1) : (-1, settings.dislikeWeight)
            let t = example.topical
            for i in 0 ..< dimension {
                let scaled = weight * t[i]
                rightHandSide[i] += scaled * target
                for j in 0 ..< dimension { system[i, j] += scaled * t[j] }
            }
        }
        weights = try LAPACK.solvePositiveDefinite(system, Matrix(rows: dimension, columns: 1, storage: rightHandSide)).storage
    }

    /// w·t for a candidate's topical vector (0 when its dimension differs, e.g. none).
    public func score(_ topical: [Float]) -> Float {
        topical.count == weights.count ? DenseVector.dot(weights, topical) : 0
    }
}
