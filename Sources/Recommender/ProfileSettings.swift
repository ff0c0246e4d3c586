/// Which scoring rule a profile uses.
///
/// Measured on the evaluation protocol (`arxrec evaluate`, figures in `Models/EXPERIMENTS.md`): the dual
/// ridge blended with the nearest liked paper is the default; the others stay selectable so every
/// variant can be compared on the same data.
public enum ProfileModelKind: String, CaseIterable, Sendable, Codable {
    /// Rocchio centroid: mean of the likes minus a fraction of the mean of the dislikes.
    case centroid
    /// The highest cosine to any liked paper (nearest-liked).
    case nearest
    /// Ridge regression in the dual: likes +1, dislikes −1 (strong), sampled unrated papers as weak negatives.
    case ridge
    /// Ridge plus a share of the nearest-liked cosine (less the candidate's ``Hubness``), so every
    /// distinct interest keeps a voice, plus a share of the cosine to the likes' centroid on the topical
    /// view (``ProfileFeatures``).
    case blend
}

/// Which sparse view the profile's linear part (the ridge, or the centroid) reads.
public enum LinearView: String, CaseIterable, Sendable, Codable {
    /// The model's sparse view: content n-grams, English stop words dropped.
    case content
    /// The model's phrase view: the same n-grams with stop words kept ("we propose a", "in this paper"),
    /// when the model has one (``TextEmbedding/ModelDefinition/phraseView``); else the content view.
    case phrases
}

/// The knobs of profile learning. Defaults are the evaluated winners (see `Models/EXPERIMENTS.md`).
public struct ProfileSettings: Sendable, Codable, Equatable {
    public var kind: ProfileModelKind
    /// Ridge regularisation λ.
    public var lambda: Float
    /// Per-example weight of a dislike relative to a like (dislikes are strong negatives).
    public var dislikeWeight: Float
    /// Per-example weight of a weak negative (an unrated library paper).
    public var weakNegativeWeight: Float
    /// Regression target of a weak negative.
    public var weakNegativeTarget: Float
    /// How many unrated library papers serve as weak negatives.
    public var weakNegativeCount: Int
    /// Below this many likes the profile falls back to the centroid + nearest-liked cold start.
    public var minimumLikesForRidge: Int
    /// Weight of the nearest-liked cosine in `blend` (and in the cold start).
    public var nearestWeight: Float
    /// Rocchio γ: how much of the dislike centroid is subtracted in `centroid`.
    public var dislikeCentroidWeight: Float
    /// Weight of the cosine between a candidate and the likes' centroid on the topical view in `blend`
    /// (0: sparse view only). Sparse scores spread over ±0.01 in a day and topical cosines over ±0.07,
    /// hence the small number.
    public var topicalWeight: Float
    /// ``topicalWeight`` for a candidate read through the term table (a Chinese-only text, model v7 on);
    /// nil: the same. Why it may differ: the bilingual dense view places a Chinese text next to its English
    /// twin (twins MRR 0.98 on the time split), while its translated sparse view is a lossy reading of the
    /// English one. Measured on the time split (`Models/EXPERIMENTS.md`, experiment 91, 500 users): 0 →
    /// nDCG@10 0.2549, 0.07 → 0.2630, 0.25 → 0.2407, so the default stays the English weight.
    public var translatedTopicalWeight: Float?
    /// Whether a translated candidate's topical vector is moved from the Chinese side of the space to the
    /// English one (less the Chinese mean plus the English mean, ``LanguageMeans``) before it meets the
    /// likes' centroid; nil: not moved. An experiment (`Models/EXPERIMENTS.md`, experiment 92: on the time
    /// split, all 5,150 users, Chinese-only nDCG@10 0.2501 → 0.2521), off by default for now.
    public var translatedTopicalShift: Bool?
    /// The singular-value exponent of the topical view (1: plain LSA); see ``ProfileFeatures``.
    public var topicalExponent: Float
    /// How much of a candidate's ``Hubness`` — its typical closeness to random library papers — is taken
    /// off its nearest-liked cosine in `blend` (0: none).
    public var hubnessWeight: Float
    /// How many of a candidate's closest sample papers its ``Hubness`` averages.
    public var hubnessNeighbours: Int
    /// How much of each *liked* paper's ``Hubness`` is taken off its cosine when the nearest like is
    /// chosen (CSLS's other half: a like in the common vocabulary is near everything; 0: none). Measured
    /// with `arxrec evaluate --users 100000` on model v5: nDCG@10 +0.002 (seed 7) and +0.0003 (seed 8) at 1,
    /// +0.0014 / +0.0007 at 1.5 (`Models/EXPERIMENTS.md`, experiment 71).
    public var likeHubnessWeight: Float
    /// The view the ridge (or centroid) is learned on. The nearest-liked term and hubness stay on the
    /// content view, where a shared n-gram means a shared subject.
    public var linearView: LinearView

    public init(
        kind: ProfileModelKind = .blend, lambda: Float = 1, dislikeWeight: Float = 2,
        weakNegativeWeight: Float = 1, weakNegativeTarget: Float = 0, weakNegativeCount: Int = 2_000,
        minimumLikesForRidge: Int = 3, nearestWeight: Float = 0.4, dislikeCentroidWeight: Float = 0.25,
        topicalWeight: Float = 0.07, topicalExponent: Float = 1, hubnessWeight: Float = 1.5, hubnessNeighbours: Int = 20,
        likeHubnessWeight: Float = 1, linearView: LinearView = .phrases, translatedTopicalWeight: Float? = nil, translatedTopicalShift: Bool? = nil
    ) {
        self.translatedTopicalShift = translatedTopicalShift
        self.translatedTopicalWeight = translatedTopicalWeight
        self.kind = kind
        self.lambda = lambda
        self.dislikeWeight = dislikeWeight
        self.weakNegativeWeight = weakNegativeWeight
        self.weakNegativeTarget = weakNegativeTarget
        self.weakNegativeCount = weakNegativeCount
        self.minimumLikesForRidge = minimumLikesForRidge
        self.nearestWeight = nearestWeight
        self.dislikeCentroidWeight = dislikeCentroidWeight
        self.topicalWeight = topicalWeight
        self.topicalExponent = topicalExponent
        self.hubnessWeight = hubnessWeight
        self.hubnessNeighbours = hubnessNeighbours
        self.likeHubnessWeight = likeHubnessWeight
        self.linearView = linearView
    }

    /// Decodes settings saved by any version: a missing field keeps its default (so a settings file
    /// may name only what it changes).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ProfileSettings()
        kind = try c.decodeIfPresent(ProfileModelKind.self, forKey: .kind) ?? d.kind
        lambda = try c.decodeIfPresent(Float.self, forKey: .lambda) ?? d.lambda
        dislikeWeight = try c.decodeIfPresent(Float.self, forKey: .dislikeWeight) ?? d.dislikeWeight
        weakNegativeWeight = try c.decodeIfPresent(Float.self, forKey: .weakNegativeWeight) ?? d.weakNegativeWeight
        weakNegativeTarget = try c.decodeIfPresent(Float.self, forKey: .weakNegativeTarget) ?? d.weakNegativeTarget
        weakNegativeCount = try c.decodeIfPresent(Int.self, forKey: .weakNegativeCount) ?? d.weakNegativeCount
        minimumLikesForRidge = try c.decodeIfPresent(Int.self, forKey: .minimumLikesForRidge) ?? d.minimumLikesForRidge
        nearestWeight = try c.decodeIfPresent(Float.self, forKey: .nearestWeight) ?? d.nearestWeight
        dislikeCentroidWeight = try c.decodeIfPresent(Float.self, forKey: .dislikeCentroidWeight) ?? d.dislikeCentroidWeight
        topicalWeight = try c.decodeIfPresent(Float.self, forKey: .topicalWeight) ?? d.topicalWeight
        topicalExponent = try c.decodeIfPresent(Float.self, forKey: .topicalExponent) ?? d.topicalExponent
        hubnessWeight = try c.decodeIfPresent(Float.self, forKey: .hubnessWeight) ?? d.hubnessWeight
        hubnessNeighbours = try c.decodeIfPresent(Int.self, forKey: .hubnessNeighbours) ?? d.hubnessNeighbours
        likeHubnessWeight = try c.decodeIfPresent(Float.self, forKey: .likeHubnessWeight) ?? d.likeHubnessWeight
        linearView = try c.decodeIfPresent(LinearView.self, forKey: .linearView) ?? d.linearView
        translatedTopicalWeight = try c.decodeIfPresent(Float.self, forKey: .translatedTopicalWeight) ?? d.translatedTopicalWeight
        translatedTopicalShift = try c.decodeIfPresent(Bool.self, forKey: .translatedTopicalShift) ?? d.translatedTopicalShift
    }

    /// The settings `shortlist` and `evaluate` use unless told otherwise.
    public static let standard = ProfileSettings()
}
