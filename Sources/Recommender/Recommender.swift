import ArxivFormats
import Library
import LinearAlgebra
import TextEmbedding

/// The three jobs users come for, over one library and one embedding model: learn a profile from
/// ratings, rank a day's candidates into a shortlist, and find similar papers.
public struct Recommender: Sendable {
    public let library: Library
    public let model: EmbeddingModel
    public var settings: ProfileSettings
    /// Seed of the weak-negative sample, so a profile is the same on every run over the same library.
    public var negativeSeed: UInt64 = 0x6172_7872_6563
    /// Set by a long-running process to keep the weak negatives in memory between profiles (see
    /// ``WeakNegativesMemo``); `nil` for a command, which fits once.
    public var weakNegativesMemo: WeakNegativesMemo?

    public init(library: Library, model: EmbeddingModel, settings: ProfileSettings = .standard) {
        self.library = library
        self.model = model
        self.settings = settings
    }

    var featureCount: Int { model.definition.bucketCount }

    // MARK: Profiles

    /// The profile's ratings as training examples (papers missing from the library are skipped;
    /// `rate` never stores such a rating).
    public func ratedExamples(profile name: String, features: inout ProfileFeatures) throws -> [RatedExample] {
        let ratings = try library.ratings(profile: name)
        let papers = try library.papers(ratings.map(\.id))
        let byID = Dictionary(papers.map { ($0.id.base, $0) }, uniquingKeysWith: { first, _ in first })
        return ratings.compactMap { rating in
            guard let paper = byID[rating.id.base] else { return nil }
            return RatedExample(
                id: paper.id.base, features: features.vector(of: ScoringText(paper)),
                label: rating.value == .like ? .like : .dislike
            )
        }
    }

    /// The library's weak negatives: unrated papers whose Gram factorisation is shared by every profile,
    /// read from ``WeakNegativesCache`` when it is still fresh and drawn (and cached) otherwise.
    ///
    /// The sample excludes every paper rated in any profile, so a like is never also a weak negative.
    /// `excluding` names further papers that must not be negatives (the held-out positives of `evaluate`).
    public func weakNegatives(excluding: Set<String> = []) throws -> WeakNegatives? {
        guard settings.kind == .ridge || settings.kind == .blend, settings.weakNegativeCount > 0 else { return nil }
        var rated = excluding
        for profile in try library.profiles() {
            for rating in try library.ratings(profile: profile.name) { rated.insert(rating.id.base) }
        }
        let papersInLibrary = try library.paperCount()
        if let kept = weakNegativesMemo?.negatives(for: settings, libraryPapers: papersInLibrary, rated: rated) {
            return kept
        }
        let cacheURL = WeakNegativesCache.url(in: library.directory, modelID: model.id)
        if let cache = WeakNegativesCache.load(from: cacheURL), cache.matches(settings),
           cache.isFresh(libraryPapers: papersInLibrary, rated: rated, wanted: settings.weakNegativeCount) {
            let ids = try cache.ids.map { try ArxivID(parsing: $0) }
            let papers = try library.papers(ids)
            // `papers(_:)` keeps the order of `ids`, which is the order the factor was built in.
            if papers.count == ids.count {
                let negatives = WeakNegatives(
                    ids: cache.ids, vectors: negativeVectors(papers),
                    factorization: CholeskyFactorization(precomputedFactor: cache.factor),
                    solvedTargets: cache.solvedTargets, settings: settings, featureCount: featureCount
                )
                weakNegativesMemo?.keep(negatives, drawnFrom: cache.libraryPapers)
                return negatives
            }
        }
        let ids = try library.randomPaperIDs(count: settings.weakNegativeCount, seed: negativeSeed, excluding: rated)
        guard !ids.isEmpty else { return nil }
        let papers = try library.papers(ids)
        let negatives = try WeakNegatives(
            ids: papers.map(\.id.base), vectors: negativeVectors(papers),
            settings: settings, featureCount: featureCount
        )
        if let factorization = negatives.factorization {
            // A cache that cannot be written (read-only library) only costs speed.
            try? WeakNegativesCache(
                ids: negatives.ids, libraryPapers: papersInLibrary, lambda: settings.lambda,
                weight: settings.weakNegativeWeight, target: settings.weakNegativeTarget, linearView: settings.linearView,
                factor: factorization.factor, solvedTargets: negatives.solvedTargets
            ).write(to: cacheURL)
            WeakNegativesCache.removeOthers(in: library.directory, keeping: model.id)
        }
        weakNegativesMemo?.keep(negatives, drawnFrom: papersInLibrary)
        return negatives
    }

    /// The weak negatives' content and linear views (they need no topical view: they are never candidates).
    func negativeVectors(_ papers: [StoredPaper]) -> [ProfileVector] {
        var featurizer = Featurizer(model: model)
        var phrases = ProfileFeatures.phraseFeaturizer(model: model, settings: settings)
        return papers.map { paper in
            let text = ScoringText(paper).text
            return ProfileVector(sparse: featurizer.sparse(text), linear: phrases?.sparse(text))
        }
    }

    /// Fits the named profile from its ratings (once per command).
    public func profile(named name: String) throws -> Profile {
        var features = ProfileFeatures(model: model, settings: settings)
        return try profile(named: name, features: &features)
    }

    /// ``profile(named:)`` with the caller's ``ProfileFeatures``, which a shortlist reuses for its candidates
    /// (building one recovers the model's spectrum: 4.5 M reads, 5 ms).
    func profile(named name: String, features: inout ProfileFeatures) throws -> Profile {
        let examples = try ratedExamples(profile: name, features: &features)
        let negatives = try examples.contains { $0.label == .like } ? weakNegatives() : nil
        return try ProfileTrainer(settings: settings, featureCount: featureCount).train(examples, negatives: negatives)
    }

    // MARK: Shortlist

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
        // MMR looks at the strongest few times `top`: beyond that nothing could be picked anyway.
        let order = passing.sorted {
            values[$0] != values[$1] ? values[$0] > values[$1] : pool[$0].id < pool[$1].id
        }
        let head = Array(order.prefix(max(top * 4, top)))
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

    /// The readable n-grams behind the strongest positive contributions to a candidate's score (`vector`
    /// is its linear view). Stop-word n-grams of the phrase view count in the score but are never named.
    func matchedTerms(
        _ text: String, vector: SparseVector, profile: Profile, features: ProfileFeatures, limit: Int = 5
    ) -> [String] {
        let strongest = profile.contributions(vector, limit: limit * 12)
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

    // MARK: Similar papers

    /// The `k` papers nearest to a library paper on the dense view, the query excluded.
    ///
    /// With a bilingual model (``EmbeddingModel/isBilingual``, v6 on) a paper known only in Chinese (a
    /// digest row) has a dense vector in the same space as the English papers, so it is compared with the
    /// whole library like any paper and its neighbours are mostly English; its dense top 300 are re-scored
    /// on the topical view (``CrossLanguageReRank``) instead of the sparse view, which would favour the few
    /// Chinese papers (they share its Chinese words, an English paper only its Latin terms). With an
    /// English-only model such a paper has no
    /// meaningful dense vector, so it is compared on the sparse view with the library's papers in that same
    /// language instead, and the result says so: languages are never compared silently.
    public func similar(to id: ArxivID, k: Int) throws -> SimilarResult {
        guard let paper = try library.paper(id) else { throw RecommenderError.notInLibrary(id) }
        let text = ScoringText(paper)
        if text.isTranslation && !model.isBilingual {
            return SimilarResult(
                query: paper.id.description, title: paper.title, items: try sameLanguageNeighbours(of: paper, k: k),
                language: paper.language, acrossLanguages: false
            )
        }
        var featurizer = Featurizer(model: model)
        let sparse = featurizer.sparse(text.text)
        let language = featurizer.language
        var query = model.dense(sparse)
        if let row = paper.vectorRow {
            // The stored row saves the projection; a damaged one is repaired, and the fresh vector used.
            let stored = try library.withVectors { view in row < view.rowCount && view.isHealthy(row: row) ? Array(view.row(row)) : nil }
            if let stored { query = stored } else { _ = library.repairIfPossible([row]) }
        }
        let items = try nearest(
            to: query, sparse: sparse, k: k, excluding: [paper.id.base], reRank: reRank(for: language))
        return SimilarResult(
            query: paper.id.description, title: paper.title, items: items, language: paper.language,
            acrossLanguages: model.isBilingual)
    }

    /// How a query in `language` is re-ranked: on the sparse view in English, on the topical view in
    /// Chinese when the model is bilingual (else the dense order alone).
    func reRank(for language: TextLanguage) -> QueryReRank {
        guard language == .chinese, model.isBilingual else { return .sparse(.standard) }
        return CrossLanguageReRank(model: model).map(QueryReRank.topical) ?? .sparse(SimilarReRank(depth: 0, sparseWeight: 0))
    }

    /// Sparse-view cosine against the library's papers in the query's language.
    func sameLanguageNeighbours(of paper: StoredPaper, k: Int) throws -> [SimilarItem] {
        var featurizer = Featurizer(model: model)
        let query = featurizer.sparse(ScoringText(paper).text)
        let others = try library.papers(language: paper.language).filter { $0.id.base != paper.id.base }
        let scores = others.map { query.dot(featurizer.sparse(ScoringText($0).text)) }
        return topK(scores, k: k).map { hit in
            let other = others[hit.index]
            return SimilarItem(id: other.id.base, version: other.id.versionString, title: other.title, similarity: hit.score)
        }
    }

    /// The `k` papers nearest to free text: English, or Chinese with a bilingual model (检索增强生成 finds
    /// retrieval-augmented generation papers in English), ranked as ``similar(to:k:)`` ranks a paper in
    /// that language.
    public func search(_ text: String, k: Int) throws -> SimilarResult {
        var featurizer = Featurizer(model: model)
        let sparse = featurizer.sparse(text)
        let language = featurizer.language
        let query = model.dense(sparse)
        guard query.contains(where: { $0 != 0 }) else { throw RecommenderError.noKnownTerms(text) }
        let items = try nearest(to: query, sparse: sparse, k: k, excluding: [], reRank: reRank(for: language))
        return SimilarResult(
            query: text, title: nil, items: items, language: language.rawValue, acrossLanguages: model.isBilingual)
    }

    /// One `cblas_sgemv` over the memory-mapped vector file and a partial top-k find the topical
    /// neighbourhood; ``SimilarReRank/standard`` then re-scores its best `depth` with the sparse view —
    /// the rule `arxrec evaluate` measures.
    ///
    /// Why both: the dense view is best at "same field", but it cannot tell the closely related paper from
    /// the merely topical one; adding the sparse cosine brings the papers that share the query's specific
    /// terms up. The similarity printed is ``SimilarReRank/similarity(_:)``, the weighted mean of the two
    /// cosines, so the list reads from most to least similar.
    func nearest(
        to query: [Float], sparse: SparseVector, k: Int, excluding: Set<String>, reRank queryReRank: QueryReRank = .sparse(.standard)
    ) throws -> [SimilarItem] {
        let reRank: SimilarReRank
        var topical: CrossLanguageReRank? = nil
        switch queryReRank {
        case .sparse(let rule): reRank = rule
        case .topical(let rule):
            reRank = SimilarReRank(depth: rule.depth, sparseWeight: 0)
            topical = rule
        }
        let depth = max(k, reRank.depth)
        // Rows no paper points to (superseded versions) are skipped, so ask for some slack.
        let slack = depth + excluding.count + 16
        let scan = try library.nearestRows(to: query, count: slack, topical: topical)
        // Damaged rows are left out of the scan; once repaired, their papers take part again.
        let hits = library.repairIfPossible(scan.damaged)
            ? try library.nearestRows(to: query, count: slack, topical: topical).hits : scan.hits
        let ids = try library.ids(ofVectorRows: hits.map(\.index))
        var seen = excluding
        var chosen: [(id: ArxivID, dense: Float)] = []
        for hit in hits {
            guard let id = ids[hit.index], !seen.contains(id.base) else { continue }
            seen.insert(id.base)
            chosen.append((id, hit.score))
            if chosen.count == depth { break }
        }
        let stored = try library.papers(chosen.map(\.id))
        let byID = Dictionary(stored.map { ($0.id.base, $0) }, uniquingKeysWith: { first, _ in first })
        // In dense order, so that the re-rank's ties (and a re-rank that is off) keep it.
        let papers = chosen.compactMap { byID[$0.id.base] }
        let dense = chosen.filter { byID[$0.id.base] != nil }.map(\.dense)
        var featurizer = Featurizer(model: model)
        let vectors = reRank.isActive ? papers.map { featurizer.sparse(ScoringText($0).text) } : []
        var ranked = dense.enumerated().map { ScoredIndex(index: $0.offset, score: $0.element) }
        if reRank.isActive { ranked = reRank.apply(ranked, query: sparse, sparse: vectors) }
        return ranked.prefix(k).map {
            let paper = papers[$0.index]
            return SimilarItem(
                id: paper.id.base, version: paper.id.versionString, title: paper.title, similarity: reRank.similarity($0.score))
        }
    }
}

/// The re-rank of a `similar`/`search` query's dense neighbourhood: on the sparse view (English), or on
/// the topical view (a Chinese query with a bilingual model).
enum QueryReRank {
    case sparse(SimilarReRank)
    case topical(CrossLanguageReRank)
}

/// Results of `similar` / `search`: `{"query":"…", "items":[{"id":…, "title":…, "similarity":…}]}`.
public struct SimilarResult: Codable, Sendable, Equatable {
    public var query: String
    public var title: String?
    public var items: [SimilarItem]
    /// The language of the query: the paper's main text, or the searched text.
    public var language: String
    /// Whether the whole library was compared in one bilingual dense space (a bilingual model); false for
    /// an English-only model, where a query in another language (`zh`) is compared on the sparse view
    /// with that language's papers only.
    public var acrossLanguages: Bool

    public init(query: String, title: String?, items: [SimilarItem], language: String, acrossLanguages: Bool) {
        self.query = query
        self.title = title
        self.items = items
        self.language = language
        self.acrossLanguages = acrossLanguages
    }
}

public struct SimilarItem: Codable, Sendable, Equatable {
    public var id: String
    public var version: String?
    public var title: String
    public var similarity: Float
}

public enum RecommenderError: Error, Sendable, CustomStringConvertible {
    case notInLibrary(ArxivID)
    case noKnownTerms(String)
    case noRatings(String)

    public var description: String {
        switch self {
        case .notInLibrary(let id):
            return "\(id) is not in the library: add it with `arxrec fetch --ids \(id)` (online) or `arxrec ingest FILE`"
        case .noRatings(let profile):
            let flag = profile == "default" ? "" : " --profile \(profile)"
            return "profile '\(profile)' has no ratings yet: like a few papers first (`arxrec rate ID like\(flag)` or `arxrec import-likes FILE\(flag)`)"
        case .noKnownTerms(let text):
            return "no term of '\(text.prefix(60))' is known to the model: try words from titles or abstracts"
        }
    }
}
