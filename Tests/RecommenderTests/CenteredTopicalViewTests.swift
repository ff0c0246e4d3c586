import Foundation
import LinearAlgebra
import TestSupport
import Testing
import TextEmbedding
@testable import Recommender

/// The profile's topical view is defined on the uncentered dense view: a centering model must give the
/// topical vectors the same model without centering gives, whether the dense row is stored or projected.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct CenteredTopicalViewTests {
    @Test func centeringDoesNotChangeTheTopicalView() throws {
        let texts = try CorpusSlice.texts(1_500, every: 27)
        var definition = ModelDefinition(name: "topical-centering", dimension: 96, minimumDocumentFrequency: 4)
        let (centered, _) = try EmbeddingModel.fit(texts: texts, definition: definition)
        definition.centerDense = false
        let (plain, _) = try EmbeddingModel.fit(texts: texts, definition: definition)
        #expect(centered.isCentered && !plain.isCentered && centered.id != plain.id)

        let settings = ProfileSettings.with { $0.kind = .blend; $0.topicalWeight = 0.07; $0.topicalExponent = 1 }
        var fromCentered = ProfileFeatures(model: centered, settings: settings)
        var fromPlain = ProfileFeatures(model: plain, settings: settings)
        var worst: Float = 0
        for text in texts.prefix(300) {
            let sparse = plain.sparse(text)
            let expected = fromPlain.extend(sparse, text: text).topical
            let stored = centered.dense(sparse)
            #expect(DenseVector.dot(stored, plain.dense(sparse)) < 0.999, "the stored row is centered")
            for topical in [fromCentered.extend(sparse, text: text, dense: stored[...]).topical, fromCentered.extend(sparse, text: text).topical] {
                worst = max(worst, zip(topical, expected).map { abs($0 - $1) }.max() ?? 0)
            }
        }
        print("largest topical component difference: \(worst)")
        #expect(worst < 1e-4)
    }
}
