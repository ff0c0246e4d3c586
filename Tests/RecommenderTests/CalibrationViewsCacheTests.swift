import Foundation
import Library
import LinearAlgebra
import Testing
import TestSupport
import TextEmbedding
@testable import Recommender

/// ``CalibrationViewsCache``: a model's calibration views kept beside the library, so that a new process
/// (a model loaded again) does not embed the 800 calibration texts for its first Chinese text.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct CalibrationViewsCacheTests {
    @Test func aChineseSearchKeepsTheViewsAndTheNextProcessReadsThem() throws {
        let corpus = try CorpusLibrary()
        let file = corpus.directory.file(DataDirectory.calibrationViewsFileName(modelID: corpus.model.id))
        #expect(!FileManager.default.fileExists(atPath: file.path), "English work never makes them")
        let first = try corpus.recommender.search("检索增强生成", k: 10)
        let kept = try Data(contentsOf: file)
        let computed = try #require(corpus.model.calibrationViews)

        // A new process: the same rows read back, the same means, the same papers.
        let reloaded = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        let second = Recommender(library: corpus.library, model: reloaded)
        #expect(try second.search("检索增强生成", k: 10) == first)
        let read = try #require(reloaded.calibrationViews)
        #expect(read.english == computed.english && read.chinese == computed.chinese)
        #expect(read.languageMeans == computed.languageMeans)

        // What the file holds is what a new process uses: rows of the right shape but other values give
        // other means (so the file, not a fresh embedding, made them).
        let cache = CalibrationViewsCache(directory: corpus.directory.url, modelID: corpus.model.id)
        cache.save(english: computed.chinese, chinese: computed.english)
        let swapped = Recommender(library: corpus.library, model: try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())).model
        #expect(swapped.languageMeans?.english == computed.languageMeans?.chinese)

        // A damaged file (cut short, a NaN, another shape) is ignored, and the views made again replace it.
        var nan = [UInt8](kept)
        withUnsafeBytes(of: Float.nan.bitPattern.littleEndian) { nan.replaceSubrange(16..<20, with: $0) }
        var shape = [UInt8](kept)
        shape[8] = 7
        for damaged in [Data(kept.prefix(kept.count - 4)), Data(nan), Data(shape), Data("ARXCAL1".utf8)] {
            try damaged.write(to: file)
            let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
            #expect(try Recommender(library: corpus.library, model: model).search("检索增强生成", k: 10) == first)
            #expect(try Data(contentsOf: file) == kept, "rewritten")
        }
    }

    /// One model value shared by the recommenders of two libraries: each keeps the views beside its own
    /// library. The store belongs to the recommender's value of the model, so making a second recommender
    /// does not move where the first one keeps them (it did while the store sat in the model's shared state).
    @Test func eachLibraryKeepsTheViewsOfItsOwnRecommender() throws {
        let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        let first = try TemporaryDirectory()
        let second = try TemporaryDirectory()
        let firstRecommender = Recommender(library: try Library.open(at: first.url, embedder: ModelEmbedder(model: model)), model: model)
        _ = Recommender(library: try Library.open(at: second.url, embedder: ModelEmbedder(model: model)), model: model)
        let name = DataDirectory.calibrationViewsFileName(modelID: model.id)
        #expect(firstRecommender.model.calibrationViews != nil)
        #expect(FileManager.default.fileExists(atPath: first.file(name).path), "kept beside the first library")
        #expect(!FileManager.default.fileExists(atPath: second.file(name).path), "not beside the library made last")
        #expect(model.calibrationViews != nil && !FileManager.default.fileExists(atPath: second.file(name).path))
    }
}
