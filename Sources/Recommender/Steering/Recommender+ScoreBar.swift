import ArxivFormats
import Library
import LinearAlgebra
import TextEmbedding

extension Recommender {
    /// The bar a shortlist applies: its value (`nil`: none), where it came from (``SteeringReport/barSource``)
    /// and how many noise papers it was learned on.
    struct AppliedBar {
        var value: Float?
        var source: String
        var sample = 0
    }

    /// Papers scored as a shortlist scores them: the text scored, the full profile vector (sparse, linear
    /// and topical views, hubness against the profile's weak negatives), its score, and that score on the
    /// profile's English scale (``values``), which ranks, passes the bar and is printed.
    ///
    /// A Chinese-only paper is read as English buckets through the model's term table (v7 on), so English
    /// likes score it (``ProfileFeatures/translated(_:dense:)``); its score is then mapped onto the English
    /// rows' scale (``CrossLanguageScale``), so a mixed day ranks as one list.
    struct ScoredVectors {
        var texts: [ScoringText]
        var vectors: [ProfileVector]
        var scores: [Profile.Score]
        var values: [Float]
        /// The translation of each translated paper (by index), for its reason.
        var translations: [Int: Translator.Translation]

        /// The view MMR compares picks on: the sparse view (a translated paper's English buckets).
        var sparse: [SparseVector] { vectors.map(\.sparse) }
    }

    /// One pipeline for candidates and noise alike, so the bar is measured on the scale the day is scored on.
    func scoreVectors(
        _ papers: [StoredPaper], profile: Profile, features: inout ProfileFeatures, scale: inout ScaleMemo
    ) -> ScoredVectors {
        var featurizer = Featurizer(model: model)
        let texts = papers.map(ScoringText.init)
        // The papers' dense views are in the vector file already; a library that cannot map it only
        // costs the projection.
        let stored = features.usesTopicalView ? try? library.denseRows(of: papers) : nil
        var translations: [Int: Translator.Translation] = [:]
        var vectors = texts.indices.map { i -> ProfileVector in
            let dense = stored?.stored[i] == true ? stored?.rows.row(i) : nil
            if texts[i].isChinese, let (vector, translation) = features.translated(texts[i].text, dense: dense) {
                translations[i] = translation
                return vector
            }
            return features.extend(featurizer.sparse(texts[i].text), text: texts[i].text, dense: dense)
        }
        profile.hubness?.measure(&vectors, at: Array(vectors.indices), ids: papers.map(\.id.base))
        let scores = vectors.map(profile.score)
        let scale = translations.isEmpty ? nil : scale.measured(profile: profile, features: &features)
        let values = scores.indices.map { i in
            translations[i] != nil ? scale?.english(scores[i].value) ?? scores[i].value : scores[i].value
        }
        return ScoredVectors(texts: texts, vectors: vectors, scores: scores, values: values, translations: translations)
    }

    /// The bar `threshold` asks for. A learned one scores ``ScoreBar/sampleSize`` unrated library papers
    /// that are not among `skipping` (the day's candidates) nor the profile's weak negatives, drawn with a
    /// seed of their own so the bar is the same on every run over the same library and ratings.
    func scoreBar(
        _ threshold: Steering.Threshold, profile: Profile, features: inout ProfileFeatures, scale: inout ScaleMemo,
        skipping: [StoredPaper]
    ) throws -> AppliedBar {
        switch threshold {
        case .off: return AppliedBar(value: nil, source: "off")
        case .fixed(let value): return AppliedBar(value: value, source: "fixed")
        case .learned:
            var excluded = Set(profile.likeIDs + profile.dislikeIDs + skipping.map(\.id.base))
            for profileName in try library.profiles().map(\.name) {
                for rating in try library.ratings(profile: profileName) { excluded.insert(rating.id.base) }
            }
            if let negatives = profile.hubness?.sampleColumns.keys { excluded.formUnion(negatives) }
            let ids = try library.randomPaperIDs(count: ScoreBar.sampleSize, seed: negativeSeed ^ Self.noiseSeedSalt, excluding: excluded)
            guard ids.count >= ScoreBar.minimumSample else { return AppliedBar(value: nil, source: "unlearned", sample: ids.count) }
            let noise = try library.papers(ids)
            let scores = scoreVectors(noise, profile: profile, features: &features, scale: &scale).values
            guard let bar = ScoreBar.learn(noiseScores: scores) else {
                return AppliedBar(value: nil, source: "unlearned", sample: noise.count)
            }
            return AppliedBar(value: bar, source: "learned", sample: noise.count)
        }
    }

    /// A profile's ``CrossLanguageScale``, measured at most once per shortlist: the day and the bar's noise
    /// sample share it, and measuring it scores the model's calibration pairs both ways (as much work as
    /// ranking 800 candidates).
    struct ScaleMemo {
        private var isMeasured = false
        private var scale: CrossLanguageScale?

        mutating func measured(profile: Profile, features: inout ProfileFeatures) -> CrossLanguageScale? {
            if !isMeasured {
                scale = CrossLanguageScale(profile: profile, features: &features)
                isMeasured = true
            }
            return scale
        }
    }

    /// Makes the noise sample's seed differ from the weak negatives' (`"bar"`).
    static let noiseSeedSalt: UInt64 = 0x626172
}
