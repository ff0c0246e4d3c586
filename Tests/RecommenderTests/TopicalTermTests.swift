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

    /// Model v9: an English candidate's topical term reads the English-only projection against the likes'
    /// centroid there; a translated candidate (no English-only vector) keeps the bilingual reading; a
    /// profile whose likes have no English-only vectors (an older model, Chinese likes) reads the bilingual
    /// view for every candidate.
    @Test func anEnglishCandidateReadsTheEnglishOnlyCentroid() throws {
        let settings = ProfileSettings.with { $0.kind = .blend; $0.minimumLikesForRidge = 3; $0.topicalWeight = 0.5 }
        func like(_ id: String, _ bucket: Int32, bilingual: [Float], english: [Float]) -> RatedExample {
            RatedExample(
                id: id, features: ProfileVector(
                    content: SparseVector(indices: [bucket], values: [1]), topical: bilingual, englishTopical: english),
                label: .like)
        }
        let likes = [like("a", 1, bilingual: [1, 0, 0], english: [0, 1]), like("b", 2, bilingual: [1, 0, 0], english: [0, 1])]
        let profile = try ProfileTrainer(settings: settings, featureCount: 16).train(likes, negatives: nil)
        let sparse = SparseVector(indices: [9], values: [1])
        // Bilingual cosine 0, English-only cosine 1: an English candidate scores on the English one.
        let english = profile.score(ProfileVector(content: sparse, topical: [0, 1, 0], englishTopical: [0, 1]))
        #expect(abs(english.topical - 1) < 1e-6)
        // The same bilingual vector without an English-only one (a translated candidate): the bilingual cosine.
        let translated = profile.score(ProfileVector(content: sparse, topical: [0, 1, 0]))
        #expect(translated.topical == 0)
        #expect(abs(profile.score(ProfileVector(content: sparse, topical: [1, 0, 0])).topical - 1) < 1e-6)

        // Likes without English-only vectors: every candidate reads the bilingual view.
        let older = try ProfileTrainer(settings: settings, featureCount: 16).train(
            [like("a", 1, bilingual: [1, 0, 0], english: []), like("b", 2, bilingual: [1, 0, 0], english: [])],
            negatives: nil)
        #expect(older.score(ProfileVector(content: sparse, topical: [0, 1, 0], englishTopical: [0, 1])).topical == 0)
    }
}
