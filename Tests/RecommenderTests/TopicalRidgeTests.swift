import LinearAlgebra
import Testing
import TextEmbedding
@testable import Recommender

/// The ridge on the topical view (``TopicalRidge``, ``ProfileSettings/topicalRidgeWeight``): its primal
/// solve against the textbook dual, the setting off, and a Chinese-only candidate read as its English twin.
struct TopicalRidgeTests {
    static let dimension = 12

    static func unitVectors(_ count: Int, seed: UInt64) -> [[Float]] {
        var generator = SeededGenerator(seed: seed)
        return (0 ..< count).map { _ in
            var v = (0 ..< dimension).map { _ in Float(generator.nextUnitInterval()) - 0.3 }
            _ = DenseVector.normalize(&v)
            return v
        }
    }

    /// A paper with one content bucket of its own and the topical vector `topical`.
    static func vector(_ i: Int, topical: [Float]) -> ProfileVector {
        ProfileVector(content: SparseVector(indices: [Int32(i % 64)], values: [1]), topical: topical)
    }

    struct Setup {
        var settings: ProfileSettings
        var examples: [RatedExample]
        var negatives: WeakNegatives
        var weakTopical: [[Float]]
    }

    static func setup(_ change: (inout ProfileSettings) -> Void = { _ in }) throws -> Setup {
        let settings = ProfileSettings.with {
            $0.topicalRidgeWeight = 0.2; $0.topicalRidgeLambda = 0.7; $0.dislikeWeight = 3; $0.weakNegativeWeight = 0.5
            change(&$0)
        }
        let topical = unitVectors(50, seed: 41)
        let likes = (0 ..< 5).map { RatedExample(id: "l\($0)", features: vector($0, topical: topical[$0]), label: .like) }
        let dislikes = (5 ..< 7).map { RatedExample(id: "d\($0)", features: vector($0, topical: topical[$0]), label: .dislike) }
        let weak = Array(topical[7...])
        let negatives = try WeakNegatives(
            ids: weak.indices.map { "w\($0)" }, vectors: weak.indices.map { vector($0, topical: weak[$0]) },
            settings: settings, featureCount: 64)
        return Setup(settings: settings, examples: likes + dislikes, negatives: negatives, weakTopical: weak)
    }

    /// w = Tᵀα with (TTᵀ + λC⁻¹)α = y over all rows at once: the dual the sparse ridge solves.
    static func dualRidge(_ rows: [[Float]], targets: [Float], weights: [Float], lambda: Float) throws -> [Float] {
        let t = Matrix(rows: rows.count, columns: dimension, storage: rows.flatMap { $0 })
        var gram = t.multiplyTransposed(t)
        for i in 0 ..< rows.count { gram[i, i] += lambda / weights[i] }
        let alpha = try LAPACK.solvePositiveDefinite(gram, Matrix(rows: rows.count, columns: 1, storage: targets)).storage
        return t.transposeMultiply(alpha)
    }

    @Test func thePrimalSolveEqualsTheDualOfTheWholeSystem() throws {
        let s = try Self.setup()
        let profile = try ProfileTrainer(settings: s.settings, featureCount: 64).train(s.examples, negatives: s.negatives)
        #expect(profile.topicalRidge != nil)
        let rows = s.examples.map(\.topical) + s.weakTopical
        let targets = [Float](repeating: 1, count: 5) + [-1, -1] + [Float](repeating: 0, count: s.weakTopical.count)
        let weights = [Float](repeating: 1, count: 5) + [3, 3] + [Float](repeating: 0.5, count: s.weakTopical.count)
        let expected = try Self.dualRidge(rows, targets: targets, weights: weights, lambda: 0.7)
        for probe in Self.unitVectors(20, seed: 42) {
            let score = profile.score(Self.vector(63, topical: probe)).topicalRidge
            #expect(abs(score - DenseVector.dot(expected, probe)) < 1e-4, "topical ridge differs from the dual solve")
        }
        // A like scores above a dislike on the term (the fit learned something).
        #expect(profile.score(Self.vector(0, topical: s.examples[0].topical)).topicalRidge
            > profile.score(Self.vector(5, topical: s.examples[5].topical)).topicalRidge)
    }

    @Test func offLeavesEveryScoreAsItWas() throws {
        let off = try Self.setup { $0.topicalRidgeWeight = 0 }
        #expect(off.negatives.topicalGram == nil, "no topical work for settings without the ridge")
        let on = try Self.setup()
        let offProfile = try ProfileTrainer(settings: off.settings, featureCount: 64).train(off.examples, negatives: off.negatives)
        let onProfile = try ProfileTrainer(settings: on.settings, featureCount: 64).train(on.examples, negatives: on.negatives)
        #expect(offProfile.topicalRidge == nil)
        var moved = 0
        for (i, probe) in Self.unitVectors(20, seed: 43).enumerated() {
            let a = offProfile.score(Self.vector(i, topical: probe))
            let b = onProfile.score(Self.vector(i, topical: probe))
            #expect(a.topicalRidge == 0)
            #expect(abs((b.value - 0.2 * b.topicalRidge) - a.value) < 1e-6, "the ridge's term is the only change")
            if abs(b.value - a.value) > 1e-4 { moved += 1 }
        }
        #expect(moved > 10, "with the setting on the term does move scores")
    }

    @Test func aChineseOnlyCandidateScoresAsItsEnglishTwinOnEqualTopicalVectors() throws {
        let s = try Self.setup()
        let profile = try ProfileTrainer(settings: s.settings, featureCount: 64).train(s.examples, negatives: s.negatives)
        let calibration = TranslationCalibration(
            content: KernelCalibration(offset: 0.01, slope: 0.4), linear: KernelCalibration(offset: 0.02, slope: 0.5))
        for probe in Self.unitVectors(5, seed: 44) {
            let english = profile.score(ProfileVector(content: SparseVector(indices: [1], values: [1]), topical: probe))
            let chinese = profile.score(ProfileVector(
                content: SparseVector(indices: [40], values: [1]), topical: probe, calibration: calibration))
            #expect(english.topicalRidge != 0)
            #expect(chinese.topicalRidge == english.topicalRidge, "one scale: no calibration on the topical view")
        }
    }
}
