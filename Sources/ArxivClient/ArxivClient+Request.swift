import Foundation
import Logging

extension ArxivClient {
    /// GETs `url` through the politeness gate, retrying what is worth retrying, and returns the
    /// first answer that is final: a success, or a status that retrying cannot fix (e.g. 400, 404),
    /// which the caller may still want to read (the API's 400 carries an error feed).
    ///
    /// Retries: 503, 429 and other 5xx, timeouts and dropped connections, at most
    /// ``Configuration/maxRetries`` times. The wait is the server's `Retry-After` when it gives one,
    /// else ``Configuration/backoff(beforeRetry:)``; it holds back every request of this client.
    func send(_ url: URL) async throws -> HTTPReply {
        var retries = 0
        while true {
            try await gate.waitTurn()
            log?.debug("GET \(url)", metadata: retries > 0 ? ["retry": "\(retries)"] : nil)
            let delay: Duration
            do {
                let reply = try await transport.get(url)
                guard Self.isRetryable(reply.status) else { return reply }
                let asked = RetryAfter.delay(reply.retryAfter)
                if let asked, asked > configuration.maxRetryAfter {
                    throw ArxivClientError.retryAfterTooLong(
                        url: url, status: reply.status, seconds: asked.timeInterval,
                        limit: configuration.maxRetryAfter.timeInterval)
                }
                guard retries < configuration.maxRetries else {
                    throw ArxivClientError.httpStatus(url: url, status: reply.status, retries: retries)
                }
                delay = asked ?? configuration.backoff(beforeRetry: retries)
                log?.notice("arXiv answered HTTP \(reply.status); retrying in \(delay.timeInterval) s", metadata: ["url": "\(url)"])
            } catch let failure as TransportFailure {
                switch failure {
                case .unreachable(let reason):
                    throw ArxivClientError.offline(url: url, reason: reason)
                case .other(let reason):
                    throw ArxivClientError.transport(url: url, reason: reason)
                case .timedOut:
                    guard retries < configuration.maxRetries else {
                        throw ArxivClientError.timeout(
                            url: url, seconds: configuration.timeout.timeInterval, attempts: retries + 1)
                    }
                case .connectionLost(let reason):
                    guard retries < configuration.maxRetries else {
                        throw ArxivClientError.transport(url: url, reason: reason)
                    }
                }
                delay = configuration.backoff(beforeRetry: retries)
                log?.notice("GET failed (\(failure)); retrying in \(delay.timeInterval) s", metadata: ["url": "\(url)"])
            }
            await gate.holdOff(for: delay)
            retries += 1
        }
    }

    /// ``send(_:)`` for callers that accept only success: any other final status is an error.
    func get(_ url: URL) async throws -> Data {
        let reply = try await send(url)
        guard (200..<300).contains(reply.status) else {
            throw ArxivClientError.httpStatus(url: url, status: reply.status, retries: 0)
        }
        return reply.body
    }

    /// 503 (busy, arXiv's flow control), 429 (too many requests) and other server errors.
    static func isRetryable(_ status: Int) -> Bool {
        status == 429 || (500...599).contains(status)
    }
}
