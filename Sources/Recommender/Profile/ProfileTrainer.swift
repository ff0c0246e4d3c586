import LinearAlgebra

/// Fits a ``Profile`` from rated papers — likes and dislikes at once — on the sparse views: the linear part
/// on each example's ``RatedExample/linear`` view, the nearest-liked term on its content view.
///
/// The ridge model is solved in the dual: with training rows X (the user's rated papers P and the
/// weak negatives W), per-example weights C and targets y, the minimiser of
/// Σ cᵢ(yᵢ − w·xᵢ)² + λ‖w‖² is w = Xᵀα with (XXᵀ + λC⁻¹)α = y. Splitting the system into the P and W
/// blocks, the W block G = K_WW + (λ/c_w)I is the same for every profile of a library, so its Cholesky
/// factor is cached in ``WeakNegatives`` and a profile only solves its own m × m Schur complement
/// S = A − B·G⁻¹·Bᵀ (A = K_PP + λC_P⁻¹, B = K_PW) with LAPACK `sposv`:
/// α_P = S⁻¹(y_P − B·G⁻¹y_W), α_W = G⁻¹y_W − G⁻¹Bᵀα_P; weak negatives' targets are 0 (experiments 29, 36),
/// so α_P = S⁻¹y_P and α_W = −G⁻¹Bᵀα_P. Cost per profile: O(m·|W|·nnz + m·|W|² + m³).
public struct ProfileTrainer: Sendable {
    public let settings: ProfileSettings
    public let featureCount: Int

    public init(settings: ProfileSettings = .standard, featureCount: Int) {
        self.settings = settings
        self.featureCount = featureCount
    }

    /// Learns a profile. `negatives` may be nil (no library to sample from): ridge then falls back
    /// to the cold-start rule.
    public func train(_ examples: [RatedExample], negatives: WeakNegatives?) throws -> Profile {
        let likes = examples.filter { $0.label == .like }
        let dislikes = examples.filter { $0.label == .dislike }
        var kind = settings.kind
        let ridgeReady = likes.count >= settings.minimumLikesForRidge && (negatives?.count ?? 0) > 0
        if settings.learnsRidge && !ridgeReady { kind = .blend }

        let weights: [Float]
        switch kind {
        case .nearest:
            weights = []
        case .centroid:
            weights = centroid(likes: likes, dislikes: dislikes)
        case .ridge, .blend:
            if ridgeReady, let negatives {
                weights = try ridge(examples: likes + dislikes, negatives: negatives)
            } else {
                weights = centroid(likes: likes, dislikes: dislikes)
            }
        }
        let hubness = kind == .blend ? settings.candidateHubness(negatives) : nil
        var likePenalties: [Float] = []
        if let hubness, settings.likeHubnessWeight != 0 {
            likePenalties = hubness.values(of: likes.map(\.content), ids: likes.map(\.id)).map { $0 * settings.likeHubnessWeight }
        }
        return Profile(
            settings: settings, effectiveKind: kind, weights: weights,
            likeIDs: likes.map(\.id), likes: likes.map(\.content), likePenalties: likePenalties, dislikeIDs: dislikes.map(\.id),
            topicalCentroid: kind == .blend && settings.usesTopicalTerm ? topicalCentroid(likes) : [],
            weakNegativeCount: ridgeReady ? negatives?.count ?? 0 : 0,
            hubness: hubness
        )
    }

    /// The direction of the mean of the likes' topical vectors (empty when they have none).
    func topicalCentroid(_ likes: [RatedExample]) -> [Float] {
        guard let dimension = likes.first?.topical.count, dimension > 0,
              likes.allSatisfy({ $0.topical.count == dimension }) else { return [] }
        var centroid = [Float](repeating: 0, count: dimension)
        for like in likes { DenseVector.add(like.topical, to: &centroid) }
        return DenseVector.normalize(&centroid) ? centroid : []
    }

    /// Rocchio: mean(likes) − γ·mean(dislikes), over all buckets.
    func centroid(likes: [RatedExample], dislikes: [RatedExample]) -> [Float] {
        var weights = [Float](repeating: 0, count: featureCount)
        if !likes.isEmpty { add(likes.map(\.linear), scale: 1 / Float(likes.count), into: &weights) }
        if !dislikes.isEmpty {
            add(dislikes.map(\.linear), scale: -settings.dislikeCentroidWeight / Float(dislikes.count), into: &weights)
        }
        return weights
    }

    func ridge(examples: [RatedExample], negatives: WeakNegatives) throws -> [Float] {
        precondition(negatives.matches(settings), "ProfileTrainer: weak negatives were factored for other settings")
        // A rated paper that is also in the shared negative sample (possible when one sample serves many
        // users, as in `evaluate`) simply appears twice; its rating outweighs the weak target.
        guard let factorization = negatives.factorization else {
            return centroid(likes: examples.filter { $0.label == .like }, dislikes: examples.filter { $0.label == .dislike })
        }
        let vectors = examples.map(\.linear)
        let m = examples.count

        // A = K_PP + λ C_P⁻¹
        var a = SparseGram.gram(vectors, dimension: featureCount)
        var targets = [Float](repeating: 0, count: m)
        for (i, example) in examples.enumerated() {
            let weight: Float = example.label == .like ? 1 : settings.dislikeWeight
            a[i, i] += settings.lambda / weight
            targets[i] = example.label == .like ? 1 : -1
        }
        // B = K_PW (m × n); Z = G⁻¹Bᵀ (n × m)
        let b = negatives.products(with: vectors)
        let z = factorization.solve(b.transposed())
        // S = A − B·Z ; the right-hand side is y_P (y_W = 0, so B·G⁻¹y_W vanishes)
        let bz = b.multiply(z)
        var s = a
        for i in 0 ..< s.storage.count { s.storage[i] -= bz.storage[i] }
        let alphaP = try LAPACK.solvePositiveDefinite(s, Matrix(rows: m, columns: 1, storage: targets)).storage
        // α_W = −Z·α_P (G⁻¹y_W = 0)
        let alphaW = z.multiply(alphaP).map { -$0 }

        var weights = [Float](repeating: 0, count: featureCount)
        for (vector, alpha) in zip(vectors, alphaP) { add([vector], scale: alpha, into: &weights) }
        for (vector, alpha) in zip(negatives.vectors, alphaW) where alpha != 0 { add([vector], scale: alpha, into: &weights) }
        return weights
    }

    private func add(_ vectors: [SparseVector], scale: Float, into weights: inout [Float]) {
        weights.withUnsafeMutableBufferPointer { w in
            for vector in vectors {
                for (index, value) in zip(vector.indices, vector.values) { w[Int(index)] += scale * value }
            }
        }
    }
}
