import Foundation
import TestSupport
import Testing
@testable import TextEmbedding

struct ModelFilesTests {
    let model: EmbeddingModel
    let record: FitRecord

    init() throws {
        (model, record) = try FittedModels.small.get()
    }

    @Test func writeThenLoadGivesTheSameModel() throws {
        let directory = try TemporaryDirectory()
        try model.write(to: directory.url, fitRecord: record)
        let loaded = try EmbeddingModel.load(from: directory.url)
        #expect(loaded.id == model.id)
        #expect(loaded.definition == model.definition)
        let text = "Vision-language models for robotic manipulation"
        #expect(loaded.embed(text).sparse == model.embed(text).sparse)
        #expect(loaded.embed(text).dense == model.embed(text).dense)
        #expect(try EmbeddingModel.fitRecord(in: directory.url) == record)
    }

    @Test func fitRecordIsNotPartOfTheID() throws {
        let a = try TemporaryDirectory()
        let b = try TemporaryDirectory()
        try model.write(to: a.url, fitRecord: record)
        try model.write(to: b.url, fitRecord: nil)
        #expect(try EmbeddingModel.load(from: a.url).id == EmbeddingModel.load(from: b.url).id)
    }

    @Test func truncatedArtifactIsASizeError() throws {
        let directory = try writtenCopy()
        let url = directory.file("projection.f16")
        let data = try Data(contentsOf: url)
        try data.prefix(data.count - 10).write(to: url)
        expectError(loading: directory) {
            if case .sizeMismatch(let path, let expected, let actual) = $0 {
                return path.hasSuffix("projection.f16") && expected == data.count && actual == data.count - 10
            }
            return false
        }
    }

    @Test func flippedByteIsAChecksumError() throws {
        let directory = try writtenCopy()
        let url = directory.file("idf.f16")
        var data = try Data(contentsOf: url)
        data[data.count / 2] ^= 0x01
        try data.write(to: url)
        expectError(loading: directory) {
            if case .checksumMismatch = $0 { return true }
            return false
        }
    }

    @Test func missingFileBadJSONAndWrongVersionAreNamed() throws {
        let missing = try writtenCopy()
        try FileManager.default.removeItem(at: missing.file("projection-buckets.u32"))
        expectError(loading: missing) {
            if case .missingFile(let path) = $0 { return path.hasSuffix("projection-buckets.u32") }
            return false
        }

        let badJSON = try writtenCopy()
        try Data("{ not json".utf8).write(to: badJSON.file("model.json"))
        expectError(loading: badJSON) {
            if case .badJSON(let path, _) = $0 { return path.hasSuffix("model.json") }
            return false
        }

        let wrongVersion = try writtenCopy()
        let json = try String(contentsOf: wrongVersion.file("model.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : 99")
        try Data(json.utf8).write(to: wrongVersion.file("model.json"))
        expectError(loading: wrongVersion) {
            if case .unsupportedFormatVersion(_, 99, 1) = $0 { return true }
            return false
        }

        let empty = try TemporaryDirectory()
        expectError(loading: empty) {
            if case .missingFile(let path) = $0 { return path.hasSuffix("model.json") }
            return false
        }
    }

    @Test func errorMessagesAreOneLineAndNameTheFile() {
        let error = ModelError.sizeMismatch(path: "/m/projection.f16", expected: 100, actual: 90)
        #expect(error.description.contains("/m/projection.f16"))
        #expect(!error.description.contains("\n"))
    }

    private func writtenCopy() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try model.write(to: directory.url, fitRecord: record)
        return directory
    }

    private func expectError(loading directory: TemporaryDirectory, _ matches: (ModelError) -> Bool) {
        do {
            _ = try EmbeddingModel.load(from: directory.url)
            Issue.record("loading \(directory.url.path) succeeded")
        } catch {
            #expect(matches(error), "\(error)")
        }
    }
}
