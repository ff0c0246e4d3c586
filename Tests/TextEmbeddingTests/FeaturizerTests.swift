import Foundation
import LinearAlgebra
import Testing
@testable import TextEmbedding

/// A featurizer with idf 1 everywhere: the sparse view of the hash alone, independent of any fitted model.
/// A featurizer with idf 1 under `definition` (by default the sparse view of models v3–v5: CJK character
/// uni- and bigrams; ``ChineseWordFeaturesTests`` covers v6's Chinese words).
func unweightedFeaturizer(
    _ definition: ModelDefinition = ModelDefinition(name: "unweighted", weights: FeatureWeights(), chineseWords: nil)
) -> Featurizer {
    Featurizer(definition: definition, idf: [Float](repeating: 1, count: definition.bucketCount))
}

struct FeaturizerTests {
    static let goldenText = "Diffusion models for high-resolution image synthesis. We train latent diffusion models."

    /// Pins the buckets and weights of a fixed text: any change to normalisation, tokenization, stop words,
    /// the hash, the seed or the weighting breaks this test, as it would silently invalidate every stored
    /// vector.
    @Test(arguments: [true, false])
    func goldenSparseVector(stemPlurals: Bool) {
        var featurizer = unweightedFeaturizer(ModelDefinition(name: "unweighted", weights: FeatureWeights(), stemPlurals: stemPlurals, dropChineseStopWords: stemPlurals, chineseWords: nil))
        let vector = featurizer.sparse(Self.goldenText)
        let pinned: [(Int32, Float)] = stemPlurals ? GoldenValues.sparse : GoldenValues.sparseWithoutStemming
        #expect(vector.indices.count == GoldenValues.sparseCount)
        for (bucket, weight) in pinned {
            guard let i = vector.indices.firstIndex(of: bucket) else {
                Issue.record("bucket \(bucket) missing")
                continue
            }
            #expect(vector.values[i] == weight, "bucket \(bucket)")
        }
    }

    @Test func sparseVectorsAreSortedNormalisedAndDeterministic() {
        var a = unweightedFeaturizer()
        var b = unweightedFeaturizer()
        let first = a.sparse(Self.goldenText)
        _ = a.sparse("something else entirely, to dirty the buffers")
        #expect(a.sparse(Self.goldenText) == first)
        #expect(b.sparse(Self.goldenText) == first)
        #expect(zip(first.indices, first.indices.dropFirst()).allSatisfy { $0 < $1 })
        #expect(abs(first.norm - 1) < 1e-6)
    }

    @Test func featuresAreWordUniAndBigramsWithoutStopWords() {
        var featurizer = unweightedFeaturizer()
        let features = featurizer.features(of: "The model of the diffusion")
        #expect(features.map(\.text) == ["model", "diffusion", "model diffusion"])
        #expect(features.map(\.kind) == [.wordUnigram, .wordUnigram, .wordBigram])
        #expect(featurizer.sparse("the of and with which").isEmpty)
    }

    @Test func stopWordListIsScikitLearns() {
        #expect(EnglishStopWords.words.count == 318)
        #expect(Set(EnglishStopWords.words).count == 318)
        for word in ["the", "of", "amoungst", "system", "yourselves"] {
            #expect(EnglishStopWords.table.contains(FeatureHash.fnv1a(Array(word.utf8))))
        }
        for word in ["model", "diffusion", "thickv", "network"] {
            #expect(!EnglishStopWords.table.contains(FeatureHash.fnv1a(Array(word.utf8))))
        }
    }

    @Test func stopWordsCanBeKept() {
        var definition = ModelDefinition(name: "keep-stop-words")
        definition.dropEnglishStopWords = false
        var featurizer = unweightedFeaturizer(definition)
        #expect(featurizer.features(of: "the model").map(\.text) == ["the", "model", "the model"])
    }

    @Test func chineseDigestTitlesGiveCharacterUniAndBigrams() throws {
        let titles = try CorpusSample.digestTitles()
        #expect(titles.count == 10)
        var featurizer = unweightedFeaturizer()
        for title in titles {
            let features = featurizer.features(of: title)
            let cjk = features.filter { $0.kind == .cjkUnigram || $0.kind == .cjkBigram }
            #expect(!cjk.isEmpty, "\(title)")
            for feature in cjk {
                #expect(feature.text.unicodeScalars.count == (feature.kind == .cjkUnigram ? 1 : 2), "\(feature)")
            }
            #expect(!featurizer.sparse(title).isEmpty)
        }
        let first = featurizer.features(of: "棱镜假说：通过统一自编码实现语义与像素表征的和谐统一")
        #expect(first.prefix(5).map(\.text) == ["棱", "镜", "棱镜", "假", "镜假"])
        #expect(first.contains { $0.text == "统一" && $0.kind == .cjkBigram })
        #expect(!first.contains { $0.text.unicodeScalars.count > 2 })
    }

    @Test func mixedTextKeepsLatinWordsAndCJKCharacters() {
        var featurizer = unweightedFeaturizer()
        let texts = featurizer.features(of: "Interact2Ar：基于自回归扩散模型").map(\.text)
        #expect(texts.contains("interact2ar"))
        #expect(texts.contains("扩散"))
        #expect(!texts.contains { $0.contains("interact2ar") && $0.count > "interact2ar".count })
    }

    @Test func emptyTextGivesTheEmptyVector() {
        var featurizer = unweightedFeaturizer()
        #expect(featurizer.sparse("") == .empty)
        #expect(featurizer.sparse("$x$ {} \\alpha").isEmpty)
        #expect(featurizer.features(of: "").isEmpty)
    }

    @Test func repeatedTermsAreSublinear() {
        var featurizer = unweightedFeaturizer()
        let features = featurizer.features(of: "graph graph graph neural")
        #expect(features.map(\.text) == ["graph", "graph graph", "neural", "graph neural"])
        let ratio = features[0].weight / features[2].weight
        #expect(abs(ratio.magnitude - Float(1 + log(3.0))) < 1e-5)
    }
}
