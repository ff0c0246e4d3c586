import Testing
@testable import Recommender
@testable import TextEmbedding

/// The English gloss a reason gives a Chinese word (``CrossLanguageReason/gloss(of:table:names:)``): the
/// word's best table entry, not the bucket that matched the profile, and none when the best is weak.
@Suite struct CrossLanguageGlossTests {
    /// 基准测试 (bucket 10) → benchmark (100) 0.7, language (101) 0.2, model (102) −0.1 (a signed
    /// bucket); 方法 (bucket 11) → three entries the table cannot tell apart.
    static let table = TermTable(entries: [
        (10, 100, 0.7), (10, 101, 0.2), (10, 102, -0.1),
        (11, 100, 0.34), (11, 101, 0.33), (11, 102, 0.33),
    ])
    static let names: [Int32: String] = [100: "benchmark", 101: "language", 102: "model"]

    @Test func aWordIsGlossedByItsBestEntryWhicheverBucketMatched() {
        #expect(CrossLanguageReason.gloss(of: 10, table: Self.table, names: Self.names) == "benchmark")
    }

    @Test func aWeakBestEntryOrAnUnnamedOneGivesNoGloss() {
        #expect(CrossLanguageReason.gloss(of: 11, table: Self.table, names: Self.names) == nil, "0.34 is not ahead of 0.33")
        #expect(CrossLanguageReason.gloss(of: 10, table: Self.table, names: [101: "language"]) == nil,
                "the likes do not name benchmark: no gloss rather than the matched company word")
        #expect(CrossLanguageReason.gloss(of: 12, table: Self.table, names: Self.names) == nil, "a word without a row")
    }
}
