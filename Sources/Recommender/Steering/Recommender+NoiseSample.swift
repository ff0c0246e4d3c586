import ArxivFormats
import Foundation
import Library
import TextEmbedding

extension Recommender {
    /// The learned bar's noise papers as vectors ready to score: base ids, profile vectors, which of them
    /// are translated, and which already carry their hubness (from the cache, measured against the same
    /// weak negatives).
    struct NoiseSample {
        var ids: [String] = []
        var vectors: [ProfileVector] = []
        var translated: Set<Int> = []
        var hubnessKnown: Set<Int> = []
        /// The versioned ids, for the cache.
        var keys: [String] = []
        /// The library's size when the sample was drawn, and how many papers were drawn.
        var drawnFrom = 0
        var drawnCount = 0
        /// Whether the cache on disk must be rewritten (a new draw, or hubness not yet measured).
        var isStale = false
    }

    /// The bar's noise sample: the one kept in ``NoiseSampleCache`` while it is fresh (its papers not in
    /// `excluding`: the day's candidates, the weak negatives, rated papers), else ``ScoreBar/sampleSize``
    /// papers drawn anew (seeded) and featurized. `rated` are the library's rated papers (a rating of a
    /// kept paper makes the kept sample stale); `hubnessKey` names the weak negatives the hubness is
    /// measured against (``Hubness/sampleKey``; 0 when the profile does not use it).
    func noiseSample(
        excluding excluded: Set<String>, rated: Set<String>, libraryPapers: Int, features: ProfileFeatures, hubnessKey: UInt64
    ) throws -> NoiseSample {
        let url = NoiseSampleCache.url(in: library.directory, modelID: model.id)
        if let cache = NoiseSampleCache.load(from: url, featureCount: featureCount, dimension: model.dimension),
           cache.matches(features) {
            let ids = try cache.ids.map { try ArxivID(parsing: $0) }
            let bases = ids.map(\.base)
            // A full draw is never redrawn for being short (translated papers are not kept); a short one
            // (a small library) is, once the library has room for the full sample.
            let wanted = cache.drawnCount < ScoreBar.sampleSize ? ScoreBar.sampleSize : bases.count
            if WeakNegativesCache.isFresh(
                ids: bases, drawnFrom: cache.libraryPapers, libraryPapers: libraryPapers, rated: rated, wanted: wanted),
               try library.countStored(ids) == Set(bases).count {
                // Key 0 on both sides: no hubness is used, and the kept values are the zeros written then.
                let hubnessHolds = cache.hubnessKey == hubnessKey
                var sample = NoiseSample(drawnFrom: cache.libraryPapers, drawnCount: cache.drawnCount, isStale: !hubnessHolds)
                for (i, base) in bases.enumerated() where !excluded.contains(base) {
                    var vector = cache.vectors[i]
                    if hubnessHolds { sample.hubnessKnown.insert(sample.vectors.count) } else { vector.hubness = 0 }
                    sample.ids.append(base)
                    sample.keys.append(cache.ids[i])
                    sample.vectors.append(vector)
                }
                return sample
            }
        }
        let ids = try library.randomPaperIDs(count: ScoreBar.sampleSize, seed: negativeSeed ^ Self.noiseSeedSalt, excluding: excluded)
        let papers = try library.papers(ids)
        let featurized = featurize(papers, texts: papers.map(ScoringText.init), features: features)
        return NoiseSample(
            ids: papers.map(\.id.base), vectors: featurized.vectors, translated: Set(featurized.translations.keys),
            keys: papers.map(\.id.description), drawnFrom: libraryPapers, drawnCount: papers.count, isStale: true)
    }

    /// Writes `sample` to the cache when it is stale, with `scored`, its vectors once their hubness against
    /// `hubnessKey` was measured (translated papers are left out: their scores need the translation). A
    /// cache that cannot be written (read-only library) only costs speed.
    func keepNoiseSample(_ sample: NoiseSample, scored: [ProfileVector], features: ProfileFeatures, hubnessKey: UInt64) {
        guard sample.isStale else { return }
        let kept = scored.indices.filter { !sample.translated.contains($0) }
        let url = NoiseSampleCache.url(in: library.directory, modelID: model.id)
        try? NoiseSampleCache(
            linearView: features.linearView, topicalExponent: features.topicalExponent, ids: kept.map { sample.keys[$0] },
            vectors: kept.map { scored[$0] }, libraryPapers: sample.drawnFrom, drawnCount: sample.drawnCount,
            hubnessKey: hubnessKey
        ).write(to: url)
        CacheFiles.removeOthers(in: library.directory, keeping: url, where: DataDirectory.isNoiseSampleFile)
    }
}
