import LinearAlgebra
import Testing
@testable import TextEmbedding

/// The fused pass over all-ASCII text (``ASCIIWordPass``) gives every bit the general path gives — tokenizer,
/// stop words, plural stems, n-gram hashes, counts, weights — under each definition that changes what it does,
/// on real abstracts and on texts made to reach its edges.
@Suite struct ASCIIWordPassTests {
    static let edgeTexts = [
        "", "a", "x y z", "of the and", "The Models of THE studies; boxes, focus, loss, analysis, series, toes, aies.",
        "GPT-4o beats 3d-cnn on 2025's ImageNet-1k: 99.9% (vs. 97%), see https://github.com/owner/repo and $x^2_i$.",
        "\\textbf{Bold} claims in \\cite{ref} with {braces} and g\\\"odel, www.example.org/page, e.g. i.e. etc",
        "ss ies es s bus buses queries flies ss's s1s 10s abcs", String(repeating: "diffusion models ", count: 300),
        "a1 b2 c3 ab cd ef gh ij kl mn op qr st uv wx yz 0 00 000",
    ]
    /// Not all ASCII: these take the general path in both featurizers; they guard the test's own premise.
    static let otherTexts = ["Gödel's théorème", "扩散模型 diffusion models", "naïve café"]

    static let definitions: [ModelDefinition] = [
        ModelDefinition(name: "default"),
        ModelDefinition(name: "no stems", stemPlurals: false),
        ModelDefinition(name: "stop words kept", dropEnglishStopWords: false),
        ModelDefinition(name: "raw tf", sublinearTF: false),
        ModelDefinition(name: "unigrams only", weights: FeatureWeights(wordBigram: 0)),
        ModelDefinition(name: "bigrams only", weights: FeatureWeights(wordUnigram: 0)),
        ModelDefinition(name: "small", bucketBits: 10),
    ]

    @Test(arguments: definitions.indices)
    func fusedPassEqualsTheGeneralPath(definition index: Int) throws {
        let definition = Self.definitions[index]
        // An idf that is not flat, so a feature counted in the wrong bucket changes a weight.
        let idf = (0 ..< definition.bucketCount).map { Float(1 + ($0 * 7919) % 13) / 4 }
        var fused = Featurizer(definition: definition, idf: idf)
        var general = Featurizer(definition: definition, idf: idf, fusedASCIIPass: false)
        let corpus = try CorpusSample.papers(300, every: 97).map(\.text)
        var asciiTexts = 0
        for text in Self.edgeTexts + Self.otherTexts + corpus {
            let expected = general.sparse(text)
            let vector = fused.sparse(text)
            let bits = vector.values.map { $0.bitPattern }, expectedBits = expected.values.map { $0.bitPattern }
            #expect(vector.indices == expected.indices, "\(definition.name): \(text.prefix(60))")
            #expect(bits == expectedBits, "\(definition.name): \(text.prefix(60))")
            #expect(fused.language == general.language)
            if text.utf8.allSatisfy({ $0 < 0x80 }) { asciiTexts += 1 }
        }
        // Most of the sample takes the fused pass, so the comparison above is of the two paths.
        #expect(asciiTexts > 250)
    }

    @Test func appliesToASCIIOnly() {
        for text in Self.edgeTexts {
            #expect(Array(text.utf8).withUnsafeBufferPointer { ASCIIWordPass.applies(to: $0) })
        }
        for text in Self.otherTexts {
            #expect(!Array(text.utf8).withUnsafeBufferPointer { ASCIIWordPass.applies(to: $0) })
        }
    }

    /// The stop-word table's cheaper first slot still finds every listed word and no other.
    @Test func stopWordTableHoldsExactlyTheList() {
        for word in EnglishStopWords.words {
            #expect(EnglishStopWords.table.contains(FeatureHash.fnv1a(Array(word.utf8))), "\(word)")
        }
        for word in ["model", "diffusion", "thes", "them2", "afterwards2", "systems", "x", "", "amongstt"] {
            #expect(!EnglishStopWords.table.contains(FeatureHash.fnv1a(Array(word.utf8))), "\(word)")
        }
    }
}
