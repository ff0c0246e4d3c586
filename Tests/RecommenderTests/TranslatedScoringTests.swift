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

    /// ``ProfileSettings/reverseReadingShare``: a translated candidate's nearest-liked cosine blends the
    /// calibrated cosine of its own Chinese words with the like's Chinese reading; English candidates and
    /// a share of 0 read forward only.
    @Test func aTranslatedCandidatesNearestLikeBlendsTheReverseReading() throws {
        let likeInChinese = SparseVector(indices: [20, 21], values: [0.8, 0.6])
        func profile(share: Float) throws -> Profile {
            var settings = ProfileSettings.standard
            settings.kind = .nearest
            settings.reverseReadingShare = share
            let example = RatedExample(
                id: "2501.00001", features: ProfileVector(content: Self.like, chineseUnits: likeInChinese), label: .like)
            return try ProfileTrainer(settings: settings, featureCount: 32).train([example], negatives: nil)
        }
        let calibration = TranslationCalibration(
            content: KernelCalibration(offset: 0.01, slope: 0.4), linear: KernelCalibration(offset: 0.02, slope: 0.5))
        let reverse = KernelCalibration(offset: 0.03, slope: 0.5)
        let sparse = SparseVector(indices: [3, 7], values: [0.707_1, 0.707_1])
        let words = SparseVector(indices: [20], values: [1])
        let translated = ProfileVector(content: sparse, calibration: calibration, chineseUnits: words, reverseCalibration: reverse)
        let forward = 0.01 + 0.4 * Self.like.dot(sparse)
        let backward: Float = 0.03 + 0.5 * 0.8
        #expect(abs(try profile(share: 0.5).score(translated).value - (0.5 * forward + 0.5 * backward)) < 1e-6)
        #expect(abs(try profile(share: 0).score(translated).value - forward) < 1e-6, "share 0: forward only")
        let english = ProfileVector(content: sparse, chineseUnits: words)
        #expect(abs(try profile(share: 0.5).score(english).value - Self.like.dot(sparse)) < 1e-6,
                "an English candidate has no reverse calibration and reads its own cosine")
    }

    @Test func chineseScoresAreMappedOntoTheEnglishScale() {
        let scale = CrossLanguageScale(englishMean: 0.3, englishDeviation: 0.1, chineseMean: 0.05, chineseDeviation: 0.02)
        #expect(abs(scale.english(0.05) - 0.3) < 1e-6)
        #expect(abs(scale.english(0.09) - 0.5) < 1e-6, "two Chinese deviations above the mean are two English ones")
        let (mean, deviation) = CrossLanguageScale.moments([1, 2, 3, 4])
        #expect(abs(mean - 2.5) < 1e-6 && abs(deviation - 1.118_034) < 1e-5)
    }
}
