import ArxivFormats
import Library
import LinearAlgebra
import TextEmbedding

// The weak negatives every ridge profile shares: drawn once, factorised once, cached beside the library.

extension Recommender {
    /// The library's weak negatives: unrated papers whose Gram factorisation is shared by every profile,
    /// read from ``WeakNegativesCache`` when it is still fresh and drawn (and cached) otherwise.
    ///
    /// The sample excludes every paper rated in any profile, so a like is never also a weak negative.
    /// `excluding` names further papers that must not be negatives (the held-out positives of `evaluate`).
    public func weakNegatives(excluding: Set<String> = []) throws -> WeakNegatives? {
        guard settings.usesWeakNegatives else { return nil }
        var rated = excluding
        for profile in try library.profiles() {
            for rating in try library.ratings(profile: profile.name) { rated.insert(rating.id.base) }
        }
        let papersInLibrary = try library.paperCount()
        if let kept = weakNegativesMemo?.negatives(for: settings, libraryPapers: papersInLibrary, rated: rated) {
            return kept
        }
        let cacheURL = WeakNegativesCache.url(in: library.directory, modelID: model.id)
        if let cache = WeakNegativesCache.load(from: cacheURL, featureCount: featureCount), cache.matches(settings),
           cache.isFresh(libraryPapers: papersInLibrary, rated: rated, wanted: settings.weakNegativeCount) {
            let ids = try cache.ids.map { try ArxivID(parsing: $0) }
            // A paper gone from the library makes the sample stale; the vectors are the cache's own (those
            // the factor was built from), so the papers are not featurized again.
            if try library.countStored(ids) == Set(cache.ids).count {
                let negatives = WeakNegatives(
                    ids: cache.ids, vectors: cache.vectors,
                    factorization: CholeskyFactorization(precomputedFactor: cache.factor),
                    settings: settings, featureCount: featureCount
                )
                weakNegativesMemo?.keep(negatives, drawnFrom: cache.libraryPapers)
                return negatives
            }
        }
        let ids = try library.randomPaperIDs(count: settings.weakNegativeCount, seed: negativeSeed, excluding: rated)
        guard !ids.isEmpty else { return nil }
        let papers = try library.papers(ids)
        let vectors = negativeVectors(papers)
        let negatives = try WeakNegatives(
            ids: papers.map(\.id.base), vectors: vectors, settings: settings, featureCount: featureCount
        )
        if let factorization = negatives.factorization {
            // A cache that cannot be written (read-only library) only costs speed.
            try? WeakNegativesCache(
                ids: negatives.ids, libraryPapers: papersInLibrary, lambda: settings.lambda,
                weight: settings.weakNegativeWeight, linearView: settings.linearView,
                factor: factorization.factor, vectors: vectors
            ).write(to: cacheURL)
            WeakNegativesCache.removeOthers(in: library.directory, keeping: model.id)
        }
        weakNegativesMemo?.keep(negatives, drawnFrom: papersInLibrary)
        return negatives
    }

    /// The weak negatives' content and linear views (they need no topical view: they are never candidates),
    /// featurized on both cores.
    func negativeVectors(_ papers: [StoredPaper]) -> [ProfileVector] {
        let texts = papers.map { ScoringText($0).text }
        return ConcurrentParts.map(texts.count, makeState: {
            (content: Featurizer(model: model), phrases: ProfileFeatures.phraseFeaturizer(model: model, settings: settings))
        }) { part, i in
            ProfileVector(content: part.content.sparse(texts[i]), linear: part.phrases?.sparse(texts[i]))
        }
    }
}
