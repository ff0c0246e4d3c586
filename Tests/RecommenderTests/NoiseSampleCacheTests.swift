import ArxivFormats
import Foundation
import Library
import LinearAlgebra
import TestSupport
import Testing
import TextEmbedding
@testable import Recommender

/// The learned bar's noise sample is kept with its vectors (``NoiseSampleCache``): the same bar with or
/// without the cache, vectors read from it rather than featurized again, and a cache that does not fit or
/// does not parse rebuilt.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct NoiseSampleCacheTests {
    static let day = "2025-12-30"

    func shortlist(_ corpus: CorpusLibrary) throws -> Shortlist {
        try corpus.recommender.shortlist(
            for: "nlp", candidates: try corpus.day(Self.day), date: Self.day, top: 10, steering: Steering(threshold: .learned))
    }

    func rate(_ corpus: CorpusLibrary) throws {
        for paper in try corpus.papers(primary: "cs.CL", before: Self.day, count: 6) {
            try corpus.library.rate(paper.id, .like, profile: "nlp")
        }
    }

    func url(_ corpus: CorpusLibrary) -> URL { NoiseSampleCache.url(in: corpus.directory.url, modelID: corpus.model.id) }

    func load(_ corpus: CorpusLibrary) -> NoiseSampleCache? {
        NoiseSampleCache.load(from: url(corpus), featureCount: corpus.model.definition.bucketCount, dimension: corpus.model.dimension)
    }

    @Test func theCachedSampleGivesTheSameBarAsAFreshOne() throws {
        let corpus = try CorpusLibrary()
        try rate(corpus)
        let first = try shortlist(corpus)
        let cache = try #require(load(corpus))
        #expect(first.steering?.barSource == "learned")
        #expect(cache.ids.count == first.steering?.noiseSample)
        #expect(cache.vectors.allSatisfy { $0.topical.count == corpus.model.dimension })
        let written = try Data(contentsOf: url(corpus))
        let second = try shortlist(corpus)
        #expect(second == first)
        // The same sample came back: the cache was read, not rewritten.
        #expect(try Data(contentsOf: url(corpus)) == written)
        try FileManager.default.removeItem(at: url(corpus))
        #expect(try shortlist(corpus) == first)
        #expect(try Data(contentsOf: url(corpus)) == written)
    }

    /// The bar is learned from the cached vectors: the same paper's vector for every entry moves it.
    @Test func theBarReadsTheCachedVectors() throws {
        let corpus = try CorpusLibrary()
        try rate(corpus)
        let first = try shortlist(corpus)
        let cache = try #require(load(corpus))
        let one = try #require(cache.vectors.first)
        try NoiseSampleCache(
            linearView: cache.linearView, topicalExponent: cache.topicalExponent, ids: cache.ids,
            vectors: cache.vectors.map { _ in one }
        ).write(to: url(corpus))
        let second = try shortlist(corpus)
        #expect(second.steering?.bar != first.steering?.bar)
    }

    /// Vectors made for another linear view or topical exponent are not used; a damaged file is refused
    /// (no trap). Either way the sample is featurized again and the same bar learned.
    @Test func aCacheThatDoesNotFitOrParseIsRebuilt() throws {
        let corpus = try CorpusLibrary()
        try rate(corpus)
        let first = try shortlist(corpus)
        let cache = try #require(load(corpus))
        let written = try Data(contentsOf: url(corpus))
        let otherView = NoiseSampleCache(
            linearView: cache.linearView == .phrases ? .content : .phrases, topicalExponent: cache.topicalExponent,
            ids: cache.ids, vectors: cache.vectors.map { _ in cache.vectors[0] })
        let otherExponent = NoiseSampleCache(
            linearView: cache.linearView, topicalExponent: (cache.topicalExponent ?? 1) + 1,
            ids: cache.ids, vectors: cache.vectors.map { _ in cache.vectors[0] })
        for stale in [otherView, otherExponent] {
            try stale.write(to: url(corpus))
            #expect(try shortlist(corpus) == first)
            #expect(try Data(contentsOf: url(corpus)) == written)
        }
        for damaged in [written.dropLast(4), Data("ARXNOI0\u{0}".utf8) + written.dropFirst(8)] {
            try damaged.write(to: url(corpus))
            #expect(load(corpus) == nil)
            #expect(try shortlist(corpus) == first)
            #expect(try Data(contentsOf: url(corpus)) == written)
        }
    }
}
