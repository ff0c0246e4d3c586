import Foundation
import Testing
import TestSupport

/// Issue 18 item 1: a score bar and keyword / category filters, from the command line and config.json,
/// applied before the list is picked; a thin day is short and says so.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct SteeringCommandTests {
    static let day = "2025-12-30"
    static let likes = ["2512.22491", "2512.23036", "2512.22823"]

    /// The newest `papers` corpus papers with a three-like profile.
    static func library(papers: Int = 600) throws -> CLIFixture {
        let cli = try CLIFixture()
        let slice = try CorpusSlice.lastPapers(papers, in: cli.home.url)
        #expect(try cli.run(["ingest", slice.path]).status == 0)
        let likes = try cli.write("likes.txt", Self.likes.joined(separator: "\n") + "\n")
        #expect(try cli.run(["import-likes", likes, "--offline"]).status == 0)
        return cli
    }

    static func shortlist(_ cli: CLIFixture, _ options: [String]) throws -> [String: Any] {
        let result = try cli.run(["shortlist", "--date", day, "--format", "json"] + options)
        #expect(result.status == 0, "\(result.stderr)")
        return try RecommendCommandTests.json(result.stdout)
    }

    static func items(_ json: [String: Any]) -> [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }
    static func score(_ item: [String: Any]) -> Double { (item["score"] as? NSNumber)?.doubleValue ?? .nan }

    @Test func aBarAboveTheDayLeavesTheListShortAndSaysSo() throws {
        let cli = try Self.library()
        let unsteered = try Self.shortlist(cli, ["--threshold", "off", "--top", "10"])
        #expect(Self.items(unsteered).count == 10, "without a bar the list fills")
        let best = try #require(Self.items(unsteered).map(Self.score).max())

        // Only the best paper of the day reaches a bar at its own score: one paper, not ten.
        let bar = String(format: "%.9g", best)
        let steered = try Self.shortlist(cli, ["--threshold", bar, "--top", "10"])
        let items = Self.items(steered)
        #expect(items.count == 1, "padded with papers below the bar: \(items.map(Self.score))")
        let steering = try #require(steered["steering"] as? [String: Any])
        #expect(steering["barSource"] as? String == "fixed")
        #expect(steering["passed"] as? Int == 1)
        #expect(steering["thin"] as? Bool == true)
        #expect((steering["belowBar"] as? Int ?? 0) > 100)

        let table = try cli.run(["shortlist", "--date", Self.day, "--threshold", bar])
        #expect(table.status == 0)
        #expect(table.stdout.contains("Nothing else above the bar today."))
        let markdown = try cli.run(["shortlist", "--date", Self.day, "--threshold", bar, "--format", "markdown"])
        #expect(markdown.stdout.contains("Nothing else above the bar today."))
        let none = try cli.run(["shortlist", "--date", Self.day, "--threshold", "1000"])
        #expect(none.status == 0)
        #expect(none.stdout.contains("Nothing above the bar today"), "\(none.stdout)")
    }

    @Test func keywordAndCategoryFiltersApplyBeforeTheListIsPicked() throws {
        let cli = try Self.library()
        let unsteered = Self.items(try Self.shortlist(cli, ["--threshold", "off"]))
        let top = try #require(unsteered.first)
        // A word of the best paper's title, excluded: that paper (and every paper saying it) is gone, and
        // the list still fills from the rest.
        let title = try #require(top["title"] as? String)
        let word = try #require(title.split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count >= 6 }.first)
        let excluded = Self.items(try Self.shortlist(cli, ["--threshold", "off", "--exclude", word.uppercased()]))
        #expect(excluded.count == 10)
        for item in excluded {
            let text = ((item["title"] as? String ?? "") + " " + (item["abstract"] as? String ?? "")).lowercased()
            #expect(!text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains(Substring(word.lowercased())), "\(item["id"] ?? "")")
        }

        let included = try Self.shortlist(cli, ["--threshold", "off", "--include", word])
        for item in Self.items(included) {
            let text = ((item["title"] as? String ?? "") + " " + (item["abstract"] as? String ?? "")).lowercased()
            #expect(text.contains(word.lowercased()))
        }
        #expect(Self.items(included).first?["id"] as? String == top["id"] as? String)
        let report = try #require(included["steering"] as? [String: Any])
        #expect(report["include"] as? [String] == [word])
        #expect((report["filteredOut"] as? Int ?? 0) > 0)

        let vision = Self.items(try Self.shortlist(cli, ["--threshold", "off", "--category", "cs.CV"]))
        #expect(!vision.isEmpty)
        for item in vision { #expect((item["categories"] as? [String] ?? []).contains("cs.CV"), "\(item["id"] ?? "")") }
        let archive = Self.items(try Self.shortlist(cli, ["--threshold", "off", "--category", "eess"]))
        for item in archive { #expect((item["categories"] as? [String] ?? []).contains { $0.hasPrefix("eess.") }) }

        #expect(try cli.run(["shortlist", "--date", Self.day, "--threshold", "high"]).status == 64)
        #expect(try cli.run(["shortlist", "--date", Self.day, "--include", "--"]).status == 64)
        #expect(try cli.run(["shortlist", "--date", Self.day, "--category", "cs..CV"]).status == 64)
    }

    @Test func theDefaultBarIsLearnedFromTheProfilesOwnScores() throws {
        // Enough papers for the 2,000 weak negatives and a noise sample beside them.
        let cli = try Self.library(papers: 3_500)
        let steered = try Self.shortlist(cli, ["--top", "10"])
        let steering = try #require(steered["steering"] as? [String: Any])
        #expect(steering["barSource"] as? String == "learned")
        #expect((steering["noiseSample"] as? Int ?? 0) >= 200)
        let bar = try #require((steering["bar"] as? NSNumber)?.doubleValue)
        for item in Self.items(steered) { #expect(Self.score(item) >= bar) }
        // The bar keeps a small head of the day: what clears 99 % of random papers.
        let candidates = try #require(steered["candidates"] as? Int)
        let passed = try #require(steering["passed"] as? Int)
        #expect(passed >= 1 && passed * 5 < candidates, "\(passed) of \(candidates) passed a bar of \(bar)")
        // Learned again, the same bar: the noise sample is seeded.
        let again = try #require(try Self.shortlist(cli, ["--top", "10"])["steering"] as? [String: Any])
        #expect((again["bar"] as? NSNumber)?.doubleValue == bar)
    }

    @Test func configSteersShortlistAndDailyPerProfileAndOptionsOverrideIt() throws {
        let cli = try Self.library()
        let digests = cli.home.url.appendingPathComponent("digests")
        try FileManager.default.createDirectory(at: digests, withIntermediateDirectories: true)
        _ = try cli.write("config.json", """
        {"digests": "digests", "profiles": ["default"], "top": 10,
         "steering": {"threshold": "off", "categories": ["cs.CL"]},
         "profileSteering": {"default": {"threshold": 1000}}}
        """)
        // The profile's own threshold wins over the shared one; the shared category stays.
        let configured = try Self.shortlist(cli, [])
        #expect(Self.items(configured).isEmpty)
        let report = try #require(configured["steering"] as? [String: Any])
        #expect((report["bar"] as? NSNumber)?.doubleValue == 1000)
        #expect(report["categories"] as? [String] == ["cs.CL"])
        // An option overrides the config.
        let overridden = try Self.shortlist(cli, ["--threshold", "off"])
        #expect(Self.items(overridden).count == 10)
        for item in Self.items(overridden) { #expect((item["categories"] as? [String] ?? []).contains("cs.CL")) }

        let daily = try cli.run(["daily", "--date", Self.day, "--offline"])
        #expect(daily.status == 0, "\(daily.stderr)")
        let folder = cli.home.url.appendingPathComponent("shortlists")
        let json = try RecommendCommandTests.json(try String(contentsOf: folder.appendingPathComponent("\(Self.day)-default.json"), encoding: .utf8))
        #expect(Self.items(json).isEmpty)
        #expect(try String(contentsOf: folder.appendingPathComponent("\(Self.day)-default.md"), encoding: .utf8)
            .contains("Nothing else above the bar today."))
        #expect(try cli.run(["daily", "--date", Self.day, "--offline", "--threshold", "off"]).status == 0)
        let refilled = try RecommendCommandTests.json(try String(contentsOf: folder.appendingPathComponent("\(Self.day)-default.json"), encoding: .utf8))
        #expect(Self.items(refilled).count == 10)
    }

    @Test(arguments: [
        (#"{"topp": 5}"#, ["\"topp\"", "unknown key", "top", "catchUpDays", "profileSteering"]),
        (#"{"steering": {"treshold": 0.1}}"#, ["steering.treshold", "threshold, include, exclude, categories"]),
        (#"{"steering": {"threshold": "high"}}"#, ["steering.threshold", "auto"]),
        (#"{"profileSteering": {"nobody": {}}}"#, ["nobody", "profiles"]),
        (#"{"steering": {"categories": ["cs CV"]}}"#, ["steering.categories", "cs CV"]),
    ])
    func aConfigMistakeIsExit78NamingTheKey(config: String, expected: [String]) throws {
        let cli = try CLIFixture()
        _ = try cli.write("config.json", config)
        for command in [["daily", "--offline", "--date", Self.day], ["shortlist", "--date", Self.day]] {
            let result = try cli.run(command)
            #expect(result.status == 78, "\(command): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            for text in expected { #expect(result.stderr.contains(text), "\(text) not in \(result.stderr)") }
        }
    }

    @Test func aMissingConfigOrDigestFolderIsExit78SayingWhatToDo() throws {
        let cli = try CLIFixture()
        let missing = try cli.run(["daily", "--offline", "--date", Self.day])
        #expect(missing.status == 78)
        #expect(missing.stderr.contains("config.json") && missing.stderr.contains("create it"), "\(missing.stderr)")
        _ = try cli.write("config.json", #"{"digests": "no-such-folder"}"#)
        let folder = try cli.run(["daily", "--offline", "--date", Self.day])
        #expect(folder.status == 78)
        #expect(folder.stderr.contains("no-such-folder") && folder.stderr.contains("create it"), "\(folder.stderr)")
    }
}
