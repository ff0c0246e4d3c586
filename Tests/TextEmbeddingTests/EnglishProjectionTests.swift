import Foundation
import LinearAlgebra
import Testing
import TestSupport
@testable import TextEmbedding

/// The English-only plain-LSA projection (model v9, ``ModelDefinition/englishTopicalDimension``): fitted in
/// the same fit from the English texts alone, stored as its own artifact, and leaving every other view of
/// the model as it was.
@Suite(.tags(.slow), .skippedInQuickLoop) struct EnglishProjectionTests {
    /// TermTableTests' 800 real pairs, fitted at 32 dimensions with an 8-dimension English projection.
    static let fitted: Result<(plain: EmbeddingModel, english: EmbeddingModel), any Error> = Result {
        let directory = try TemporaryDirectory(prefix: "english-projection-pairs")
        let head = directory.file("zh-head.jsonl")
        let lines = try Data(contentsOf: SharedData.chineseCorpus).split(separator: UInt8(ascii: "\n")).prefix(800)
        try Data(lines.joined(separator: [UInt8(ascii: "\n")]) + [UInt8(ascii: "\n")]).write(to: head)
        let summaries = try ChineseSummaryReader.read(head) { _ in }
        let english = try TermTableTests.englishTexts(ids: Set(summaries.map(\.id)))
        let documents = summaries.compactMap { summary in
            english[summary.id].map { FitDocument(english: $0, chinese: summary.text) }
        }
        var definition = ModelDefinition(
            name: "english-projection-test", dimension: 32, minimumDocumentFrequency: 3,
            chineseWords: ChineseWordSettings(minimumCount: 5, reestimationRounds: 1), termTable: nil)
        let plain = try EmbeddingModel.fit(documents: documents, definition: definition).0
        definition.englishTopicalDimension = 8
        return (plain, try EmbeddingModel.fit(documents: documents, definition: definition).0)
    }

    static let englishText = "Retrieval-augmented generation grounds large language model answers in retrieved documents."

    @Test func theProjectionIsStoredAndLoadsWithTheSameID() throws {
        let model = try Self.fitted.get().english
        #expect(model.hasEnglishProjection)
        let directory = try TemporaryDirectory(prefix: "english-projection")
        try model.write(to: directory.url, fitRecord: nil)
        let file = directory.file("english-projection.f16")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        #expect(size == ArtifactFile.headerSize + model.projectionBucketCount * 8 * 2)
        let loaded = try EmbeddingModel.load(from: directory.url)
        #expect(loaded.id == model.id)
        let sparse = model.sparse(Self.englishText)
        #expect(loaded.englishTopical(sparse) == model.englishTopical(sparse))

        // A damaged projection is refused by its file name; a missing one too.
        var bytes = try Data(contentsOf: file)
        bytes[ArtifactFile.headerSize + 3] ^= 0x40
        try bytes.write(to: file)
        #expect(throws: ModelError.self) { try EmbeddingModel.load(from: directory.url) }
        try FileManager.default.removeItem(at: file)
        #expect(throws: ModelError.missingFile(path: file.path)) { try EmbeddingModel.load(from: directory.url) }
    }

    /// Only the new artifact differs: idf, the bilingual projection and so every sparse and dense vector
    /// are those of the same definition without it, whose canonical JSON (and so id) does not name it.
    @Test func theOtherViewsAreThoseOfTheDefinitionWithoutIt() throws {
        let (plain, model) = try Self.fitted.get()
        #expect(!plain.hasEnglishProjection && plain.englishTopical(plain.sparse(Self.englishText)) == nil)
        #expect(!String(decoding: plain.definition.canonicalJSON(), as: UTF8.self).contains("englishTopicalDimension"))
        #expect(plain.id != model.id)
        #expect(plain.idf == model.idf && plain.projectionHalves == model.projectionHalves && plain.centering == model.centering)
        let embedded = model.embed(Self.englishText)
        #expect(embedded.sparse == plain.sparse(Self.englishText) && embedded.dense == plain.embed(Self.englishText).dense)

        let topical = try #require(model.englishTopical(embedded.sparse))
        #expect(topical.count == 8)
        #expect(abs(DenseVector.dot(topical, topical) - 1) < 1e-4)
        // An English paper is nearer a paper on its topic than one off it on the English-only view.
        let near = try #require(model.englishTopical(model.sparse(
            "Retrieval augmented generation with dense retrievers improves language model question answering.")))
        let far = try #require(model.englishTopical(model.sparse(
            "A robot arm learns grasping policies from tactile sensing with reinforcement learning.")))
        #expect(DenseVector.dot(topical, near) > DenseVector.dot(topical, far))
    }

    @Test func aDimensionBeyondTheDenseViewIsRefused() {
        var definition = ModelDefinition(name: "too-wide", dimension: 16)
        definition.englishTopicalDimension = 17
        #expect(throws: ModelError.self) { try definition.validate() }
        definition.englishTopicalDimension = 0
        #expect(throws: ModelError.self) { try definition.validate() }
    }
}
