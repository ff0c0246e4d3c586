import ArxivClient
import ArxivFormats
import Foundation
import Testing
import TestSupport

/// `harvest(set:from:until:prefix:page:)`: OAI-PMH ListRecords across resumption tokens.
struct ArxivClientHarvestTests {
    @Test func followsTheResumptionTokenToTheLastPage() async throws {
        let server = try LoopbackHTTPServer()
        server.route(
            "/oai",
            query: ["verb": "ListRecords", "metadataPrefix": "arXiv", "set": "cs", "from": "2025-12-30", "until": "2025-12-31"],
            .ok(try Loopback.fixture("oai-ListRecords-cs-page1.xml")))
        // arXiv paces harvesters with 503 + Retry-After between pages.
        server.route(
            "/oai", query: ["verb": "ListRecords", "resumptionToken": "7406158|1001"],
            .status(503, headers: [("Retry-After", "1")]), .ok(try Loopback.fixture("oai-ListRecords-cs-page2.xml")))
        let client = ArxivClient(configuration: Loopback.configuration(server))
        var pages: [[String]] = []

        let count = try await client.harvest(set: "cs", from: "2025-12-30", until: "2025-12-31") { papers in
            pages.append(papers.map(\.id.description))
        }

        #expect(count == 3)
        #expect(pages == [["2512.23667", "2512.23705"], ["2512.23709"]])
        let requests = server.requests
        #expect(requests.count == 3)
        #expect(requests.last?.queryItems == ["verb": "ListRecords", "resumptionToken": "7406158|1001"])
        #expect(requests.last?.query?.contains("7406158%7C1001") == true, "the token is percent-encoded")
        let gaps = Loopback.gaps(requests)
        #expect(gaps[0] >= Loopback.interval - Loopback.arrivalSlack, "pages \(gaps[0]) apart")
        #expect(gaps[1] >= .seconds(1) - Loopback.arrivalSlack, "retried \(gaps[1]) after a Retry-After of 1 s")
    }

    /// `noRecordsMatch` is OAI-PMH's way of saying "nothing in that range": zero, not an error.
    @Test func anEmptyRangeHarvestsNothingWithoutError() async throws {
        let server = try LoopbackHTTPServer()
        let body = try Data(contentsOf: SharedData.repositoryRoot
            .appendingPathComponent("Tests/ArxivFormatsTests/Fixtures/oai-noRecordsMatch.xml"))
        server.route("/oai", .ok(body))
        let client = ArxivClient(configuration: Loopback.configuration(server))
        var pageCount = 0

        let count = try await client.harvest(set: "cs", from: "2025-12-27", until: "2025-12-28") { papers in
            pageCount += 1
            #expect(papers.isEmpty)
        }

        #expect(count == 0)
        #expect(pageCount == 1)
        #expect(server.requests.count == 1)
    }

    @Test func aBadResumptionTokenIsAClearOAIError() async throws {
        let server = try LoopbackHTTPServer()
        server.route("/oai", .ok(try Loopback.fixture("oai-error-badResumptionToken.xml")))
        let client = ArxivClient(configuration: Loopback.configuration(server))

        let error = await #expect(throws: ArxivClientError.self) {
            try await client.harvest(set: "cs", from: "2025-12-30", until: nil) { _ in }
        }

        guard case .oaiError(_, "badResumptionToken", _) = error else {
            Issue.record("expected an OAI-PMH badResumptionToken error, got \(String(describing: error))")
            return
        }
        #expect(server.requests.first?.queryItems["until"] == nil)
    }

    @Test func aRepeatingTokenStopsTheHarvest() async throws {
        let server = try LoopbackHTTPServer()
        // Every request gets page 1 again, whose token would lead back to itself forever.
        server.route("/oai", .ok(try Loopback.fixture("oai-ListRecords-cs-page1.xml")))
        let client = ArxivClient(configuration: Loopback.configuration(server))

        let error = await #expect(throws: ArxivClientError.self) {
            try await client.harvest(set: "cs", from: "2025-12-30", until: nil) { _ in }
        }

        #expect(error?.description.contains("repeats") == true)
        #expect(server.requests.count == 2)
    }

    @Test(arguments: [("cs", "2025-13-01"), ("cs", "30.12.2025"), ("c s", "2025-12-30")])
    func invalidArgumentsFailBeforeAnyRequest(set: String, from: String) async throws {
        let server = try LoopbackHTTPServer()
        let client = ArxivClient(configuration: Loopback.configuration(server))

        await #expect(throws: ArxivClientError.self) {
            try await client.harvest(set: set, from: from, until: nil) { _ in }
        }
        #expect(server.requests.isEmpty)
    }

    @Test func announcementsOfAPastDayHarvestTheArchiveAndKeepTheCategory() async throws {
        let server = try LoopbackHTTPServer()
        server.route(
            "/oai",
            query: ["verb": "ListRecords", "metadataPrefix": "arXiv", "set": "cs", "from": "2025-12-30", "until": "2025-12-30"],
            .ok(try Loopback.fixture("oai-ListRecords-cs-page1.xml")))
        server.route(
            "/oai", query: ["verb": "ListRecords", "resumptionToken": "7406158|1001"],
            .ok(try Loopback.fixture("oai-ListRecords-cs-page2.xml")))
        let client = ArxivClient(configuration: Loopback.configuration(server))

        let vision = try await client.announcements(category: "cs.CV", on: "2025-12-30")
        #expect(vision.map(\.id.description) == ["2512.23667", "2512.23705", "2512.23709"])
        let other = try await client.announcements(category: "cs.AI", on: "2025-12-30")
        #expect(other.isEmpty, "no record of the day is listed in cs.AI")
        #expect(server.requests.allSatisfy { $0.queryItems["set"] == nil || $0.queryItems["set"] == "cs" })
    }
}

