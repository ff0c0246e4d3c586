import ArxivFormats
import Foundation
import LinearAlgebra
import Testing
import TestSupport
@testable import TextEmbedding

/// The term table of a bilingual model (v7): learned at fit time from real pairs (a slice of the shared
/// corpus with its Chinese summaries), it reads Chinese words as the English buckets they co-occur with.
@Suite(.tags(.slow), .skippedInQuickLoop) struct TermTableTests {
    /// The first 800 pairs of the shared corpus (English title + abstract, Chinese summary), 32 dimensions.
    static let fitted: Result<EmbeddingModel, any Error> = Result {
        let directory = try TemporaryDirectory(prefix: "term-table-pairs")
        let head = directory.file("zh-head.jsonl")
        let lines = try Data(contentsOf: SharedData.chineseCorpus).split(separator: UInt8(ascii: "\n")).prefix(800)
        try Data(lines.joined(separator: [UInt8(ascii: "\n")]) + [UInt8(ascii: "\n")]).write(to: head)
        let summaries = try ChineseSummaryReader.read(head) { _ in }
        let english = try englishTexts(ids: Set(summaries.map(\.id)))
        let documents = summaries.compactMap { summary in
            english[summary.id].map { FitDocument(english: $0, chinese: summary.text) }
        }
        let definition = ModelDefinition(
            name: "term-table-test", dimension: 32, minimumDocumentFrequency: 3,
            chineseWords: ChineseWordSettings(minimumCount: 5, reestimationRounds: 1),
            termTable: TermTableSettings(calibrationPairs: 100, calibrationNegatives: 200))
        return try EmbeddingModel.fit(documents: documents, definition: definition).0
    }

    /// Title + ". " + abstract of the corpus papers `ids`, reading the corpus only until all are found
    /// (both corpus files are in announcement order).
    static func englishTexts(ids: Set<String>) throws -> [String: String] {
        var texts: [String: String] = [:]
        for line in try Data(contentsOf: SharedData.corpus).split(separator: UInt8(ascii: "\n")) where texts.count < ids.count {
            guard let range = line.range(of: Data(#""id": ""#.utf8)) ?? line.range(of: Data(#""id":""#.utf8)) else { continue }
            let rest = line[range.upperBound...].prefix(12)
            guard ids.contains(String(decoding: rest.prefix { $0 != UInt8(ascii: "\"") }, as: UTF8.self)) else { continue }
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let id = object["id"] as? String, let title = object["title"] as? String,
                let abstract = object["abstract"] as? String
            else { continue }
            texts[id] = title + ". " + abstract
        }
        return texts
    }

    static func bucket(of text: String, kind: FeatureKind, in model: EmbeddingModel) throws -> Int32 {
        let feature = try #require(model.features(of: text).first { $0.kind == kind && $0.text == text })
        return Int32(feature.bucket)
    }

    /// v6's kept definition has no term table: it decodes without it and re-encodes to the same fields, so
    /// its id is unchanged and a v6 library keeps loading; the default (v7) definition has one.
    @Test func theKeptV6DefinitionHasNoTermTable() throws {
        let url = SharedData.repositoryRoot.appendingPathComponent("Models/arxiv-cs-2025-v6/definition.json")
        let data = try Data(contentsOf: url)
        let v6 = try JSONDecoder().decode(ModelDefinition.self, from: data)
        #expect(v6.termTable == nil && v6.chineseWords != nil)
        let original = try JSONSerialization.jsonObject(with: data) as? NSDictionary
        let reencoded = try JSONSerialization.jsonObject(with: v6.canonicalJSON()) as? NSDictionary
        #expect(original == reencoded)
        #expect(ModelDefinition(name: "v7").termTable == TermTableSettings())
        #expect(ModelDefinition(name: "no-words", chineseWords: nil).termTable == nil, "no Chinese words, no table")
        var invalid = v6
        invalid.termTable = TermTableSettings(translations: 0)
        #expect(throws: ModelError.self) { try invalid.validate() }
    }

    @Test func aTechnicalTermTranslatesToItsEnglishBuckets() throws {
        let model = try Self.fitted.get()
        let translation = try #require(model.translation)
        #expect(translation.table.wordCount > 500, "\(translation.table.wordCount) words have translations")
        let word = try Self.bucket(of: "强化学习", kind: .cjkWord, in: model)
        let english: Set<Int32> = try [
            Self.bucket(of: "reinforcement learning", kind: .wordBigram, in: model),
            Self.bucket(of: "reinforcement", kind: .wordUnigram, in: model),
            Self.bucket(of: "rl", kind: .wordUnigram, in: model),
        ]
        let targets = translation.table.translations(of: word)
        #expect(!targets.isEmpty && targets.count <= 3)
        #expect(english.contains(targets[0].bucket) || english.contains(targets.max { abs($0.weight) < abs($1.weight) }?.bucket ?? -1),
                "强化学习 → \(targets)")
        #expect(abs(targets.reduce(Float(0)) { $0 + abs($1.weight) } - 1) < 1e-4, "a word's weights share 1")
    }

    @Test func aTranslatedChineseTextMeetsTheEnglishText() throws {
        let model = try Self.fitted.get()
        var translator = try #require(Translator(model: model))
        let translated = translator.translate("我们提出一种基于强化学习的大语言模型推理方法，在GSM8K上提升准确率")
        let english = model.sparse("a reinforcement learning method for large language model reasoning on GSM8K")
        let unrelated = model.sparse("point cloud segmentation for autonomous driving with lidar sensors")
        #expect(abs(translated.vector.norm - 1) < 1e-4)
        #expect(translated.vector.dot(english) > 0.2, "\(translated.vector.dot(english))")
        #expect(translated.vector.dot(english) > 3 * max(translated.vector.dot(unrelated), 0.01))
        // GSM8K is a Latin term: kept as it is, not translated.
        let gsm = try Self.bucket(of: "gsm8k", kind: .wordUnigram, in: model)
        #expect(translated.vector.indices.contains(gsm) && translated.origins[gsm] == nil)
        // The reinforcement-learning bucket remembers the Chinese word it came from.
        let rl = try Self.bucket(of: "reinforcement learning", kind: .wordBigram, in: model)
        let word = try Self.bucket(of: "强化学习", kind: .cjkWord, in: model)
        #expect(translated.origins[rl] == word)
    }

    @Test func theCalibrationIsFiniteAndShrinksTranslatedCosines() throws {
        let calibration = try #require(try Self.fitted.get().translation?.calibration)
        for kernel in [calibration.content, calibration.linear] {
            #expect(kernel.offset.isFinite && kernel.slope.isFinite)
            #expect(kernel.slope > 0.05 && kernel.slope < 1.5, "\(kernel)")
            #expect(abs(kernel.offset) < 0.05, "\(kernel)")
        }
        #expect(try Self.fitted.get().translation?.pairs.count == 100)
    }

    @Test func theTableIsStoredWithTheModelAndChangesItsID() throws {
        let model = try Self.fitted.get()
        let directory = try TemporaryDirectory(prefix: "term-table")
        try model.write(to: directory.url, fitRecord: nil)
        for file in ["term-table.u32", "translation-calibration.f32", "calibration-pairs.u8"] {
            #expect(FileManager.default.fileExists(atPath: directory.file(file).path), "\(file)")
        }
        let loaded = try EmbeddingModel.load(from: directory.url)
        #expect(loaded.id == model.id)
        #expect(loaded.translation == model.translation)

        // Without the table (a v6 definition) the same artifacts hash to another id, and no table file is written.
        var v6 = model.definition
        v6.termTable = nil
        let plain = EmbeddingModel(
            definition: v6, idf: model.idf, projectionBuckets: model.projectionBuckets,
            projectionHalves: model.projectionHalves, centering: model.centering, lexicon: model.lexicon, id: nil)
        #expect(plain.id != model.id)
        #expect(!String(decoding: v6.canonicalJSON(), as: UTF8.self).contains("termTable"))
        #expect(Translator(model: plain) == nil)

        // A damaged table is refused by its file name.
        let table = directory.file("term-table.u32")
        var bytes = try Data(contentsOf: table)
        bytes[ArtifactFile.headerSize + 8] ^= 0xff
        try bytes.write(to: table)
        #expect(throws: ModelError.self) { try EmbeddingModel.load(from: directory.url) }
    }
}
