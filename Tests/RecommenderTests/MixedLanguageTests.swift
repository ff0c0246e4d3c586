import ArxivFormats
import Foundation
import Library
import Testing
import TestSupport
@testable import Recommender

/// Chinese digests against English-built profiles: scored on English whenever the library knows it,
/// on the Chinese text (and marked) when it does not — never compared across languages silently.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct MixedLanguageTests {
    static let day = "2025-12-30"

    /// The real digest's rows (Chinese title, author, abstract), re-pointed at `ids`: a digest of papers
    /// whose English metadata the library already has.
    static func digest(for ids: [ArxivID], day: String) throws -> String {
        let real = try DigestParser.parse(try SharedData.data("digests/2025-12-23.md"), file: "2025-12-23.md").papers
        var lines = ["# arxiv \(day)", "", "| 标题 | 作者 | PDF链接 |  摘要 |", "|------|------|--------|------|"]
        for (index, id) in ids.enumerated() {
            let row = real[index % real.count]
            lines.append("| \(row.title) | \(row.authors.first ?? "") | [PDF](https://arxiv.org/pdf/\(id.base)v1) | \(row.abstract) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aChineseDigestOfKnownPapersRanksLikeTheEnglishListing() throws {
        let corpus = try CorpusLibrary()
        for paper in try corpus.papers(primary: "cs.CL", before: Self.day, count: 6) {
            try corpus.library.rate(paper.id, .like, profile: "nlp")
        }
        let english = Array(try corpus.day(Self.day).prefix(60))
        let file = corpus.directory.file("\(Self.day).md")
        try Data(try Self.digest(for: english.map(\.id), day: Self.day).utf8).write(to: file)
        let report = try PaperIngestor(library: corpus.library).ingest(file, format: nil, file: file.path, collectIDs: true)
        #expect(report.ids.count == english.count)
        #expect(report.updated + report.unchanged == english.count, "digest rows of known papers must not add papers")

        let fromDigest = try corpus.library.papers(report.ids)
        let stored = try #require(fromDigest.first)
        #expect(stored.language == "en")
        #expect(stored.translationLanguage == "zh")
        #expect(stored.translatedTitle?.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } == true)

        let viaDigest = try corpus.recommender.shortlist(for: "nlp", candidates: fromDigest, date: Self.day, top: 10)
        let viaListing = try corpus.recommender.shortlist(for: "nlp", candidates: english, date: Self.day, top: 10)
        #expect(viaDigest.items.map(\.id) == viaListing.items.map(\.id))
        #expect(zip(viaDigest.items, viaListing.items).allSatisfy { abs($0.score - $1.score) < 1e-6 })
        #expect(viaDigest.items.allSatisfy { !$0.scoredOnTranslation })
    }

    @Test func aChineseOnlyDigestIsScoredOnItsOwnTextAndMarked() throws {
        let corpus = try CorpusLibrary()
        let report = try PaperIngestor(library: corpus.library).ingest(SharedData.digest, format: nil, file: "2025-12-23.md", collectIDs: true)
        #expect(report.inserted == 10)
        // A profile with English likes and one Chinese like (a digest row).
        var liked: Set<String> = ["2512.19693"]
        for paper in try corpus.papers(primary: "cs.CV", before: Self.day, count: 4) {
            try corpus.library.rate(paper.id, .like, profile: "mixed")
            liked.insert(paper.id.base)
        }
        try corpus.library.rate(try ArxivID(parsing: "2512.19693"), .like, profile: "mixed")
        let candidates = try corpus.library.papers(report.ids)
        let shortlist = try corpus.recommender.shortlist(for: "mixed", candidates: candidates, date: "2025-12-23", top: 5)
        #expect(shortlist.candidates == 9, "the liked row is not a candidate")
        #expect(shortlist.items.allSatisfy { $0.scoredOnTranslation && $0.scoredLanguage == "zh" })
        // Translated rows meet English and Chinese likes in the same English buckets (model v7 on), so any like
        // may be the nearest; a named one is a like of this profile, close by, and the Chinese like explains
        // some of its own digest's rows. A row with no close like names none (no invented reason).
        #expect(shortlist.items.allSatisfy { item in item.reason.nearest.map { liked.contains($0.id) && $0.similarity > 0 } ?? true })
        #expect(shortlist.items.contains { $0.reason.nearest?.id == "2512.19693" })
        #expect(shortlist.items.allSatisfy { $0.score > 0 })
        #expect(shortlist.items.first?.reasonText.contains("scored on the zh text") == true)
    }
}
