import ArxivFormats
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Library
import Recommender
import Testing
import TestSupport
@testable import WebApp

/// Every route in Hummingbird's `.router` mode (no socket): a request goes through the same middlewares
/// and routes as on the wire. The test client names the server `localhost` without a port, which is the
/// Host of a server on port 80, so the app is configured with that port.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop) struct RouterTests {
    static let day = DemoLibrary.listingDay

    func app(_ demo: DemoLibrary) -> Application<RouterResponder<WebRequestContext>> {
        WebApp(recommender: demo.recommender, configuration: .init(host: "127.0.0.1", port: 80, top: 10)).application()
    }

    @Test func theShortlistIsTheRecommendersRankingWithReasonsAndRatingForms() async throws {
        let demo = try await offload { try DemoLibrary() }
        let expected = try await demo.shortlist()
        try await app(demo).test(.router) { client in
            var visitor = Visitor()
            let response = try await visitor.get(client, "/?date=\(Self.day)")
            #expect(response.status == .ok)
            let html = response.text
            #expect(PageText.rankedIDs(html) == expected.items.map(\.id))
            let first = try #require(expected.items.first)
            let nearest = try #require(first.reason.nearest)
            let liked = try #require(try demo.library.paper(ArxivID(parsing: nearest.id)))
            #expect(html.contains("which you liked"), "the reason names the liked paper")
            #expect(html.contains(ReadableLaTeX.text(liked.title).htmlEscaped), "by its title")
            #expect(html.contains("href=\"/paper?id=\(nearest.id)\""), "with a link to it")
            #expect(html.contains("https://arxiv.org/pdf/"), "PDF links")
            #expect(html.contains("<meta name=\"viewport\""))
            #expect(!html.contains("http://") && !html.contains("<script>"), "no external resource, no inline script")
            let token = try #require(visitor.token)
            #expect(token.count == 64)
            #expect(PageText.tokens(html) == [token], "every form repeats the session's token")
            let setCookie = try #require(response.headers[.setCookie])
            #expect(setCookie.contains("SameSite=Strict") && setCookie.contains("HttpOnly") && setCookie.hasPrefix("arxrec_session_80="))
            for (name, value) in [
                ("Content-Security-Policy", "default-src 'self'"), ("X-Content-Type-Options", "nosniff"),
                ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY"),
            ] {
                let field = try #require(HTTPField.Name(name))
                #expect(response.headers[field]?.contains(value) == true, "\(name)")
            }
            #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)

            let again = try await visitor.get(client, "/?date=\(Self.day)")
            #expect(again.headers[.setCookie] == nil, "a known session keeps its token")
        }
    }

    @Test func aLikeIsStoredAtOnceAndTheRestIsRankedAgain() async throws {
        let demo = try await offload { try DemoLibrary() }
        try await app(demo).test(.router) { client in
            var visitor = Visitor()
            let first = try await visitor.get(client, "/?date=\(Self.day)").text
            let before = PageText.rankedIDs(first)
            let chosen = try #require(before.dropFirst(2).first)
            let back = "/?date=\(Self.day)"

            let response = try await visitor.post(client, "/rate", [("profile", "default"), ("id", chosen), ("verdict", "like"), ("back", back)])

            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == back)
            #expect(try demo.library.rating(of: ArxivID(parsing: chosen), profile: "default") == .like)
            let html = try await visitor.get(client, back).text
            let after = PageText.rankedIDs(html)
            let expected = try await demo.shortlist()
            #expect(after == expected.items.map(\.id), "the page is the new profile's ranking")
            #expect(!after.contains(chosen))
            #expect(Set(PageText.ratedIDs(html)) == Set(PageText.ratedIDs(first) + [chosen]),
                    "the liked paper joins the day's rated papers")
            #expect(!PageText.ratedIDs(first).contains(chosen))
            #expect(html.contains("You liked"), "the undo bar says what happened")

            // Dislike, then clear: each stored at once.
            _ = try await visitor.post(client, "/rate", [("id", chosen), ("verdict", "dislike"), ("back", back)])
            #expect(try demo.library.rating(of: ArxivID(parsing: chosen), profile: "default") == .dislike)
            _ = try await visitor.post(client, "/rate", [("id", chosen), ("verdict", "clear"), ("back", back)])
            #expect(try demo.library.rating(of: ArxivID(parsing: chosen), profile: "default") == nil)

            // Undo twice: back to the dislike, then to the like.
            _ = try await visitor.post(client, "/undo", [("profile", "default"), ("back", back)])
            #expect(try demo.library.rating(of: ArxivID(parsing: chosen), profile: "default") == .dislike)
            _ = try await visitor.post(client, "/undo", [("back", back)])
            #expect(try demo.library.rating(of: ArxivID(parsing: chosen), profile: "default") == .like)
        }
    }

    @Test func aPostWithoutTheSessionTokenChangesNothing() async throws {
        let demo = try await offload { try DemoLibrary() }
        let paper = try #require(try demo.library.papers(listedOn: Self.day).first).id.base
        let form = [("id", paper), ("verdict", "like")]
        try await app(demo).test(.router) { client in
            var visitor = Visitor()
            _ = try await visitor.get(client, "/assets/app.css")  // a session without ranking a page
            let noToken = try await visitor.post(client, "/rate", form, token: .some(nil))
            let wrongToken = try await visitor.post(client, "/rate", form, token: String(repeating: "0", count: 64))
            let shortToken = try await visitor.post(client, "/rate", form, token: "0")
            var stranger = Visitor()
            stranger.cookie = nil
            let noCookie = try await stranger.post(client, "/rate", form, token: visitor.token)
            var forged = Visitor()
            forged.cookie = "arxrec_session_80=" + String(repeating: "a", count: 64)
            let plantedCookie = try await forged.post(client, "/rate", form)
            let otherSite = try await visitor.post(client, "/rate", form, extraHeaders: [.origin: "http://evil.example"])
            for response in [noToken, wrongToken, shortToken, noCookie, plantedCookie, otherSite] {
                #expect(response.status == .forbidden)
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
            #expect(try demo.library.rating(of: ArxivID(parsing: paper), profile: "default") == nil)
            let put = try await client.executeRequest(uri: "/rate", method: .put, headers: [:], body: nil)
            #expect(put.status == .methodNotAllowed)
        }
    }

    @Test func redirectsStayOnThisServer() async throws {
        let demo = try await offload { try DemoLibrary() }
        let paper = try #require(try demo.library.papers(listedOn: Self.day).first).id.base
        try await app(demo).test(.router) { client in
            var visitor = Visitor()
            _ = try await visitor.get(client, "/assets/app.css")  // a session without ranking a page
            for back in ["//evil.example/", "https://evil.example/", "/\\evil.example", "/ok\r\nSet-Cookie: x=1"] {
                let response = try await visitor.post(client, "/rate", [("id", paper), ("verdict", "like"), ("back", back)])
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/", "\(back) is not followed")
            }
        }
    }

    @Test func aPaperPageShowsThePaperAndItsSimilarPapers() async throws {
        let demo = try await offload { try DemoLibrary() }
        let similar = try await offload { try demo.recommender.similar(to: ArxivID(parsing: "2512.16910"), k: 20) }
        try await app(demo).test(.router) { client in
            var visitor = Visitor()
            let response = try await visitor.get(client, "/paper?id=arXiv:2512.16910v1")
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("SFTok"))
            #expect(PageText.ids(in: html, after: "<section class=\"similar\">", until: "</section>") == similar.items.map(\.id))

            for (uri, status) in [
                ("/paper?id=../../etc/passwd", HTTPResponse.Status.badRequest), ("/paper?id=file%3A%2F%2F%2Fetc%2Fpasswd", .badRequest),
                ("/paper?id=https%3A%2F%2Fexample.com%2Fabs%2F2512.16910", .badRequest), ("/paper", .badRequest),
                ("/paper?id=2512.99999", .notFound),
            ] {
                let refused = try await visitor.get(client, uri)
                #expect(refused.status == status, "\(uri)")
                #expect(refused.text.contains("<h1>"), "an error is a page")
            }
        }
    }

    @Test func searchFindsPapersAndEscapesWhatWasTyped() async throws {
        let demo = try await offload { try DemoLibrary() }
        let expected = try await offload { try demo.recommender.search("discrete image tokenizer", k: 20) }
        try await app(demo).test(.router) { client in
            var visitor = Visitor()
            let html = try await visitor.get(client, "/search?q=discrete+image+tokenizer").text
            #expect(PageText.ids(in: html, after: "<ol class=\"papers\">") == expected.items.map(\.id))
            #expect(html.contains("value=\"discrete image tokenizer\""), "the box keeps the query")

            let hostile = try await visitor.get(client, "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27").text
            #expect(!hostile.contains("<script>alert"))
            #expect(hostile.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;"))
            let empty = try await visitor.get(client, "/search")
            #expect(empty.status == .ok)
        }
    }

    @Test func theProfilePageShowsRatingsByTitleTermsUndoAndReset() async throws {
        let demo = try await offload { try DemoLibrary() }
        let likes = try demo.library.ratings(profile: "default")
        try await app(demo).test(.router) { client in
            var visitor = Visitor()
            let html = try await visitor.get(client, "/profile").text
            #expect(html.contains("Liked (\(likes.count))"))
            #expect(html.contains("SFTok: Bridging the Performance Gap in Discrete Tokenizers"))
            #expect(html.contains("Pulls up") && html.contains("class=\"term\""))

            let refused = try await visitor.post(client, "/profile/reset", [("profile", "default")])
            #expect(refused.status == .badRequest)
            #expect(try demo.library.ratings(profile: "default").count == likes.count, "no reset without the box ticked")

            let reset = try await visitor.post(client, "/profile/reset", [("profile", "default"), ("confirm", "yes")])
            #expect(reset.status == .seeOther)
            #expect(try demo.library.ratings(profile: "default").isEmpty)
            let afterReset = try await visitor.get(client, "/profile").text
            #expect(afterReset.contains("You reset the profile (\(likes.count) ratings removed)"))

            _ = try await visitor.post(client, "/undo", [("back", "/profile")])
            #expect(try demo.library.ratings(profile: "default").map(\.id) == likes.map(\.id), "undo brings them all back")
        }
    }

    @Test func profilesAreCreatedAndSwitchedTo() async throws {
        let demo = try await offload { try DemoLibrary() }
        try await app(demo).test(.router) { client in
            var visitor = Visitor()
            _ = try await visitor.get(client, "/assets/app.css")  // a session without ranking a page
            let created = try await visitor.post(client, "/profiles", [("name", "nlp")])
            #expect(created.status == .seeOther)
            #expect(created.headers[.location] == "/profile?profile=nlp")
            #expect(try demo.library.profiles().map(\.name) == ["default", "nlp"])

            let fresh = try await visitor.get(client, "/?profile=nlp&date=\(Self.day)").text
            #expect(fresh.contains("has no likes yet"), "a new profile shows the day unranked")
            #expect(fresh.contains("<option selected>nlp</option>"))
            let paper = try #require(PageText.ids(in: fresh, after: "<ol class=\"papers unranked\">").first)
            _ = try await visitor.post(client, "/rate", [("profile", "nlp"), ("id", paper), ("verdict", "like")])
            #expect(try demo.library.ratings(profile: "nlp").map(\.id.base) == [paper])
            #expect(try demo.library.ratings(profile: "default").count == 8, "other profiles untouched")

            let bad = try await visitor.post(client, "/profiles", [("name", "<b>x</b>")])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("&lt;b&gt;x&lt;/b&gt;"))
            let spaced = try await visitor.get(client, "/?profile=a%20b")
            #expect(spaced.status == .badRequest)
        }
    }

    @Test func daysAssetsAndUnknownPaths() async throws {
        let demo = try await offload { try DemoLibrary() }
        try await app(demo).test(.router) { client in
            var visitor = Visitor()
            let newest = try #require(try demo.library.listingDays().last)
            let home = try await visitor.get(client, "/").text
            #expect(home.contains("Shortlist <span class=\"day\">\(newest)</span>"), "the newest day by default")
            let badDay = try await visitor.get(client, "/?date=2025-13-40")
            #expect(badDay.status == .badRequest)
            let emptyDay = try await visitor.get(client, "/?date=1999-01-01")
            #expect(emptyDay.text.contains("No papers were announced on 1999-01-01"))
            let tooMany = try await visitor.get(client, "/?date=\(Self.day)&top=500")
            #expect(tooMany.status == .badRequest)

            let css = try await visitor.get(client, "/assets/app.css")
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            let script = try await visitor.get(client, "/assets/app.js")
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("fetch(form.action"))
            let missing = try await visitor.get(client, "/etc/passwd")
            #expect(missing.status == .notFound)
            #expect(missing.headers[.xContentTypeOptions] == "nosniff")
            let traversal = try await visitor.get(client, "/assets/../Package.swift")
            #expect(traversal.status == .notFound)
        }
    }
}
