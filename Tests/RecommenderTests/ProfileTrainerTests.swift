import LinearAlgebra
import Testing
@testable import Recommender

/// The Schur-complement ridge must equal the textbook dual solve of the whole system.
struct ProfileTrainerTests {
    static let dimension = 256

    static func randomVectors(_ count: Int, seed: UInt64) -> [SparseVector] {
        var generator = SeededGenerator(seed: seed)
        return (0 ..< count).map { _ in
            var indices = Set<Int32>()
            while indices.count < 8 { indices.insert(Int32(generator.next() % UInt64(dimension))) }
            let sorted = indices.sorted()
            return SparseVector(indices: sorted, values: sorted.map { _ in Float(generator.nextUnitInterval()) }).normalized()
        }
    }

    /// w = Xᵀα with (XXᵀ + λC⁻¹)α = y over all rows at once (one sposv).
    static func directRidge(_ rows: [SparseVector], targets: [Float], weights: [Float], lambda: Float) throws -> [Float] {
        var gram = SparseGram.gram(rows, dimension: dimension)
        for i in 0 ..< rows.count { gram[i, i] += lambda / weights[i] }
        let alpha = try LAPACK.solvePositiveDefinite(gram, Matrix(rows: rows.count, columns: 1, storage: targets)).storage
        var w = [Float](repeating: 0, count: dimension)
        for (row, a) in zip(rows, alpha) {
            for (index, value) in zip(row.indices, row.values) { w[Int(index)] += a * value }
        }
        return w
    }

    @Test func schurComplementEqualsTheDirectDualSolve() throws {
        let settings = ProfileSettings.with { $0.kind = .ridge; $0.lambda = 0.7; $0.dislikeWeight = 3; $0.weakNegativeWeight = 0.5 }
        let vectors = Self.randomVectors(60, seed: 11)
        let likes = vectors[0 ..< 5].enumerated().map { RatedExample(id: "l\($0.offset)", features: ProfileVector(content: $0.element), label: .like) }
        let dislikes = vectors[5 ..< 7].enumerated().map { RatedExample(id: "d\($0.offset)", features: ProfileVector(content: $0.element), label: .dislike) }
        let weak = Array(vectors[7...])
        let negatives = try WeakNegatives(ids: weak.indices.map { "w\($0)" }, vectors: weak, settings: settings, featureCount: Self.dimension)
        let profile = try ProfileTrainer(settings: settings, featureCount: Self.dimension).train(likes + dislikes, negatives: negatives)
        #expect(profile.effectiveKind == .ridge)

        let rows = likes.map(\.content) + dislikes.map(\.content) + weak
        let targets = [Float](repeating: 1, count: 5) + [-1, -1] + [Float](repeating: 0, count: weak.count)
        let weights = [Float](repeating: 1, count: 5) + [3, 3] + [Float](repeating: 0.5, count: weak.count)
        let expected = try Self.directRidge(rows, targets: targets, weights: weights, lambda: 0.7)
        for probe in Self.randomVectors(20, seed: 12) {
            let reference = zip(probe.indices, probe.values).reduce(Float(0)) { $0 + expected[Int($1.0)] * $1.1 }
            #expect(abs(profile.linearScore(probe) - reference) < 1e-3, "ridge score differs from the direct solve")
        }
    }

    @Test func fewLikesFallBackToTheColdStart() throws {
        let vectors = Self.randomVectors(30, seed: 21)
        let settings = ProfileSettings.with { $0.kind = .blend; $0.minimumLikesForRidge = 3 }
        let negatives = try WeakNegatives(ids: (0 ..< 28).map { "w\($0)" }, vectors: Array(vectors[2...]), settings: settings, featureCount: Self.dimension)
        let likes = [RatedExample(id: "a", features: ProfileVector(content: vectors[0]), label: .like), RatedExample(id: "b", features: ProfileVector(content: vectors[1]), label: .like)]
        let profile = try ProfileTrainer(settings: settings, featureCount: Self.dimension).train(likes, negatives: negatives)
        #expect(profile.weakNegativeCount == 0)
        // The centroid + nearest-liked cold start: a liked paper scores its own cosine (1) in the nearest term.
        #expect(profile.nearestLike(vectors[0])?.index == 0)
        #expect(abs((profile.nearestLike(vectors[0])?.similarity ?? 0) - 1) < 1e-5)
        #expect(profile.score(ProfileVector(content: vectors[0])).value > profile.score(ProfileVector(content: vectors[20])).value)
    }

    @Test func dislikesPushTheirOwnTopicDown() throws {
        let vectors = Self.randomVectors(3, seed: 31)
        let examples = [
            RatedExample(id: "like", features: ProfileVector(content: vectors[0]), label: .like),
            RatedExample(id: "dislike", features: ProfileVector(content: vectors[1]), label: .dislike),
        ]
        let profile = try ProfileTrainer(settings: ProfileSettings.with { $0.kind = .centroid }, featureCount: Self.dimension).train(examples, negatives: nil)
        #expect(profile.linearScore(vectors[0]) > 0)
        #expect(profile.linearScore(vectors[1]) < profile.linearScore(vectors[0]))
        #expect(profile.dislikeIDs == ["dislike"])
    }

    @Test func anEmptyProfileIsEmpty() throws {
        let profile = try ProfileTrainer(featureCount: Self.dimension).train([], negatives: nil)
        #expect(profile.isEmpty)
        #expect(profile.score(ProfileVector(content: Self.randomVectors(1, seed: 1)[0])).value == 0)
    }
}
