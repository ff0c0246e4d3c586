import ArxivFormats
import Foundation
import Testing
import TestSupport
@testable import TextEmbedding

/// ``ChineseLexicon`` (segmentation into learned words) and ``ChineseLexiconLearner`` (learning them).
struct ChineseLexiconTests {
    static func lexicon(_ entries: [(String, Float)]) -> ChineseLexicon {
        let sorted = entries.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        return ChineseLexicon(words: sorted.map(\.0), costs: sorted.map(\.1))
    }

    @Test func theMostProbableSplitWins() {
        let lexicon = Self.lexicon([
            ("扩散模型", 6), ("扩散", 5), ("模型", 5), ("生成", 5), ("图像", 5), ("扩", 9), ("散", 9), ("模", 9),
            ("型", 9), ("生", 9), ("成", 9), ("图", 9), ("像", 9),
        ])
        #expect(lexicon.segment("扩散模型生成图像") == ["扩散模型", "生成", "图像"])
        // Two words cost 10, the whole word 6: the longer word wins; were it rarer, the parts would.
        let rare = Self.lexicon([("扩散模型", 11), ("扩散", 5), ("模型", 5)])
        #expect(rare.segment("扩散模型") == ["扩散", "模型"])
    }

    @Test func unknownCharactersStandAlone() {
        let lexicon = Self.lexicon([("模型", 3), ("模", 5), ("型", 5)])
        #expect(lexicon.segment("新模型鲁") == ["新", "模型", "鲁"])
        #expect(ChineseLexicon.empty.segment("扩散") == ["扩", "散"])
        #expect(lexicon.segment("") == [])
    }

    /// Learned from 600 real Chinese summaries: the field's terms are words, fragments that only ever
    /// occur inside a word are not, a particle glued to a word is not, and learning is deterministic.
    @Test func learnsTheFieldsWordsFromRealText() throws {
        let texts = try Self.chineseTexts(600)
        let learner = ChineseLexiconLearner(settings: ChineseWordSettings(minimumCount: 4))
        let lexicon = learner.learn(texts)
        for word in ["模型", "数据集", "强化学习", "大语言模型"] { #expect(lexicon.contains(word), "\(word)") }
        for fragment in ["语言模", "化学习", "的模型", "模型在"] { #expect(!lexicon.contains(fragment), "\(fragment)") }
        #expect(lexicon.segment("提升大语言模型的推理能力").contains("大语言模型"))
        let few = Array(texts.prefix(200))
        #expect(learner.learn(few) == learner.learn(few), "the same texts give the same lexicon")
    }

    @Test func aParticleGluedToAWordIsAPhrase() {
        let words: Set<String> = ["性能", "模型", "对齐"]
        #expect(ChineseLexiconLearner.isPhrase("的性能", words: words))
        #expect(ChineseLexiconLearner.isPhrase("模型在", words: words))
        #expect(!ChineseLexiconLearner.isPhrase("对齐", words: words), "two characters are never split")
        #expect(!ChineseLexiconLearner.isPhrase("可解释性", words: ["解释性"]), "可 begins real words")
    }

    /// The first `count` Chinese texts of the shared Chinese corpus.
    static func chineseTexts(_ count: Int) throws -> [String] {
        try chineseSummaries().prefix(count).map(\.text)
    }

    /// Every summary of the shared Chinese corpus, in file order.
    static func chineseSummaries() throws -> [ChineseSummary] {
        try ChineseSummaryReader.read(SharedData.chineseCorpus) { _ in }
    }

    /// The stored lexicon read back from its bytes: the same words and costs, segmenting the same way;
    /// and every kind of damage refused with the word it is in (1-based), never a crash.
    @Test func storedBytesDecodeOrSayWhatIsWrong() {
        let lexicon = Self.lexicon([("扩散模型", 6), ("扩散", 5), ("模型", 5), ("扩", 9), ("散", 9)])
        let costs = lexicon.costs
        #expect(lexicon.words == ["扩", "扩散", "扩散模型", "散", "模型"])
        #expect(lexicon.count == 5)
        let decoded = ChineseLexicon.decode(lexicon.wordBytes, costs: costs)
        #expect(decoded == .success(lexicon))
        if case .success(let back) = decoded { #expect(back.segment("扩散模型散") == lexicon.segment("扩散模型散")) }
        func lines(_ words: [String]) -> [UInt8] { words.flatMap { Array($0.utf8) + [0x0a] } }
        let cases: [([UInt8], Int, ChineseLexicon.Problem)] = [
            (Array(lines(["扩", "散"]).dropLast()), 2, .unterminated),
            (lines(["扩", "", "散"]), 3, .notCJK(word: 2)),
            (lines(["扩", "ab"]), 2, .notCJK(word: 2)),
            (lines(["扩"]) + [0xe6, 0x89, 0x0a], 2, .notCJK(word: 2)),
            (lines(["扩"]) + [0xff, 0x0a], 2, .notCJK(word: 2)),
            (lines(["散", "扩"]), 2, .outOfOrder(word: 2)),
            (lines(["扩", "扩"]), 2, .outOfOrder(word: 2)),
            (lines(["扩", "散"]), 3, .costCount(costs: 3, words: 2)),
        ]
        for (bytes, costCount, problem) in cases {
            #expect(ChineseLexicon.decode(bytes, costs: Array(repeating: 1, count: costCount)) == .failure(problem), "\(problem)")
        }
        #expect(ChineseLexicon.decode([], costs: []) == .success(.empty))
    }
}
