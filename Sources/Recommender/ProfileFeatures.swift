import LinearAlgebra
import TextEmbedding

/// A paper as a profile sees it: the sparse view, and — when the settings give it weight — the topical
/// view, the model's dense view re-weighted to singular-value exponent
/// ``ProfileSettings/topicalExponent`` (plain LSA at 1) and L2-normalised.
public struct ProfileVector: Sendable {
    /// The content view: the nearest-liked term and hubness read it.
    public var sparse: SparseVector
    /// The view the linear part reads (``ProfileFeatures/linearView``): the phrase view, or `sparse` itself.
    public var linear: SparseVector
    /// Empty when the profile does not use the topical view.
    public var topical: [Float]
    /// The paper's ``Hubness`` against the profile's weak negatives; 0 until a caller that ranks
    /// candidates measures it (``Profile/hubness``). A liked paper needs none.
    public var hubness: Float

    public init(sparse: SparseVector, linear: SparseVector? = nil, topical: [Float] = [], hubness: Float = 0) {
        self.sparse = sparse
        self.linear = linear ?? sparse
        self.topical = topical
        self.hubness = hubness
    }
}

/// Builds ``ProfileVector``s. Every profile path — `rate`, `shortlist`, `evaluate` — makes its vectors
/// here, so they cannot disagree.
///
/// Why a second dense view: the shipped dense view stresses the leading singular directions (p = 3),
/// which is what "same field" similarity wants but crowds one field's papers at cosine 0.99. A person's
/// next paper is better told apart by plain LSA (q = 1), where the finer directions keep their say:
/// on `arxrec evaluate` with 1,000 simulated users, the likes' centroid on this view lifts nDCG@10 from
/// 0.223 to 0.234, against 0.230 on the p = 3 view (`Models/README.md`, experiments 42–43 and 48).
public struct ProfileFeatures {
    public let model: EmbeddingModel
    /// Per-dimension factors from the model's dense view to the topical view; nil when unused.
    private let topicalScale: [Float]?
    private var featurizer: Featurizer
    /// The phrase view's featurizer when the linear part reads it.
    private var phrases: Featurizer?

    public init(model: EmbeddingModel, settings: ProfileSettings) {
        self.model = model
        phrases = Self.phraseFeaturizer(model: model, settings: settings)
        if settings.topicalWeight > 0 {
            // A model fitted at p = 1 cannot be re-weighted; its dense view is then used as it is.
            topicalScale = model.spectrumRescaling(toExponent: settings.topicalExponent)
                ?? [Float](repeating: 1, count: model.dimension)
        } else {
            topicalScale = nil
        }
        featurizer = Featurizer(model: model)
    }

    /// The profile vector of `text`.
    public mutating func vector(_ text: String) -> ProfileVector {
        extend(featurizer.sparse(text), text: text)
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
        guard let topicalScale else { return ProfileVector(sparse: sparse, linear: linear) }
        var topical = model.uncentered(dense.map(Array.init) ?? model.dense(sparse))
        for j in 0 ..< topical.count { topical[j] *= topicalScale[j] }
        DenseVector.normalize(&topical)
        return ProfileVector(sparse: sparse, linear: linear, topical: topical)
    }
}
