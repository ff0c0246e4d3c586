import Foundation
public import Logging

/// Fetches papers from arXiv's three public interfaces — the API (by id), the RSS daily listings
/// and OAI-PMH bulk harvesting — politely by construction.
///
/// Politeness is not left to callers: every request of one client (and of its copies, which share
/// the gate) passes one ``RequestGate`` that keeps ``Configuration/minimumInterval`` between the
/// starts of consecutive requests, carries the configured User-Agent, and is retried with
/// `Retry-After` or exponential backoff when arXiv answers 503/429/5xx or does not answer in time.
public struct ArxivClient: Sendable {
    public let configuration: Configuration
    let gate: RequestGate
    let transport: HTTPTransport
    let log: Logger?

    public init(configuration: Configuration = .init(), log: Logger? = nil) {
        self.configuration = configuration
        self.gate = RequestGate(interval: configuration.minimumInterval)
        self.transport = HTTPTransport(userAgent: configuration.userAgent, timeout: configuration.timeout)
        self.log = log
    }
}
