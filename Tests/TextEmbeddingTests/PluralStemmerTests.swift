import Foundation
import LinearAlgebra
import Testing
@testable import TextEmbedding

/// Harman's S stemmer and its use by the featurizer (`stemPlurals`, on since model v3).
struct PluralStemmerTests {
    /// The stemmed word as text, applying ``PluralStemmer/stem(_:_:)``'s answer.
    static func stemmed(_ word: String) -> String {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            guard let (keep, append) = PluralStemmer.stem(buffer, 0 ..< buffer.count) else { return word }
            return String(decoding: bytes[..<keep] + (append.map { [$0] } ?? []), as: UTF8.self)
        }
    }

    @Test(arguments: [
        ("models", "model"), ("studies", "study"), ("queries", "query"), ("boxes", "boxe"), ("gaussians", "gaussian"),
        ("llms", "llm"), ("transformers", "transformer"), ("analyses", "analyse"),
    ])
    func pluralsFoldOntoTheSingular(word: String, stem: String) {
        #expect(Self.stemmed(word) == stem)
    }

    @Test(arguments: ["loss", "focus", "corpus", "aies", "goes", "trees", "gas", "its", "model", "naïves", "3ds"])
    func otherWordsAreLeftAlone(word: String) {
        // ≤ 3 bytes, -ss, -us, -eies/-aies, -aes/-ees/-oes, non-ASCII and digits-with-letters below four bytes
        #expect(Self.stemmed(word) == word)
    }

    @Test func singularAndPluralShareTheirFeatures() {
        var featurizer = unweightedFeaturizer()
        #expect(featurizer.sparse("Diffusion models for queries") == featurizer.sparse("diffusion model for query"))
    }

    @Test func modelsBeforeV3KeepPluralsApart() throws {
        var legacy = unweightedFeaturizer(ModelDefinition(name: "v2", weights: FeatureWeights(), stemPlurals: false, dropChineseStopWords: false, chineseWords: nil))
        #expect(legacy.sparse("diffusion models") != legacy.sparse("diffusion model"))
        // A definition written before the field existed decodes with stemming off, so its id is unchanged.
        let json = try JSONEncoder().encode(ModelDefinition(name: "v2", weights: FeatureWeights(), stemPlurals: false, dropChineseStopWords: false, chineseWords: nil))
        #expect(!String(decoding: json, as: UTF8.self).contains("stemPlurals"))
        #expect(try JSONDecoder().decode(ModelDefinition.self, from: json).stemPlurals == false)
    }

    @Test func stopWordsAreDroppedBeforeStemming() {
        // "this" and "its" are stop words; stemming must not turn them into content words ("thi").
        var featurizer = unweightedFeaturizer()
        #expect(featurizer.sparse("this graph its nodes") == featurizer.sparse("graph node"))
    }

    @Test func explanationsShowTheWordAsWritten() {
        var featurizer = unweightedFeaturizer()
        let names = featurizer.features(of: "diffusion models").map(\.text)
        #expect(names == ["diffusion", "models", "diffusion models"])
    }
}
