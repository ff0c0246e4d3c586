import Foundation
import LinearAlgebra
import Testing
import TestSupport
@testable import TextEmbedding

/// ``BatchEmbedder`` — the path of ingest, fitting and `embed-profile` — gives every text exactly the sparse
/// and dense view the one-text path (``EmbeddingModel/embed(_:)``) gives it: real English and Chinese
/// abstracts, mixed ones, empty and punctuation-only texts, single words and a very long text, in batches
/// of 1, of sizes that do not divide the count, and of the default size, with every available row-sum
/// kernel.
@Suite(.tags(.slow))
struct BatchEmbedderTests {
    /// 281 texts, the odd ones spread between the abstracts so they fall at the start, middle and end of
    /// batches.
    static func texts() throws -> [String] {
        let english = try CorpusSample.papers(150, every: 271).map(\.text)
        let chinese = try IdentityInputs.chineseTexts(100, every: 350)
        let mixed = (0 ..< 20).map { english[$0] + " " + chinese[$0] }
        let odd = [
            "", "   ", ".,;:!?", "diffusion", "扩散", "the of and", "GRPO",
            String(repeating: english[0] + " ", count: 40), chinese.prefix(30).joined(),
            "$x^2$ \\textbf{bold} https://example.org/a/b", String(repeating: "a", count: 5_000),
        ]
        var texts: [String] = []
        var rest = english + chinese + mixed
        for (index, text) in odd.enumerated() {
            let take = min(rest.count, 7 + index * 5)
            texts += rest.prefix(take)
            rest.removeFirst(take)
            texts.append(text)
        }
        return texts + rest
    }

    @Test(arguments: [1, 7, 64, 100])
    func batchesGiveTheOneTextVectorsBitForBit(batchSize: Int) throws {
        let model = try FittedModels.standard.get()
        let texts = try Self.texts()
        try #require(texts.count % batchSize != 0 || batchSize == 1, "the last batch is a partial one")
        let expected = texts.map { model.embed($0) }
        for kernel in ProjectionGather.Kernel.allCases where kernel.isAvailable {
            // A slice that does not start at 0, as `denseMatrix` passes them.
            let slice = (["padding"] + texts)[1...]
            var embedder = BatchEmbedder(model: model, batchSize: batchSize, kernel: kernel)
            let (sparse, dense) = embed(slice, with: &embedder)
            #expect(sparse.count == texts.count)
            let mismatches = texts.indices.filter { index in
                !Self.sameBits(sparse[index], dense[index], expected[index])
            }
            #expect(mismatches.isEmpty, "\(kernel), batches of \(batchSize): \(mismatches.count) texts differ, first \(mismatches.prefix(5))")
        }
    }

    /// A call with fewer texts than one batch, through the public initializer: the same vectors.
    @Test func aFewTextsGiveTheOneTextVectorsBitForBit() throws {
        let model = try FittedModels.standard.get()
        let texts = Array(try Self.texts().prefix(10))
        var embedder = BatchEmbedder(model: model)
        let (sparse, dense) = embed(texts[...], with: &embedder)
        for (index, text) in texts.enumerated() {
            #expect(Self.sameBits(sparse[index], dense[index], model.embed(text)), "text \(index)")
        }
    }

    /// `denseMatrix`, split over two threads with an embedder each, gives the one-text rows.
    @Test func theDenseMatrixHoldsTheOneTextRows() throws {
        let model = try FittedModels.standard.get()
        let texts = try Self.texts()
        let matrix = model.denseMatrix(texts)
        let d = model.dimension
        let differing = texts.indices.filter { index in
            matrix.storage[index * d ..< (index + 1) * d].map(\.bitPattern) != model.embed(texts[index]).dense.map(\.bitPattern)
        }
        #expect(differing.isEmpty, "rows \(differing.prefix(5)) differ")
    }

    private func embed(_ texts: ArraySlice<String>, with embedder: inout BatchEmbedder) -> ([SparseVector], [[Float]]) {
        let d = embedder.model.dimension
        var sparse: [SparseVector] = []
        var order: [Int] = []
        var output = [Float](repeating: .nan, count: texts.count * d)
        output.withUnsafeMutableBufferPointer { output in
            embedder.embed(texts, into: output) { index, vector in
                order.append(index)
                sparse.append(vector)
            }
        }
        #expect(order == Array(0 ..< texts.count), "the sparse views come in text order")
        return (sparse, (0 ..< texts.count).map { Array(output[$0 * d ..< ($0 + 1) * d]) })
    }

    private static func sameBits(_ sparse: SparseVector, _ dense: [Float], _ expected: (sparse: SparseVector, dense: [Float])) -> Bool {
        sparse.indices == expected.sparse.indices
            && sparse.values.map(\.bitPattern) == expected.sparse.values.map(\.bitPattern)
            && dense.map(\.bitPattern) == expected.dense.map(\.bitPattern)
    }
}
