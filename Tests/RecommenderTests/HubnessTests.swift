import Foundation
import LinearAlgebra
import Testing
@testable import Recommender

/// ``Hubness``: the mean of a paper's largest sparse cosines to the weak-negative sample, its own row
/// excluded, and how `blend` takes it off the nearest-liked cosine.
struct HubnessTests {
    static let dimension = 256

    static func sample(_ settings: ProfileSettings = ProfileSettings()) throws -> WeakNegatives {
        let vectors = ProfileTrainerTests.randomVectors(40, seed: 31)
        return try WeakNegatives(ids: (0 ..< 40).map { "w\($0)" }, vectors: vectors, settings: settings, featureCount: dimension)
    }

    /// The same mean computed by hand: every cosine, sorted, the best `k` averaged.
    static func reference(_ x: SparseVector, sample: [SparseVector], skipping own: Int?, k: Int) -> Float {
        let cosines = sample.enumerated().filter { $0.offset != own }.map { x.dot($0.element) }.sorted(by: >)
        return cosines.prefix(k).reduce(0, +) / Float(k)
    }

    @Test func isTheMeanOfTheLargestCosinesToTheSample() throws {
        let negatives = try Self.sample()
        let hubness = try #require(Hubness(sample: negatives, neighbours: 5))
        let probes = ProfileTrainerTests.randomVectors(7, seed: 32)
        let values = hubness.values(of: probes, ids: probes.indices.map { "p\($0)" })
        for (probe, value) in zip(probes, values) {
            let expected = Self.reference(probe, sample: negatives.vectors, skipping: nil, k: 5)
            #expect(abs(value - expected) < 1e-5)
            #expect(value > 0)
        }
    }

    @Test func aPaperInTheSampleDoesNotCountItself() throws {
        let negatives = try Self.sample()
        let hubness = try #require(Hubness(sample: negatives, neighbours: 3))
        let member = negatives.vectors[4]
        let asMember = hubness.values(of: [member], ids: ["w4"])[0]
        let asStranger = hubness.values(of: [member], ids: ["elsewhere"])[0]
        #expect(abs(asMember - Self.reference(member, sample: negatives.vectors, skipping: 4, k: 3)) < 1e-5)
        // As a stranger its own cosine of 1 is among the top 3.
        #expect(asStranger > asMember)
        #expect(abs(asStranger - Self.reference(member, sample: negatives.vectors, skipping: nil, k: 3)) < 1e-5)
    }

    @Test func needsMoreSamplePapersThanNeighbours() throws {
        let negatives = try Self.sample()
        #expect(Hubness(sample: negatives, neighbours: 40) == nil)
        #expect(Hubness(sample: negatives, neighbours: 0) == nil)
    }

    @Test func blendTakesHubnessOffTheNearestLikedCosine() throws {
        let settings = ProfileSettings.with { $0.kind = .blend; $0.nearestWeight = 0.4; $0.hubnessWeight = 1.5; $0.hubnessNeighbours = 5 }
        let negatives = try Self.sample(settings)
        let likes = ProfileTrainerTests.randomVectors(4, seed: 33).enumerated().map {
            RatedExample(id: "l\($0.offset)", features: ProfileVector(content: $0.element), label: .like)
        }
        let profile = try ProfileTrainer(settings: settings, featureCount: Self.dimension).train(likes, negatives: negatives)
        #expect(profile.hubness != nil)
        let candidate = ProfileTrainerTests.randomVectors(1, seed: 34)[0]
        let plain = profile.score(ProfileVector(content: candidate))
        let hub = profile.score(ProfileVector(content: candidate, hubness: 0.2))
        #expect(hub.hubness == 0.2)
        #expect(abs((plain.value - hub.value) - 0.4 * 1.5 * 0.2) < 1e-6)
        #expect(hub.linear == plain.linear)
    }

    /// Each like's cosine is lessened by its own hubness when the nearest like is chosen; the reason
    /// still shows the plain cosine of the like chosen.
    @Test func theNearestLikeIsChosenWithEachLikesHubnessTakenOff() throws {
        let settings = ProfileSettings.with { $0.kind = .blend; $0.hubnessNeighbours = 5; $0.likeHubnessWeight = 1 }
        let negatives = try Self.sample(settings)
        let likes = ProfileTrainerTests.randomVectors(6, seed: 37).enumerated().map {
            RatedExample(id: "l\($0.offset)", features: ProfileVector(content: $0.element), label: .like)
        }
        let profile = try ProfileTrainer(settings: settings, featureCount: Self.dimension).train(likes, negatives: negatives)
        let hubness = try #require(Hubness(sample: negatives, neighbours: 5)).values(of: likes.map(\.content), ids: likes.map(\.id))
        #expect(profile.likePenalties == hubness)
        var unpenalised = settings
        unpenalised.likeHubnessWeight = 0
        let plain = try ProfileTrainer(settings: unpenalised, featureCount: Self.dimension).train(likes, negatives: negatives)
        #expect(plain.likePenalties.isEmpty)
        var differed = false
        for candidate in ProfileTrainerTests.randomVectors(200, seed: 38) {
            let cosines = likes.map { $0.content.dot(candidate) }
            let adjusted = zip(cosines, hubness).map { $0 - $1 }
            let best = try #require(adjusted.indices.max { adjusted[$0] < adjusted[$1] })
            let nearest = try #require(profile.nearestLike(candidate))
            #expect(nearest.index == best)
            #expect(nearest.similarity == cosines[best])
            let score = profile.score(ProfileVector(content: candidate))
            let expected = score.linear + 0.4 * adjusted[best] + 0 * score.topical
            #expect(abs(score.value - expected) < 1e-5)
            if plain.nearestLike(candidate)?.index != best { differed = true }
        }
        #expect(differed, "the penalty never changed which like is nearest")
    }

    @Test func otherRulesAndSettingsIgnoreHubness() throws {
        let negatives = try Self.sample(ProfileSettings.with { $0.kind = .ridge })
        let likes = ProfileTrainerTests.randomVectors(4, seed: 35).enumerated().map {
            RatedExample(id: "l\($0.offset)", features: ProfileVector(content: $0.element), label: .like)
        }
        let candidate = ProfileVector(content: ProfileTrainerTests.randomVectors(1, seed: 36)[0], hubness: 0.3)
        for settings in [ProfileSettings.with { $0.kind = .ridge }, ProfileSettings.with { $0.kind = .blend; $0.hubnessWeight = 0 }] {
            let profile = try ProfileTrainer(settings: settings, featureCount: Self.dimension).train(likes, negatives: negatives)
            #expect(profile.hubness == nil)
            #expect(profile.score(candidate).hubness == 0)
        }
    }

    @Test func settingsWrittenBeforeHubnessDecodeToTheDefaults() throws {
        let old = #"{"kind":"blend","lambda":1,"nearestWeight":0.25,"topicalWeight":0.07}"#
        let settings = try JSONDecoder().decode(ProfileSettings.self, from: Data(old.utf8))
        #expect(settings.nearestWeight == 0.25)
        #expect(settings.hubnessWeight == ProfileSettings.standard.hubnessWeight)
        #expect(settings.hubnessNeighbours == ProfileSettings.standard.hubnessNeighbours)
    }
}
