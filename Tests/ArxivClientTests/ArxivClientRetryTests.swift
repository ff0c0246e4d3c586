import ArxivClient
import ArxivFormats
import Foundation
import Testing
import TestSupport

/// Retries, Retry-After, timeouts and unreachable hosts, against a real server on 127.0.0.1.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct ArxivClientRetryTests {
    /// What a test that should end in seconds may take before it counts as hung.
    static let hangLimit = TimeLimitTrait.Duration.minutes(10)

    let id: ArxivID

    init() throws {
        id = try ArxivID(parsing: "1707.08567")
    }

    @Test func retriesAfter503WithRetryAfterThenSucceeds() async throws {
        let server = try LoopbackHTTPServer()
        let busy = LoopbackHTTPServer.Response.status(503, headers: [("Retry-After", "1")], text: "busy")
        server.route("/api/query", busy, busy, .ok(try Loopback.apiFeed("id_1707.08567_s0_m100_6a1afebfc6a3.xml")))
        let client = ArxivClient(configuration: Loopback.configuration(server))

        let papers = try await client.fetch(ids: [id])

        #expect(papers.map(\.id.base) == ["1707.08567"])
        let requests = server.requests
        #expect(requests.count == 3)
        for gap in Loopback.gaps(requests) {
            #expect(gap >= .seconds(1) - Loopback.arrivalSlack, "retried \(gap) after a Retry-After of 1 s")
        }
    }

    @Test func honoursRetryAfterGivenAsAnHTTPDate() async throws {
        let server = try LoopbackHTTPServer()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        // Two seconds ahead at one-second resolution: the client must wait more than one second.
        let date = formatter.string(from: Date().addingTimeInterval(2))
        server.route(
            "/api/query", .status(503, headers: [("Retry-After", date)]),
            .ok(try Loopback.apiFeed("id_1707.08567_s0_m100_6a1afebfc6a3.xml")))
        let client = ArxivClient(configuration: Loopback.configuration(server))

        _ = try await client.fetch(ids: [id])

        let gaps = Loopback.gaps(server.requests)
        #expect(gaps.count == 1)
        #expect(gaps.allSatisfy { $0 >= .seconds(1) - Loopback.arrivalSlack }, "waited \(gaps)")
    }

    @Test func repeated503FailsWithAClearErrorAfterMaxRetries() async throws {
        let server = try LoopbackHTTPServer()
        server.route("/api/query", .status(503, text: "busy"))
        let client = ArxivClient(configuration: Loopback.configuration(server, maxRetries: 2))

        let error = await #expect(throws: ArxivClientError.self) { try await client.fetch(ids: [id]) }

        guard case .httpStatus(let url, 503, 2) = error else {
            Issue.record("expected HTTP 503 after 2 retries, got \(String(describing: error))")
            return
        }
        #expect(url.path == "/api/query")
        let message = try #require(error?.description)
        #expect(message.hasPrefix("GET http://127.0.0.1:\(server.port)/api/query?id_list=1707.08567"))
        #expect(message.contains("HTTP 503 after 2 retries"))
        #expect(message.contains("retry later"))
        #expect(server.requests.count == 3)
    }

    @Test func otherServerErrorsAndTooManyRequestsAreRetried() async throws {
        let server = try LoopbackHTTPServer()
        server.route(
            "/api/query", .status(429), .status(502), .ok(try Loopback.apiFeed("id_1707.08567_s0_m100_6a1afebfc6a3.xml")))
        let client = ArxivClient(configuration: Loopback.configuration(server))

        #expect(try await client.fetch(ids: [id]).count == 1)
        #expect(server.requests.count == 3)
    }

    @Test func notFoundIsAClearErrorWithoutRetrying() async throws {
        let server = try LoopbackHTTPServer()
        server.route("/api/query", .status(404, text: "not here"))
        let client = ArxivClient(configuration: Loopback.configuration(server))

        let error = await #expect(throws: ArxivClientError.self) { try await client.fetch(ids: [id]) }

        guard case .httpStatus(_, 404, 0) = error else {
            Issue.record("expected HTTP 404, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("HTTP 404 — not found") == true)
        #expect(server.requests.count == 1)
    }

    /// One request and the cap error prove it did not sleep; the time limit only guards against a hang.
    /// It is generous (``hangLimit``) because a full parallel run on two cores can keep an async test from
    /// being scheduled for minutes while suites of child processes hold the cooperative threads.
    @Test(.timeLimit(Self.hangLimit))
    func aRetryAfterBeyondTheCapFailsAtOnce() async throws {
        let server = try LoopbackHTTPServer()
        server.route("/api/query", .status(503, headers: [("Retry-After", "3600")]))
        let client = ArxivClient(configuration: Loopback.configuration(server))

        let error = await #expect(throws: ArxivClientError.self) { try await client.fetch(ids: [id]) }

        guard case .retryAfterTooLong(_, 503, 3600, 60) = error else {
            Issue.record("expected retryAfterTooLong, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("retry in 60 min") == true)
        #expect(server.requests.count == 1)
    }

    /// The assertions are on the error, not on time; the limit only guards against a hang (see above).
    @Test(.timeLimit(Self.hangLimit))
    func aServerThatNeverAnswersTimesOut() async throws {
        let server = try LoopbackHTTPServer()
        server.route("/api/query", .noAnswer)
        let client = ArxivClient(configuration: Loopback.configuration(server, timeout: .seconds(1), maxRetries: 1))

        let error = await #expect(throws: ArxivClientError.self) { try await client.fetch(ids: [id]) }

        guard case .timeout(_, 1, 2) = error else {
            Issue.record("expected a timeout after 2 attempts, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("no answer within 1 s on each of 2 attempts") == true)
        #expect(server.requests.count == 2, "a timeout is retried")
        // Two 1-second attempts plus a short backoff; far below URLSession's 60 s default.
    }

    @Test func aClosedPortIsReportedAsOffline() async throws {
        let port = try LoopbackHTTPServer.closedPort()
        let base = try #require(URL(string: "http://127.0.0.1:\(port)/api/query"))
        let client = ArxivClient(configuration: .init(apiBaseURL: base, minimumInterval: Loopback.interval))

        let error = await #expect(throws: ArxivClientError.self) { try await client.fetch(ids: [id]) }

        #expect(error?.isOffline == true, "got \(String(describing: error))")
        #expect(error?.description.contains("cannot reach 127.0.0.1") == true)
    }

    /// A stopped server has released its port: the next request is refused, not left hanging.
    @Test func aStoppedServerReleasesItsPort() async throws {
        let server = try LoopbackHTTPServer()
        server.route("/api/query", .noAnswer)
        let client = ArxivClient(configuration: Loopback.configuration(server, timeout: .seconds(5), maxRetries: 0))
        let id = id
        let pending = Task { try await client.fetch(ids: [id]) }
        while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(20)) }

        server.stop()

        // The held connection is closed: the pending request fails rather than waiting for its timeout.
        await #expect(throws: ArxivClientError.self) { _ = try await pending.value }
        let error = await #expect(throws: ArxivClientError.self) { try await client.fetch(ids: [id]) }
        #expect(error?.isOffline == true, "got \(String(describing: error))")
    }
}
