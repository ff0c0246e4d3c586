import ArxivFormats
import Foundation
import Library
import LinearAlgebra
import TestSupport
import TextEmbedding
import Testing
@testable import Recommender

/// The daily shortlist on real papers: a profile built from likes in one field must surface that field,
/// two unrelated interests must both be served, dislikes must count, and every item must say why.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct ShortlistTests {
    static let day = "2025-12-30"

    /// Share of the picks whose primary category is `category`.
    static func share(of category: String, in shortlist: Shortlist, candidates: [StoredPaper]) -> Double {
        let byID = Dictionary(uniqueKeysWithValues: candidates.map { ($0.id.base, $0) })
        return Double(shortlist.items.filter { byID[$0.id]?.primaryCategory == category }.count) / Double(shortlist.items.count)
    }

    @Test func likesInOneFieldSurfaceThatField() throws {
        let corpus = try CorpusLibrary()
        for paper in try corpus.papers(primary: "cs.CL", before: Self.day, count: 8) {
            try corpus.library.rate(paper.id, .like, profile: "nlp")
        }
        for paper in try corpus.papers(primary: "cs.GR", before: Self.day, count: 8) {
            try corpus.library.rate(paper.id, .like, profile: "graphics")
        }
        let candidates = try corpus.day(Self.day)
        let nlp = try corpus.recommender.shortlist(for: "nlp", candidates: candidates, date: Self.day, top: 10)
        let graphics = try corpus.recommender.shortlist(for: "graphics", candidates: candidates, date: Self.day, top: 10)
        #expect(nlp.items.count == 10)
        let baseRate = Double(candidates.filter { $0.primaryCategory == "cs.CL" }.count) / Double(candidates.count)
        let nlpShare = Self.share(of: "cs.CL", in: nlp, candidates: candidates)
        // cs.CL is about a fifth of the day: a language profile lists clearly more of it than chance and
        // than a graphics profile does (neighbouring fields like cs.AI take the rest of its list).
        #expect(nlpShare > baseRate * 1.5, "only \(nlpShare) cs.CL picks (base rate \(baseRate))")
        #expect(nlpShare > Self.share(of: "cs.CL", in: graphics, candidates: candidates) + 0.2)
        #expect(nlp.items.map(\.rank) == Array(1 ... 10))
        for item in nlp.items {
            #expect(item.reason.nearest != nil)
            #expect(!item.reason.terms.isEmpty, "no matched terms for \(item.id)")
            #expect(!item.scoredOnTranslation)
        }
    }

    @Test func twoUnrelatedInterestsAreBothServed() throws {
        let corpus = try CorpusLibrary()
        let graphics = try corpus.papers(primary: "cs.GR", before: Self.day, count: 5)
        let language = try corpus.papers(primary: "cs.CL", before: Self.day, count: 5)
        for paper in graphics + language { try corpus.library.rate(paper.id, .like, profile: "both") }
        let candidates = try corpus.day(Self.day)
        let shortlist = try corpus.recommender.shortlist(for: "both", candidates: candidates, date: Self.day, top: 10)
        let nearest = shortlist.items.compactMap { $0.reason.nearest?.id }
        #expect(nearest.contains { id in graphics.contains { $0.id.base == id } }, "no pick is close to a graphics like")
        #expect(nearest.contains { id in language.contains { $0.id.base == id } }, "no pick is close to a language like")
    }

    @Test func ratedPapersAreNeverCandidatesAndDislikesLowerTheirNeighbours() throws {
        let corpus = try CorpusLibrary()
        for paper in try corpus.papers(primary: "cs.CL", before: Self.day, count: 6) {
            try corpus.library.rate(paper.id, .like, profile: "p")
        }
        let candidates = try corpus.day(Self.day)
        let before = try corpus.recommender.shortlist(for: "p", candidates: candidates, date: Self.day, top: 10)
        let top = try #require(before.items.first)
        let topPaper = try #require(candidates.first { $0.id.base == top.id })
        // The paper most like the first pick among the other candidates, on the sparse view the profile
        // learns from (the dense view's nearest need not share the terms a dislike pushes down).
        var featurizer = Featurizer(model: corpus.model)
        let topVector = featurizer.sparse(ScoringText(topPaper).text)
        let others = candidates.filter { $0.id.base != topPaper.id.base }
        let similarities = others.map { featurizer.sparse(ScoringText($0).text).dot(topVector) }
        let neighbourPaper = try #require(similarities.indices.max { similarities[$0] < similarities[$1] }.map { others[$0] })
        let profileBefore = try corpus.recommender.profile(named: "p")
        try corpus.library.rate(topPaper.id, .dislike, profile: "p")
        let profileAfter = try corpus.recommender.profile(named: "p")
        let after = try corpus.recommender.shortlist(for: "p", candidates: candidates, date: Self.day, top: 10)
        #expect(!after.items.contains { $0.id == top.id }, "a rated paper came back as a candidate")
        #expect(after.candidates == before.candidates - 1)
        let vector = featurizer.sparse(ScoringText(neighbourPaper).text)
        #expect(profileAfter.linearScore(vector) < profileBefore.linearScore(vector), "the dislike did not lower its nearest neighbour")
    }

    @Test func aProfileWithoutRatingsIsAClearError() throws {
        let corpus = try CorpusLibrary()
        #expect(throws: RecommenderError.self) {
            try corpus.recommender.shortlist(for: "empty", candidates: try corpus.day(Self.day), date: Self.day, top: 5)
        }
        let message = "\(RecommenderError.noRatings("empty"))"
        #expect(message.contains("arxrec rate"))
    }

    @Test func writingTheNegativesCacheRemovesOtherModelsCaches() throws {
        let corpus = try CorpusLibrary()
        let stale = corpus.directory.file("weak-negatives-lsa256-0123456789abcdef.bin")
        try Data("ARXNEG1\u{0}".utf8).write(to: stale)
        let unrelated = corpus.directory.file("notes.bin")
        try Data([1, 2, 3]).write(to: unrelated)
        _ = try corpus.recommender.weakNegatives()
        let current = corpus.directory.file("weak-negatives-\(corpus.model.id).bin")
        #expect(FileManager.default.fileExists(atPath: current.path))
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: unrelated.path))
    }
}
