import Foundation
import LinearAlgebra
import TestSupport
import Testing
@testable import TextEmbedding

/// The phrase view (``ModelDefinition/phraseView``): the content n-grams plus the stop words and the words
/// of links, with an idf fitted over both views, while the model's own views stay as they were.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct PhraseViewTests {
    @Test func linksAreKeptAsWordsOnlyWhenAsked() {
        var text = Array("code: https://github.com/owner/repo-name soon".utf8)
        MarkupStripper.strip(&text, keepingLinks: true)
        let words = String(decoding: text, as: UTF8.self)
        #expect(words.contains("github.com/owner/repo-name"))
        var dropped = Array("code: https://github.com/owner/repo-name soon".utf8)
        MarkupStripper.strip(&dropped)
        #expect(!String(decoding: dropped, as: UTF8.self).contains("owner"))
    }

    @Test func thePhraseViewKeepsStopWordsAndLinkWordsTheContentViewDrops() throws {
        let (model, _) = try FittedModels.small.get()
        let text = "We propose a model of the scene. Code: https://github.com/acme-lab/scenenet"
        let content = Set(model.features(of: text).map(\.text))
        let phrases = model.phraseFeatures(of: text)
        let phraseNames = Set(phrases.map(\.text))
        #expect(content.isSuperset(of: ["propose", "model", "scene", "code"]))
        #expect(!content.contains("the") && !content.contains("acme"))
        #expect(phraseNames.isSuperset(of: ["we propose", "of the", "the", "acme", "scenenet", "github"]))
        #expect(phraseNames.isSuperset(of: content.filter { !$0.contains(" ") }), "content unigrams are phrase unigrams")
        // Explanations skip what carries style only.
        #expect(phrases.first { $0.text == "of the" }?.hasStopWord == true)
        #expect(phrases.first { $0.text == "scene" }?.hasStopWord == false)
        #expect(model.features(of: text).allSatisfy { !$0.hasStopWord })
    }

    /// Stop-word n-grams are in most papers, so the union idf makes them cheap, where a model fitted
    /// without the phrase view knows them only through collisions; content buckets keep nearly their idf.
    @Test func theIDFCoversThePhraseViewAndKeepsTheContentView() throws {
        let (model, _) = try FittedModels.small.get()
        let texts = try CorpusSample.papers(2_000).map(\.text)
        var definition = FittedModels.smallDefinition
        definition.phraseView = false
        let (contentOnly, _) = try EmbeddingModel.fit(texts: texts, definition: definition, progress: nil)
        #expect(contentOnly.id != model.id)
        var phrases = try #require(Featurizer(phrasesOf: model))
        let the = try #require(phrases.features(of: "the").first)
        #expect(model.idf[the.bucket] < 1.2)
        #expect(contentOnly.idf[the.bucket] > 5, "unseen, or seen only through a collision")
        #expect(Featurizer(phrasesOf: contentOnly) == nil)
        // The content view's buckets move only where a phrase n-gram shares the bucket (the phrase view's
        // document counts add up there): a few per cent of an idf on the projection's buckets.
        let change = model.projectionBuckets.map { abs(model.idf[Int($0)] - contentOnly.idf[Int($0)]) / contentOnly.idf[Int($0)] }
        #expect(change.reduce(0, +) / Float(change.count) < 0.03)
        // Same projection buckets: the dense view is made from the content view alone.
        #expect(model.projectionBuckets == contentOnly.projectionBuckets)
    }

    /// Definitions written before the field load without it, and it stays out of their canonical JSON, so
    /// their ids (v1–v4) do not change.
    @Test func olderDefinitionsHaveNoPhraseView() throws {
        #expect(ModelDefinition(name: "x").phraseView)
        #expect(!ModelDefinition(name: "x").keepLinkWords)
        for version in ["v3", "v4"] {
            let old = try JSONDecoder().decode(
                ModelDefinition.self, from: Data(contentsOf: SharedData.repositoryRoot
                    .appendingPathComponent("Models/arxiv-cs-2025-\(version)/definition.json")))
            #expect(!old.phraseView && old.phraseDefinition == nil)
            let json = String(decoding: old.canonicalJSON(), as: UTF8.self)
            #expect(!json.contains("phraseView") && !json.contains("keepLinkWords"))
        }
        let shipped = try FittedModels.standard.get()
        #expect(shipped.definition.phraseView)
        #expect(String(decoding: shipped.definition.canonicalJSON(), as: UTF8.self).contains("\"phraseView\":true"))
    }
}
