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

    /// The sample is kept like the weak negatives: through a library that grew (a new day; a fresh draw
    /// would give other papers), until one of its papers is rated.
    @Test func aKeptSampleOutlivesNewPapersButNotARatingOfOneOfIts() throws {
        let corpus = try CorpusLibrary()
        try rate(corpus)
        let first = try shortlist(corpus)
        let kept = try #require(load(corpus))
        let more = try CorpusSlice.lastPapers(2_600, in: corpus.directory.url)
        _ = try PaperIngestor(library: corpus.library).ingest(more, format: .snapshot, file: more.path)
        #expect(try corpus.library.paperCount() == kept.libraryPapers + 100)
        let grown = try shortlist(corpus)
        #expect(load(corpus)?.ids == kept.ids)
        #expect(grown.steering?.noiseSample == first.steering?.noiseSample)

        let sampled = try ArxivID(parsing: try #require(kept.ids.first))
        try corpus.library.rate(sampled, .dislike, profile: "nlp")
        _ = try shortlist(corpus)
        let redrawn = try #require(load(corpus))
        #expect(!redrawn.ids.contains(kept.ids[0]) && redrawn.libraryPapers == kept.libraryPapers + 100)
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
            vectors: cache.vectors.map { _ in one }, libraryPapers: cache.libraryPapers,
            drawnCount: cache.drawnCount, hubnessKey: cache.hubnessKey
        ).write(to: url(corpus))
        let second = try shortlist(corpus)
        #expect(second.steering?.bar != first.steering?.bar)
    }

    /// The sample's hubness is kept too, and read only while the weak negatives are the ones it was
    /// measured against: changed values move the bar under the same negatives' key, and are measured
    /// again (the first bar back) under another key.
    @Test func theCachedHubnessServesOnlyTheSameNegatives() throws {
        let corpus = try CorpusLibrary()
        try rate(corpus)
        let first = try shortlist(corpus)
        let cache = try #require(load(corpus))
        #expect(cache.hubnessKey != 0 && cache.vectors.contains { $0.hubness != 0 })
        func rewrite(key: UInt64) throws {
            try NoiseSampleCache(
                linearView: cache.linearView, topicalExponent: cache.topicalExponent, ids: cache.ids,
                vectors: cache.vectors.map { var vector = $0; vector.hubness = 0.9; return vector },
                libraryPapers: cache.libraryPapers, drawnCount: cache.drawnCount, hubnessKey: key
            ).write(to: url(corpus))
        }
        try rewrite(key: cache.hubnessKey)
        #expect(try shortlist(corpus).steering?.bar != first.steering?.bar)
        try rewrite(key: cache.hubnessKey ^ 1)
        #expect(try shortlist(corpus) == first)
        #expect(load(corpus)?.hubnessKey == cache.hubnessKey)
    }

    /// A profile that reads no hubness keeps its sample as well: the cache is written once (key 0), not
    /// again on every shortlist.
    @Test func withoutHubnessTheCacheIsWrittenOnce() throws {
        let corpus = try CorpusLibrary()
        try rate(corpus)
        var recommender = corpus.recommender
        recommender.settings.hubnessWeight = 0
        func run() throws -> Shortlist {
            try recommender.shortlist(
                for: "nlp", candidates: try corpus.day(Self.day), date: Self.day, top: 10, steering: Steering(threshold: .learned))
        }
        // A rewrite is a rename of a new file: a new inode.
        func inode() -> UInt64? {
            var info = stat()
            return stat(url(corpus).path, &info) == 0 ? UInt64(info.st_ino) : nil
        }
        let first = try run()
        let written = inode()
        #expect(load(corpus)?.hubnessKey == 0 && written != nil)
        #expect(try run() == first)
        #expect(inode() == written)
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
            ids: cache.ids, vectors: cache.vectors.map { _ in cache.vectors[0] },
            libraryPapers: cache.libraryPapers, drawnCount: cache.drawnCount, hubnessKey: cache.hubnessKey)
        let otherExponent = NoiseSampleCache(
            linearView: cache.linearView, topicalExponent: (cache.topicalExponent ?? 1) + 1,
            ids: cache.ids, vectors: cache.vectors.map { _ in cache.vectors[0] },
            libraryPapers: cache.libraryPapers, drawnCount: cache.drawnCount, hubnessKey: cache.hubnessKey)
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
