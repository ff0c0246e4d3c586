import ArxivClient
import Foundation
import TestSupport

/// Configurations and response bodies shared by the client tests.
enum Loopback {
    /// The gate interval the tests use: short to keep the suite fast, long enough to measure.
    static let interval: Duration = .milliseconds(200)

    /// How much earlier than the gate's spacing a request may *arrive* at the server: the gate
    /// spaces the starts exactly, but connecting over loopback takes a slightly different time for
    /// each request, and the server stamps arrival at `accept`.
    static let arrivalSlack: Duration = .milliseconds(30)

    /// A client configuration whose three base URLs point at `server`.
    static func configuration(
        _ server: LoopbackHTTPServer, interval: Duration = interval, timeout: Duration = .seconds(5),
        maxRetries: Int = 4, batchSize: Int = 100
    ) -> ArxivClient.Configuration {
        ArxivClient.Configuration(
            apiBaseURL: server.url("/api/query"), rssBaseURL: server.url("/rss/"), oaiBaseURL: server.url("/oai"),
            userAgent: ArxivClient.Configuration.userAgent(version: "0.1.0-test", contact: "tests@example.org"),
            minimumInterval: interval, timeout: timeout, maxRetries: maxRetries, batchSize: batchSize,
            initialBackoff: .milliseconds(50), maxBackoff: .milliseconds(400), maxRetryAfter: .seconds(60))
    }

    /// A real arXiv API response from `../shared/data/arxiv-api/`.
    static func apiFeed(_ name: String) throws -> Data { try SharedData.data("arxiv-api/\(name)") }

    /// A hand-written fixture of this test target (`Fixtures/`).
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: SharedData.repositoryRoot.appendingPathComponent("Tests/ArxivClientTests/Fixtures/\(name)"))
    }

    /// The API's answer for several ids, assembled from its real one-id answers: the first feed
    /// with the `<entry>` elements of the others appended (the API lists one entry per found id).
    static func combinedFeed(_ names: [String]) throws -> Data {
        let texts = try names.map { String(decoding: try apiFeed($0), as: UTF8.self) }
        var combined = texts[0]
        guard let end = combined.range(of: "</feed>") else { return Data(combined.utf8) }
        let entries = texts.dropFirst().compactMap { text -> Substring? in
            guard let first = text.range(of: "<entry>"), let last = text.range(of: "</entry>", options: .backwards)
            else { return nil }
            return text[first.lowerBound..<last.upperBound]
        }
        combined.insert(contentsOf: entries.joined(separator: "\n  ") + "\n", at: end.lowerBound)
        return Data(combined.utf8)
    }

    /// Gaps between consecutive arrivals, in arrival order.
    static func gaps(_ requests: [LoopbackHTTPServer.Request]) -> [Duration] {
        let arrivals = requests.map(\.arrival).sorted()
        return zip(arrivals, arrivals.dropFirst()).map { $1 - $0 }
    }
}
