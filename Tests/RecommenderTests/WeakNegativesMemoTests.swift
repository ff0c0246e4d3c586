import ArxivFormats
import Foundation
import Library
import TestSupport
import TextEmbedding
import Testing
@testable import Recommender

/// `arxrec serve` keeps the weak negatives in memory: the same shortlist as a command's, and a new sample
/// as soon as the disk cache would give one.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct WeakNegativesMemoTests {
    static let day = "2025-12-30"

    @Test func aMemoGivesTheSameShortlistAndFollowsTheCachesFreshness() throws {
        let corpus = try CorpusLibrary()
        let likes = try corpus.papers(primary: "cs.CL", before: Self.day, count: 6)
        for paper in likes { try corpus.library.rate(paper.id, .like, profile: "nlp") }
        let candidates = try corpus.day(Self.day)
        var served = corpus.recommender
        served.weakNegativesMemo = WeakNegativesMemo()

        let plain = try corpus.recommender.shortlist(for: "nlp", candidates: candidates, date: Self.day, top: 10)
        let first = try served.shortlist(for: "nlp", candidates: candidates, date: Self.day, top: 10)
        let kept = try #require(try served.weakNegatives())
        // The cache file is gone: a second shortlist can only have come from memory.
        try FileManager.default.removeItem(at: WeakNegativesCache.url(in: corpus.directory.url, modelID: corpus.model.id))
        let second = try served.shortlist(for: "nlp", candidates: candidates, date: Self.day, top: 10)
        #expect(first == plain && second == plain)
        #expect(!FileManager.default.fileExists(atPath: WeakNegativesCache.url(in: corpus.directory.url, modelID: corpus.model.id).path))

        // Rating one of the sample's papers makes it stale, as it would the cache: a new sample is drawn.
        let sampled = try #require(kept.ids.first)
        try corpus.library.rate(ArxivID(parsing: sampled), .dislike, profile: "nlp")
        let redrawn = try #require(try served.weakNegatives())
        #expect(!redrawn.ids.contains(sampled))
        #expect(redrawn.ids == (try corpus.recommender.weakNegatives())?.ids)
    }
}
