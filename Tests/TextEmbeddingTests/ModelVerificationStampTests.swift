import Foundation
import LinearAlgebra
import Testing
import TestSupport
@testable import TextEmbedding

/// A model verified once in a library's data directory is not hashed again while its files stay as they
/// were (``ModelVerificationStamp``); any change to a file, or another model, makes the next load hash it
/// in full again, so a damaged file is still refused.
@Suite(.tags(.slow), .skippedInQuickLoop) struct ModelVerificationStampTests {
    /// A private copy of the default model (the tests change its files).
    static func copyOfDefaultModel(in directory: TemporaryDirectory) throws -> URL {
        let model = directory.url.appendingPathComponent("model", isDirectory: true)
        try FileManager.default.copyItem(at: try ModelLocator.defaultModelDirectory(), to: model)
        return model
    }

    @Test func aStampedLoadGivesTheSameModelAndStaysValidUntilAFileChanges() throws {
        let directory = try TemporaryDirectory(prefix: "model-stamp")
        let modelURL = try Self.copyOfDefaultModel(in: directory)
        let stampURL = directory.file("model-verified.txt")
        let plain = try EmbeddingModel.load(from: modelURL)
        try Self.settle(modelURL)

        let first = try EmbeddingModel.load(from: modelURL, verificationStamp: stampURL)
        let stamp = ModelVerificationStamp(url: stampURL)
        let state = try #require(ModelVerificationStamp.fileState(of: modelURL))
        // The condition under which a load skips the hash.
        #expect(stamp.matches(state: state, id: plain.id))
        let second = try EmbeddingModel.load(from: modelURL, verificationStamp: stampURL)
        let text = "Gaussian splatting for dynamic street scenes. 基于扩散模型的图像生成。"
        for model in [first, second] {
            #expect(model.id == plain.id)
            #expect(model.embed(text).dense == plain.embed(text).dense)
            #expect(model.embed(text).sparse == plain.embed(text).sparse)
            #expect(model.translation == plain.translation)
        }

        // The same bytes written again: the status-change time moves, the stamp no longer vouches. A load
        // right after the change hashes but does not vouch for so fresh a file; a later one does.
        let idf = modelURL.appendingPathComponent(ArtifactFile.idf.fileName)
        try Data(contentsOf: idf).write(to: idf)
        #expect(!stamp.matches(state: try #require(ModelVerificationStamp.fileState(of: modelURL)), id: plain.id))
        #expect(try EmbeddingModel.load(from: modelURL, verificationStamp: stampURL).id == plain.id)
        try Self.settle(modelURL)
        _ = try EmbeddingModel.load(from: modelURL, verificationStamp: stampURL)
        #expect(stamp.matches(state: try #require(ModelVerificationStamp.fileState(of: modelURL)), id: plain.id))
    }

    /// Waits until the model's files are settled (``ModelVerificationStamp/settlingTime`` after their last change).
    static func settle(_ model: URL) throws {
        while try #require(ModelVerificationStamp.fileState(of: model)).isSettled == false { usleep(20_000) }
    }

    @Test func aFileChangedAfterTheStampIsStillRefused() throws {
        let directory = try TemporaryDirectory(prefix: "model-stamp-damage")
        let modelURL = try Self.copyOfDefaultModel(in: directory)
        let stampURL = directory.file("model-verified.txt")
        try Self.settle(modelURL)
        let model = try EmbeddingModel.load(from: modelURL, verificationStamp: stampURL)
        #expect(ModelVerificationStamp(url: stampURL).matches(
            state: try #require(ModelVerificationStamp.fileState(of: modelURL)), id: model.id))
        let projection = modelURL.appendingPathComponent(ArtifactFile.projectionRows.fileName)
        var bytes = try Data(contentsOf: projection)
        bytes[ArtifactFile.headerSize + 1000] ^= 0x01
        try bytes.write(to: projection)
        #expect {
            try EmbeddingModel.load(from: modelURL, verificationStamp: stampURL)
        } throws: { error in
            guard case ModelError.checksumMismatch = error else { return false }
            return true
        }
    }

    /// A stamped load reads the term table only when a Chinese text needs it; a table replaced in between
    /// is refused, not decoded.
    @Test func aTermTableChangedAfterAStampedLoadIsRefused() throws {
        let directory = try TemporaryDirectory(prefix: "model-stamp-lazy")
        let modelURL = try Self.copyOfDefaultModel(in: directory)
        let stampURL = directory.file("model-verified.txt")
        try Self.settle(modelURL)
        _ = try EmbeddingModel.load(from: modelURL, verificationStamp: stampURL)
        let model = try EmbeddingModel.load(from: modelURL, verificationStamp: stampURL)
        let table = modelURL.appendingPathComponent(ArtifactFile.termTable.fileName)
        try Data(contentsOf: table).write(to: table, options: .atomic)
        #expect(model.translation == nil)
        guard case .invalidArtifact(let path, _) = model.translationError else {
            Issue.record("expected invalidArtifact, got \(String(describing: model.translationError))")
            return
        }
        #expect(path.hasSuffix(ArtifactFile.termTable.fileName))
        // Loaded again, the model is hashed (the stamp no longer matches) and its table decodes.
        #expect(try EmbeddingModel.load(from: modelURL, verificationStamp: stampURL).translation != nil)
    }

    /// One stamp file serves one model: loading another model hashes it and moves the stamp to it.
    @Test func anotherModelsStampDoesNotVouch() throws {
        let directory = try TemporaryDirectory(prefix: "model-stamp-other")
        let modelURL = try Self.copyOfDefaultModel(in: directory)
        let other = directory.url.appendingPathComponent("other", isDirectory: true)
        try FileManager.default.copyItem(at: modelURL, to: other)
        let stampURL = directory.file("model-verified.txt")
        try Self.settle(other)
        let model = try EmbeddingModel.load(from: modelURL, verificationStamp: stampURL)
        let stamp = ModelVerificationStamp(url: stampURL)
        #expect(stamp.matches(state: try #require(ModelVerificationStamp.fileState(of: modelURL)), id: model.id))
        #expect(!stamp.matches(state: try #require(ModelVerificationStamp.fileState(of: other)), id: model.id))
        _ = try EmbeddingModel.load(from: other, verificationStamp: stampURL)
        #expect(stamp.matches(state: try #require(ModelVerificationStamp.fileState(of: other)), id: model.id))
        #expect(!stamp.matches(state: try #require(ModelVerificationStamp.fileState(of: modelURL)), id: model.id))
    }
}
