import ArxivFormats
import Foundation
import Library
import TextEmbedding

extension Recommender {
    /// The learned bar's noise papers as vectors ready to score: base ids, profile vectors (hubness not yet
    /// set), and which of them are translated.
    struct NoiseSample {
        var ids: [String] = []
        var vectors: [ProfileVector] = []
        var translated: Set<Int> = []
    }

    /// The profile vectors of the noise papers `ids` (in their order; ids no longer in the library are left
    /// out), taken from ``NoiseSampleCache`` where it has them and featurized otherwise. When the sample
    /// differs from the cached one, the cache is rewritten (a cache that cannot be written only costs speed).
    func noiseVectors(_ ids: [ArxivID], features: ProfileFeatures) throws -> NoiseSample {
        let url = NoiseSampleCache.url(in: library.directory, modelID: model.id)
        let cache = NoiseSampleCache.load(from: url, featureCount: featureCount, dimension: model.dimension)
            .flatMap { $0.matches(features) ? $0 : nil }
        var cached: [String: ProfileVector] = [:]
        if let cache {
            cached = Dictionary(zip(cache.ids, cache.vectors).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
        }
        let missing = ids.filter { cached[$0.description] == nil }
        let papers = try library.papers(missing)
        let featurized = featurize(papers, texts: papers.map(ScoringText.init), features: features)
        var fresh: [String: (vector: ProfileVector, translated: Bool)] = [:]
        for (i, paper) in papers.enumerated() {
            fresh[paper.id.base] = (featurized.vectors[i], featurized.translations[i] != nil)
        }

        var sample = NoiseSample()
        var kept = (ids: [String](), vectors: [ProfileVector]())
        for id in ids {
            let entry = cached[id.description].map { (vector: $0, translated: false) } ?? fresh[id.base]
            guard let entry else { continue }
            if entry.translated {
                sample.translated.insert(sample.vectors.count)
            } else {
                kept.ids.append(id.description)
                kept.vectors.append(entry.vector)
            }
            sample.ids.append(id.base)
            sample.vectors.append(entry.vector)
        }
        if cache?.ids != kept.ids {
            try? NoiseSampleCache(
                linearView: features.linearView, topicalExponent: features.topicalExponent, ids: kept.ids,
                vectors: kept.vectors
            ).write(to: url)
            CacheFiles.removeOthers(in: library.directory, keeping: url, where: DataDirectory.isNoiseSampleFile)
        }
        return sample
    }
}
