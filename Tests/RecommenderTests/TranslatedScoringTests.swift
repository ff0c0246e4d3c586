import LinearAlgebra
import Testing
import TextEmbedding
@testable import Recommender

/// How a profile reads a translated Chinese candidate (``ProfileVector/calibration``) and how its scores are
/// put on the English scale (``CrossLanguageScale``).
@Suite struct TranslatedScoringTests {
    static let like = SparseVector(indices: [3, 7, 11], values: [0.6, 0.6, 0.529_15])

    static func profile(_ kind: ProfileModelKind) throws -> Profile {
        var settings = ProfileSettings.standard
        settings.kind = kind
        settings.topicalWeight = 0
        let example = RatedExample(id: "2501.00001", features: ProfileVector(content: like), label: .like)
        return try ProfileTrainer(settings: settings, featureCount: 16).train([example], negatives: nil)
    }

    @Test func aTranslatedCandidatesCosinesAreReadThroughTheCalibration() throws {
        let calibration = TranslationCalibration(
            content: KernelCalibration(offset: 0.01, slope: 0.4), linear: KernelCalibration(offset: 0.02, slope: 0.5))
        let candidate = SparseVector(indices: [3, 7], values: [0.707_1, 0.707_1])
        let centroid = try Self.profile(.centroid)
        let plain = centroid.score(ProfileVector(content: candidate))
        let translated = centroid.score(ProfileVector(content: candidate, calibration: calibration))
        #expect(abs(translated.linear - 0.5 * plain.linear) < 1e-6, "the linear part × the linear slope")

        let nearest = try Self.profile(.nearest)
        let cosine = Self.like.dot(candidate)
        #expect(abs(nearest.score(ProfileVector(content: candidate)).value - cosine) < 1e-6)
        #expect(abs(nearest.score(ProfileVector(content: candidate, calibration: calibration)).value - (0.01 + 0.4 * cosine)) < 1e-6,
                "the nearest-liked cosine through the content kernel")
    }

    @Test func chineseScoresAreMappedOntoTheEnglishScale() {
        let scale = CrossLanguageScale(englishMean: 0.3, englishDeviation: 0.1, chineseMean: 0.05, chineseDeviation: 0.02)
        #expect(abs(scale.english(0.05) - 0.3) < 1e-6)
        #expect(abs(scale.english(0.09) - 0.5) < 1e-6, "two Chinese deviations above the mean are two English ones")
        let (mean, deviation) = CrossLanguageScale.moments([1, 2, 3, 4])
        #expect(abs(mean - 2.5) < 1e-6 && abs(deviation - 1.118_034) < 1e-5)
    }
}
