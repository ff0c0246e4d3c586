import Foundation
import LinearAlgebra
import Testing
import TestSupport
@testable import TextEmbedding

@Suite(.tags(.slow), .skippedInQuickLoop)
struct FitTests {
    @Test func fittingTwiceGivesTheSameID() throws {
        let (first, record) = try FittedModels.small.get()
        let texts = try CorpusSample.papers(2_000).map(\.text)
        let (second, _) = try EmbeddingModel.fit(texts: texts, definition: FittedModels.smallDefinition, progress: nil)
        #expect(first.id == second.id)
        #expect(first.id.hasPrefix("lsa64-"))
        #expect(record.papers == 2_000)
        #expect(record.projectionBuckets == first.projectionBucketCount)
    }

    @Test func changingTheDefinitionChangesTheID() throws {
        let (model, _) = try FittedModels.small.get()
        var definition = FittedModels.smallDefinition
        definition.hashSeed += 1
        let other = EmbeddingModel(
            definition: definition, idf: model.idf, projectionBuckets: model.projectionBuckets,
            projection: model.projection, centering: model.centering, lexicon: model.lexicon, translation: model.translation)
        #expect(other.id != model.id)
    }

    @Test func idfIsSmoothAndUnseenBucketsGetTheMaximum() throws {
        let (model, _) = try FittedModels.small.get()
        let maximum = Float(Float16(log(2_001.0) + 1))
        #expect(model.idf.max() == maximum)
        #expect(model.idf.min()! >= 1)
        // A nonsense word no paper has gets the maximum idf.
        var featurizer = Featurizer(model: model)
        let features = featurizer.features(of: "qwxzzyv")
        #expect(model.idf[features[0].bucket] == maximum)
    }

    @Test func projectionComponentSignsAreFixed() throws {
        let (model, _) = try FittedModels.small.get()
        let d = model.dimension
        let projection = model.projection
        for component in 0 ..< d {
            // The sign is fixed before rounding to Float16, so two entries of opposite signs may round to
            // the same magnitude; the largest positive entry must then still be as large as any negative one.
            var largestPositive: Float = 0
            var largestNegative: Float = 0
            for row in 0 ..< model.projectionBucketCount {
                let value = projection[row * d + component]
                largestPositive = max(largestPositive, value)
                largestNegative = min(largestNegative, value)
            }
            #expect(largestPositive > 0 && largestPositive >= -largestNegative, "component \(component)")
        }
    }

    @Test func emptyCorpusAndTooFewBucketsAreClearErrors() {
        #expect(throws: ModelError.emptyCorpus) {
            try EmbeddingModel.fit(texts: ["", "the of"], definition: FittedModels.smallDefinition)
        }
        #expect {
            try EmbeddingModel.fit(texts: ["graph neural networks", "graph transformers"], definition: FittedModels.smallDefinition)
        } throws: { error in
            if case .tooFewBuckets(_, 64, 5) = error as? ModelError { return true }
            return false
        }
    }

    /// On 3,000 real papers (every 13th of the corpus, so all months and categories), the dense view's 10 nearest neighbours share the query's primary category far
    /// more often than chance (the design's prototype: 0.68 on 20,000 papers; chance 0.34).
    @Test func denseNeighboursShareTheQuerysCategory() throws {
        let papers = try CorpusSample.papers(3_000, every: 13)
        let definition = ModelDefinition(name: "test-quality", dimension: 128, minimumDocumentFrequency: 3)
        let (model, _) = try EmbeddingModel.fit(texts: papers.map(\.text), definition: definition)
        let vectors = model.denseMatrix(papers.map(\.text))
        let queries = Matrix(
            rows: 500, columns: vectors.columns, storage: Array(vectors.storage.prefix(500 * vectors.columns)))
        let similarities = queries.multiplyTransposed(vectors)  // 500 × 3,000
        var same = 0
        var chance = 0.0
        let categories = papers.map(\.primaryCategory)
        var frequency: [String: Int] = [:]
        for category in categories { frequency[category, default: 0] += 1 }
        for query in 0 ..< 500 {
            let row = Array(similarities.row(query))
            let neighbours = topK(row, k: 10, excluding: [query])
            same += neighbours.filter { categories[$0.index] == categories[query] }.count
            chance += Double(frequency[categories[query]] ?? 0) / Double(papers.count)
        }
        let precision = Double(same) / 5_000
        chance /= 500
        print("dense P@10 same primary category: \(precision) (chance \(chance))")
        #expect(precision > 0.5, "P@10 \(precision), chance \(chance)")
        #expect(precision > chance + 0.15, "P@10 \(precision), chance \(chance)")
    }
}

/// ``EmbeddingModel/spectrumRescaling(toExponent:)``: the plain-LSA view recovered from a p = 3 model.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct SpectrumRescalingTests {
    @Test func aP3ModelRescaledToP1MatchesAModelFittedAtP1() throws {
        let texts = try CorpusSample.papers(600, every: 60).map(\.text)
        var definition = ModelDefinition(name: "p3", dimension: 16, minimumDocumentFrequency: 5)
        let (p3, _) = try EmbeddingModel.fit(texts: texts, definition: definition)
        definition.svd.singularValueExponent = 1
        let (p1, _) = try EmbeddingModel.fit(texts: texts, definition: definition)

        let same = try #require(p3.spectrumRescaling(toExponent: 3))
        #expect(same.allSatisfy { $0 == 1 })
        #expect(p1.spectrumRescaling(toExponent: 3) == nil, "a p = 1 model cannot know its spectrum")
        let scale = try #require(p3.spectrumRescaling(toExponent: 1))
        // σ falls along the components, so σ^(1−3) rises.
        #expect(zip(scale, scale.dropFirst()).allSatisfy { $0 <= $1 * 1.001 })

        for text in texts.prefix(25) {
            let sparse = p3.sparse(text)
            // The rescaling is defined on the plain (uncentered) dense view.
            var rescaled = zip(p3.uncentered(p3.dense(sparse)), scale).map { $0 * $1 }
            let norm = rescaled.reduce(0) { $0 + $1 * $1 }.squareRoot()
            rescaled = rescaled.map { $0 / norm }
            #expect(cosine(rescaled, p1.uncentered(p1.dense(sparse))) > 0.995)
        }
    }
}
