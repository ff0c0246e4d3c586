import Foundation
import Testing
import TestSupport
@testable import TextEmbedding

/// The sparse view of Chinese text under a definition with ``ModelDefinition/chineseWords`` (model v6):
/// whole words of the lexicon instead of character uni- and bigrams.
struct ChineseWordFeaturesTests {
    static let lexicon = ChineseLexiconTests.lexicon([
        ("扩散模型", 6), ("扩散", 5), ("模型", 5), ("生成", 5), ("图像", 5), ("我们", 4), ("提出", 4), ("的", 3),
        ("扩", 9), ("散", 9), ("模", 9), ("型", 9), ("生", 9), ("成", 9), ("图", 9), ("像", 9),
    ])
    static let definition = ModelDefinition(
        name: "words", weights: .chineseWords, chineseWords: ChineseWordSettings())

    static func featurizer() -> Featurizer {
        Featurizer(definition: definition, idf: [Float](repeating: 1, count: definition.bucketCount), lexicon: lexicon)
    }

    @Test func chineseTextGivesWholeWordsWithoutFunctionWords() {
        var featurizer = Self.featurizer()
        let features = featurizer.features(of: "我们提出的扩散模型生成图像。")
        #expect(features.map(\.text) == ["扩散模型", "生成", "图像"])
        #expect(features.allSatisfy { $0.kind == .cjkWord })
    }

    @Test func runsEndAtPunctuationAndLatinWords() {
        var featurizer = Self.featurizer()
        let features = featurizer.features(of: "扩散 Transformer 模型，生成GRPO图像")
        #expect(features.filter { $0.kind == .cjkWord }.map(\.text) == ["扩散", "模型", "生成", "图像"])
        #expect(features.contains { $0.text == "transformer" && $0.kind == .wordUnigram })
        #expect(features.contains { $0.text == "grpo" && $0.kind == .wordUnigram })
    }

    @Test func englishTextIsUnchanged() {
        var words = Self.featurizer()
        var definition = Self.definition
        definition.weights = FeatureWeights()
        definition.chineseWords = nil
        var characters = Featurizer(definition: definition, idf: [Float](repeating: 1, count: definition.bucketCount))
        #expect(words.sparse(FeaturizerTests.goldenText) == characters.sparse(FeaturizerTests.goldenText))
    }

    @Test func theLanguageIsToldFromTheCharacters() {
        var featurizer = Self.featurizer()
        #expect(featurizer.language(of: "检索增强生成") == .chinese)
        #expect(featurizer.language(of: "基于GRPO和ImageNet的扩散模型训练方法") == .chinese)
        #expect(featurizer.language(of: "Diffusion models (扩散模型) for image synthesis") == .english)
        #expect(featurizer.language(of: "") == .english)
        _ = featurizer.sparse("扩散模型")
        #expect(featurizer.language == .chinese)
    }

    /// A definition that weighs Chinese words must say how to learn them; older definitions have neither
    /// field and keep their canonical JSON (and ids).
    @Test func wordsNeedTheirSettingsAndOldDefinitionsAreUnchanged() throws {
        var invalid = ModelDefinition(name: "no-settings", weights: .chineseWords, chineseWords: nil)
        #expect(throws: ModelError.self) { try invalid.validate() }
        invalid.chineseWords = ChineseWordSettings()
        try invalid.validate()
        let v5 = ModelDefinition(name: "v5", weights: FeatureWeights(), phraseView: true, chineseWords: nil)
        let json = String(decoding: v5.canonicalJSON(), as: UTF8.self)
        #expect(!json.contains("cjkWord") && !json.contains("chineseWords"))
        let words = String(decoding: Self.definition.canonicalJSON(), as: UTF8.self)
        #expect(words.contains("\"cjkWord\":1") && words.contains("\"chineseWords\":{"))
        #expect(try JSONDecoder().decode(ModelDefinition.self, from: Self.definition.canonicalJSON()) == Self.definition)
    }

    /// The kept definitions of v1–v5 decode without the v6 fields, re-encode without them (so their ids are
    /// unchanged) and featurize Chinese as character uni- and bigrams, as they always did.
    @Test func keptDefinitionsOfOlderModelsHaveNoChineseWords() throws {
        for version in ["v1", "v2", "v3", "v4", "v5"] {
            let url = SharedData.repositoryRoot.appendingPathComponent("Models/arxiv-cs-2025-\(version)/definition.json")
            let data = try Data(contentsOf: url)
            let old = try JSONDecoder().decode(ModelDefinition.self, from: data)
            #expect(old.chineseWords == nil && old.weights.cjkWord == 0, "\(version)")
            let json = String(decoding: old.canonicalJSON(), as: UTF8.self)
            #expect(!json.contains("cjkWord") && !json.contains("chineseWords"), "\(version)")
            let original = try JSONSerialization.jsonObject(with: data) as? NSDictionary
            let reencoded = try JSONSerialization.jsonObject(with: old.canonicalJSON()) as? NSDictionary
            #expect(original == reencoded, "\(version) re-encodes to the same fields")
            var featurizer = unweightedFeaturizer(old)
            let kinds = Set(featurizer.features(of: "扩散模型生成图像").map(\.kind))
            #expect(kinds == [.cjkUnigram, .cjkBigram], "\(version)")
        }
    }
}
