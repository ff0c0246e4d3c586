import Foundation
import LinearAlgebra
import TestSupport
import Testing
import TextEmbedding
@testable import Recommender

/// The profile's linear part reads the model's phrase view (``LinearView/phrases``); the nearest-liked
/// term, hubness and the reasons stay on content.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct LinearViewTests {
    static let text = "We propose a model of the scene graph. Code: https://github.com/acme-lab/scenenet"

    @Test func phraseVectorsAreWhatTheLinearPartReads() throws {
        let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        var phrases = ProfileFeatures(model: model, settings: ProfileSettings.with { $0.linearView = .phrases })
        var content = ProfileFeatures(model: model, settings: ProfileSettings.with { $0.linearView = .content })
        #expect(phrases.linearView == .phrases && content.linearView == .content)
        let vector = phrases.vector(Self.text)
        #expect(vector.content == model.sparse(Self.text))
        #expect(vector.linear.indices.count > vector.content.indices.count)
        #expect(abs(vector.linear.norm - 1) < 1e-5)
        #expect(content.vector(Self.text).linear == vector.content)
        // Names for reasons: content n-grams of the phrase view, never a stop word or a lone CJK character.
        let names = Set(phrases.linearFeatureNames(of: Self.text).values)
        #expect(names.isSuperset(of: ["scene graph", "acme", "scenenet"]))
        #expect(!names.contains { $0.split(separator: " ").contains { ["the", "of", "we", "a"].contains(String($0)) } })
    }

    @Test func aModelWithoutAPhraseViewFallsBackToContent() throws {
        let texts = try CorpusSlice.texts(600, every: 60)
        var definition = ModelDefinition(name: "no-phrases", dimension: 32, minimumDocumentFrequency: 3)
        definition.phraseView = false
        let (model, _) = try EmbeddingModel.fit(texts: texts, definition: definition)
        var features = ProfileFeatures(model: model, settings: ProfileSettings.with { $0.linearView = .phrases })
        #expect(features.linearView == .content)
        let vector = features.vector(Self.text)
        #expect(vector.linear == vector.content)
    }

    /// The negatives' factor is of the linear view's Gram: a cache built for one view never serves the other.
    @Test func theNegativesCacheRemembersItsView() throws {
        let corpus = try CorpusLibrary()
        var recommender = corpus.recommender
        let phrases = try #require(try recommender.weakNegatives())
        let url = WeakNegativesCache.url(in: corpus.directory.url, modelID: corpus.model.id)
        let cache = try #require(WeakNegativesCache.load(from: url, featureCount: corpus.model.definition.bucketCount))
        #expect(cache.linearView == .phrases && cache.matches(recommender.settings))
        var content = recommender.settings
        content.linearView = .content
        #expect(!cache.matches(content))

        recommender.settings = content
        let rebuilt = try #require(try recommender.weakNegatives())
        #expect(rebuilt.ids == phrases.ids)
        #expect(WeakNegativesCache.load(from: url, featureCount: corpus.model.definition.bucketCount)?.linearView == .content)
        // Same papers, other view: the ridge's vectors differ, the content views (hubness) do not.
        #expect(rebuilt.vectors[0] != phrases.vectors[0])
        let probe = try #require(Hubness(sample: rebuilt, neighbours: 5)).values(of: [corpus.model.sparse(Self.text)], ids: ["x"])
        let same = try #require(Hubness(sample: phrases, neighbours: 5)).values(of: [corpus.model.sparse(Self.text)], ids: ["x"])
        #expect(probe == same)
    }

    /// A cache written before the view was recorded (format 1) is not read: it is rebuilt in the current format.
    @Test func aFormatOneCacheIsRebuilt() throws {
        let corpus = try CorpusLibrary()
        let url = WeakNegativesCache.url(in: corpus.directory.url, modelID: corpus.model.id)
        try Data("ARXNEG1\u{0}".utf8 + [UInt8](repeating: 0, count: 64)).write(to: url)
        #expect(WeakNegativesCache.load(from: url, featureCount: corpus.model.definition.bucketCount) == nil)
        _ = try #require(try corpus.recommender.weakNegatives())
        #expect(try Data(contentsOf: url).prefix(8) == Data(WeakNegativesCache.magic))
        #expect(WeakNegativesCache.load(from: url, featureCount: corpus.model.definition.bucketCount)?.linearView == .phrases)
    }
}
