import ArxivFormats
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Library
import Recommender
import Testing
import TestSupport
import WebApp

/// The page in a real browser: Debian's headless Chromium opens the shortlist of a demo library served
/// live on 127.0.0.1, clicks Like on a paper, and the test then reads the SQLite file for the rating and
/// the reloaded page's DOM for the new ranking. Without chromium the test fails (saying how to install
/// it) unless ARXREC_SKIP_BROWSER_TESTS is set.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop) struct BrowserTests {
    static let day = DemoLibrary.listingDay
    /// A phone's viewport (CSS pixels).
    static let phone = (width: 390, height: 844)

    @Test(.enabled(if: !Chromium.skipped, "ARXREC_SKIP_BROWSER_TESTS is set"))
    func aClickInChromiumIsAStoredRatingAndThePageRanksAgain() async throws {
        guard let executable = Chromium.locate() else {
            Issue.record(Comment(rawValue: Chromium.missingMessage))
            return
        }
        let demo = try await offload { try DemoLibrary() }
        let app = WebApp(recommender: demo.recommender, configuration: .init(host: "127.0.0.1", port: 0, top: 10)).application()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let origin = "http://127.0.0.1:\(port)"
            let address = "\(origin)/?date=\(Self.day)"
            let browser = try Chromium(executable: executable)
            defer { browser.close() }
            let page = try await browser.openPage()
            _ = try await browser.send(
                "Emulation.setDeviceMetricsOverride",
                ["width": Self.phone.width, "height": Self.phone.height, "deviceScaleFactor": 2, "mobile": true], session: page)
            try await browser.load(address, session: page)

            let before = try await Self.ids(browser, page, "ol.ranked article.paper")
            let ratedBefore = try await Self.ids(browser, page, "section.rated article.paper")
            let expectedBefore = try await demo.shortlist()
            #expect(before == expectedBefore.items.map(\.id), "Chromium shows the Recommender's ranking")
            #expect(try await browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth", session: page) as? Bool == true,
                    "nothing wider than a phone")
            let loaded = try await browser.evaluate(
                "JSON.stringify(performance.getEntriesByType('resource').map(e => e.name))", session: page) as? String
            let resources = try JSONDecoder().decode([String].self, from: Data((loaded ?? "[]").utf8))
            #expect(!resources.isEmpty && resources.allSatisfy { $0.hasPrefix(origin + "/") }, "every resource is the server's own")
            try await Self.screenshot(browser, page, to: "/tmp/arxrec-serve-shortlist-phone.png")

            // Click the real Like button of the third paper.
            let chosen = try #require(before.dropFirst(2).first)
            let clicked = try await browser.evaluate(
                "(() => { const b = document.querySelector('article.paper[data-id=\"\(chosen)\"] button.like'); if (!b) return false; b.click(); return true; })()",
                session: page)
            #expect(clicked as? Bool == true)

            // With JavaScript the page updates in place: the paper leaves the ranked list, the undo bar appears.
            try await browser.waitUntil(
                session: page,
                "!document.querySelector('ol.ranked article.paper[data-id=\"\(chosen)\"]') && !!document.querySelector('form.undo')")

            // The library (the SQLite file itself) holds the rating.
            let database = try DatabaseQueue(path: demo.library.databaseURL.path, configuration: Self.readOnly)
            let deadline = Date().addingTimeInterval(30)
            var stored: Int?
            while Date() < deadline {
                stored = try await database.read { db in
                    try Int.fetchOne(db, sql: "SELECT value FROM ratings WHERE profile = 'default' AND base_id = ?", arguments: [chosen])
                }
                if stored != nil { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(stored == 1, "the click stored a like")

            // After a reload the page shows the new ranking, and the liked paper among the day's rated ones.
            try await browser.load(address, session: page)
            let after = try await Self.ids(browser, page, "ol.ranked article.paper")
            let rated = try await Self.ids(browser, page, "section.rated article.paper")
            let expectedAfter = try await demo.shortlist()
            #expect(!after.contains(chosen))
            #expect(after == expectedAfter.items.map(\.id), "the page re-ranked with the new like")
            #expect(Set(rated) == Set(ratedBefore + [chosen]), "the liked paper joins the day's rated papers")
            let pressed = try await browser.evaluate(
                "document.querySelector('section.rated article.paper[data-id=\"\(chosen)\"] button.like').getAttribute('aria-pressed')",
                session: page)
            #expect(pressed as? String == "true")
            try await Self.screenshot(browser, page, to: "/tmp/arxrec-serve-after-like-phone.png")
        }
    }

    static let readOnly: GRDB.Configuration = {
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        return configuration
    }()

    static func ids(_ browser: Chromium, _ page: String, _ selector: String) async throws -> [String] {
        let json = try await browser.evaluate(
            "JSON.stringify([...document.querySelectorAll(\(Chromium.quoted(selector)))].map(e => e.dataset.id))", session: page)
        return try JSONDecoder().decode([String].self, from: Data(((json as? String) ?? "[]").utf8))
    }

    /// A PNG of the viewport, for a person to look at (never committed).
    static func screenshot(_ browser: Chromium, _ page: String, to path: String) async throws {
        let shot = try await browser.send("Page.captureScreenshot", ["format": "png"], session: page)
        if let base64 = shot["data"] as? String, let data = Data(base64Encoded: base64) {
            try data.write(to: URL(fileURLWithPath: path))
        }
    }
}
