import Foundation
import Testing
import TestSupport

/// rate / ratings / import-likes / profile / shortlist / similar / search / daily through the binary.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct RecommendCommandTests {
    /// A library of the newest 600 corpus papers (2025-12-24 … 2025-12-30) and the 2025-12-23 digest.
    static func library() throws -> CLIFixture {
        let cli = try CLIFixture()
        let slice = try CorpusSlice.lastPapers(600, in: cli.home.url)
        #expect(try cli.run(["ingest", slice.path, SharedData.digest.path]).status == 0)
        return cli
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func ratingsAreCommittedAndClearedAndBadIdsChangeNothing() throws {
        let cli = try Self.library()
        #expect(try cli.run(["rate", "https://arxiv.org/abs/2512.19693v1", "like", "--offline"]).status == 0)
        #expect(try cli.run(["rate", "2512.19692", "dislike", "--offline", "--profile", "vision"]).status == 0)
        let ratings = try Self.json(try cli.run(["ratings", "--format", "json"]).stdout)
        let rows = try #require(ratings["ratings"] as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["2512.19693"])
        #expect(rows.first?["rating"] as? String == "like")

        let typo = try cli.run(["rate", "2512.1969x", "like", "--offline"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("2512.1969x"))
        // Not fetchable offline: `fetch`'s 69.
        let unknown = try cli.run(["rate", "2512.99999", "like", "--offline"])
        #expect(unknown.status == 69)
        #expect(unknown.stderr.contains("2512.99999 is not in the library"))
        #expect(unknown.stderr.split(separator: "\n").count == 1)
        #expect(try cli.stats()["ratings"] as? Int == 2)

        #expect(try cli.run(["rate", "2512.19693", "clear", "--offline"]).status == 0)
        #expect(try cli.stats()["ratings"] as? Int == 1)
    }

    @Test func importLikesReadsBibTeXAndPlainLists() throws {
        let cli = try Self.library()
        let bib = try cli.write("refs.bib", """
        @article{a, title = {Something}, eprint = {2512.19693}, archivePrefix = {arXiv}}
        @misc{b,
          url = {https://arxiv.org/abs/2512.19692v1},
        }
        @inproceedings{c, doi = {10.48550/arXiv.2512.19691}}
        @book{d, title = {No arXiv id here}}
        """)
        let result = try cli.run(["import-likes", bib, "--offline"])
        #expect(result.status == 2, "one entry has no id: \(result.stderr)")
        #expect(result.stdout.contains("liked 3 papers"))
        let list = try cli.write("likes.txt", "# my likes\n2512.19687   # audio-visual\nhttps://arxiv.org/pdf/2512.19686v1\n")
        #expect(try cli.run(["import-likes", list, "--offline", "--profile", "other"]).status == 0)
        #expect(try cli.stats()["ratings"] as? Int == 5)
    }

    @Test func shortlistExplainsEachPickInEveryFormat() throws {
        let cli = try Self.library()
        let noRatings = try cli.run(["shortlist", "--date", "2025-12-30"])
        #expect(noRatings.status == 1)
        #expect(noRatings.stderr.contains("no ratings"))

        let likes = try cli.write("likes.txt", "2512.22491\n2512.23036\n2512.22823\n")
        #expect(try cli.run(["import-likes", likes, "--offline"]).status == 0)
        let json = try Self.json(try cli.run(["shortlist", "--date", "2025-12-30", "--top", "5", "--format", "json"]).stdout)
        #expect(json["date"] as? String == "2025-12-30")
        #expect(json["profile"] as? String == "default")
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 5)
        #expect(items.map { $0["rank"] as? Int } == [1, 2, 3, 4, 5])
        for item in items {
            let reason = try #require(item["reason"] as? [String: Any])
            let nearest = try #require(reason["nearest"] as? [String: Any])
            #expect(["2512.22491", "2512.23036", "2512.22823"].contains(nearest["id"] as? String ?? ""))
            #expect(!(reason["terms"] as? [String] ?? []).isEmpty)
            #expect(!["2512.22491", "2512.23036", "2512.22823"].contains(item["id"] as? String ?? ""), "a liked paper came back")
        }
        let markdown = try cli.run(["shortlist", "--date", "2025-12-30", "--top", "3", "--format", "markdown"]).stdout
        #expect(markdown.hasPrefix("# arxiv 2025-12-30"))
        #expect(markdown.contains("| Title | Authors | PDF | Abstract |"), "an English day has English headers")
        #expect(markdown.contains("https://arxiv.org/pdf/"))
        let html = try cli.run(["shortlist", "--date", "2025-12-30", "--top", "3", "--format", "html"]).stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        let table = try cli.run(["shortlist", "--date", "2025-12-30", "--top", "3"])
        #expect(table.stdout.contains("close to"))
        #expect(!table.stdout.contains("\u{1B}["), "no colour when piped")

        let emptyDay = try cli.run(["shortlist", "--date", "2025-12-27"])
        #expect(emptyDay.status == 1)
        #expect(emptyDay.stderr.contains("no papers announced on 2025-12-27"))
    }

    @Test func similarAndSearchPrintTheDocumentedJSON() throws {
        let cli = try Self.library()
        let result = try cli.run(["similar", "2512.23036", "--k", "5", "--format", "json", "--offline"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try Self.json(result.stdout)
        #expect((json["query"] as? String)?.hasPrefix("2512.23036") == true)
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 5)
        #expect(!items.contains { $0["id"] as? String == "2512.23036" })
        #expect(items.allSatisfy { $0["title"] is String && $0["similarity"] is Double })

        // A paper known only in Chinese is compared with every paper in the bilingual model's dense view
        // (CrossLanguageCommandTests has more).
        let chinese = try Self.json(try cli.run(["similar", "2512.19693", "--format", "json", "--offline"]).stdout)
        #expect(chinese["language"] as? String == "zh")
        #expect(chinese["acrossLanguages"] as? Bool == true)
        #expect((chinese["items"] as? [[String: Any]])?.count == 10)

        let search = try cli.run(["search", "speech synthesis", "--k", "3", "--format", "json"])
        #expect(search.status == 0)
        #expect((try Self.json(search.stdout)["items"] as? [[String: Any]])?.count == 3)

        let unknown = try cli.run(["similar", "2512.99999", "--offline"])
        #expect(unknown.status == 69)
        #expect(unknown.stderr.contains("not in the library"))
    }

    @Test func shortlistOfADigestFileAndTheProfileItLearned() throws {
        let cli = try Self.library()
        #expect(try cli.run(["rate", "2512.19693", "like", "--offline"]).status == 0)
        #expect(try cli.run(["rate", "2512.19691", "dislike", "--offline"]).status == 0)
        let result = try cli.run(["shortlist", "--input", SharedData.digest.path, "--top", "3", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try Self.json(result.stdout)
        #expect(json["date"] as? String == "2025-12-23")
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 3)
        #expect(items.allSatisfy { $0["scoredOnTranslation"] as? Bool == true })
        #expect(!items.contains { ["2512.19693", "2512.19691"].contains($0["id"] as? String ?? "") })

        let profile = try Self.json(try cli.run(["profile", "show", "--format", "json"]).stdout)
        #expect((profile["likes"] as? [[String: Any]])?.first?["id"] as? String == "2512.19693")
        #expect((profile["dislikes"] as? [[String: Any]])?.count == 1)
        #expect(!((profile["positiveTerms"] as? [String]) ?? []).isEmpty)
    }

    @Test func reindexKeepsEveryPaperAndRating() throws {
        let cli = try Self.library()
        #expect(try cli.run(["rate", "2512.23036", "like", "--offline"]).status == 0)
        let before = try cli.stats()
        let result = try cli.run(["reindex"])
        #expect(result.status == 0, "\(result.stderr)")
        let after = try cli.stats()
        #expect(after["papers"] as? Int == before["papers"] as? Int)
        #expect(after["vectors"] as? Int == before["papers"] as? Int)
        #expect(after["ratings"] as? Int == 1)
        let refit = try cli.run(["reindex", "--refit"])
        #expect(refit.status == 1, "a 610-paper library is too small to fit a model: an error, not a usage error")
        #expect(!refit.stderr.contains("Usage"))
        #expect(refit.stderr.contains("1,000"))
    }
}
