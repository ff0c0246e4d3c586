import Testing
import TestSupport
@testable import TextEmbedding

/// The lexicon's prefix set: segmentation that stops lengthening a candidate word where no word continues
/// it must split every run exactly as trying every length up to the longest word does (the definition).
struct ChineseLexiconPrefixTests {
    /// The committed model's lexicon (26 k words learned from real Chinese summaries) on real summaries.
    @Test func realLexiconSplitsRealTextsAsTryingEveryLength() throws {
        let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        let lexicon = try #require(model.lexicon)
        #expect(lexicon.count > 10_000)
        var compared = 0
        for text in try ChineseLexiconTests.chineseTexts(300) {
            for run in Self.cjkRuns(text) {
                #expect(lexicon.segment(run) == lexicon.segment(run, tryingEveryLength: true), "\(run)")
                compared += 1
            }
        }
        #expect(compared > 1_000)
    }

    /// Words that are prefixes of words (扩 · 扩散 · 扩散模型), prefixes that are no word (扩散模), a word
    /// continued only after a non-word prefix, unknown characters, and runs longer than any word.
    @Test func adversarialLexiconsAndRuns() {
        let lexicon = ChineseLexiconTests.lexicon([
            ("扩", 9), ("扩散", 5), ("扩散模型", 6), ("扩散模型训练", 7), ("散", 9), ("模型", 5), ("模", 9), ("型", 9),
            ("训练", 4), ("练", 9), ("鲁棒", 6), ("鲁棒性分析", 8), ("性", 3), ("分析", 4),
        ])
        let runs = [
            "扩散模型训练", "扩散模型训", "扩散模", "扩散模X型", "鲁棒性分", "鲁棒性分析鲁棒", "新扩散新", "扩扩扩扩扩扩扩",
            "模型扩散模型训练扩散", "鲁", "", "型模散扩", "扩散模型训练扩散模型训练",
        ]
        for run in runs {
            #expect(lexicon.segment(run) == lexicon.segment(run, tryingEveryLength: true), "\(run)")
        }
        #expect(lexicon.segment("扩散模型训练") == ["扩散模型训练"])
        #expect(lexicon.segment("扩散模") == ["扩散", "模"])
        #expect(lexicon.segment("鲁棒性分") == ["鲁棒", "性", "分"])
        #expect(!lexicon.contains("扩散模"), "a prefix that is no word is not a word")
        #expect(!lexicon.contains("鲁棒性"))
        #expect(ChineseLexicon.empty.segment("扩散") == ChineseLexicon.empty.segment("扩散", tryingEveryLength: true))
    }

    /// The maximal runs of CJK characters of `text`, as the featurizer hands them to the lexicon.
    static func cjkRuns(_ text: String) -> [String] {
        var runs: [String] = []
        var run = ""
        for scalar in text.unicodeScalars {
            if Tokenizer.isCJK(scalar.value) {
                run.unicodeScalars.append(scalar)
            } else if !run.isEmpty {
                runs.append(run)
                run = ""
            }
        }
        if !run.isEmpty { runs.append(run) }
        return runs
    }
}
