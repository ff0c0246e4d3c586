import ArxivFormats
import Foundation
import LinearAlgebra
import TestSupport
import Testing
@testable import TextEmbedding

/// The default model committed in `Models/`: golden dense values, both views on real text.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct EmbeddingModelTests {
    let model: EmbeddingModel

    init() throws {
        model = try FittedModels.standard.get()
    }

    @Test func defaultModelIsTheCommittedOne() {
        #expect(model.id == GoldenValues.defaultModelID)
        #expect(model.dimension == 256)
        #expect(model.definition.name == ModelLocator.defaultModelName)
    }

    /// Pins the first dense values of a fixed text under the committed model.
    @Test func goldenDenseVector() {
        let dense = model.embed(FeaturizerTests.goldenText).dense
        #expect(Array(dense.prefix(GoldenValues.denseFirst.count)) == GoldenValues.denseFirst)
    }

    @Test func denseVectorsAreUnitLength() throws {
        for paper in try CorpusSample.papers(20) {
            let (sparse, dense) = model.embed(paper.text)
            #expect(abs(sparse.norm - 1) < 1e-5)
            #expect(dense.count == 256)
            #expect(abs(cosine(dense, dense) - 1) < 1e-5)
        }
    }

    @Test func paraphrasedTitleIsCloserThanAnUnrelatedAbstract() {
        let title = "High-Resolution Image Synthesis with Latent Diffusion Models"
        let paraphrase = "Generating high resolution images using diffusion models in a latent space"
        let unrelated = """
            Automatic speech recognition for low-resource languages remains difficult. We collect spoken \
            corpora in twelve languages and fine-tune a multilingual acoustic model with a CTC objective, \
            reducing word error rates by a third.
            """
        let (titleSparse, titleDense) = model.embed(title)
        let (paraphraseSparse, paraphraseDense) = model.embed(paraphrase)
        let (unrelatedSparse, unrelatedDense) = model.embed(unrelated)
        #expect(titleSparse.dot(paraphraseSparse) > titleSparse.dot(unrelatedSparse) + 0.1)
        // v2's dense rows are UΣ³: the leading (corpus-wide) component weighs more, so every cosine is higher
        // (this pair: 0.99 vs 0.82) while the ranking — what `similar` uses — got better.
        #expect(cosine(titleDense, paraphraseDense) > cosine(titleDense, unrelatedDense) + 0.1)
    }

    @Test func latinAndCJKTextsGiveNonZeroVectors() throws {
        let latin = model.embed("Gaussian splatting for real-time rendering")
        #expect(!latin.sparse.isEmpty)
        #expect(latin.dense.contains { $0 != 0 })
        for title in try CorpusSample.digestTitles() {
            #expect(!model.sparse(title).isEmpty, "\(title)")
        }
        // The default model is bilingual (v6): pure Chinese has Chinese words with projection rows.
        #expect(model.isBilingual)
        #expect(model.embed("棱镜假说").dense.contains { $0 != 0 })
        #expect(model.embed("在ImageNet和MS-COCO基准测试上的大量实验表明扩散模型").dense.contains { $0 != 0 })
    }

    /// The shipped lexicon reads the field's terms as words, and explanations name them whole.
    @Test func chineseTextIsReadAsWords() throws {
        let lexicon = try #require(model.lexicon)
        #expect(lexicon.segment("检索增强生成") == ["检索增强生成"])
        #expect(lexicon.segment("大语言模型的推理能力").contains("大语言模型"))
        let names = model.features(of: "基于扩散模型的图像生成方法").map(\.text)
        #expect(names == GoldenValues.chineseWords, "\(names)")
        #expect(model.language(of: "基于扩散模型的图像生成方法") == .chinese)
    }

    /// The latest 30 papers of the Chinese corpus: on the topical view (what `similar` re-ranks a Chinese
    /// query with), each Chinese text's nearest English text is its own paper's, nearly always.
    @Test func chineseTextsFindTheirEnglishTwins() throws {
        let chinese = try ChineseLexiconTests.chineseSummaries().suffix(30)
        let english = try CorpusSample.texts(ids: Set(chinese.map(\.id)))
        let pairs = chinese.compactMap { summary in english[summary.id].map { (summary.text, $0) } }
        #expect(pairs.count == 30)
        let scale = try #require(model.spectrumRescaling(toExponent: 1))
        func topical(_ text: String) -> [Float] {
            var v = zip(model.uncentered(model.embed(text).dense), scale).map { $0 * $1 }
            DenseVector.normalize(&v)
            return v
        }
        let zh = pairs.map { topical($0.0) }
        let en = pairs.map { topical($0.1) }
        let found = zh.indices.filter { i in en.indices.max { cosine(zh[i], en[$0]) < cosine(zh[i], en[$1]) } == i }
        #expect(found.count >= 28, "\(found.count) of 30 twins found first")
    }

    /// The projection's column sums of squares, eight columns at a time, against one value at a time: the
    /// same bits on the shipped model (256 columns) and on a model whose dimension leaves a tail of 3.
    @Test func columnSquaresAreThoseOfOneValueAtATime() {
        func reference(_ model: EmbeddingModel) -> [Double] {
            let d = model.dimension
            var squares = [Double](repeating: 0, count: d)
            model.projectionRows.withUnsafeBufferPointer { halves in
                for row in 0 ..< model.projectionBuckets.count {
                    for j in 0 ..< d {
                        let value = Double(Float(Float16(bitPattern: halves[row * d + j])))
                        squares[j] += value * value
                    }
                }
            }
            return squares
        }
        #expect(model.columnSquares().map(\.bitPattern) == reference(model).map(\.bitPattern))
        var random = SeededGenerator(seed: 53)
        var definition = model.definition
        definition.dimension = 11
        definition.centerDense = false
        definition.termTable = nil
        let odd = EmbeddingModel(
            definition: definition, idf: model.idf, projectionBuckets: [3, 9, 40],
            projection: (0 ..< 33).map { _ in Float(random.next() % 2001) / 1000 - 1 }, lexicon: model.lexicon,
            translation: nil, id: "odd")
        #expect(odd.dimension == 11)
        #expect(odd.columnSquares().map(\.bitPattern) == reference(odd).map(\.bitPattern))
    }

    /// The rescaling's column squares are computed once per model and shared by its copies, and what the
    /// memo returns is what a fresh computation gives.
    @Test func theColumnSquaresAreComputedOncePerModel() throws {
        let loaded = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        let copy = loaded
        #expect(!loaded.columnSquaresMemo.isFilled)
        let first = try #require(loaded.spectrumRescaling(toExponent: 1))
        #expect(copy.columnSquaresMemo.isFilled, "a copy shares the memo")
        #expect(try #require(copy.spectrumRescaling(toExponent: 1)) == first)
        #expect(loaded.columnSquaresMemo.value { [] } == loaded.columnSquares(), "the kept squares are the computed ones")
    }

    @Test func emptyTextGivesEmptySparseAndZeroDense() {
        for text in ["", "   ", "the of and", "$$"] {
            let (sparse, dense) = model.embed(text)
            #expect(sparse.isEmpty)
            #expect(dense == [Float](repeating: 0, count: 256))
        }
    }

    @Test func denseMatrixMatchesOneByOne() throws {
        let texts = try CorpusSample.papers(300).map(\.text) + ["", "棱镜假说"]
        let matrix = model.denseMatrix(texts)
        #expect(matrix.rows == texts.count && matrix.columns == 256)
        for (i, text) in texts.enumerated() {
            #expect(Array(matrix.row(i)) == model.embed(text).dense, "row \(i)")
        }
    }

    @Test func featuresExplainTheSparseVector() {
        let features = model.features(of: "Latent diffusion models for video generation")
        #expect(features.contains { $0.text == "diffusion models" && $0.kind == .wordBigram })
        // Per bucket, the features' weights sum to the sparse vector's value.
        let sparse = model.sparse("Latent diffusion models for video generation")
        var byBucket: [Int: Float] = [:]
        for feature in features { byBucket[feature.bucket, default: 0] += feature.weight }
        for (bucket, value) in zip(sparse.indices, sparse.values) {
            #expect(abs((byBucket[Int(bucket)] ?? 0) - value) < 1e-5)
        }
    }

    @Test func locatorHonoursTheEnvironmentOverride() throws {
        let directory = try ModelLocator.defaultModelDirectory()
        #expect(directory.lastPathComponent == ModelLocator.defaultModelName)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("model.json").path))
    }
}
