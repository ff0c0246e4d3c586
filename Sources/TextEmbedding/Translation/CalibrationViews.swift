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
        self.init(model: model, english: model.denseMatrix(pairs.map(\.english)), chinese: model.denseMatrix(pairs.map(\.chinese)))
    }

    /// The views whose dense rows are `english` and `chinese` (as ``init(model:pairs:)`` embeds them, or as a
    /// ``CalibrationViewsStore`` kept them), and the language means derived from them.
    init(model: EmbeddingModel, english: Matrix, chinese: Matrix) {
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
    /// model); nil without calibration pairs (no term table, or none kept). When this value keeps them in a
    /// store (``keepingCalibrationViews(in:)``) and they are not in memory yet, the dense rows the store
    /// holds are used when they have the pairs' shape, and rows computed here are handed to it.
    public var calibrationViews: CalibrationViews? {
        guard let lazyTranslation, let pairs = translation?.pairs, !pairs.isEmpty else { return nil }
        return lazyTranslation.views {
            if let kept = calibrationViewsStore?.load(), kept.english.rows == pairs.count, kept.chinese.rows == pairs.count,
               kept.english.columns == dimension, kept.chinese.columns == dimension {
                return CalibrationViews(model: self, english: kept.english, chinese: kept.chinese)
            }
            let made = CalibrationViews(model: self, pairs: pairs)
            calibrationViewsStore?.save(english: made.english, chinese: made.chinese)
            return made
        }
    }

    /// This model keeping its calibration views in `store`: read from it, or handed to it when made.
    ///
    /// Why: the views embed the model's 400 calibration pairs (800 texts), a seventh of the CPU of a cold
    /// Chinese `search` on 2.7 M papers (perf, session 10), and they depend on the model alone. The store
    /// belongs to the returned value, not to the model's shared state: each library's recommender keeps
    /// them beside its own library, whatever other values of the same model do (session 12; before, the
    /// recommender made last decided for every copy).
    public func keepingCalibrationViews(in store: any CalibrationViewsStore) -> EmbeddingModel {
        var kept = self
        kept.calibrationViewsStore = store
        return kept
    }

    /// Each language's mean topical vector (``CalibrationViews/languageMeans``), computed on first use.
    public var languageMeans: LanguageMeans? { calibrationViews?.languageMeans }
}

/// Where a model's calibration views are kept between processes (the library's data directory keeps one per
/// model). Only the dense rows are kept; the language means are derived from them again.
public protocol CalibrationViewsStore: Sendable {
    /// The rows kept, or nil when there are none (or they cannot be read).
    func load() -> (english: Matrix, chinese: Matrix)?
    /// Keeps `english` and `chinese`; a store that cannot write only costs the next process the embedding.
    func save(english: Matrix, chinese: Matrix)
}
