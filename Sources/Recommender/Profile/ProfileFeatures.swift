public import LinearAlgebra
public import TextEmbedding

/// A paper as a profile sees it: the sparse view, and — when the settings give it weight — the topical
/// view, the model's dense view re-weighted to singular-value exponent
/// ``ProfileSettings/topicalExponent`` (plain LSA at 1) and L2-normalised.
public struct ProfileVector: Sendable {
    /// The content view (the model's sparse view): the nearest-liked term and hubness read it.
    public var content: SparseVector
    /// The view the linear part reads (``ProfileSettings/linearView``): the phrase view, or `content` itself.
    public var linear: SparseVector
    /// Empty when the profile does not use the topical view.
    public var topical: [Float]
    /// The paper's ``Hubness`` against the profile's weak negatives; 0 until a caller that ranks
    /// candidates measures it (``Profile/hubness``). A liked paper needs none.
    public var hubness: Float
    /// Set when the sparse views are a Chinese text translated into English buckets (``Translator``): the
    /// profile then reads its cosines through the model's ``TranslationCalibration``, so they weigh what an
    /// English text's would. Nil for a text scored as it is.
    public var calibration: TranslationCalibration?

    public init(
        content: SparseVector, linear: SparseVector? = nil, topical: [Float] = [], hubness: Float = 0,
        calibration: TranslationCalibration? = nil
    ) {
        self.content = content
        self.linear = linear ?? content
        self.topical = topical
        self.hubness = hubness
        self.calibration = calibration
    }
}

/// Builds ``ProfileVector``s. Every profile path — `rate`, `shortlist`, `evaluate` — makes its vectors
/// here, so they cannot disagree.
///
/// Why a second dense view: the shipped dense view stresses the leading singular directions (p = 3),
/// which is what "same field" similarity wants but crowds one field's papers at cosine 0.99. A person's
/// next paper is better told apart by plain LSA (q = 1), where the finer directions keep their say:
/// on `arxrec evaluate` with 1,000 simulated users, the likes' centroid on this view lifts nDCG@10 from
/// 0.223 to 0.234, against 0.230 on the p = 3 view (`Models/EXPERIMENTS.md`, experiments 42–43 and 48).
public struct ProfileFeatures {
    public let model: EmbeddingModel
    /// Per-dimension factors from the model's dense view to the topical view; nil when unused.
    private let topicalScale: [Float]?
    /// The settings' ``ProfileSettings/topicalExponent`` when the topical view is used: with the model and
    /// ``linearView``, what a paper's vector depends on (the key of a cache of vectors).
    let topicalExponent: Float?
    private var featurizer: Featurizer
    /// The phrase view's featurizer when the linear part reads it.
    private var phrases: Featurizer?
    /// Reads Chinese texts as English buckets when the model has a term table (model v7 on); made on the
    /// first Chinese text, so that English-only work never decodes the table (``EmbeddingModel/translation``).
    private var translator: Translator?
    /// Whether a translated text's topical vector is moved to the English side
    /// (``ProfileSettings/translatedTopicalShift``, on the plain LSA view its ``LanguageMeans`` live on);
    /// the means are the model's, computed on the first Chinese text (``EmbeddingModel/languageMeans``).
    private let shiftsTranslatedTopical: Bool

    public init(model: EmbeddingModel, settings: ProfileSettings) {
        self.model = model
        phrases = Self.phraseFeaturizer(model: model, settings: settings)
        if settings.usesTopicalTerm {
            // A model fitted at p = 1 cannot be re-weighted; its dense view is then used as it is.
            topicalScale = model.spectrumRescaling(toExponent: settings.topicalExponent)
                ?? [Float](repeating: 1, count: model.dimension)
            topicalExponent = settings.topicalExponent
        } else {
            topicalScale = nil
            topicalExponent = nil
        }
        featurizer = Featurizer(model: model)
        shiftsTranslatedTopical = settings.translatedTopicalShift && settings.topicalExponent == 1
    }

    /// The profile vector of `text`.
    public mutating func vector(_ text: String) -> ProfileVector {
        extend(featurizer.sparse(text), text: text)
    }

    /// The profile vector of `text` whose dense view `dense` is already known.
    public mutating func vector(_ text: String, dense: ArraySlice<Float>) -> ProfileVector {
        extend(featurizer.sparse(text), text: text, dense: dense)
    }

    /// The profile vector of a paper's scoring text: a Chinese text is translated into English buckets
    /// when the model can (``translated(_:dense:)``), so English and Chinese ratings and candidates meet
    /// in one space; any other text as ``vector(_:)``.
    public mutating func vector(of text: ScoringText) -> ProfileVector {
        if text.isChinese, let (vector, _) = translated(text.text) { return vector }
        return vector(text.text)
    }

    /// Whether Chinese texts are translated (the model has a term table).
    public var translates: Bool { model.hasTermTable }

    /// The profile vector of the Chinese `text` read through the model's term table — content and linear
    /// views both the translated English buckets, with the model's calibration — and the translation
    /// itself (for reasons); nil when the model has no term table. The topical view is the text's own
    /// dense view (`dense` when already known): the bilingual space places it among English papers already.
    public mutating func translated(_ text: String, dense: ArraySlice<Float>? = nil)
        -> (vector: ProfileVector, translation: Translator.Translation)?
    {
        guard model.hasTermTable, var translator = translator ?? Translator(model: model),
              let calibration = model.translation?.calibration
        else { return nil }
        let translation = translator.translate(text)
        self.translator = translator
        var vector = ProfileVector(content: translation.vector, linear: translation.vector, calibration: calibration)
        if let topicalScale {
            vector.topical = model.topical(dense ?? model.dense(translation.source)[...], scale: topicalScale)
            if shiftsTranslatedTopical, let means = model.languageMeans { vector.topical = means.movedToEnglish(vector.topical) }
        }
        return (vector, translation)
    }

    /// The phrase view's featurizer when `settings` ask for it and `model` has one (else the linear part
    /// reads the content view).
    static func phraseFeaturizer(model: EmbeddingModel, settings: ProfileSettings) -> Featurizer? {
        settings.linearView == .phrases ? Featurizer(phrasesOf: model) : nil
    }

    /// The view the linear part actually reads: `.phrases` only when asked for and the model has one.
    public var linearView: LinearView { phrases == nil ? .content : .phrases }

    /// The vector the linear part reads for `text` whose content view is `sparse`.
    public mutating func linear(_ sparse: SparseVector, text: String) -> SparseVector {
        phrases?.sparse(text) ?? sparse
    }

    /// The features of `text` in the linear part's view that explanations may name: readable content
    /// n-grams only (no stop word, no lone CJK character), in order of first occurrence.
    public func linearFeatures(of text: String) -> [Feature] {
        let features = phrases == nil ? model.features(of: text) : model.phraseFeatures(of: text)
        return features.filter { $0.isReadable && !$0.hasStopWord }
    }

    /// ``linearFeatures(of:)``'s names by bucket (the first name of a bucket wins).
    public func linearFeatureNames(of text: String) -> [Int32: String] {
        var names: [Int32: String] = [:]
        for feature in linearFeatures(of: text) where names[Int32(feature.bucket)] == nil {
            names[Int32(feature.bucket)] = feature.text
        }
        return names
    }

    /// Whether the vectors carry the topical view (then `extend` wants the dense view).
    public var usesTopicalView: Bool { topicalScale != nil }

    /// The profile vector of `text` whose sparse view is already computed. `dense` is the model's dense
    /// view of the same text when it is already known (a library's stored row); otherwise it is projected
    /// here. The topical view is defined on the uncentered dense view, so a centering model's row is
    /// uncentered first.
    public mutating func extend(_ sparse: SparseVector, text: String, dense: ArraySlice<Float>? = nil) -> ProfileVector {
        let linear = linear(sparse, text: text)
        guard let topicalScale else { return ProfileVector(content: sparse, linear: linear) }
        return ProfileVector(
            content: sparse, linear: linear, topical: model.topical(dense ?? model.dense(sparse)[...], scale: topicalScale))
    }
}
