import ArxivFormats
import Foundation
import Library
import LinearAlgebra
import TestSupport
import Testing
import TextEmbedding
@testable import Recommender

/// The weak-negative cache keeps the sample's vectors with its factor, so a shortlist does not featurize
/// the sample again; a cache in an older format or with a damaged vector is rebuilt, never trusted.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct WeakNegativesCacheTests {
    @Test func theCachedVectorsAreTheOnesTheSampleWasBuiltFrom() throws {
        let corpus = try CorpusLibrary()
        let drawn = try #require(try corpus.recommender.weakNegatives())
        let url = WeakNegativesCache.url(in: corpus.directory.url, modelID: corpus.model.id)
        let cache = try #require(WeakNegativesCache.load(from: url, featureCount: corpus.model.definition.bucketCount))
        #expect(cache.ids == drawn.ids)
        let papers = try corpus.library.papers(drawn.ids.map { try ArxivID(parsing: $0) })
        let fresh = corpus.recommender.negativeVectors(papers)
        #expect(cache.vectors.map(\.content) == fresh.map(\.content))
        #expect(cache.vectors.map(\.linear) == fresh.map(\.linear))
        #expect(cache.vectors.contains { $0.linear != $0.content })
        let loaded = try #require(try corpus.recommender.weakNegatives())
        #expect(loaded.vectors == drawn.vectors)
    }

    /// The vectors a cached sample serves come from the file, not from featurizing its papers again:
    /// vectors swapped between papers in the file are what the sample then holds.
    @Test func aCachedSampleIsNotFeaturizedAgain() throws {
        let corpus = try CorpusLibrary()
        _ = try #require(try corpus.recommender.weakNegatives())
        let url = WeakNegativesCache.url(in: corpus.directory.url, modelID: corpus.model.id)
        let cache = try #require(WeakNegativesCache.load(from: url, featureCount: corpus.model.definition.bucketCount))
        let rotated = Array(cache.vectors.dropFirst()) + cache.vectors.prefix(1)
        try WeakNegativesCache(
            ids: cache.ids, libraryPapers: cache.libraryPapers, lambda: cache.lambda, weight: cache.weight,
            linearView: cache.linearView, factor: cache.factor, vectors: rotated
        ).write(to: url)
        let served = try #require(try corpus.recommender.weakNegatives())
        #expect(served.vectors == rotated.map(\.linear))
        #expect(served.vectors != cache.vectors.map(\.linear))
    }

    /// A cache of an older format (2: no vectors; 3: with the weak negatives' zero target and its solved
    /// vector) is not read: the sample is drawn again, the same papers, and rewritten in the current format.
    @Test(arguments: ["ARXNEG2\u{0}", "ARXNEG3\u{0}"])
    func anOlderFormatIsRebuilt(magic: String) throws {
        let corpus = try CorpusLibrary()
        let drawn = try #require(try corpus.recommender.weakNegatives())
        let url = WeakNegativesCache.url(in: corpus.directory.url, modelID: corpus.model.id)
        let current = try Data(contentsOf: url)
        try (Data(magic.utf8) + current.dropFirst(8)).write(to: url)
        #expect(WeakNegativesCache.load(from: url, featureCount: corpus.model.definition.bucketCount) == nil)

        let rebuilt = try #require(try corpus.recommender.weakNegatives())
        #expect(rebuilt.ids == drawn.ids && rebuilt.vectors == drawn.vectors)
        #expect(try Data(contentsOf: url) == current)
    }

    /// A vector whose buckets are out of order or out of the model's range, or a file cut short, is refused
    /// (no trap) and the cache rebuilt.
    @Test func aDamagedVectorIsRefusedAndTheCacheRebuilt() throws {
        let corpus = try CorpusLibrary()
        let drawn = try #require(try corpus.recommender.weakNegatives())
        let url = WeakNegativesCache.url(in: corpus.directory.url, modelID: corpus.model.id)
        let current = try Data(contentsOf: url)
        let buckets = corpus.model.definition.bucketCount
        let idBytes = Data(drawn.ids.joined(separator: "\n").utf8).count
        // Magic, count, λ, weight, view, library size, id bytes, ids, factor.
        let firstVector = 8 + 4 * 4 + 8 + 4 + idBytes + 4 * drawn.count * drawn.count
        // The first vector's first bucket: past the model's buckets.
        var damaged = current
        withUnsafeBytes(of: Int32(buckets).littleEndian) { damaged.replaceSubrange(firstVector + 4 ..< firstVector + 8, with: $0) }
        for bytes in [damaged, current.dropLast(4)] {
            try bytes.write(to: url)
            #expect(WeakNegativesCache.load(from: url, featureCount: buckets) == nil)
            let rebuilt = try #require(try corpus.recommender.weakNegatives())
            #expect(rebuilt.ids == drawn.ids && rebuilt.vectors == drawn.vectors)
            #expect(try Data(contentsOf: url) == current)
        }
    }
}
