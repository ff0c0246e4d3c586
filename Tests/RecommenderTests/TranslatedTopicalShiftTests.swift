import LinearAlgebra
import TestSupport
import Testing
import TextEmbedding
@testable import Recommender

/// ``ProfileSettings/translatedTopicalShift`` (an experiment, off by default) with the shipped model.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct TranslatedTopicalShiftTests {
    /// ``ProfileSettings/translatedTopicalShift`` moves a translated text's topical vector to the English
    /// side of the shipped model's space: closer to the topical vector of the same paper's English text.
    @Test func theTopicalShiftBringsAChineseTextTowardsItsEnglishTwin() throws {
        let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        let pair = try #require(model.translation?.pairs.first)
        var shifted = ProfileSettings.standard
        shifted.translatedTopicalShift = true
        var plainFeatures = ProfileFeatures(model: model, settings: .standard)
        var shiftedFeatures = ProfileFeatures(model: model, settings: shifted)
        let english = plainFeatures.vector(pair.english).topical
        let plainTranslation = plainFeatures.translated(pair.chinese)
        let movedTranslation = shiftedFeatures.translated(pair.chinese)
        let plain = try #require(plainTranslation).vector.topical
        let moved = try #require(movedTranslation).vector.topical
        #expect(DenseVector.dot(moved, english) > DenseVector.dot(plain, english) + 0.05,
                "\(DenseVector.dot(plain, english)) → \(DenseVector.dot(moved, english))")
    }
}
