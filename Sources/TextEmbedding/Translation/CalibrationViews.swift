public import LinearAlgebra

/// What a model derives once from its calibration pairs (``CalibrationPair``): the dense view of each
/// pair's two texts and each language's mean topical vector (``LanguageMeans``).
///
/// Why once per model: the means were re-derived (800 texts embedded) by every `similar` of a Chinese
/// query and by every profile that moves translated texts to the English side, and each profile's moment
/// matching of Chinese scores onto English ones (`CrossLanguageScale`, in Recommender) projected the same
/// 800 texts again on every shortlist; those projections depend on the model alone. ``EmbeddingModel/calibrationViews`` computes them the
/// first time a Chinese text needs them, so English-only work never pays for them.
public struct CalibrationViews: Sendable {
    /// The dense view of each pair's English text, one row a pair (the model's ``EmbeddingModel/dense(_:)``).
    public let english: Matrix
    /// The dense view of each pair's Chinese text, one row a pair.
    public let chinese: Matrix
    /// Each language's mean topical vector; nil when the model cannot recover its topical view.
    public let languageMeans: LanguageMeans?

    /// The views of `pairs` in `model`.
    init(model: EmbeddingModel, pairs: [CalibrationPair]) {
        let english = model.denseMatrix(pairs.map(\.english))
        let chinese = model.denseMatrix(pairs.map(\.chinese))
        self.english = english
        self.chinese = chinese
        languageMeans = model.spectrumRescaling(toExponent: 1).map { scale in
            LanguageMeans(
                english: (0 ..< english.rows).map { model.topical(english.row($0), scale: scale) },
                chinese: (0 ..< chinese.rows).map { model.topical(chinese.row($0), scale: scale) })
        }
    }
}

extension EmbeddingModel {
    /// The unit vector of a dense vector of this model on the view with the spectrum `scale`
    /// (``spectrumRescaling(toExponent:)``): uncentered, re-weighted, L2; zeros stay zeros.
    public func topical(_ dense: some Collection<Float>, scale: [Float]) -> [Float] {
        var vector = uncentered(Array(dense))
        for j in vector.indices { vector[j] *= scale[j] }
        DenseVector.normalize(&vector)
        return vector
    }

    /// The model's ``CalibrationViews``, computed on the first call (then shared by every copy of the
    /// model); nil without calibration pairs (no term table, or none kept).
    public var calibrationViews: CalibrationViews? {
        guard let lazyTranslation, let pairs = translation?.pairs, !pairs.isEmpty else { return nil }
        return lazyTranslation.views { CalibrationViews(model: self, pairs: pairs) }
    }

    /// Each language's mean topical vector (``CalibrationViews/languageMeans``), computed on first use.
    public var languageMeans: LanguageMeans? { calibrationViews?.languageMeans }
}
