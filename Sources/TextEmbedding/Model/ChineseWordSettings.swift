/// How a model learns its Chinese words (``ChineseLexicon``) from the Chinese texts it is fitted on
/// (``ChineseLexiconLearner``); part of the definition, so a change gives another model id.
///
/// A string of 2…``maximumLength`` CJK characters becomes a word when it is frequent (≥ ``minimumCount``
/// occurrences), cohesive (its weakest split into two parts still has a pointwise mutual information of
/// at least ``minimumCohesion`` nats: 扩散模型 is far more frequent than 扩散 and 模型 side by side by
/// chance) and free (the characters just before and just after it vary: both branching entropies are
/// at least ``minimumEntropy`` nats, so 散模 — always inside 扩散模型 — is not a word). A unigram language
/// model over those words and every character is then re-estimated ``reestimationRounds`` times by
/// segmenting the corpus with it (Viterbi), and words the segmentation no longer uses ``minimumCount``
/// times are dropped.
public struct ChineseWordSettings: Codable, Sendable, Equatable {
    public var maximumLength: Int
    public var minimumCount: Int
    public var minimumCohesion: Float
    public var minimumEntropy: Float
    public var reestimationRounds: Int

    public init(
        maximumLength: Int = 6, minimumCount: Int = 10, minimumCohesion: Float = 2,
        minimumEntropy: Float = 1, reestimationRounds: Int = 2
    ) {
        self.maximumLength = maximumLength
        self.minimumCount = minimumCount
        self.minimumCohesion = minimumCohesion
        self.minimumEntropy = minimumEntropy
        self.reestimationRounds = reestimationRounds
    }

    /// Why these settings cannot learn a lexicon, or nil when they can.
    var problem: String? {
        guard (2 ... 12).contains(maximumLength) else { return "chineseWords.maximumLength \(maximumLength) is outside 2…12" }
        guard minimumCount >= 1 else { return "chineseWords.minimumCount must be at least 1" }
        guard minimumCohesion.isFinite, minimumEntropy.isFinite else { return "chineseWords thresholds must be finite" }
        guard (0 ... 10).contains(reestimationRounds) else { return "chineseWords.reestimationRounds must be 0…10" }
        return nil
    }
}
