import Foundation
import Testing
import TestSupport

/// Commands that reach arXiv, pointed at a real HTTP server on 127.0.0.1 serving real responses.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct NetworkCommandTests {
    static func environment(_ server: LoopbackHTTPServer, _ cli: CLIFixture) -> [String: String] {
        [
            "ARXREC_HOME": cli.dataDirectory, "ARXREC_ARXIV_API": server.url("/api/query").absoluteString,
            "ARXREC_ARXIV_RSS": server.url("/rss/").absoluteString, "ARXREC_ARXIV_OAI": server.url("/oai").absoluteString,
            "ARXREC_REQUEST_INTERVAL": "0.1",
        ]
    }

    @Test func ratingAPaperNotInTheLibraryFetchesItFirst() throws {
        let server = try LoopbackHTTPServer()
        server.route("/api/query", .ok(try SharedData.data("arxiv-api/id_1707.08567_s0_m100_6a1afebfc6a3.xml")))
        let cli = try CLIFixture()
        let result = try ArxrecProcess.run(["rate", "1707.08567", "like"], environment: Self.environment(server, cli))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.requests.first?.queryItems["id_list"] == "1707.08567")
        #expect(server.requests.first?.userAgent?.hasPrefix("arxrec/") == true)
        #expect(try cli.stats()["papers"] as? Int == 1)
        #expect(try cli.stats()["ratings"] as? Int == 1)
    }

    @Test func fetchByIdsAndByCategory() throws {
        let server = try LoopbackHTTPServer()
        server.route("/api/query", .ok(try SharedData.data("arxiv-api/id_2104.12255v1_s0_m100_6ae69987ffe1.xml")))
        let rss = try Data(contentsOf: SharedData.repositoryRoot.appendingPathComponent("Tests/ArxivClientTests/Fixtures/rss-cs.CV.xml"))
        server.route("/rss/cs.CV", .ok(rss))
        let cli = try CLIFixture()
        let environment = Self.environment(server, cli)
        let ids = try ArxrecProcess.run(["fetch", "--ids", "2104.12255v1"], environment: environment)
        #expect(ids.status == 0, "\(ids.stderr)")
        #expect(ids.stdout.contains("fetched 1 papers: 1 new"))
        let listing = try ArxrecProcess.run(["fetch", "--category", "cs.CV"], environment: environment)
        #expect(listing.status == 0 || listing.status == 2, "\(listing.stderr)")
        #expect((try cli.stats()["papers"] as? Int ?? 0) > 1)
    }

    @Test func anUnreachableArxivIsExit69AndOneLine() throws {
        let cli = try CLIFixture()
        let port = try LoopbackHTTPServer.closedPort()
        let result = try ArxrecProcess.run(
            ["fetch", "--ids", "2512.19693"],
            environment: ["ARXREC_HOME": cli.dataDirectory, "ARXREC_ARXIV_API": "http://127.0.0.1:\(port)/api/query"]
        )
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        let rate = try ArxrecProcess.run(
            ["rate", "2512.19693", "like"],
            environment: ["ARXREC_HOME": cli.dataDirectory, "ARXREC_ARXIV_API": "http://127.0.0.1:\(port)/api/query"]
        )
        #expect(rate.status == 69, "like `fetch`: \(rate.stderr)")
        #expect(rate.stderr.contains("could not be reached"))
        #expect(rate.stderr.split(separator: "\n").count == 1)
        #expect(try cli.stats()["ratings"] as? Int == 0)
    }
}
