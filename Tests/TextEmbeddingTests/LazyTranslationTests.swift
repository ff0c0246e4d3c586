import Foundation
import LinearAlgebra
import Testing
import TestSupport
@testable import TextEmbedding

/// A loaded model decodes its term table, calibration and pairs only when a Chinese text needs them
/// (``LazyTranslation``); their headers are still checked at load.
@Suite(.tags(.slow), .skippedInQuickLoop) struct LazyTranslationTests {
    @Test func englishWorkNeverDecodesTheTermTable() throws {
        let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        let lazy = try #require(model.lazyTranslation)
        #expect(model.hasTermTable && !lazy.isDecoded)
        _ = model.embed("Diffusion models for image generation with classifier-free guidance.")
        _ = model.denseMatrix(["Graph neural networks for molecules.", "扩散模型"])
        #expect(!lazy.isDecoded)

        var translator = try #require(Translator(model: model))
        #expect(lazy.isDecoded)
        #expect(!translator.translate("扩散模型用于图像生成").vector.isEmpty)
        #expect(model.translationError == nil && (model.translation?.pairs.count ?? 0) > 0)
    }

    /// The decode runs once however many threads ask at the same time, and all see the same translation.
    @Test func concurrentFirstUsesSeeOneTranslation() throws {
        let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        let counts = LockedCounts()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in counts.add(model.translation?.table.wordCount ?? -1) }
        #expect(Set(counts.values).count == 1 && (counts.values.first ?? 0) > 0)
    }

    /// A term-table file of the wrong kind is refused at load, by its own name, before anything decodes it.
    @Test func aBadTermTableHeaderIsRefusedAtLoad() throws {
        let model = try TermTableTests.fitted.get()
        let directory = try TemporaryDirectory(prefix: "lazy-translation")
        try model.write(to: directory.url, fitRecord: nil)
        let table = directory.file(ArtifactFile.termTable.fileName)
        var bytes = try Data(contentsOf: table)
        bytes[0] ^= 0xff
        try bytes.write(to: table)
        #expect {
            try EmbeddingModel.load(from: directory.url)
        } throws: { error in
            guard case ModelError.badHeader(let path, _) = error else { return false }
            return path.hasSuffix(ArtifactFile.termTable.fileName)
        }
    }
}

private final class LockedCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int] = []

    func add(_ count: Int) { lock.withLock { counts.append(count) } }
    var values: [Int] { lock.withLock { counts } }
}
