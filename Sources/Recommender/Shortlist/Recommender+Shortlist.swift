import ArxivFormats
public import Library
import LinearAlgebra
import TextEmbedding

// The shortlist: a day's candidates ranked for one profile, diversified and explained.

extension Recommender {
    /// Fits the named profile and ranks `candidates` with it, steered by `steering` (filters and bar).
    public func shortlist(
        for profileName: String, candidates: [StoredPaper], date: String, top: Int, steering: Steering = .none
    ) throws -> Shortlist {
        var features = ProfileFeatures(model: model, settings: settings)
        let profile = try profile(named: profileName, features: &features)
        guard !profile.isEmpty else { throw RecommenderError.noRatings(profileName) }
        return try shortlist(
            candidates: candidates, profile: profile, profileName: profileName, date: date, top: top,
            steering: steering, features: features)
    }

    /// Ranks `candidates` for `profile`: drops what `steering`'s filters reject, scores every other
    /// candidate once (sparse view, and the topical view when the profile uses it), drops those below the
    /// bar, keeps the best `top` of the rest with maximal marginal relevance, and explains each pick.
    /// `features` may be the ``ProfileFeatures`` the profile was built with (one is made otherwise).
    public func shortlist(
        candidates: [StoredPaper], profile: Profile, profileName: String, date: String, top: Int,
        steering: Steering = .none, diversity: MaximalMarginalRelevance = MaximalMarginalRelevance(),
        features: ProfileFeatures? = nil
    ) throws -> Shortlist {
        let rated = Set(profile.likeIDs + profile.dislikeIDs)
        let unrated = candidates.filter { !rated.contains($0.id.base) }
        let pool = unrated.filter(steering.admits)
        var features = features ?? ProfileFeatures(model: model, settings: settings)
        var scale = ScaleMemo()
        let scored = scoreVectors(pool, profile: profile, features: &features, scale: &scale)
        let values = scored.values

        let bar = try scoreBar(steering.threshold, profile: profile, features: &features, scale: &scale, skipping: unrated)
        let passing = (0 ..< pool.count).filter { index in bar.value.map { values[index] >= $0 } ?? true }
        let order = passing.sorted {
            values[$0] != values[$1] ? values[$0] > values[$1] : pool[$0].id < pool[$1].id
        }
        let (poolSize, overflow) = top.multipliedReportingOverflow(by: MaximalMarginalRelevance.poolPerPick)
        let head = Array(order.prefix(overflow ? order.count : poolSize))
        let similarities = SparseGram.gram(head.map { scored.sparse[$0] }, dimension: 1 << model.definition.bucketBits)
        let picks = diversity.select(relevance: head.map { values[$0] }, similarities: similarities, count: top)
        // Reasons of translated rows name liked papers by title and English terms from the likes' texts.
        let explainer = picks.contains { scored.translations[head[$0]] != nil }
            ? CrossLanguageReason(profile: profile, features: features, liked: (try? likedPapers(profile)) ?? [:]) : nil

        let items = picks.enumerated().map { rank, pick -> ShortlistItem in
            let index = head[pick]
            let paper = pool[index]
            let score = scored.scores[index]
            let reason: ShortlistItem.Reason
            if let translation = scored.translations[index], let explainer {
                reason = explainer.reason(
                    text: scored.texts[index].text, translation: translation, candidate: scored.vectors[index], score: score)
            } else {
                let nearest = score.nearestLike.map {
                    ShortlistItem.Nearest(id: profile.likeIDs[$0.index], similarity: $0.similarity)
                }
                reason = .init(nearest: nearest, terms: matchedTerms(
                    scored.texts[index].text, vector: scored.vectors[index].linear, profile: profile, features: features))
            }
            return ShortlistItem(
                rank: rank + 1, id: paper.id.base, version: paper.id.versionString,
                title: paper.title, authors: paper.authors, categories: paper.categories, published: paper.listedOn,
                url: paper.id.absURL, score: values[index],
                reason: reason, scoredLanguage: scored.texts[index].language, scoredOnTranslation: scored.texts[index].isTranslation,
                abstract: paper.abstract
            )
        }
        var shortlist = Shortlist(date: date, profile: profileName, model: model.id, candidates: unrated.count, items: items)
        if steering != .none {
            shortlist.steering = SteeringReport(
                bar: bar.value, barSource: bar.source, noiseSample: bar.sample,
                include: steering.include.map(\.description), exclude: steering.exclude.map(\.description),
                categories: steering.categories, filteredOut: unrated.count - pool.count,
                belowBar: pool.count - passing.count, passed: passing.count, thin: bar.value != nil && passing.count < top)
        }
        return shortlist
    }

    /// The profile's liked papers by base id, for reasons that name them by title.
    func likedPapers(_ profile: Profile) throws -> [String: StoredPaper] {
        let ids = try profile.likeIDs.map { try ArxivID(parsing: $0) }
        return Dictionary(try library.papers(ids).map { ($0.id.base, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// How many terms a reason names ("matched: diffusion model, 扩散, …").
    static let matchedTermCount = 5
    /// Contributions read per term named: most strong contributions are stop-word n-grams of the phrase view
    /// or bigrams whose unigrams are already named, so the reader needs many to find five readable terms.
    static let contributionsPerMatchedTerm = 12

    /// The readable n-grams behind the strongest positive contributions to a candidate's score (`vector`
    /// is its linear view). Stop-word n-grams of the phrase view count in the score but are never named.
    func matchedTerms(
        _ text: String, vector: SparseVector, profile: Profile, features: ProfileFeatures, limit: Int = Self.matchedTermCount
    ) -> [String] {
        let strongest = profile.contributions(vector, limit: limit * Self.contributionsPerMatchedTerm)
        guard !strongest.isEmpty else { return [] }
        let names = features.linearFeatureNames(of: text)
        var terms: [String] = []
        for part in strongest {
            guard let name = names[part.bucket], !terms.contains(name) else { continue }
            // A unigram already covered by a chosen bigram adds nothing for the reader.
            if terms.contains(where: { $0.split(separator: " ").map(String.init).contains(name) }) { continue }
            terms.append(name)
            if terms.count == limit { break }
        }
        return terms
    }
}
