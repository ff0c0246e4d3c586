import LinearAlgebra
import TextEmbedding

/// Puts a profile's scores of translated Chinese texts on the scale of its English scores, so a day mixing
/// Chinese-only rows with English ones ranks as one list.
///
/// Translated texts have fewer, broader buckets than English abstracts and sit at a language offset in
/// the topical view, so even calibrated kernels leave their scores on a scale of their own (Chinese rows
/// sink or float as a block, depending on the profile). The model keeps a few hundred fitted papers with
/// both texts (``CalibrationPair``); the profile scores each pair both ways, and a Chinese score s becomes
/// μ_en + σ_en·(s − μ_zh)/σ_zh (moment matching per profile). Measured in the prototype of issue 16: a
/// mixed day then ranks as well as the two single-language rankings predict (0.268 vs 0.268 nDCG@10),
/// against 0.237 unmapped.
public struct CrossLanguageScale: Sendable, Equatable {
    public let englishMean: Float
    public let englishDeviation: Float
    public let chineseMean: Float
    public let chineseDeviation: Float

    /// The scale of `profile` on the model's calibration pairs; nil when the model has none, or when either
    /// language's scores do not vary (then there is nothing to match). The pairs' dense views are the
    /// model's, projected once per model (``TextEmbedding/CalibrationViews``), not once per profile.
    public init?(profile: Profile, features: inout ProfileFeatures) {
        guard let pairs = features.model.translation?.pairs, pairs.count >= 2,
              let views = features.model.calibrationViews
        else { return nil }
        var english: [ProfileVector] = []
        var chinese: [ProfileVector] = []
        for (i, pair) in pairs.enumerated() {
            guard let (translated, _) = features.translated(pair.chinese, dense: views.chinese.row(i)) else { return nil }
            english.append(features.vector(pair.english, dense: views.english.row(i)))
            chinese.append(translated)
        }
        if let hubness = profile.hubness {
            let ids = pairs.indices.map { "calibration-pair-\($0)" }
            hubness.measure(&english, at: Array(english.indices), ids: ids)
            hubness.measure(&chinese, at: Array(chinese.indices), ids: ids)
        }
        let (englishMean, englishDeviation) = Self.moments(english.map { profile.score($0).value })
        let (chineseMean, chineseDeviation) = Self.moments(chinese.map { profile.score($0).value })
        guard englishDeviation > 0, chineseDeviation > 0 else { return nil }
        self.init(
            englishMean: englishMean, englishDeviation: englishDeviation, chineseMean: chineseMean,
            chineseDeviation: chineseDeviation)
    }

    public init(englishMean: Float, englishDeviation: Float, chineseMean: Float, chineseDeviation: Float) {
        self.englishMean = englishMean
        self.englishDeviation = englishDeviation
        self.chineseMean = chineseMean
        self.chineseDeviation = chineseDeviation
    }

    /// A translated text's score on the English scale.
    public func english(_ chineseScore: Float) -> Float {
        englishMean + englishDeviation * (chineseScore - chineseMean) / chineseDeviation
    }

    /// Mean and standard deviation (Double sums; finite for finite input).
    static func moments(_ values: [Float]) -> (mean: Float, deviation: Float) {
        guard !values.isEmpty else { return (0, 0) }
        let n = Double(values.count)
        let mean = values.reduce(0.0) { $0 + Double($1) } / n
        let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / n
        return (Float(mean), Float(variance.squareRoot()))
    }
}
