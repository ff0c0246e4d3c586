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
        var sparse: [SparseVector] { vectors.map(\.content) }
    }

    /// One pipeline for candidates and noise alike, so the bar is measured on the scale the day is scored on.
    func scoreVectors(
        _ papers: [StoredPaper], profile: Profile, features: inout ProfileFeatures, scale: inout ScaleMemo
    ) -> ScoredVectors {
        let texts = papers.map(ScoringText.init)
        let featurized = featurize(papers, texts: texts, features: features)
        var vectors = featurized.vectors
        let (scores, values) = score(
            &vectors, ids: papers.map(\.id.base), translated: Set(featurized.translations.keys), profile: profile,
            features: &features, scale: &scale)
        return ScoredVectors(
            texts: texts, vectors: vectors, scores: scores, values: values, translations: featurized.translations)
    }

    /// The profile vectors of `papers` (whose scoring texts are `texts`) and the translation of each
    /// translated one, featurized on both cores (``ConcurrentParts``; each vector depends on its paper alone).
    func featurize(_ papers: [StoredPaper], texts: [ScoringText], features: ProfileFeatures)
        -> (vectors: [ProfileVector], translations: [Int: Translator.Translation])
    {
        // The papers' dense views are in the vector file already; a library that cannot map it only
        // costs the projection.
        let stored = features.usesTopicalView ? try? library.denseRows(of: papers) : nil
        let featurized = ConcurrentParts.map(
            texts.count, makeState: { (features: features, featurizer: Featurizer(model: model)) }
        ) { part, i -> (vector: ProfileVector, translation: Translator.Translation?) in
            let dense = stored?.stored[i] == true ? stored?.rows.row(i) : nil
            if texts[i].isChinese, let (vector, translation) = part.features.translated(texts[i].text, dense: dense) {
                return (vector, translation)
            }
            return (part.features.extend(part.featurizer.sparse(texts[i].text), text: texts[i].text, dense: dense), nil)
        }
        var translations: [Int: Translator.Translation] = [:]
        for (i, result) in featurized.enumerated() { if let translation = result.translation { translations[i] = translation } }
        return (featurized.map(\.vector), translations)
    }

    /// Scores `vectors` (the papers `ids`, base ids) for `profile` after setting their hubness (but for the
    /// `hubnessKnown` ones, which carry it already); the values of the `translated` ones are mapped onto the
    /// profile's English scale.
    func score(
        _ vectors: inout [ProfileVector], ids: [String], translated: Set<Int>, hubnessKnown: Set<Int> = [],
        profile: Profile, features: inout ProfileFeatures, scale: inout ScaleMemo
    ) -> (scores: [Profile.Score], values: [Float]) {
        let unknown = vectors.indices.filter { !hubnessKnown.contains($0) }
        profile.hubness?.measure(&vectors, at: unknown, ids: unknown.map { ids[$0] })
        let scores = vectors.map(profile.score)
        let scale = translated.isEmpty ? nil : scale.measured(profile: profile, features: &features)
        let values = scores.indices.map { i in
            translated.contains(i) ? scale?.english(scores[i].value) ?? scores[i].value : scores[i].value
        }
        return (scores, values)
    }

    /// The bar `threshold` asks for. A learned one scores ``ScoreBar/sampleSize`` unrated library papers
    /// that are not among `skipping` (the day's candidates) nor the profile's weak negatives, drawn with a
    /// seed of their own and kept (``NoiseSampleCache``) like the weak negatives, so the bar is the same on
    /// every run over the same library and ratings, and on the days after while the sample stays fresh.
    func scoreBar(
        _ threshold: Steering.Threshold, profile: Profile, features: inout ProfileFeatures, scale: inout ScaleMemo,
        skipping: [StoredPaper]
    ) throws -> AppliedBar {
        switch threshold {
        case .off: return AppliedBar(value: nil, source: "off")
        case .fixed(let value): return AppliedBar(value: value, source: "fixed")
        case .learned:
            var rated = Set(profile.likeIDs + profile.dislikeIDs)
            for profileName in try library.profiles().map(\.name) {
                for rating in try library.ratings(profile: profileName) { rated.insert(rating.id.base) }
            }
            var excluded = rated.union(skipping.map(\.id.base))
            if let negatives = profile.hubness?.sampleColumns.keys { excluded.formUnion(negatives) }
            let hubnessKey = profile.hubness?.sampleKey ?? 0
            let noise = try noiseSample(
                excluding: excluded, rated: rated, libraryPapers: try library.paperCount(), features: features,
                hubnessKey: hubnessKey)
            guard noise.vectors.count >= ScoreBar.minimumSample else {
                return AppliedBar(value: nil, source: "unlearned", sample: noise.vectors.count)
            }
            var vectors = noise.vectors
            let scores = score(
                &vectors, ids: noise.ids, translated: noise.translated, hubnessKnown: noise.hubnessKnown, profile: profile,
                features: &features, scale: &scale
            ).values
            keepNoiseSample(noise, scored: vectors, features: features, hubnessKey: hubnessKey)
            guard let bar = ScoreBar.learn(noiseScores: scores) else {
                return AppliedBar(value: nil, source: "unlearned", sample: vectors.count)
            }
            return AppliedBar(value: bar, source: "learned", sample: vectors.count)
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
