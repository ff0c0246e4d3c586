import Foundation
import LinearAlgebra
import Testing
import TestSupport
@testable import TextEmbedding

/// Every vector the featurizer makes stays bit-identical to what the code before the speed work
/// (main at 8606810) made: a digest of each view of each ``IdentityInputs`` text is pinned in
/// `Fixtures/embedding-digests.txt`, written by that code.
///
/// The golden tests pin one short text; this pins 2,050 texts — real English and Chinese abstracts and
/// mutated ones — through the committed model's sparse and dense view and its language call, and for every
/// fourth text also its phrase view and, with idf 1, the definitions of older models (CJK characters
/// instead of words, no plural stemming), for every sixteenth the explanations' features; each view runs
/// through one reused featurizer as ingest runs it. (The whole corpora, 40,717 English and 37,984 Chinese
/// texts, are compared in release by `Benchmarks/Sources/embed-profile`'s checksum.)
///
/// If the committed model is replaced on purpose, the digests change with it: after this test has passed
/// against the old model, rewrite the file with `ARXREC_WRITE_EMBEDDING_DIGESTS=1 swift test --filter
/// EmbeddingIdentityTests` (the run writes it and fails once, so a write is never mistaken for a pass).
@Suite(.tags(.slow), .skippedInQuickLoop)
struct EmbeddingIdentityTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/embedding-digests.txt")

    @Test func everyViewOfEveryInputMatchesThePinnedDigest() throws {
        let model = try FittedModels.standard.get()
        let inputs = try IdentityInputs.all()
        var views = try Views(model: model)
        let digests = inputs.enumerated().map { index, input in
            views.digest(of: input.text, allViews: index % 4 == 0, withFeatures: index % 16 == 0)
        }
        let header = "model \(model.id)"

        if ProcessInfo.processInfo.environment["ARXREC_WRITE_EMBEDDING_DIGESTS"] == "1" {
            let lines = [header] + digests.map { String(format: "%016llx", $0) }
            try (lines.joined(separator: "\n") + "\n").write(to: Self.fixture, atomically: true, encoding: .utf8)
            Issue.record("wrote \(Self.fixture.path) (\(digests.count) digests): rerun without ARXREC_WRITE_EMBEDDING_DIGESTS")
            return
        }
        let lines = try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n").map(String.init)
        try #require(
            lines.first == header,
            "\(Self.fixture.path):1: pinned for \(lines.first ?? "nothing"), the committed model is \(model.id): see this test's doc comment")
        try #require(lines.count - 1 == inputs.count, "\(Self.fixture.path): \(lines.count - 1) digests for \(inputs.count) inputs")
        var mismatches: [String] = []
        for (index, input) in inputs.enumerated() where lines[index + 1] != String(format: "%016llx", digests[index]) {
            mismatches.append("\(input.label) (line \(index + 2)): \(input.text.prefix(60).debugDescription)")
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) inputs changed, first: \(mismatches.prefix(5).joined(separator: "; "))")
    }

    /// The input list itself is pinned too (its size and a few of its texts), so a change to the generator
    /// shows as such rather than as changed vectors.
    @Test func inputsAreTheListTheDigestsWereMadeFrom() throws {
        let inputs = try IdentityInputs.all()
        #expect(inputs.count == IdentityInputs.englishCount + IdentityInputs.chineseCount + IdentityInputs.mutatedCount)
        let nonASCII = inputs.filter { !$0.text.utf8.allSatisfy { $0 < 0x80 } }.count
        #expect(nonASCII > IdentityInputs.chineseCount + IdentityInputs.mutatedCount / 2)
        #expect(inputs.contains { $0.text.unicodeScalars.contains("\u{fffd}") })
        #expect(inputs.contains { $0.text.utf8.count > 5_000 })
        #expect(inputs.contains { $0.text.isEmpty })
    }
}

/// The featurizers whose output the digests cover, each reused from one text to the next.
private struct Views {
    let model: EmbeddingModel
    var content: Featurizer
    var phrases: Featurizer
    var characters: Featurizer
    var unstemmed: Featurizer

    init(model: EmbeddingModel) throws {
        self.model = model
        content = Featurizer(model: model)
        phrases = try #require(Featurizer(phrasesOf: model))
        let older = ModelDefinition(name: "v3", weights: FeatureWeights(), chineseWords: nil)
        characters = Featurizer(definition: older, idf: [Float](repeating: 1, count: older.bucketCount))
        let oldest = ModelDefinition(
            name: "v1", weights: FeatureWeights(), stemPlurals: false, dropChineseStopWords: false, chineseWords: nil)
        unstemmed = Featurizer(definition: oldest, idf: [Float](repeating: 1, count: oldest.bucketCount))
    }

    /// FNV-1a over the bucket indices and value bit patterns of the model's sparse and dense view (and the
    /// text's language); with `allViews` also over the other featurizers' sparse views, with `withFeatures`
    /// also over the explanation path's features (their text, kind, bucket and weight). Not every view of
    /// every text, so the test stays a matter of seconds in a debug build.
    mutating func digest(of text: String, allViews: Bool, withFeatures: Bool) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ value: UInt32) {
            for shift in stride(from: 0, to: 32, by: 8) { hash = (hash ^ UInt64((value >> UInt32(shift)) & 0xff)) &* 0x100_0000_01b3 }
        }
        func mix(_ vector: SparseVector) {
            mix(UInt32(vector.indices.count))
            for (index, value) in zip(vector.indices, vector.values) {
                mix(UInt32(bitPattern: index))
                mix(value.bitPattern)
            }
        }
        let sparse = content.sparse(text)
        mix(sparse)
        mix(content.language == .chinese ? 1 : 0)
        for value in model.dense(sparse) { mix(value.bitPattern) }
        if allViews {
            mix(phrases.sparse(text))
            mix(characters.sparse(text))
            mix(unstemmed.sparse(text))
        }
        if withFeatures {
            for feature in content.features(of: text) + phrases.features(of: text) {
                for byte in feature.text.utf8 { mix(UInt32(byte)) }
                mix(UInt32(feature.kind.rawValue) << 24 | UInt32(feature.bucket))
                mix(feature.weight.bitPattern)
                mix(feature.hasStopWord ? 1 : 0)
            }
        }
        return hash
    }
}
