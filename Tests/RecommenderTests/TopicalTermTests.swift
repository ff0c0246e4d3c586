import LinearAlgebra
import Testing
@testable import Recommender

/// The topical term of `blend`: the cosine to the likes' centroid on the topical view, weighted by
/// ``ProfileSettings/topicalWeight``.
struct TopicalTermTests {
    static func example(_ id: String, bucket: Int32, topical: [Float]) -> RatedExample {
        RatedExample(
            id: id, features: ProfileVector(content: SparseVector(indices: [bucket], values: [1]), topical: topical),
            label: .like)
    }

    @Test func theCentroidOfTheLikesRanksTopicallyCloserPapersHigher() throws {
        let settings = ProfileSettings.with { $0.kind = .blend; $0.minimumLikesForRidge = 3; $0.topicalWeight = 0.5 }
        let likes = [
            Self.example("a", bucket: 1, topical: [1, 0, 0]), Self.example("b", bucket: 2, topical: [0.6, 0.8, 0]),
        ]
        // Two likes: the cold start (centroid + nearest) still gets the topical term.
        let profile = try ProfileTrainer(settings: settings, featureCount: 16).train(likes, negatives: nil)
        let sparse = SparseVector(indices: [9], values: [1])  // shares no bucket with the likes
        let close = profile.score(ProfileVector(content: sparse, topical: [0.8, 0.6, 0]))
        let far = profile.score(ProfileVector(content: sparse, topical: [0, 0, 1]))
        #expect(far.topical == 0)
        // centroid direction (1.6, 0.8, 0)/|·| · (0.8, 0.6, 0) = 1.76 / 1.789
        #expect(abs(close.topical - 1.76 / (1.6 * 1.6 + 0.8 * 0.8).squareRoot()) < 1e-5)
        #expect(abs((close.value - far.value) - 0.5 * close.topical) < 1e-6)
    }

    @Test func withoutTopicalVectorsTheTermIsZero() throws {
        let settings = ProfileSettings.with { $0.kind = .blend; $0.topicalWeight = 0.5 }
        let likes = [Self.example("a", bucket: 1, topical: []), Self.example("b", bucket: 2, topical: [])]
        let profile = try ProfileTrainer(settings: settings, featureCount: 16).train(likes, negatives: nil)
        #expect(profile.score(ProfileVector(content: SparseVector(indices: [1], values: [1]), topical: [1, 0])).topical == 0)
    }

    @Test func onlyBlendUsesTheTopicalTerm() throws {
        let settings = ProfileSettings.with { $0.kind = .centroid; $0.topicalWeight = 0.5 }
        let likes = [Self.example("a", bucket: 1, topical: [1, 0])]
        let profile = try ProfileTrainer(settings: settings, featureCount: 16).train(likes, negatives: nil)
        let score = profile.score(ProfileVector(content: SparseVector(indices: [1], values: [1]), topical: [1, 0]))
        #expect(score.value == score.linear)
    }
}
