import Foundation
import Testing
import TestSupport

/// `similar` and `search` across languages with the shipped bilingual model (v6), through the binary on a
/// real library: the newest 600 corpus papers (English) and the 2025-12-23 digest, whose 10 papers the
/// library knows only in Chinese.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct CrossLanguageCommandTests {
    /// The RAG papers among the newest 600 (their titles or abstracts say retrieval-augmented generation).
    static let ragPapers: Set<String> = [
        "2512.20626", "2512.20884", "2512.22199", "2512.22442", "2512.22568", "2512.22629", "2512.23489",
    ]
    /// The digest's papers (2512.19678 … 2512.19693).
    static func isDigestPaper(_ id: String) -> Bool { id.hasPrefix("2512.196") }

    @Test func aChineseOnlyPapersNeighboursAreEnglishPapers() throws {
        let cli = try RecommendCommandTests.library()
        let result = try cli.run(["similar", "2512.19693", "--k", "10", "--format", "json", "--offline"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try RecommendCommandTests.json(result.stdout)
        #expect(json["language"] as? String == "zh")
        #expect(json["acrossLanguages"] as? Bool == true)
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 10)
        // With an English-only model it was compared with the 9 other Chinese rows only. Now English papers
        // are among its neighbours (Visual Language Hypothesis, Generative Latent Coding for image
        // compression, for the prism hypothesis of unified autoencoding). The Chinese texts share a language
        // offset, so the 9 other Chinese rows took 8 of the 10 places until the re-rank took each language's
        // mean off (CrossLanguageReRank, LanguageMeans; Models/EXPERIMENTS.md, session 8).
        let english = items.compactMap { $0["id"] as? String }.filter { !Self.isDigestPaper($0) }
        #expect(english.count >= 8, "English papers on its topic are most of its neighbours: \(items)")

        let table = try cli.run(["similar", "2512.19693", "--offline"])
        #expect(table.stdout.contains("bilingual dense view"))
    }

    @Test func aChineseQueryFindsEnglishPapers() throws {
        let cli = try RecommendCommandTests.library()
        let result = try cli.run(["search", "检索增强生成", "--k", "5", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try RecommendCommandTests.json(result.stdout)
        #expect(json["language"] as? String == "zh")
        let ids = try #require(json["items"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.count == 5)
        #expect(ids.filter { Self.ragPapers.contains($0) }.count >= 3, "retrieval-augmented generation papers: \(ids)")

        let english = try RecommendCommandTests.json(
            try cli.run(["search", "retrieval-augmented generation", "--k", "5", "--format", "json"]).stdout)
        #expect(english["language"] as? String == "en")
    }
}
