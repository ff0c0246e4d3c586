import Foundation
import LinearAlgebra
import TestSupport
import Testing
@testable import TextEmbedding

/// ``ModelDefinition/centerDense``: μ is fitted, stored, verified, subtracted, and can be undone.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct CenteringTests {
    let centered: EmbeddingModel
    let record: FitRecord
    /// The same fitted artifacts without the centering: the plain dense view.
    let plain: EmbeddingModel
    let texts: [String]

    init() throws {
        (centered, record) = try FittedModels.small.get()
        var definition = centered.definition
        definition.centerDense = false
        plain = EmbeddingModel(
            definition: definition, idf: centered.idf, projectionBuckets: centered.projectionBuckets,
            projectionHalves: centered.projectionHalves, lexicon: centered.lexicon, translation: centered.translation, id: nil)
        texts = try CorpusSample.papers(2_000).map(\.text)
    }

    @Test func muIsTheMeanOfTheFittedPapersPlainDenseVectors() throws {
        #expect(centered.definition.centerDense && centered.isCentered && !plain.isCentered)
        let rows = plain.denseMatrix(texts)
        var sums = [Double](repeating: 0, count: rows.columns)
        var count = 0
        for row in 0 ..< rows.rows where rows.row(row).contains(where: { $0 != 0 }) {
            for (j, value) in rows.row(row).enumerated() { sums[j] += Double(value) }
            count += 1
        }
        let mean = sums.map { Float($0 / Double(count)) }
        #expect(centered.centering == mean)
        let norm = DenseVector.dot(mean, mean).squareRoot()
        #expect(norm > 0.3 && norm < 1, "‖μ‖ = \(norm): the p = 3 view shares a large common direction")
    }

    @Test func denseVectorsAreCenteredAndUnitLength() throws {
        for text in texts.prefix(50) {
            let sparse = centered.sparse(text)
            var expected = plain.dense(sparse)
            for j in expected.indices { expected[j] -= centered.centering[j] }
            DenseVector.normalize(&expected)
            let dense = centered.dense(sparse)
            #expect(zip(dense, expected).allSatisfy { abs($0 - $1) <= 1e-6 })
            #expect(abs(DenseVector.dot(dense, dense) - 1) < 1e-5)
        }
        // Centered, the fitted papers' vectors average out to far less than before.
        let rows = centered.denseMatrix(texts)
        var mean = [Float](repeating: 0, count: rows.columns)
        for row in 0 ..< rows.rows { DenseVector.add(Array(rows.row(row)), to: &mean) }
        let norm = DenseVector.dot(mean, mean).squareRoot() / Float(rows.rows)
        #expect(norm < 0.05, "mean of centered vectors has norm \(norm)")
        #expect(centered.dense(centered.sparse("")).allSatisfy { $0 == 0 }, "no features: still the zero vector")
    }

    @Test func uncenteringRecoversThePlainVector() throws {
        for text in texts.prefix(200) {
            let sparse = centered.sparse(text)
            let recovered = centered.uncentered(centered.dense(sparse))
            let original = plain.dense(sparse)
            let worst = zip(recovered, original).map { abs($0 - $1) }.max() ?? 0
            #expect(worst <= 2e-6, "largest component error \(worst)")
        }
        let zero = [Float](repeating: 0, count: centered.dimension)
        #expect(centered.uncentered(zero) == zero)
        let some = plain.dense(plain.sparse(texts[0]))
        #expect(plain.uncentered(some) == some, "a model that does not center leaves vectors alone")
    }

    @Test func centeringIsStoredLoadedAndPartOfTheID() throws {
        let directory = try TemporaryDirectory()
        try centered.write(to: directory.url, fitRecord: record)
        #expect(FileManager.default.fileExists(atPath: directory.file("centering.f32").path))
        let loaded = try EmbeddingModel.load(from: directory.url)
        #expect(loaded.id == centered.id && loaded.centering == centered.centering)
        #expect(plain.id != centered.id)

        let plainDirectory = try TemporaryDirectory()
        try plain.write(to: plainDirectory.url, fitRecord: nil)
        #expect(!FileManager.default.fileExists(atPath: plainDirectory.file("centering.f32").path))
        let manifest = try String(contentsOf: plainDirectory.file("model.json"), encoding: .utf8)
        #expect(!manifest.contains("centering") && !manifest.contains("centerDense"))
        #expect(try EmbeddingModel.load(from: plainDirectory.url).id == plain.id)
    }

    @Test func missingCenteringFileIsNamed() throws {
        let directory = try writtenCopy()
        try FileManager.default.removeItem(at: directory.file("centering.f32"))
        try expectError(loading: directory) {
            if case .missingFile(let path) = $0 { return path.hasSuffix("centering.f32") }
            return false
        }
    }

    @Test func truncatedCenteringFileIsNamed() throws {
        let directory = try writtenCopy()
        let data = try Data(contentsOf: directory.file("centering.f32"))
        try data.prefix(data.count - 4).write(to: directory.file("centering.f32"))
        try expectError(loading: directory) {
            if case .sizeMismatch(let path, _, _) = $0 { return path.hasSuffix("centering.f32") }
            return false
        }
    }

    @Test(arguments: [Float.nan, 2])
    func damagedCenteringValuesAreNamed(value: Float) throws {
        let directory = try writtenCopy()
        var data = try Data(contentsOf: directory.file("centering.f32"))
        withUnsafeBytes(of: value.bitPattern.littleEndian) { data.replaceSubrange(32 ..< 36, with: $0) }
        try data.write(to: directory.file("centering.f32"))
        try expectError(loading: directory) {
            if case .invalidArtifact(let path, _) = $0 { return path.hasSuffix("centering.f32") }
            return false
        }
    }

    @Test func flippedCenteringBitIsAChecksumError() throws {
        let directory = try writtenCopy()
        var data = try Data(contentsOf: directory.file("centering.f32"))
        data[40] ^= 0x01  // the lowest mantissa bit of μ₂: still a valid μ, but not the fitted one
        try data.write(to: directory.file("centering.f32"))
        try expectError(loading: directory) {
            if case .checksumMismatch = $0 { return true }
            return false
        }
    }

    @Test func centeringListedForADefinitionThatDoesNotCenterIsRefused() throws {
        let directory = try writtenCopy()
        let json = try String(contentsOf: directory.file("model.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"centerDense\" : true,", with: "")
        try Data(json.utf8).write(to: directory.file("model.json"))
        try expectError(loading: directory) {
            if case .badJSON(let path, let reason) = $0 { return path.hasSuffix("model.json") && reason.contains("centering") }
            return false
        }
        #expect(ModelError.invalidArtifact(path: "/m/centering.f32", reason: "x").description.contains("/m/centering.f32"))
    }

    private func writtenCopy() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try centered.write(to: directory.url, fitRecord: record)
        return directory
    }

    private func expectError(loading directory: TemporaryDirectory, _ matches: (ModelError) -> Bool) throws {
        do {
            _ = try EmbeddingModel.load(from: directory.url)
            Issue.record("loading \(directory.url.path) succeeded")
        } catch {
            #expect(matches(error), "\(error)")
            #expect(!error.description.contains("\n"))
        }
    }
}

/// The `centerDense` field joins the definition like the fields after format 1: absent means false, and a
/// definition that does not center has the canonical JSON — and so the id — it always had.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct CenterDenseDefinitionTests {
    @Test func newDefinitionsCenterAndOldJSONDoesNot() throws {
        #expect(ModelDefinition(name: "x").centerDense)
        let v3 = try JSONDecoder().decode(
            ModelDefinition.self, from: Data(contentsOf: SharedData.repositoryRoot
                .appendingPathComponent("Models/arxiv-cs-2025-v3/definition.json")))
        #expect(!v3.centerDense)
        #expect(!String(decoding: v3.canonicalJSON(), as: UTF8.self).contains("centerDense"))
        var v4 = v3
        v4.centerDense = true
        #expect(String(decoding: v4.canonicalJSON(), as: UTF8.self).contains("\"centerDense\":true"))
    }

    /// The shipped model without its centering (as v3 was v4 without it) must be what `uncentered` recovers:
    /// the profile's topical view is defined on it.
    @Test func uncenteringRecoversTheModelWithoutCentering() throws {
        let shipped = try FittedModels.standard.get()
        var plainDefinition = shipped.definition
        plainDefinition.centerDense = false
        let plain = EmbeddingModel(
            definition: plainDefinition, idf: shipped.idf, projectionBuckets: shipped.projectionBuckets,
            projectionHalves: shipped.projectionHalves, lexicon: shipped.lexicon, translation: shipped.translation, id: nil)
        #expect(plain.id != shipped.id)
        let plainDense = plain.embed(FeaturizerTests.goldenText).dense
        let recovered = shipped.uncentered(shipped.embed(FeaturizerTests.goldenText).dense)
        #expect(zip(recovered, plainDense).allSatisfy { abs($0 - $1) < 1e-5 }, "uncentered is the plain view")
    }
}
