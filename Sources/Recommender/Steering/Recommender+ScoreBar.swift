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

    /// Papers scored as a shortlist scores them: the text scored, its sparse view, and the full profile
    /// vector (linear and topical views, hubness against the profile's weak negatives).
    struct ScoredVectors {
        var texts: [ScoringText]
        var sparse: [SparseVector]
        var vectors: [ProfileVector]
    }

    /// One pipeline for candidates and noise alike, so the bar is measured on the scale the day is scored on.
    func scoreVectors(_ papers: [StoredPaper], profile: Profile, features: inout ProfileFeatures) -> ScoredVectors {
        var featurizer = Featurizer(model: model)
        let texts = papers.map(ScoringText.init)
        let sparse = texts.map { featurizer.sparse($0.text) }
        // The papers' dense views are in the vector file already; a library that cannot map it only
        // costs the projection.
        let stored = features.usesTopicalView ? try? library.denseRows(of: papers) : nil
        let hubness = profile.hubness?.values(of: sparse, ids: papers.map(\.id.base))
        let vectors = sparse.indices.map { i in
            var vector = features.extend(
                sparse[i], text: texts[i].text, dense: stored?.stored[i] == true ? stored?.rows.row(i) : nil)
            vector.hubness = hubness?[i] ?? 0
            return vector
        }
        return ScoredVectors(texts: texts, sparse: sparse, vectors: vectors)
    }

    /// The bar `threshold` asks for. A learned one scores ``ScoreBar/sampleSize`` unrated library papers
    /// that are not among `skipping` (the day's candidates) nor the profile's weak negatives, drawn with a
    /// seed of their own so the bar is the same on every run over the same library and ratings.
    func scoreBar(
        _ threshold: Steering.Threshold, profile: Profile, features: inout ProfileFeatures, skipping: [StoredPaper]
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
            let scores = scoreVectors(noise, profile: profile, features: &features).vectors.map { profile.score($0).value }
            guard let bar = ScoreBar.learn(noiseScores: scores) else {
                return AppliedBar(value: nil, source: "unlearned", sample: noise.count)
            }
            return AppliedBar(value: bar, source: "learned", sample: noise.count)
        }
    }

    /// Makes the noise sample's seed differ from the weak negatives' (`"bar"`).
    static let noiseSeedSalt: UInt64 = 0x626172
}
