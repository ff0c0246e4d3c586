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

/// The knobs of profile learning, and the one place that says which terms a profile uses.
///
/// Each default sits on its property with the experiment that chose it (numbers are rows of
/// `Models/EXPERIMENTS.md`; "all users" is `arxrec evaluate --users 100000`). Callers never test a weight
/// to decide whether a term is on: they read the gates (``learnsRidge``, ``usesWeakNegatives``,
/// ``usesTopicalTerm``, ``usesHubness``), so adding a term means a property, a gate and ``Profile/score(_:)``.
///
/// The views a profile reads (glossary): the **content view** is the model's sparse view (hashed n-grams,
/// stop words dropped; ``ProfileVector/sparse``), where the nearest-liked term and hubness are measured;
/// the **phrase view** keeps stop words ("we propose a"; ``ProfileVector/linear`` when ``linearView`` is
/// `.phrases`), which the ridge learns on; the **topical view** is plain LSA (``ProfileVector/topical``);
/// the **dense view** is the model's own p = 3 centered vector, which `similar` scans (profiles do not).
public struct ProfileSettings: Sendable, Codable, Equatable {
    /// The scoring rule. `blend`: ridge alone, centroid and nearest all lost to it (experiments 17–19).
    public var kind: ProfileModelKind = .blend
    /// Ridge regularisation λ. 1: λ 0.5 scored +0.001 (noise), 2 and 4 lost (experiments 20–22).
    public var lambda: Float = 1
    /// Per-example weight of a dislike relative to a like (dislikes are strong negatives). 2: the design's
    /// setting; `evaluate`'s simulated users only like, so it is not measured there.
    public var dislikeWeight: Float = 2
    /// Per-example weight of a weak negative (an unrated library paper). 1: 0.5 scored the same (experiment 28).
    public var weakNegativeWeight: Float = 1
    /// How many unrated library papers serve as weak negatives. 2,000: 1,000 lost, 4,000 gained +0.003 at twice
    /// the cached Gram's cost on every cold shortlist (experiments 26–27).
    public var weakNegativeCount = 2_000
    /// Below this many likes the profile falls back to the centroid + nearest-liked cold start. 3: the design's
    /// setting (a ridge on one or two likes is a centroid with noise); simulated users have at least 3 likes.
    public var minimumLikesForRidge = 3
    /// Weight of the nearest-liked cosine in `blend` (and in the cold start). 0.4: a plateau from 0.25 to 0.6
    /// once hubness is taken off (experiment 53; 0 lost, experiment 23).
    public var nearestWeight: Float = 0.4
    /// Rocchio γ: how much of the dislike centroid is subtracted in `centroid` (and the cold start). 0.25:
    /// Rocchio's customary value; unmeasured (no simulated dislikes).
    public var dislikeCentroidWeight: Float = 0.25
    /// Weight of the cosine between a candidate and the likes' centroid on the topical view in `blend`
    /// (0: off). Sparse scores spread over ±0.01 in a day and topical cosines over ±0.07, hence the small
    /// number. 0.07: the grid of experiment 48, kept through hubness's (53).
    public var topicalWeight: Float = 0.07
    /// Whether a translated candidate's topical vector is moved from the Chinese side of the space to the
    /// English one (less the Chinese mean plus the English mean, ``TextEmbedding/LanguageMeans``) before it
    /// meets the likes' centroid, which English likes place on the English side. On (experiment 92): on the
    /// time split, all 5,150 users, Chinese-only nDCG@10 0.2501 → 0.2521 (English unchanged, 0.2990); 500
    /// users 0.2630 → 0.2662. English candidates are never moved.
    public var translatedTopicalShift = true
    /// The singular-value exponent of the topical view (see ``ProfileFeatures``). 1, plain LSA: q = 0, 0.5
    /// and 2 lost (experiment 43).
    public var topicalExponent: Float = 1
    /// How much of a candidate's ``Hubness`` — its typical closeness to random library papers — is taken off
    /// its nearest-liked cosine in `blend` (0: none). 1.5, with ``hubnessNeighbours`` 20: experiment 53
    /// (all users 0.2268 → 0.2310 on seed 7, 0.2257 → 0.2280 on seed 8).
    public var hubnessWeight: Float = 1.5
    /// How many of a candidate's closest sample papers its ``Hubness`` averages. 20: experiment 53's grid.
    public var hubnessNeighbours = 20
    /// How much of each *liked* paper's ``Hubness`` is taken off its cosine when the nearest like is chosen
    /// (CSLS's other half: a like in the common vocabulary is near everything; 0: none). 1: on model v5,
    /// all users +0.002 (seed 7) and +0.0003 (seed 8); 1.5 +0.0014 / +0.0007 (experiment 71).
    public var likeHubnessWeight: Float = 1
    /// The view the ridge (or centroid) is learned on. The nearest-liked term and hubness stay on the
    /// content view, where a shared n-gram means a shared subject. `.phrases`: model v5 (experiments 66–70).
    public var linearView: LinearView = .phrases

    /// The measured defaults above.
    public init() {}

    /// The settings `shortlist` and `evaluate` use unless told otherwise.
    public static let standard = ProfileSettings()

    // MARK: Gates

    /// Whether profiles learn a ridge: `ridge` and `blend`. A ridge with fewer than ``minimumLikesForRidge``
    /// likes falls back to the cold start, which is a blend, so these settings may also blend.
    public var learnsRidge: Bool { kind == .ridge || kind == .blend }
    /// Whether the library's shared weak-negative sample is drawn (and cached) for these settings.
    public var usesWeakNegatives: Bool { learnsRidge && weakNegativeCount > 0 }
    /// Whether a blended profile adds the topical term, so candidates and likes need a topical vector.
    public var usesTopicalTerm: Bool { learnsRidge && topicalWeight > 0 }
    /// Whether a blended profile takes ``Hubness`` off the nearest-liked term, so candidates need theirs.
    public var usesHubness: Bool { learnsRidge && hubnessWeight > 0 }

    /// The ``Hubness`` measure candidates are corrected by, built on the shared weak-negative sample: one
    /// for a whole day (or a whole evaluation), since it depends on the library and not on the user.
    /// `nil` when these settings do not use hubness or there is no sample.
    public func candidateHubness(_ negatives: WeakNegatives?) -> Hubness? {
        guard usesHubness, let negatives else { return nil }
        return Hubness(sample: negatives, neighbours: hubnessNeighbours)
    }

    /// Fields of settings files written by older versions that no longer exist.
    private enum RetiredKeys: String, CodingKey { case weakNegativeTarget, translatedTopicalWeight }

    /// Why each retired field that is read and ignored (not refused) no longer counts: a file naming one
    /// still loads, and its reader is told (``RetiredFields``).
    private static let ignoredRetiredFields: [RetiredKeys: String] = [
        // A translated candidate's own topical weight: 0 and 0.25 both lost to the English weight
        // (experiment 91), so its topical term weighs ``topicalWeight`` like every candidate's.
        .translatedTopicalWeight: "translatedTopicalWeight is retired and ignored (experiment 91): a Chinese-only "
            + "candidate's topical term weighs topicalWeight; remove the field",
    ]

    /// A settings file read for the retired fields it names: decode it next to the settings and show
    /// ``notices`` to whoever wrote it.
    public struct RetiredFields: Decodable, Sendable {
        /// One line for each retired, ignored field the file names, in name order (empty when none).
        public let notices: [String]

        public init(from decoder: any Decoder) throws {
            let keys = try decoder.container(keyedBy: RetiredKeys.self).allKeys
            notices = keys.sorted { $0.rawValue < $1.rawValue }.compactMap { ProfileSettings.ignoredRetiredFields[$0] }
        }
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
        // The weak negatives' regression target is 0 (−0.2, +0.1 and +0.25 all lost badly, experiments 29
        // and 36); the option is gone, and a file asking for another value is refused rather than ignored.
        let retired = try decoder.container(keyedBy: RetiredKeys.self)
        if let target = try retired.decodeIfPresent(Float.self, forKey: .weakNegativeTarget), target != 0 {
            throw DecodingError.dataCorruptedError(
                forKey: .weakNegativeTarget, in: retired, debugDescription: "weakNegativeTarget is no longer supported (it is always 0)")
        }
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
        translatedTopicalShift = try c.decodeIfPresent(Bool.self, forKey: .translatedTopicalShift) ?? d.translatedTopicalShift
    }
}
