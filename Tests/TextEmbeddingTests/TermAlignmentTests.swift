import Foundation
import Testing
@testable import TextEmbedding

/// IBM-1 re-estimation of the term table (``TermAlignment``): the words of a pair compete for its English
/// buckets, so a word stops inheriting the English of the word it keeps company with.
@Suite struct TermAlignmentTests {
    /// 语言模型 (slot 0) is in every pair with "language" (bucket 1); 基准测试 (slot 1) is in half of them, each
    /// time with 语言模型, and those pairs also say "benchmark" (bucket 2). By Ochiai 基准测试 → language is
    /// 0.71 against benchmark 1.0, so 41 % of its weight would read it as "language".
    static let pairs: [TermAlignment.Pair] = (0 ..< 20).map { i in
        i < 10 ? .init(words: [0], english: [1]) : .init(words: [0, 1], english: [1, 2])
    }
    static let candidates: [[(target: Int32, weight: Float)]] = [
        [(1, 1.0), (2, 0.707)],
        [(2, 1.0), (1, 0.707)],
    ]

    @Test func aWordStopsInheritingItsCompanysEnglish() {
        let aligned = TermAlignment(candidates: Self.candidates, rounds: 10).reestimate(Self.pairs, bucketCount: 4)
        let benchmarkWord = Dictionary(uniqueKeysWithValues: aligned[1].map { ($0.target, $0.weight) })
        let languageWord = Dictionary(uniqueKeysWithValues: aligned[0].map { ($0.target, $0.weight) })
        #expect((benchmarkWord[2] ?? 0) > 0.8, "基准测试 → benchmark: \(aligned[1])")
        #expect((benchmarkWord[1] ?? 1) < 0.2, "基准测试 → language: \(aligned[1])")
        #expect((languageWord[1] ?? 0) > 0.6, "语言模型 → language: \(aligned[0])")
        for row in aligned { #expect(abs(row.reduce(Float(0)) { $0 + $1.weight } - 1) < 1e-4) }
    }

    @Test func withoutRoundsTheDefinitionAndItsIDAreV7s() throws {
        let json = String(decoding: try JSONEncoder().encode(TermTableSettings()), as: UTF8.self)
        #expect(!json.contains("alignment"), "\(json)")
        #expect(TermTableSettings().candidatesKept == 3)
        #expect(TermTableSettings(alignmentRounds: 5).candidatesKept == 10)
        #expect(TermTableSettings(alignmentRounds: 101).problem != nil)
    }
}
