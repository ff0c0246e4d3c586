import Foundation
import Testing
import TestSupport

/// `shortlist` of a Chinese digest whose papers the library knows only in Chinese, against English likes,
/// with the shipped model's term table (v7): the rows are read as English terms, ranked on the likes'
/// topic, put on the English rows' scale, and explained with whole Chinese words and their English glosses.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct CrossLanguageShortlistTests {
    /// A digest of 282 rows in the seed's format, built from the Chinese summaries of 2025-12-02's papers.
    static let digest = SharedData.url("digests-generated/2025-12-02.md")
    /// Five retrieval-augmented-generation papers among the newest 600 (CrossLanguageCommandTests.ragPapers).
    static let likes = ["2512.20626", "2512.20884", "2512.22199", "2512.22442", "2512.22568"]

    /// The corpus lines (JSON) of the papers `ids`, by id.
    static func corpusLines(_ ids: Set<String>) throws -> [String: Data] {
        var lines: [String: Data] = [:]
        for line in try Data(contentsOf: SharedData.corpus).split(separator: UInt8(ascii: "\n")) {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let id = object["id"] as? String, ids.contains(id) else { continue }
            lines[id] = Data(line)
        }
        return lines
    }

    /// The English title + abstract of a corpus line, lower-cased.
    static func englishText(_ line: Data) throws -> String {
        let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        return ((object["title"] as? String ?? "") + " " + (object["abstract"] as? String ?? "")).lowercased()
    }

    /// The digest's paper ids, in row order.
    static func digestIDs() throws -> [String] {
        let text = try String(contentsOf: digest, encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"arxiv\.org/pdf/(\d{4}\.\d{5})"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    static func likedLibrary() throws -> CLIFixture {
        let cli = try CLIFixture()
        let slice = try CorpusSlice.lastPapers(600, in: cli.home.url)
        #expect(try cli.run(["ingest", slice.path]).status == 0)
        for id in likes { #expect(try cli.run(["rate", id, "like", "--offline"]).status == 0) }
        return cli
    }

    static func items(_ result: ArxrecProcess.Result) throws -> [[String: Any]] {
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try RecommendCommandTests.json(result.stdout)["items"] as? [[String: Any]])
    }

    @Test func chineseOnlyRowsAreRankedByEnglishLikesAndExplainedInBothLanguages() throws {
        let cli = try Self.likedLibrary()
        let items = try Self.items(try cli.run([
            "shortlist", "--input", Self.digest.path, "--top", "10", "--format", "json",
        ]))
        #expect(items.count == 10)
        #expect(items.allSatisfy { $0["scoredLanguage"] as? String == "zh" })
        // On the likes' topic, checked against the English abstracts the library never saw: without the
        // term table these rows were ranked by their Latin terms alone (issue 16: recall at chance).
        let ids = items.compactMap { $0["id"] as? String }
        let english = try Self.corpusLines(Set(ids))
        let onTopic = try ids.prefix(5).filter { id in
            try english[id].map(Self.englishText).map { $0.contains("retriev") } ?? false
        }
        #expect(onTopic.count >= 3, "the top 5 are retrieval papers: \(ids.prefix(5)), on topic \(onTopic)")

        let reasons = items.compactMap { $0["reason"] as? [String: Any] }
        let terms = reasons.flatMap { $0["terms"] as? [String] ?? [] }
        // Whole Chinese words with the English terms they were read as: "检索增强生成 (retrieval augmented)".
        let glossed = terms.filter { $0.range(of: #"^\p{Han}{2,} \([a-z0-9 ]+\)$"#, options: .regularExpression) != nil }
        #expect(glossed.count >= 5, "\(terms)")
        #expect(terms.contains { $0.hasPrefix("检索") }, "\(terms)")
        // The nearest liked paper is named by title.
        let likedTitles = try Set(Self.corpusLines(Set(Self.likes)).values.map { line in
            try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])["title"] as? String ?? ""
        })
        let nearest = reasons.compactMap { $0["nearest"] as? [String: Any] }
        #expect(!nearest.isEmpty)
        func words(_ title: String) -> [Substring] { title.split(whereSeparator: \.isWhitespace) }
        #expect(nearest.allSatisfy { row in
            (row["title"] as? String).map { title in likedTitles.contains { words($0) == words(title) } } ?? false
        }, "\(nearest)")
        let table = try cli.run(["shortlist", "--input", Self.digest.path, "--top", "3"])
        #expect(table.stdout.contains("close to 2512."), "\(table.stdout)")
        #expect(likedTitles.contains { table.stdout.contains(String(words($0).joined(separator: " ").prefix(30))) },
                "a liked title is named: \(table.stdout)")
    }

    /// Half the day's rows also have their English record in the library (scored in English), half are
    /// Chinese-only: both kinds reach the top on one scale.
    @Test func aMixedDayRanksAsOneList() throws {
        let cli = try Self.likedLibrary()
        let ids = try Self.digestIDs()
        #expect(ids.count > 200)
        let englishIDs = Set(ids.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        let records = try Self.corpusLines(englishIDs)
        let file = try cli.write("english-half.jsonl", records.values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n") + "\n")
        #expect(try cli.run(["ingest", file]).status == 0)

        let items = try Self.items(try cli.run([
            "shortlist", "--input", Self.digest.path, "--top", "1000", "--format", "json",
        ]))
        func scores(_ language: String) -> [Double] {
            items.filter { $0["scoredLanguage"] as? String == language }.compactMap { ($0["score"] as? NSNumber)?.doubleValue }
        }
        let english = scores("en")
        let chinese = scores("zh")
        #expect(english.count > 100 && chinese.count > 100, "\(english.count) English, \(chinese.count) Chinese rows")
        func moments(_ values: [Double]) -> (mean: Double, deviation: Double) {
            let mean = values.reduce(0, +) / Double(max(values.count, 1))
            return (mean, (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(values.count, 1))).squareRoot())
        }
        let (englishMean, englishDeviation) = moments(english)
        let (chineseMean, chineseDeviation) = moments(chinese)
        #expect(abs(chineseMean - englishMean) < 0.5 * englishDeviation,
                "Chinese rows \(chineseMean) ± \(chineseDeviation), English rows \(englishMean) ± \(englishDeviation)")
        #expect(chineseDeviation > 0.5 * englishDeviation && chineseDeviation < 2 * englishDeviation)
        let top = items.prefix(20).compactMap { $0["scoredLanguage"] as? String }
        #expect(top.filter { $0 == "zh" }.count >= 4 && top.filter { $0 == "en" }.count >= 4, "top 20: \(top)")
    }
}
