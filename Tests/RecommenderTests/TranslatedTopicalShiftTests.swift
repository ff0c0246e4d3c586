import LinearAlgebra
import TestSupport
import Testing
@testable import TextEmbedding
@testable import Recommender

/// ``ProfileSettings/translatedTopicalShift`` (on by default, experiment 92) and the model's
/// ``TextEmbedding/CalibrationViews`` it reads, with the shipped model.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct TranslatedTopicalShiftTests {
    /// The shift moves a translated text's topical vector to the English side of the shipped model's
    /// space: closer to the topical vector of the same paper's English text than without it.
    @Test func theTopicalShiftBringsAChineseTextTowardsItsEnglishTwin() throws {
        let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        let pair = try #require(model.translation?.pairs.first)
        #expect(ProfileSettings.standard.translatedTopicalShift, "on by default (experiment 92)")
        var unshifted = ProfileSettings.standard
        unshifted.translatedTopicalShift = false
        var plainFeatures = ProfileFeatures(model: model, settings: unshifted)
        var shiftedFeatures = ProfileFeatures(model: model, settings: .standard)
        let english = plainFeatures.vector(pair.english).topical
        let plainTranslation = plainFeatures.translated(pair.chinese)
        let movedTranslation = shiftedFeatures.translated(pair.chinese)
        let plain = try #require(plainTranslation).vector.topical
        let moved = try #require(movedTranslation).vector.topical
        #expect(DenseVector.dot(moved, english) > DenseVector.dot(plain, english) + 0.05,
                "\(DenseVector.dot(plain, english)) → \(DenseVector.dot(moved, english))")
        #expect(shiftedFeatures.vector(pair.english).topical == english, "an English text is never moved")
    }

    /// The language means are the model's, derived once: not for English-only work, and the same values
    /// the re-rank of `similar` reads, computed from the pairs' own dense views.
    @Test func theLanguageMeansAreComputedOncePerModelAndOnlyForChineseText() throws {
        let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        let box = try #require(model.lazyTranslation)
        var features = ProfileFeatures(model: model, settings: .standard)
        _ = features.vector("Retrieval-augmented generation for question answering over long documents.")
        #expect(!box.hasCalibrationViews, "English work derives nothing from the calibration pairs")
        let pairs = try #require(model.translation?.pairs)
        _ = features.translated(pairs[0].chinese)
        #expect(box.hasCalibrationViews, "the first Chinese text derives them")
        let copy = model
        let means = try #require(copy.languageMeans)
        #expect(CrossLanguageReRank(model: model)?.languageMeans == means, "similar's re-rank reads the same means")
        let scale = try #require(model.spectrumRescaling(toExponent: 1))
        let english = model.denseMatrix(pairs.map(\.english))
        let chinese = model.denseMatrix(pairs.map(\.chinese))
        let recomputed = LanguageMeans(
            english: (0 ..< english.rows).map { model.topical(english.row($0), scale: scale) },
            chinese: (0 ..< chinese.rows).map { model.topical(chinese.row($0), scale: scale) })
        #expect(recomputed == means)
    }

    /// A profile's ``CrossLanguageScale`` read from the model's stored pair views is the scale of the
    /// pairs embedded afresh (what it was before the views were kept per model).
    @Test func theScaleFromTheModelsPairViewsIsTheScaleOfThePairsEmbeddedAfresh() throws {
        let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        let pairs = try #require(model.translation?.pairs)
        var features = ProfileFeatures(model: model, settings: .standard)
        let likes = pairs.prefix(5).map { RatedExample(id: "like-\($0.english.prefix(8))", features: features.vector($0.english), label: .like) }
        let profile = try ProfileTrainer(settings: .standard, featureCount: model.definition.bucketCount).train(likes, negatives: nil)
        let scale = try #require(CrossLanguageScale(profile: profile, features: &features))
        var english: [Float] = []
        var chinese: [Float] = []
        for pair in pairs {
            english.append(profile.score(features.vector(pair.english)).value)
            let translated = features.translated(pair.chinese)
            chinese.append(profile.score(try #require(translated).vector).value)
        }
        let (englishMean, englishDeviation) = CrossLanguageScale.moments(english)
        let (chineseMean, chineseDeviation) = CrossLanguageScale.moments(chinese)
        #expect(abs(scale.englishMean - englishMean) < 1e-5 && abs(scale.englishDeviation - englishDeviation) < 1e-5)
        #expect(abs(scale.chineseMean - chineseMean) < 1e-5 && abs(scale.chineseDeviation - chineseDeviation) < 1e-5)
    }
}
