import ArgumentParser
import ArxivClient
import Foundation

/// `--offline` and the arXiv endpoints (overridable through the environment, for mirrors and tests).
struct NetworkOptions: ParsableArguments {
    @Flag(name: .long, help: "Never contact arXiv; work from the library only.")
    var offline = false

    /// The client, or nil when offline. `ARXREC_ARXIV_API`, `ARXREC_ARXIV_RSS`, `ARXREC_ARXIV_OAI` replace
    /// the endpoints; `ARXREC_REQUEST_INTERVAL` (seconds, 0–3600; ignored otherwise) the politeness gap,
    /// which never drops below 3 s against arxiv.org itself.
    func client() -> ArxivClient? {
        offline ? nil : Self.makeClient()
    }

    static func makeClient() -> ArxivClient {
        let environment = ProcessInfo.processInfo.environment
        var configuration = ArxivClient.Configuration(
            userAgent: ArxivClient.Configuration.userAgent(version: Arxrec.version, contact: environment["ARXREC_CONTACT"])
        )
        if let api = environment["ARXREC_ARXIV_API"].flatMap(URL.init(string:)) { configuration.apiBaseURL = api }
        if let rss = environment["ARXREC_ARXIV_RSS"].flatMap(URL.init(string:)) { configuration.rssBaseURL = rss }
        if let oai = environment["ARXREC_ARXIV_OAI"].flatMap(URL.init(string:)) { configuration.oaiBaseURL = oai }
        let pointsAtArxiv = [configuration.apiBaseURL, configuration.rssBaseURL, configuration.oaiBaseURL]
            .contains { ($0.host ?? "").hasSuffix("arxiv.org") }
        // Bounded before the conversion: `Int(1e300 * 1000)` would trap.
        if let text = environment["ARXREC_REQUEST_INTERVAL"], let seconds = Double(text), (0...3_600).contains(seconds), !pointsAtArxiv {
            configuration.minimumInterval = .milliseconds(Int(seconds * 1000))
        }
        return ArxivClient(configuration: configuration)
    }
}
