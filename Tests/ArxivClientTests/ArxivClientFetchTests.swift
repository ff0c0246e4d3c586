import ArxivClient
import ArxivFormats
import Foundation
import Testing
import TestSupport

/// `fetch(ids:)` against a real HTTP server on 127.0.0.1 serving real arXiv API responses.
struct ArxivClientFetchTests {
    @Test func twoIDsInOneRequestReturnBothPapers() async throws {
        let server = try LoopbackHTTPServer()
        server.route(
            "/api/query", query: ["id_list": "1707.08567,1605.08386", "start": "0", "max_results": "2"],
            .ok(try Loopback.combinedFeed(["id_1707.08567_s0_m100_6a1afebfc6a3.xml", "id_1605.08386_s0_m100_199195aa31ad.xml"])))
        let client = ArxivClient(configuration: Loopback.configuration(server))

        let papers = try await client.fetch(ids: [ArxivID(parsing: "1707.08567"), ArxivID(parsing: "1605.08386")])

        #expect(papers.map(\.id.base) == ["1707.08567", "1605.08386"])
        #expect(papers[0].title == "Proceedings of Workshop AEW10: Concepts in Information Theory and Communications")
        #expect(papers[0].source == .atom)
        #expect(server.requests.count == 1)
    }

    /// The real answer to `id_list=0808.05394,1707.08567`: arXiv lists only the paper it has.
    @Test func theRealTwoIDFeedYieldsTheOnePaperArxivFound() async throws {
        let server = try LoopbackHTTPServer()
        server.route("/api/query", .ok(try Loopback.apiFeed("id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.xml")))
        let client = ArxivClient(configuration: Loopback.configuration(server))

        let papers = try await client.fetch(ids: [ArxivID(parsing: "1707.08567v1")])

        #expect(papers.map(\.id.description) == ["1707.08567v1"])
        #expect(papers[0].authors.first == "Kees A. Schouhamer Immink")
        #expect(server.requests.first?.queryItems["id_list"] == "1707.08567v1")
    }

    @Test func batchesSendOneRequestPerBatchSpacedByTheGate() async throws {
        let server = try LoopbackHTTPServer()
        server.route(
            "/api/query", query: ["id_list": "1707.08567", "start": "0", "max_results": "1"],
            .ok(try Loopback.apiFeed("id_1707.08567_s0_m100_6a1afebfc6a3.xml")))
        server.route(
            "/api/query", query: ["id_list": "astro-ph/0601001", "start": "0", "max_results": "1"],
            .ok(try Loopback.apiFeed("id_astro-ph_0601001_s0_m100_3150dca9dc76.xml")))
        let client = ArxivClient(configuration: Loopback.configuration(server, batchSize: 1))

        let ids = try ["1707.08567", "astro-ph/0601001", "1707.08567"].map { try ArxivID(parsing: $0) }
        let papers = try await client.fetch(ids: ids)

        #expect(papers.map(\.id.base) == ["1707.08567", "astro-ph/0601001"])
        let requests = server.requests
        #expect(requests.map { $0.queryItems["id_list"] } == ["1707.08567", "astro-ph/0601001"])
        #expect(requests.allSatisfy { $0.path == "/api/query" && $0.method == "GET" })
        for gap in Loopback.gaps(requests) {
            #expect(gap >= Loopback.interval - Loopback.arrivalSlack, "requests \(gap) apart")
        }
    }

    @Test func userAgentNamesArxrec() async throws {
        let server = try LoopbackHTTPServer()
        server.route("/api/query", .ok(try Loopback.apiFeed("id_1605.08386_s0_m100_199195aa31ad.xml")))
        let client = ArxivClient(configuration: Loopback.configuration(server))

        _ = try await client.fetch(ids: [ArxivID(parsing: "1605.08386")])

        let agent = try #require(server.requests.first?.userAgent)
        #expect(agent.hasPrefix("arxrec/0.1.0-test ("))
        #expect(agent.contains("mailto:tests@example.org"))
        #expect(ArxivClient.Configuration().userAgent.hasPrefix("arxrec/"))
    }

    @Test func anUnknownIDYieldsNoPaperAndNoError() async throws {
        let server = try LoopbackHTTPServer()
        server.route("/api/query", .ok(try Loopback.apiFeed("id_0000.0000_s0_m100_8b51d9633a68.xml")))
        let client = ArxivClient(configuration: Loopback.configuration(server))

        let papers = try await client.fetch(ids: [ArxivID(parsing: "0704.0001")])

        #expect(papers.isEmpty)
    }

    @Test func noIDsMeansNoRequest() async throws {
        let server = try LoopbackHTTPServer()
        let client = ArxivClient(configuration: Loopback.configuration(server))

        #expect(try await client.fetch(ids: []).isEmpty)
        #expect(server.requests.isEmpty)
    }

    /// arXiv answers a malformed id with HTTP 400 and its error feed; the error names the id.
    @Test func theAPIErrorFeedBecomesAnErrorNamingTheID() async throws {
        let server = try LoopbackHTTPServer()
        server.route("/api/query", .init(status: 400, headers: [("Content-Type", "application/atom+xml")],
                                          body: try Loopback.apiFeed("id_abc_s0_m100_b79c8dcf6bc3.xml")))
        let client = ArxivClient(configuration: Loopback.configuration(server))

        let error = await #expect(throws: ArxivClientError.self) {
            try await client.fetch(ids: [ArxivID(parsing: "2512.19693")])
        }
        guard case .apiError(_, let message) = error else {
            Issue.record("expected apiError, got \(String(describing: error))")
            return
        }
        #expect(message == "incorrect id format for abc")
        #expect(error?.description.contains("incorrect id format for abc") == true)
        #expect(server.requests.count == 1, "a 400 is final, not retried")
    }
}
