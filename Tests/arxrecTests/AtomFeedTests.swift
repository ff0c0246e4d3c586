import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// `formats: ["atom"]` and `shortlist --format atom`: a valid Atom 1.0 feed per profile, read back with
/// FoundationXML, whatever the papers' titles hold.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct AtomFeedTests {
    @Test func dailyWritesOneFeedPerProfileThatKeepsTheRecentDays() throws {
        let cli = try DailyCommandTests.setUp()
        try DeliveryFixture.config(cli, extra: #", "serveURL": "\#(DeliveryFixture.serveURL)/""#)
        let first = try cli.run(["daily", "--date", "2025-12-23", "--offline"])
        #expect(first.status == 0, "\(first.stderr)")
        let files = try DailyCommandTests.shortlistFiles(cli)
        #expect(files.keys.contains("default.atom") && files.keys.contains("second.atom"), "\(files.keys.sorted())")

        let feed = try DeliveryFixture.feed(try DeliveryFixture.text(cli, "default.atom"))
        #expect(DeliveryFixture.language(feed) == "zh", "the digest's day is a Chinese day")
        #expect(DeliveryFixture.value(feed, "id")?.hasPrefix("tag:") == true)
        #expect(DeliveryFixture.value(feed, "updated") == "2025-12-23T00:00:00Z")
        let entries = DeliveryFixture.checkRequiredElements(feed)
        #expect(entries.count == 4, "top 4")
        for entry in entries {
            let rate = DeliveryFixture.links(entry).first { $0.title == "Rate" }
            #expect(rate?.href.hasPrefix("\(DeliveryFixture.serveURL)/paper?id=25") == true, "the rating page: \(rate?.href ?? "none")")
        }
        #expect(DeliveryFixture.links(feed).first?.href == "\(DeliveryFixture.serveURL)/?date=2025-12-23")
        let second = try DeliveryFixture.feed(try DeliveryFixture.text(cli, "second.atom"))
        #expect(DeliveryFixture.links(DeliveryFixture.checkRequiredElements(second)[0]).contains {
            $0.href.hasSuffix("&profile=second")
        }, "a profile's feed links to its own rating pages")

        // The next day's digest (the same papers, re-dated): the feed holds both days, newest first.
        let digest = try SharedData.text("digests/2025-12-23.md")
        _ = try cli.write("digests/2025-12-24.md", digest.replacingOccurrences(of: "# arxiv 2025-12-23", with: "# arxiv 2025-12-24"))
        #expect(try cli.run(["daily", "--date", "2025-12-24", "--offline"]).status == 0)
        let twoDays = try DeliveryFixture.feed(try DeliveryFixture.text(cli, "default.atom"))
        let ids = DeliveryFixture.checkRequiredElements(twoDays).compactMap { DeliveryFixture.value($0, "id") }
        #expect(ids.count == 8, "\(ids)")
        #expect(ids.first?.contains("/2025-12-24/") == true && ids.last?.contains("/2025-12-23/") == true)
        #expect(DeliveryFixture.value(twoDays, "updated") == "2025-12-24T00:00:00Z")
    }

    @Test func titlesWithMarkupControlsAndLaTeXStayText() throws {
        let cli = try DailyCommandTests.setUp()
        let english = try DeliveryFixture.englishPapers(cli)
        let result = try cli.run(["shortlist", "--input", english, "--format", "atom", "--serve-url", DeliveryFixture.serveURL])
        #expect(result.status == 0, "\(result.stderr)")
        let feed = try DeliveryFixture.feed(result.stdout)
        #expect(DeliveryFixture.language(feed) == "en")
        let entries = DeliveryFixture.checkRequiredElements(feed)
        #expect(entries.count == 2)
        let hostile = try #require(entries.first { DeliveryFixture.value($0, "id")?.hasSuffix("2512.99960") == true })
        let title = DeliveryFixture.value(hostile, "title") ?? ""
        #expect(title.contains("α ≤ 0.5 & <b>bold</b> ]]>"), "LaTeX readable, markup kept as text: \(title)")
        #expect(!title.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{FFFE}" }, "no control or noncharacter")
        let summary = DeliveryFixture.value(hostile, "summary") ?? ""
        #expect(summary.contains("O(n²)") && summary.contains("<script>"), "\(summary)")
        #expect(try feed.nodes(forXPath: "//*[local-name()='b' or local-name()='script']").isEmpty, "no element from a paper")
        let authors = DeliveryFixture.children(hostile, "author").compactMap { DeliveryFixture.value($0, "name") }
        #expect(authors == Array(DeliveryFixture.manyAuthors.prefix(10)) + ["et al."])
        #expect(DeliveryFixture.links(hostile).contains { $0.href == "\(DeliveryFixture.serveURL)/paper?id=2512.99960" })
    }

    @Test func aServeAddressThatIsNotOneIsRefused() throws {
        let cli = try CLIFixture()
        let usage = try cli.run(["shortlist", "--format", "atom", "--serve-url", "javascript:alert(1)"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--serve-url"))
        try DeliveryFixture.config(cli, extra: #", "serveURL": "http://host/?x=\"><script>""#)
        let config = try cli.run(["daily", "--date", "2025-12-23", "--offline"])
        #expect(config.status == 78)
        #expect(config.stderr.contains("serveURL"))
        #expect(config.stderr.split(separator: "\n").count == 1)
    }
}
