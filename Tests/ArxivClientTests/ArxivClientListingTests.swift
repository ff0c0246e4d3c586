import ArxivClient
import ArxivFormats
import Foundation
import Testing
import TestSupport

/// `listing(category:)`: the RSS listing of the day, served from a hand-written fixture.
struct ArxivClientListingTests {
    @Test func fetchesAndParsesTheCategoryListing() async throws {
        let server = try LoopbackHTTPServer()
        server.route("/rss/cs.CV", .ok(try Loopback.fixture("rss-cs.CV.xml"), contentType: "application/rss+xml"))
        let client = ArxivClient(configuration: Loopback.configuration(server))

        let page = try await client.listing(category: "cs.CV")

        #expect(page.listingDate == "2025-12-30")
        #expect(page.papers.map(\.id.description) == ["2512.23667v1", "2512.23705v1", "2512.23709v1"])
        #expect(page.papers.allSatisfy { $0.source == .rss })
        #expect(page.papers[0].authors == ["Kang Du", "Yirui Guan", "Zeyu Wang"])
        #expect(page.issues.isEmpty)
        #expect(server.requests.map(\.path) == ["/rss/cs.CV"])
    }

    @Test func anInvalidCategoryFailsWithoutARequest() async throws {
        let server = try LoopbackHTTPServer()
        let client = ArxivClient(configuration: Loopback.configuration(server))

        let error = await #expect(throws: ArxivClientError.self) { try await client.listing(category: "cs CV/../x") }

        #expect(error?.description.contains("is not an arXiv category") == true)
        #expect(server.requests.isEmpty)
    }

    @Test func aNonFeedBodyIsAMalformedResponse() async throws {
        let server = try LoopbackHTTPServer()
        server.route("/rss/cs.CV", .ok(Data("<html><body>maintenance</body></html>".utf8), contentType: "text/html"))
        let client = ArxivClient(configuration: Loopback.configuration(server))

        let error = await #expect(throws: ArxivClientError.self) { try await client.listing(category: "cs.CV") }

        guard case .malformedResponse = error else {
            Issue.record("expected malformedResponse, got \(String(describing: error))")
            return
        }
    }
}
